/**
 * Merkle trees over receipt digests, as settled on chain by ReceiptRegistry (one root per operator and epoch).
 *
 * Compatible with OpenZeppelin's MerkleProof: an inner node is keccak256 of its two children sorted as unsigned
 * 256-bit numbers (commutative), so a proof is just the list of siblings, with no left/right flags.
 * A leaf is keccak256(keccak256(abi.encode(bytes32 receiptDigest))), the double hash of OpenZeppelin's
 * StandardMerkleTree: a leaf is never 64 bytes long before hashing, so no inner node can pass for a leaf
 * (second-preimage attack).
 *
 * Layout: leaves stay in the order given (the epoch's order, so a receipt's index is its place in the epoch);
 * at each level, pairs (0,1), (2,3), ... are hashed, and an odd last node is carried up unchanged (it has no
 * sibling at that level, so its proof skips it). One leaf: the root is the leaf, the proof is empty.
 * Pure: no I/O, no Buffer.
 */
import { keccak256 } from './hashes.js';
import type { Hex } from './hex.js';

/** 32 bytes, as 0x-prefixed hex or raw bytes. */
export type Bytes32Like = Hex | Uint8Array;

export interface MerkleTree {
  /** The root, which ReceiptRegistry.postRoot stores. */
  readonly root: Hex;
  /** The leaves, in the order given. */
  readonly leaves: readonly Hex[];
  /** The sibling path of leaf `index`, bottom up, as MerkleProof.verify takes it. */
  proof(index: number): Hex[];
}

const hexDigits = '0123456789abcdef';

function hex32(bytes: Uint8Array): Hex {
  let out = '0x';
  for (const byte of bytes) out += (hexDigits[byte >> 4] as string) + (hexDigits[byte & 0xf] as string);
  return out as Hex;
}

function bytes32(value: Bytes32Like, what: string): Uint8Array {
  if (value instanceof Uint8Array) {
    if (value.length !== 32) throw new TypeError(`${what}: expected 32 bytes, got ${value.length}`);
    return value;
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new TypeError(`${what}: expected 0x and 64 hex digits`);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(value.slice(2 + 2 * i, 4 + 2 * i), 16);
  return out;
}

/** a < b as unsigned big-endian numbers (what Solidity's `bytes32 < bytes32` compares). */
function lessThan(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}

/** OpenZeppelin's Hashes.commutativeKeccak256. */
function hashPair(a: Uint8Array, b: Uint8Array): Uint8Array {
  const buffer = new Uint8Array(64);
  if (lessThan(a, b)) {
    buffer.set(a, 0);
    buffer.set(b, 32);
  } else {
    buffer.set(b, 0);
    buffer.set(a, 32);
  }
  return keccak256(buffer);
}

/** The leaf of a receipt: keccak256(bytes.concat(keccak256(abi.encode(digest)))). abi.encode of a bytes32 is itself. */
export function receiptLeaf(digest: Bytes32Like): Hex {
  return hex32(keccak256(keccak256(bytes32(digest, 'receipt digest'))));
}

function buildLevels(leaves: readonly Bytes32Like[]): Uint8Array[][] {
  if (leaves.length === 0) throw new RangeError('a Merkle tree needs at least one leaf');
  const levels: Uint8Array[][] = [leaves.map((leaf, i) => bytes32(leaf, `leaf ${i}`))];
  let level = levels[0] as Uint8Array[];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(hashPair(level[i] as Uint8Array, level[i + 1] as Uint8Array));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Uint8Array);
    levels.push(next);
    level = next;
  }
  return levels;
}

function proofFromLevels(levels: Uint8Array[][], index: number): Hex[] {
  const count = (levels[0] as Uint8Array[]).length;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`leaf index ${index} out of range (tree of ${count} leaves)`);
  }
  const proof: Hex[] = [];
  let position = index;
  for (let depth = 0; depth < levels.length - 1; depth++) {
    const level = levels[depth] as Uint8Array[];
    const sibling = position ^ 1;
    if (sibling < level.length) proof.push(hex32(level[sibling] as Uint8Array));
    position >>= 1;
  }
  return proof;
}

/** Builds the whole tree once: O(n) hashes, then each proof in O(log n). Use it to prove a whole epoch. */
export function merkleTree(leaves: readonly Bytes32Like[]): MerkleTree {
  const levels = buildLevels(leaves);
  const top = levels[levels.length - 1] as Uint8Array[];
  return {
    root: hex32(top[0] as Uint8Array),
    leaves: (levels[0] as Uint8Array[]).map(hex32),
    proof: (index) => proofFromLevels(levels, index),
  };
}

export function merkleRoot(leaves: readonly Bytes32Like[]): Hex {
  return merkleTree(leaves).root;
}

export function merkleProof(leaves: readonly Bytes32Like[], index: number): Hex[] {
  return proofFromLevels(buildLevels(leaves), index);
}

/** OpenZeppelin's MerkleProof.verify; false (never a throw) for malformed input. */
export function verifyMerkleProof(leaf: Bytes32Like, proof: readonly Bytes32Like[], root: Bytes32Like): boolean {
  try {
    let node = bytes32(leaf, 'leaf');
    for (const [i, sibling] of proof.entries()) node = hashPair(node, bytes32(sibling, `proof ${i}`));
    const expected = bytes32(root, 'root');
    for (let i = 0; i < 32; i++) if (node[i] !== expected[i]) return false;
    return true;
  } catch {
    return false;
  }
}
