/**
 * FeeSplitter charges: what the distributor posts as a charge root, one (requestId, modelId, executor, amount) per
 * paid answer. A charge's digest is computed here exactly as FeeSplitter.chargeDigest computes it, and a charge
 * tree is protocol's receipt Merkle tree built over charge digests (same double-hashed leaf, same sorted pairs).
 */
import { type MerkleTree, merkleTree, receiptLeaf } from '@verity/protocol';
import { type Address, type Hex, encodeAbiParameters, keccak256, toHex } from 'viem';

/** FeeSplitter.Charge: `amount` of `executor`'s fee for answering `requestId` with `modelId`. */
export interface FeeCharge {
  requestId: Hex;
  modelId: Hex;
  /** The node that signed the request's receipt. */
  executor: Address;
  /** Token units; at most the receipt's fee and 2^128 - 1. */
  amount: bigint;
}

/** FeeSplitter.CHARGE_TYPEHASH. */
export const chargeTypeHash: Hex = keccak256(toHex('Charge(bytes32 requestId,bytes32 modelId,address executor,uint128 amount)'));

const chargeParameters = [
  { type: 'bytes32' },
  { type: 'bytes32' },
  { type: 'bytes32' },
  { type: 'address' },
  { type: 'uint128' },
] as const;

/** FeeSplitter.chargeDigest: keccak256(abi.encode(CHARGE_TYPEHASH, requestId, modelId, executor, amount)). */
export function chargeDigest(charge: FeeCharge): Hex {
  return keccak256(
    encodeAbiParameters(chargeParameters, [chargeTypeHash, charge.requestId, charge.modelId, charge.executor, charge.amount]),
  );
}

/** A charge's Merkle leaf (FeeSplitter.chargeLeaf of its digest): protocol's leaf of a digest, as for receipts. */
export function chargeLeaf(charge: FeeCharge): Hex {
  return receiptLeaf(chargeDigest(charge));
}

/**
 * The Merkle tree of charges, in the order given, whose root FeeSplitter.postCharges takes; `tree.proof(i)` is the
 * `chargeProof` of charge i. Throws on an empty list.
 */
export function buildChargeTree(charges: readonly FeeCharge[]): MerkleTree {
  return merkleTree(charges.map(chargeLeaf));
}
