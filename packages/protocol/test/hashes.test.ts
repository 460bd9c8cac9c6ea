/**
 * The hot-path hashes against reference implementations: keccak-256 and sha256 against @noble/hashes, and the
 * receipt digest against viem's hashTypedData over many messages (the digest reuses buffers and caches string
 * hashes, so it is checked on varied and repeated inputs, not one).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { hashTypedData } from 'viem';
import { describe, expect, it } from 'vitest';
import { keccak256, sha256Hex } from '../src/hashes.js';
import {
  type Hex,
  type ReceiptMessage,
  addressOf,
  decodeTensorMap,
  encodeCanonical,
  hashDecodedTensorMap,
  receiptDigest,
  receiptDomain,
  receiptTypes,
  recoverReceiptSigner,
  signReceipt,
  toHex,
  verifyReceipt,
} from '../src/index.js';

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const hex32 = (seed: number): Hex => toHex(bytes(32, seed));

describe('keccak256 and sha256', () => {
  it('match @noble/hashes across the block boundaries', () => {
    // keccak-256's rate is 136 bytes and sha256's block 64: lengths around both and their multiples.
    for (const length of [0, 1, 31, 32, 63, 64, 65, 66, 135, 136, 137, 271, 272, 273, 320, 1000, 4096]) {
      const data = bytes(length, length + 1);
      expect(toHex(keccak256(data))).toBe(toHex(keccak_256(data)));
      expect(sha256Hex(data)).toBe(toHex(sha256(data)));
    }
  });

  it('give the known vectors', () => {
    expect(toHex(keccak256(new Uint8Array()))).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('return a fresh array each time', () => {
    const first = keccak256(bytes(10, 1));
    const copy = new Uint8Array(first);
    keccak256(bytes(10, 2));
    expect(first).toEqual(copy);
  });

  it('hash tensor maps as sha256 of their canonical encoding', () => {
    const map = decodeTensorMap({
      x: { dtype: 'float32', shape: [2, 3], data: [1, -2, 3.5, 0, 1e-30, 7] },
      label: { dtype: 'int64', shape: [2], data: ['-5', '9007199254740993'] },
    });
    expect(hashDecodedTensorMap(map)).toBe(toHex(sha256(encodeCanonical(map))));
  });
});

describe('receipt digest', () => {
  const key: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
  const executor = addressOf(key);

  function message(i: number): ReceiptMessage {
    const fees = ['0', '1', '255', '256', '1000000000000000000000', (2n ** 256n - 1n).toString()];
    const policies = ['none', 'replicate:3', 'spot-check:0.05', '', 'ü'.repeat(64)];
    const engines = ['onnxruntime-node/1.30.0/cpu-fp32', 'x'.repeat(128), 'é/ü/漢字'];
    return {
      requestId: hex32(i * 4 + 1),
      modelId: hex32(i * 4 + 2),
      inputHash: hex32(i * 4 + 3),
      // Mixed case hex must give the same digest as lowercase.
      outputHash: (i % 2 === 0
        ? hex32(i * 4 + 4)
        : hex32(i * 4 + 4)
            .toUpperCase()
            .replace('0X', '0x')) as Hex,
      executor: i % 3 === 0 ? executor : (executor.toLowerCase() as Hex),
      fee: fees[i % fees.length] as string,
      timestamp: [0, 1, 1_790_000_000, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER][i % 6] as number,
      policy: policies[i % policies.length] as string,
      engine: engines[i % engines.length] as string,
    };
  }

  it("equals viem's hashTypedData over varied and repeated messages and domains", () => {
    const domains = [receiptDomain(), receiptDomain(1), receiptDomain(8453, '0x5FbDB2315678afecb367f032d93F642f64180aa3')];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 30; i++) {
        const domain = domains[i % domains.length]!;
        const m = message(i);
        const expected = hashTypedData({
          domain,
          types: receiptTypes,
          primaryType: 'Receipt',
          message: { ...m, fee: BigInt(m.fee), timestamp: BigInt(m.timestamp) },
        });
        expect(toHex(receiptDigest(domain, m))).toBe(expected);
      }
    }
  });

  it('refuses what EIP-712 cannot encode instead of signing a truncated value', () => {
    const m = message(0);
    expect(() => receiptDigest(receiptDomain(), { ...m, fee: (2n ** 256n).toString() })).toThrow(/uint256/);
    expect(() => receiptDigest(receiptDomain(), { ...m, timestamp: 2 ** 64 })).toThrow(/timestamp/);
    expect(() => receiptDigest(receiptDomain(), { ...m, requestId: '0x1234' })).toThrow(/64 hex digits/);
    expect(() => receiptDigest(receiptDomain(), { ...m, executor: `0x${'zz'.repeat(20)}` })).toThrow(/40 hex digits/);
  });

  it('reports a receipt whose fee overflows uint256 as unsigned rather than throwing', () => {
    const receipt = signReceipt(key, message(0));
    const forged = {
      ...receipt,
      typedData: { ...receipt.typedData, message: { ...receipt.typedData.message, fee: '9'.repeat(78) } },
    };
    expect(recoverReceiptSigner(forged)).toBeNull();
    const report = verifyReceipt(forged);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.check === 'signature')?.ok).toBe(false);
  });
});
