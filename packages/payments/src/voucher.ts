/**
 * The hot path of a paid request: a Voucher's EIP-712 digest with the fast keccak of @verity/protocol and its
 * signer recovered with native secp256k1 (viem's hashTypedData + recoverAddress cost milliseconds; this costs tens
 * of microseconds). A test pins the digest to viem's hashTypedData and the signer to viem's recovery.
 */
import { batchSettlementAddress, batchSettlementDomain } from '@verity/chain';
import { type Hex as ProtocolHex, fromHex, keccak256, recoverDigestSigner, signDigest } from '@verity/protocol';
import { type Address, type Hex, hashDomain, keccak256 as viemKeccak, toBytes } from 'viem';

const voucherTypeHash = toBytes(viemKeccak(toBytes('Voucher(bytes32 channelId,uint128 maxClaimableAmount)')));
const separators = new Map<string, Uint8Array>();

function domainSeparatorOf(chainId: number, verifyingContract: Address): Uint8Array {
  const key = `${chainId}:${verifyingContract.toLowerCase()}`;
  let separator = separators.get(key);
  if (!separator) {
    const domain = batchSettlementDomain(chainId, verifyingContract);
    separator = toBytes(
      hashDomain({
        domain: { ...domain, chainId: BigInt(domain.chainId) },
        types: {
          EIP712Domain: [
            { name: 'name', type: 'string' },
            { name: 'version', type: 'string' },
            { name: 'chainId', type: 'uint256' },
            { name: 'verifyingContract', type: 'address' },
          ],
        },
      }),
    );
    separators.set(key, separator);
  }
  return separator;
}

const maxUint128 = (1n << 128n) - 1n;

/** The EIP-712 digest of Voucher(channelId, maxClaimableAmount) under the settlement's domain (= viem's hashTypedData). */
export function voucherDigest(
  chainId: number,
  channelId: Hex,
  maxClaimableAmount: bigint,
  verifyingContract: Address = batchSettlementAddress,
): Uint8Array {
  if (maxClaimableAmount < 0n || maxClaimableAmount > maxUint128) throw new RangeError('maxClaimableAmount is not a uint128');
  const struct = new Uint8Array(96);
  struct.set(voucherTypeHash, 0);
  struct.set(fromHex(channelId), 32);
  let value = maxClaimableAmount;
  for (let i = 95; i >= 80 && value > 0n; i--) {
    struct[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  const digest = new Uint8Array(66);
  digest[0] = 0x19;
  digest[1] = 0x01;
  digest.set(domainSeparatorOf(chainId, verifyingContract), 2);
  digest.set(keccak256(struct), 34);
  return keccak256(digest);
}

/** The address that signed a voucher (ECDSA), or null when the signature is malformed. */
export function recoverVoucherSigner(
  chainId: number,
  channelId: Hex,
  maxClaimableAmount: bigint,
  signature: Hex,
  verifyingContract: Address = batchSettlementAddress,
): Address | null {
  return recoverDigestSigner(voucherDigest(chainId, channelId, maxClaimableAmount, verifyingContract), signature as ProtocolHex);
}

/** Signs a voucher with a channel's payerAuthorizer key (an API key's, see gate.ts chargeWithKey). */
export function signVoucher(
  privateKey: Hex,
  chainId: number,
  channelId: Hex,
  maxClaimableAmount: bigint,
  verifyingContract: Address = batchSettlementAddress,
): Hex {
  return signDigest(privateKey as ProtocolHex, voucherDigest(chainId, channelId, maxClaimableAmount, verifyingContract)) as Hex;
}
