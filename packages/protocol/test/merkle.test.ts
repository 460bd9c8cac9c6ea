import { type Hex as ViemHex, concat, encodeAbiParameters, keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  type Hex,
  addressOf,
  merkleProof,
  merkleRoot,
  merkleTree,
  receiptDigest,
  receiptDomain,
  receiptLeaf,
  toHex,
  verifyMerkleProof,
} from '../src/index.js';

/** 32 bytes, each equal to i. */
const digest = (i: number): Hex => `0x${i.toString(16).padStart(2, '0').repeat(32)}`;

// Reference implementations written with viem, independent of merkle.ts.
const viemLeaf = (d: ViemHex): ViemHex => keccak256(concat([keccak256(encodeAbiParameters([{ type: 'bytes32' }], [d]))]));
const viemPair = (a: ViemHex, b: ViemHex): ViemHex =>
  BigInt(a) < BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
function viemRoot(leaves: ViemHex[]): ViemHex {
  let level = leaves;
  while (level.length > 1) {
    const next: ViemHex[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? viemPair(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

describe('Merkle trees over receipts', () => {
  const leaves = [1, 2, 3, 4, 5].map((i) => receiptLeaf(digest(i)));

  it('pins the leaf, root and proof vectors', () => {
    expect(receiptLeaf(digest(0))).toBe('0x510e4e770828ddbf7f7b00ab00a9f6adaf81c0dc9cc85f1f8249c256942d61d9');
    expect(leaves).toEqual([
      '0xce895d90d3a0ed5312ae8dcfff377010c4aa1b7e9f1fa69836a3802d014c313e',
      '0x451a3cefa96295e2c5ad4c500638abfee673c5538f55943b56f6959b4d69687f',
      '0x5e83a8d8b7aad779cc33bc6268dda1d3e2f1d2a33835f2f9c7283726729588de',
      '0xab2d50f09b2cda9b97030b838937fefc0a7a0bebb429b3107e22a752c0390682',
      '0x949c3be2ec4f3b1e4b900cd975d8336b8bd90d441d2df470c787ee78bd156c9e',
    ]);
    expect(merkleRoot(leaves.slice(0, 2))).toBe('0xc47aba36d45add76b43fb8cfe13e4a9ee53d408aadcf3351d97f1a0d95166d36');
    expect(merkleRoot(leaves.slice(0, 3))).toBe('0xf77d538f6b32f657ef12d915dabb1fd678e5ed52ec05b5749f55eabfe958c16b');
    expect(merkleRoot(leaves)).toBe('0x860a0459d79032d92ef51856c140ad0a716c4c0620850f99fb2f588a60076547');
    // The odd last leaf is carried up: its only sibling is the root of the first four.
    expect(merkleProof(leaves, 4)).toEqual(['0x4469f373d51a67932bfae0fbb07d0e7214525854e88be31e6ec1f5f68017a254']);
    expect(merkleRoot(leaves.slice(0, 4))).toBe('0x4469f373d51a67932bfae0fbb07d0e7214525854e88be31e6ec1f5f68017a254');
  });

  it('hashes leaves as viem does (keccak256 of keccak256 of abi.encode(bytes32))', () => {
    for (const i of [0, 1, 7, 255]) expect(receiptLeaf(digest(i))).toBe(viemLeaf(digest(i)));
    const d = receiptDigest(receiptDomain(31337, '0x5FbDB2315678afecb367f032d93F642f64180aa3'), {
      requestId: digest(1),
      modelId: digest(2),
      inputHash: digest(3),
      outputHash: digest(4),
      executor: addressOf('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'),
      fee: '1',
      timestamp: 1_790_000_000,
      policy: 'none',
      engine: 'onnxruntime-node/1.30.0/cpu-fp32',
    });
    // Raw bytes and hex give the same leaf.
    expect(receiptLeaf(d)).toBe(viemLeaf(toHex(d)));
  });

  it('handles one leaf: the root is the leaf and the proof is empty', () => {
    const tree = merkleTree([leaves[0]!]);
    expect(tree.root).toBe(leaves[0]);
    expect(tree.proof(0)).toEqual([]);
    expect(verifyMerkleProof(leaves[0]!, [], tree.root)).toBe(true);
    expect(verifyMerkleProof(leaves[1]!, [], tree.root)).toBe(false);
  });

  it('matches the viem reference root and proves every leaf, for sizes 1 to 33', () => {
    const all = Array.from({ length: 33 }, (_, i) => viemLeaf(digest(i)));
    for (let n = 1; n <= all.length; n++) {
      const set = all.slice(0, n);
      const tree = merkleTree(set);
      expect(tree.root).toBe(viemRoot(set));
      expect(merkleRoot(set)).toBe(tree.root);
      for (let i = 0; i < n; i++) {
        const proof = tree.proof(i);
        expect(proof).toEqual(merkleProof(set, i));
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(verifyMerkleProof(set[i]!, proof, tree.root)).toBe(true);
      }
    }
  });

  it('rejects forged proofs, other leaves, other roots and malformed input without throwing', () => {
    const tree = merkleTree(leaves);
    const proof = tree.proof(2);
    expect(verifyMerkleProof(leaves[2]!, proof, tree.root)).toBe(true);
    expect(verifyMerkleProof(leaves[3]!, proof, tree.root)).toBe(false);
    expect(verifyMerkleProof(leaves[2]!, proof.slice(1), tree.root)).toBe(false);
    expect(verifyMerkleProof(leaves[2]!, [...proof, leaves[0]!], tree.root)).toBe(false);
    expect(verifyMerkleProof(leaves[2]!, [digest(9), ...proof.slice(1)], tree.root)).toBe(false);
    expect(verifyMerkleProof(leaves[2]!, proof, merkleRoot(leaves.slice(0, 4)))).toBe(false);
    // An inner node is not a leaf: the raw digest (not double hashed) does not verify.
    expect(verifyMerkleProof(digest(3), proof, tree.root)).toBe(false);
    expect(verifyMerkleProof('0x1234', proof, tree.root)).toBe(false);
    expect(verifyMerkleProof(leaves[2]!, ['0xzz' as Hex], tree.root)).toBe(false);
  });

  it('refuses an empty tree, a bad index and a leaf that is not 32 bytes', () => {
    expect(() => merkleRoot([])).toThrow(RangeError);
    expect(() => merkleProof(leaves, 5)).toThrow(RangeError);
    expect(() => merkleProof(leaves, -1)).toThrow(RangeError);
    expect(() => merkleProof(leaves, 1.5)).toThrow(RangeError);
    expect(() => merkleRoot(['0x12'])).toThrow(TypeError);
    expect(() => receiptLeaf(new Uint8Array(31))).toThrow(TypeError);
  });

  it('builds a tree of 1,000 receipts quickly', () => {
    const many = Array.from({ length: 1000 }, (_, i) => receiptLeaf(`0x${i.toString(16).padStart(64, '0')}`));
    const started = performance.now();
    const tree = merkleTree(many);
    for (let i = 0; i < many.length; i++) tree.proof(i);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(verifyMerkleProof(many[999]!, tree.proof(999), tree.root)).toBe(true);
  });
});
