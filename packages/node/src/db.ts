/**
 * NodeDb: the facade over the node's own records in SQLite (<dataDir>/node.sqlite), which the rest of the node
 * uses: registered model versions (model-store.ts), every receipt it signed with the response it sent
 * (receipt-store.ts), and (in chain mode) the epochs its receipts are settled in, each receipt's place in its epoch
 * and Merkle leaf (epoch-store.ts), so none of it is lost across restarts. The connection, schema and migrations
 * are db-connection.ts's. All statements are prepared once.
 */
import type Database from 'better-sqlite3';
import type { Hex } from '@verity/protocol';
import { openNodeDatabase } from './db-connection.js';
import { type EpochRow, type EpochSlot, type EpochStatus, EpochStore, type ReceiptPlacement } from './epoch-store.js';
import { type ModelRow, ModelStore } from './model-store.js';
import { type ReceiptRow, ReceiptStore } from './receipt-store.js';

export type { EpochRow, EpochSlot, EpochStatus, ReceiptPlacement } from './epoch-store.js';
export type { ModelRow } from './model-store.js';
export type { ReceiptRow } from './receipt-store.js';

export class NodeDb {
  private readonly db: Database.Database;
  private readonly modelStore: ModelStore;
  private readonly receiptStore: ReceiptStore;
  private readonly epochStore: EpochStore;

  constructor(path: string) {
    this.db = openNodeDatabase(path);
    this.modelStore = new ModelStore(this.db);
    this.receiptStore = new ReceiptStore(this.db);
    this.epochStore = new EpochStore(this.db, this.receiptStore);
  }

  /** Every registered model version, oldest first. */
  models(): ModelRow[] {
    return this.modelStore.models();
  }

  model(name: string, version: string): ModelRow | null {
    return this.modelStore.model(name, version);
  }

  /**
   * Inserts a model version unless name@version exists; returns the row now stored under name@version,
   * which the caller compares with its own to tell an idempotent retry from a conflicting version.
   */
  insertModel(row: ModelRow): ModelRow {
    return this.modelStore.insertModel(row);
  }

  receipt(requestId: Hex): ReceiptRow | null {
    return this.receiptStore.receipt(requestId);
  }

  /** Records a receipt; false when one with this requestId already exists (the stored one wins). */
  insertReceipt(row: ReceiptRow): boolean {
    return this.receiptStore.insert(row, null);
  }

  /**
   * Records a chain-mode receipt in its epoch, creating the epoch with its first receipt, in one transaction;
   * false (and nothing written) when a receipt with this requestId already exists.
   */
  insertReceiptInEpoch(row: ReceiptRow, slot: EpochSlot): boolean {
    return this.epochStore.insertReceiptInEpoch(row, slot);
  }

  /** The receipt's epoch and leaf index, or null for a receipt signed without a chain (or none at all). */
  receiptPlacement(requestId: Hex): ReceiptPlacement | null {
    return this.epochStore.receiptPlacement(requestId);
  }

  epoch(epoch: number): EpochRow | null {
    return this.epochStore.epoch(epoch);
  }

  /** This registry's epochs in one status, oldest first. */
  epochs(registry: Hex, chainId: number, status: EpochStatus): EpochRow[] {
    return this.epochStore.epochs(registry, chainId, status);
  }

  epochCount(registry: Hex, chainId: number, status: EpochStatus): number {
    return this.epochStore.epochCount(registry, chainId, status);
  }

  /** The highest epoch number used under any registry (numbers are never reused), or 0. */
  maxEpoch(): number {
    return this.epochStore.maxEpoch();
  }

  /** The epoch's leaves in leaf-index order. */
  epochLeaves(epoch: number): Hex[] {
    return this.epochStore.epochLeaves(epoch);
  }

  /** open → closed with its root; false when the epoch was not open. */
  closeEpoch(epoch: number, root: Hex, count: number, closedAtMs: number): boolean {
    return this.epochStore.closeEpoch(epoch, root, count, closedAtMs);
  }

  /** closed → posted; false when the epoch was not closed. */
  markEpochPosted(epoch: number, txHash: Hex | null, postedAtMs: number): boolean {
    return this.epochStore.markEpochPosted(epoch, txHash, postedAtMs);
  }

  /** Moves an epoch and its receipts to another (unused) number, e.g. when the chain already holds a root under it. */
  renumberEpoch(from: number, to: number): void {
    this.epochStore.renumberEpoch(from, to);
  }

  receiptCount(): number {
    return this.receiptStore.receiptCount();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
