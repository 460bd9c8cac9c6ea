/**
 * Chain mode's epochs (the `epochs` table) and each receipt's place in one (the receipts' epoch, leaf index and
 * leaf): a receipt recorded in its epoch with the epoch's count (the epoch created with its first receipt) in one
 * transaction, placements and leaves read back, and an epoch's life open → closed (root) → posted, or renumbered.
 */
import type Database from 'better-sqlite3';
import type { Hex } from '@verity/protocol';
import type { ReceiptRow, ReceiptStore } from './receipt-store.js';

export type EpochStatus = 'open' | 'closed' | 'posted';

/** An epoch of receipts settled under one ReceiptRegistry: open (taking receipts), closed (root known), posted. */
export interface EpochRow {
  epoch: number;
  chainId: number;
  /** The ReceiptRegistry (lowercase): the receipts' verifyingContract and where the root goes. */
  registry: Hex;
  status: EpochStatus;
  count: number;
  /** Unix milliseconds of the epoch's first receipt. */
  openedAtMs: number;
  root: Hex | null;
  closedAtMs: number | null;
  /** The transaction that posted the root, when known (a root found already on chain may have none). */
  txHash: Hex | null;
  postedAtMs: number | null;
}

/** Where a chain-mode receipt goes: its epoch (created with `opening` when it is the epoch's first), place and leaf. */
export interface EpochSlot {
  epoch: number;
  leafIndex: number;
  /** receiptLeaf(receiptDigest(domain, message)). */
  leaf: Hex;
  /** Set for the first receipt of an epoch: the row to create. */
  opening?: { chainId: number; registry: Hex; openedAtMs: number };
}

/** A receipt's place in its epoch. */
export interface ReceiptPlacement {
  epoch: number;
  leafIndex: number;
}

interface EpochRecord {
  epoch: number;
  chain_id: number;
  registry: Hex;
  status: EpochStatus;
  count: number;
  opened_at: number;
  root: Hex | null;
  closed_at: number | null;
  tx_hash: Hex | null;
  posted_at: number | null;
}

function epochFrom(record: EpochRecord): EpochRow {
  return {
    epoch: record.epoch,
    chainId: record.chain_id,
    registry: record.registry,
    status: record.status,
    count: record.count,
    openedAtMs: record.opened_at,
    root: record.root,
    closedAtMs: record.closed_at,
    txHash: record.tx_hash,
    postedAtMs: record.posted_at,
  };
}

const epochColumns = 'epoch, chain_id, registry, status, count, opened_at, root, closed_at, tx_hash, posted_at';

export class EpochStore {
  private readonly statements;
  private readonly insertInEpoch: (row: ReceiptRow, slot: EpochSlot) => boolean;

