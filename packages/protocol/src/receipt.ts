/**
 * Receipts: the EIP-712 statement an executor signs about one request (Protocol v1).
 * The digest is computed here with a fast keccak and signed with native secp256k1; a test pins it to viem's
 * hashTypedData and verifyTypedData, so any standard EIP-712 tool checks these signatures.
 */
import secp256k1 from 'secp256k1';
import { z } from 'zod';
import { keccak256 } from './hashes.js';
import { type Hex, addressPattern, bytes32Pattern, fromHex, toHex } from './hex.js';

export const receiptTypes = {
  Receipt: [
    { name: 'requestId', type: 'bytes32' },
    { name: 'modelId', type: 'bytes32' },
    { name: 'inputHash', type: 'bytes32' },
    { name: 'outputHash', type: 'bytes32' },
    { name: 'executor', type: 'address' },
    { name: 'fee', type: 'uint256' },
    { name: 'timestamp', type: 'uint64' },
    { name: 'policy', type: 'string' },
    { name: 'engine', type: 'string' },
  ],
} as const;

const Bytes32 = z.string().regex(bytes32Pattern, 'expected 0x and 64 hex digits') as z.ZodType<Hex>;
const Address = z.string().regex(addressPattern, 'expected 0x and 40 hex digits') as z.ZodType<Hex>;

export const ReceiptMessageSchema = z.object({
  requestId: Bytes32,
  modelId: Bytes32,
  inputHash: Bytes32,
  outputHash: Bytes32,
  executor: Address,
  fee: z.string().regex(/^\d{1,78}$/, 'uint256 as a decimal string'),
  timestamp: z.number().int().nonnegative(),
  policy: z.string().max(64),
  engine: z.string().max(128),
});
export type ReceiptMessage = z.infer<typeof ReceiptMessageSchema>;

export const ReceiptDomainSchema = z.object({
  name: z.literal('Verity'),
  version: z.literal('1'),
  chainId: z.number().int().positive(),
  verifyingContract: Address.optional(),
});
export type ReceiptDomain = z.infer<typeof ReceiptDomainSchema>;

const TypeField = z.object({ name: z.string(), type: z.string() });

export const SignedReceiptSchema = z.object({
  typedData: z.object({
    domain: ReceiptDomainSchema,
    types: z.object({ Receipt: z.array(TypeField) }),
    primaryType: z.literal('Receipt'),
    message: ReceiptMessageSchema,
  }),
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, 'expected a 65-byte signature') as z.ZodType<Hex>,
});
export type SignedReceipt = z.infer<typeof SignedReceiptSchema>;

export const localChainId = 31337;

const utf8 = new TextEncoder();
const keccak = keccak256;

const receiptTypeString = `Receipt(${receiptTypes.Receipt.map((f) => `${f.type} ${f.name}`).join(',')})`;
const receiptTypeHash = keccak(utf8.encode(receiptTypeString));
const domainTypeHash = keccak(utf8.encode('EIP712Domain(string name,string version,uint256 chainId)'));
const domainWithContractTypeHash = keccak(
  utf8.encode('EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)'),
);

const maxUint256 = 2n ** 256n - 1n;

