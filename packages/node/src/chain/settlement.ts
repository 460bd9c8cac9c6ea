/**
 * What GET /v1/receipts/:requestId adds in chain mode: where the receipt is settled. The epoch's Merkle tree is
 * rebuilt from the stored leaves when first asked for and kept for the few epochs asked about most recently.
 */
import { type Hex, type MerkleTree, type Settlement, merkleTree } from '@verity/protocol';
import type { NodeDb } from '../db.js';

export type { Settlement };

const cachedTrees = 8;

export class SettlementView {
  private readonly trees = new Map<number, MerkleTree>();

  constructor(private readonly db: NodeDb) {}

  /** The receipt's settlement, or null when it was signed without a chain (or is unknown). */
  of(requestId: Hex): Settlement | null {
    const placement = this.db.receiptPlacement(requestId);
    if (!placement) return null;
    const epoch = this.db.epoch(placement.epoch);
    if (!epoch) return null;
    const settlement: Settlement = { epoch: epoch.epoch, leafIndex: placement.leafIndex, status: epoch.status };
    if (epoch.status === 'open' || epoch.root === null) return settlement;
    const tree = this.tree(epoch.epoch, epoch.root);
    settlement.root = epoch.root;
    settlement.proof = tree.proof(placement.leafIndex);
    if (epoch.txHash) settlement.txHash = epoch.txHash;
    return settlement;
  }

  private tree(epoch: number, root: Hex): MerkleTree {
    let tree = this.trees.get(epoch);
    // A renumbered epoch can leave a stale entry under a number now used by another epoch: the root tells.
    if (!tree || tree.root !== root) {
      tree = merkleTree(this.db.epochLeaves(epoch));
      if (tree.root !== root)
        throw new Error(`epoch ${epoch}: the stored leaves hash to ${tree.root}, not to the stored root ${root}`);
    }
    this.trees.delete(epoch);
    this.trees.set(epoch, tree);
    if (this.trees.size > cachedTrees) this.trees.delete(this.trees.keys().next().value as number);
    return tree;
  }
}