  constructor(
    private readonly db: Database.Database,
    receipts: ReceiptStore,
  ) {
    this.statements = {
      openEpoch: db.prepare<[number, number, string, number]>(
        "INSERT INTO epochs (epoch, chain_id, registry, status, count, opened_at) VALUES (?, ?, ?, 'open', 0, ?)",
      ),
      countIntoEpoch: db.prepare<[number]>("UPDATE epochs SET count = count + 1 WHERE epoch = ? AND status = 'open'"),
      placement: db.prepare<[string], { epoch: number; leaf_index: number }>(
        'SELECT epoch, leaf_index FROM receipts WHERE request_id = ? AND epoch IS NOT NULL',
      ),
      epoch: db.prepare<[number], EpochRecord>(`SELECT ${epochColumns} FROM epochs WHERE epoch = ?`),
      epochsByStatus: db.prepare<[string, number, string], EpochRecord>(
        `SELECT ${epochColumns} FROM epochs WHERE registry = ? AND chain_id = ? AND status = ? ORDER BY epoch`,
      ),
      countByStatus: db.prepare<[string, number, string], { n: number }>(
        'SELECT count(*) AS n FROM epochs WHERE registry = ? AND chain_id = ? AND status = ?',
      ),
      maxEpoch: db.prepare<[], { n: number | null }>('SELECT max(epoch) AS n FROM epochs'),
      epochLeaves: db.prepare<[number], { leaf: Hex }>('SELECT leaf FROM receipts WHERE epoch = ? ORDER BY leaf_index'),
      closeEpoch: db.prepare<[string, number, number, number]>(
        "UPDATE epochs SET status = 'closed', root = ?, count = ?, closed_at = ? WHERE epoch = ? AND status = 'open'",
      ),
      markPosted: db.prepare<[string | null, number, number]>(
        "UPDATE epochs SET status = 'posted', tx_hash = ?, posted_at = ? WHERE epoch = ? AND status = 'closed'",
      ),
      renumberEpoch: db.prepare<[number, number]>('UPDATE epochs SET epoch = ? WHERE epoch = ?'),
      renumberReceipts: db.prepare<[number, number]>('UPDATE receipts SET epoch = ? WHERE epoch = ?'),
    };
    const statements = this.statements;
    this.insertInEpoch = db.transaction((row: ReceiptRow, slot: EpochSlot): boolean => {
      if (!receipts.insert(row, slot)) return false;
      if (slot.opening)
        statements.openEpoch.run(slot.epoch, slot.opening.chainId, slot.opening.registry.toLowerCase(), slot.opening.openedAtMs);
      if (statements.countIntoEpoch.run(slot.epoch).changes !== 1) throw new Error(`epoch ${slot.epoch} is not open`);
      return true;
    });
  }

  /**
   * Records a chain-mode receipt in its epoch, creating the epoch with its first receipt, in one transaction;
   * false (and nothing written) when a receipt with this requestId already exists.
   */
  insertReceiptInEpoch(row: ReceiptRow, slot: EpochSlot): boolean {
    return this.insertInEpoch(row, slot);
  }

  /** The receipt's epoch and leaf index, or null for a receipt signed without a chain (or none at all). */
  receiptPlacement(requestId: Hex): ReceiptPlacement | null {
    const record = this.statements.placement.get(requestId);
    return record ? { epoch: record.epoch, leafIndex: record.leaf_index } : null;
  }

  epoch(epoch: number): EpochRow | null {
    const record = this.statements.epoch.get(epoch);
    return record ? epochFrom(record) : null;
  }

  /** This registry's epochs in one status, oldest first. */
  epochs(registry: Hex, chainId: number, status: EpochStatus): EpochRow[] {
    return this.statements.epochsByStatus.all(registry.toLowerCase(), chainId, status).map(epochFrom);
  }

  epochCount(registry: Hex, chainId: number, status: EpochStatus): number {
    return this.statements.countByStatus.get(registry.toLowerCase(), chainId, status)?.n ?? 0;
  }

  /** The highest epoch number used under any registry (numbers are never reused), or 0. */
  maxEpoch(): number {
    return this.statements.maxEpoch.get()?.n ?? 0;
  }

  /** The epoch's leaves in leaf-index order. */
  epochLeaves(epoch: number): Hex[] {
    return this.statements.epochLeaves.all(epoch).map((r) => r.leaf);
  }

  /** open → closed with its root; false when the epoch was not open. */
  closeEpoch(epoch: number, root: Hex, count: number, closedAtMs: number): boolean {
    return this.statements.closeEpoch.run(root, count, closedAtMs, epoch).changes === 1;
  }

  /** closed → posted; false when the epoch was not closed. */
  markEpochPosted(epoch: number, txHash: Hex | null, postedAtMs: number): boolean {
    return this.statements.markPosted.run(txHash, postedAtMs, epoch).changes === 1;
  }

  /** Moves an epoch and its receipts to another (unused) number, e.g. when the chain already holds a root under it. */
  renumberEpoch(from: number, to: number): void {
    this.db.transaction(() => {
      this.statements.renumberEpoch.run(to, from);
      this.statements.renumberReceipts.run(to, from);
    })();
  }
}