/** Writes a uint256 as a 32-byte big-endian word at offset; refuses values EIP-712 cannot encode. */
function writeWord(out: Uint8Array, offset: number, value: bigint): void {
  if (value < 0n || value > maxUint256) throw new TypeError('value out of uint256 range');
  out.fill(0, offset, offset + 32);
  let rest = value;
  for (let i = offset + 31; i >= offset && rest > 0n; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function word(value: bigint): Uint8Array {
  const out = new Uint8Array(32);
  writeWord(out, 0, value);
  return out;
}

/** Writes a timestamp (a safe integer, so below 2^53) as a 32-byte word without going through BigInt. */
function writeTimestampWord(out: Uint8Array, offset: number, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new TypeError('timestamp must be a non-negative safe integer');
  out.fill(0, offset, offset + 24);
  const view = new DataView(out.buffer, out.byteOffset + offset + 24, 8);
  view.setUint32(0, Math.floor(value / 0x1_0000_0000));
  view.setUint32(4, value >>> 0);
}

/** Writes 0x-prefixed hex of exactly `bytes` bytes at offset, checking it first (a silent short write would sign garbage). */
function writeHex(out: Buffer, offset: number, hex: string, pattern: RegExp, bytes: number): void {
  if (!pattern.test(hex)) throw new TypeError(`expected 0x and ${bytes * 2} hex digits, got ${hex.slice(0, 20)}`);
  const written = out.write(hex.slice(2), offset, bytes, 'hex');
  if (written !== bytes) throw new TypeError(`not hex: ${hex.slice(0, 20)}`);
}

function addressWord(address: Hex): Uint8Array {
  const out = Buffer.alloc(32);
  writeHex(out, 12, address, addressPattern, 20);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const domainSeparators = new Map<string, Uint8Array>();

export function domainSeparator(domain: ReceiptDomain): Uint8Array {
  const key = `${domain.chainId}:${domain.verifyingContract ?? ''}`;
  let separator = domainSeparators.get(key);
  if (!separator) {
    const parts = [
      domain.verifyingContract ? domainWithContractTypeHash : domainTypeHash,
      keccak(utf8.encode(domain.name)),
      keccak(utf8.encode(domain.version)),
      word(BigInt(domain.chainId)),
    ];
    if (domain.verifyingContract) parts.push(addressWord(domain.verifyingContract));
    separator = keccak(concat(parts));
    domainSeparators.set(key, separator);
  }
  return separator;
}

/**
 * keccak of a receipt's string fields (policy, engine): a node signs the same few values all day, so they are
 * remembered; the map is bounded so that a stream of distinct strings cannot grow it without end.
 */
const stringHashes = new Map<string, Uint8Array>();
const maxStringHashes = 256;

function stringHash(value: string): Uint8Array {
  let hash = stringHashes.get(value);
  if (!hash) {
    hash = keccak(utf8.encode(value));
    if (stringHashes.size >= maxStringHashes) stringHashes.clear();
    stringHashes.set(value, hash);
  }
  return hash;
}

// Reused for every digest: filled and hashed synchronously, so no two callers can see it at once.
const structBytes = Buffer.alloc(32 * 10);
structBytes.set(receiptTypeHash, 0);
const digestBytes = new Uint8Array(2 + 32 + 32);
digestBytes[0] = 0x19;
digestBytes[1] = 0x01;

export function receiptStructHash(message: ReceiptMessage): Uint8Array {
  const out = structBytes;
  writeHex(out, 32, message.requestId, bytes32Pattern, 32);
  writeHex(out, 64, message.modelId, bytes32Pattern, 32);
  writeHex(out, 96, message.inputHash, bytes32Pattern, 32);
  writeHex(out, 128, message.outputHash, bytes32Pattern, 32);
  out.fill(0, 160, 172);
  writeHex(out, 172, message.executor, addressPattern, 20);
  if (message.fee === '0') out.fill(0, 192, 224);
  else writeWord(out, 192, BigInt(message.fee));
  writeTimestampWord(out, 224, message.timestamp);
  out.set(stringHash(message.policy), 256);
  out.set(stringHash(message.engine), 288);
  return keccak(out);
}

/** The EIP-712 digest, equal to viem's hashTypedData of the same typed data. */
export function receiptDigest(domain: ReceiptDomain, message: ReceiptMessage): Uint8Array {
  const structHash = receiptStructHash(message);
  digestBytes.set(domainSeparator(domain), 2);
  digestBytes.set(structHash, 34);
  return keccak(digestBytes);
}

/** The Ethereum address of a secp256k1 private key. */
export function addressOf(privateKey: Hex): Hex {
  const publicKey = secp256k1.publicKeyCreate(fromHex(privateKey), false);
  return checksum(toHex(keccak(publicKey.subarray(1)).subarray(12)));
}

export function checksum(address: Hex): Hex {
  const lower = address.slice(2).toLowerCase();
  const hash = keccak(utf8.encode(lower));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = ((hash[i >> 1] as number) >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? (lower[i] as string).toUpperCase() : lower[i];
  }
  return out as Hex;
}

export function signDigest(privateKey: Hex, digest: Uint8Array): Hex {
  const { signature, recid } = secp256k1.ecdsaSign(digest, fromHex(privateKey));
  const out = new Uint8Array(65);
  out.set(signature, 0);
  out[64] = 27 + recid;
  return toHex(out);
}

/** Recovers the signer's address, or null when the signature is malformed or not on the curve. */
export function recoverDigestSigner(digest: Uint8Array, signature: Hex): Hex | null {
  try {
    const bytes = fromHex(signature);
    if (bytes.length !== 65) return null;
    const v = bytes[64] as number;
    const recid = v >= 27 ? v - 27 : v;
    if (recid !== 0 && recid !== 1) return null;
    const publicKey = secp256k1.ecdsaRecover(bytes.subarray(0, 64), recid, digest, false);
    return checksum(toHex(keccak(publicKey.subarray(1)).subarray(12)));
  } catch {
    return null;
  }
}

export function receiptDomain(chainId: number = localChainId, verifyingContract?: Hex): ReceiptDomain {
  return verifyingContract
    ? { name: 'Verity', version: '1', chainId, verifyingContract }
    : { name: 'Verity', version: '1', chainId };
}

/** Signs a receipt with the executor's key; the result carries its whole typed data. */
export function signReceipt(privateKey: Hex, message: ReceiptMessage, domain: ReceiptDomain = receiptDomain()): SignedReceipt {
  const signature = signDigest(privateKey, receiptDigest(domain, message));
  return {
    typedData: { domain, types: { Receipt: receiptTypes.Receipt.map((f) => ({ ...f })) }, primaryType: 'Receipt', message },
    signature,
  };
}

/** The receipt's signer, or null when the signature does not recover or the message cannot be EIP-712 encoded. */
export function recoverReceiptSigner(receipt: SignedReceipt): Hex | null {
  let digest: Uint8Array;
  try {
    digest = receiptDigest(receipt.typedData.domain, receipt.typedData.message);
  } catch {
    // A fee past uint256 or a timestamp past 2^53: no EIP-712 tool can encode it, so nothing was validly signed.
    return null;
  }
  return recoverDigestSigner(digest, receipt.signature);
}

export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
