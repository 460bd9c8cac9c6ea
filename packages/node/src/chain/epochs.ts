/**
 * The epochs of a node's receipts (chain mode). Every receipt gets the open epoch's number, the next leaf index
 * and its Merkle leaf, recorded in SQLite in the same transaction as the receipt. An epoch closes when it holds
 * `maxReceipts` receipts or its first receipt is `maxAgeMs` old: its root over the leaves in leaf-index order is
 * stored, and `onClosed` tells the poster. An epoch exists only from its first receipt, so none is ever empty.
 * After a restart the open epoch is resumed and any epoch sealed but not yet closed is closed.
 */
import { type Hex, type SignedReceipt, merkleTree, receiptDigest, receiptLeaf } from '@verity/protocol';
import type { EpochRow, NodeDb, ReceiptRow } from '../db.js';
import type { ReceiptRecorder } from '../executor.js';
import { describeError, logEvent } from '../log.js';

export interface EpochBookOptions {
  chainId: number;
  /** The ReceiptRegistry the receipts are signed for and the roots are posted to. */
  registry: Hex;
  maxReceipts: number;
  maxAgeMs: number;
  /** Called after an epoch closed (its root is stored). */
  onClosed?: (epoch: EpochRow) => void;
}

interface OpenEpoch {
  epoch: number;
  count: number;
  openedAtMs: number;
  timer?: NodeJS.Timeout;
}

export class EpochBook implements ReceiptRecorder {
  private open: OpenEpoch | undefined;
  private nextEpoch: number;
  private stopped = false;

  constructor(
    private readonly db: NodeDb,
    private readonly options: EpochBookOptions,
  ) {
    // Numbers are never reused, whatever registry an earlier epoch belonged to.
    this.nextEpoch = db.maxEpoch() + 1;
  }

  get openEpoch(): number | null {
    return this.open?.epoch ?? null;
  }

  /** Resumes the newest open epoch of this registry and closes those that are due (or were sealed before a crash). */
  resume(now = Date.now()): void {
    const open = this.db.epochs(this.options.registry, this.options.chainId, 'open');
    const newest = open.pop();
    for (const sealed of open) this.close(sealed.epoch);
    if (!newest) return;
    if (newest.count >= this.options.maxReceipts || now - newest.openedAtMs >= this.options.maxAgeMs) {
      this.close(newest.epoch);
      return;
    }
    this.open = { epoch: newest.epoch, count: newest.count, openedAtMs: newest.openedAtMs };
    this.scheduleAgeClose(this.open, now);
    logEvent('epoch-resumed', { epoch: newest.epoch, count: newest.count });
  }

  /** Records a signed receipt in the open epoch (opening one when none is); false when the requestId exists. */
  record(row: ReceiptRow, receipt: SignedReceipt): boolean {
    if (this.stopped) throw new Error('the epoch book is stopped');
    const leaf = receiptLeaf(receiptDigest(receipt.typedData.domain, receipt.typedData.message));
    const now = Date.now();
    const current = this.open;
    const epoch = current?.epoch ?? this.nextEpoch;
    const leafIndex = current?.count ?? 0;
    const opening = current ? undefined : { chainId: this.options.chainId, registry: this.options.registry, openedAtMs: now };
    if (!this.db.insertReceiptInEpoch(row, { epoch, leafIndex, leaf, ...(opening ? { opening } : {}) })) return false;
    let open = current;
    if (!open) {
      this.nextEpoch = epoch + 1;
      open = { epoch, count: 0, openedAtMs: now };
      this.open = open;
      this.scheduleAgeClose(open, now);
    }
    open.count += 1;
    if (open.count >= this.options.maxReceipts) {
      this.seal();
    }
    return true;
  }

  /** A fresh epoch number (for an epoch the poster must move off a number the chain already holds). */
  allocate(): number {
    const epoch = this.nextEpoch;
    this.nextEpoch += 1;
    return epoch;
  }

  /** Closes the open epoch now, if it has receipts (on shutdown, so its root can be posted at once). */
  closeOpen(): void {
    const open = this.takeOpen();
    if (open) this.close(open.epoch);
  }

  stop(): void {
    this.stopped = true;
    const open = this.open;
    if (open?.timer) clearTimeout(open.timer);
  }

  /** Stops the open epoch from taking receipts at once; its root is computed off the request's path. */
  private seal(): void {
    const open = this.takeOpen();
    if (open) setImmediate(() => this.close(open.epoch));
  }

  private takeOpen(): OpenEpoch | undefined {
    const open = this.open;
    this.open = undefined;
    if (open?.timer) clearTimeout(open.timer);
    return open;
  }

  private scheduleAgeClose(open: OpenEpoch, now: number): void {
    const delay = Math.max(0, open.openedAtMs + this.options.maxAgeMs - now);
    open.timer = setTimeout(() => {
      if (this.open === open) this.seal();
    }, delay);
    open.timer.unref();
  }

  /** open → closed: the root over the epoch's leaves in leaf-index order. Never throws (a failure is logged). */
  private close(epoch: number): void {
    if (this.stopped) return; // the row stays open; the next start closes it
    try {
      const leaves = this.db.epochLeaves(epoch);
      if (leaves.length === 0) {
        logEvent('epoch-empty', { epoch });
        return;
      }
      const { root } = merkleTree(leaves);
      if (!this.db.closeEpoch(epoch, root, leaves.length, Date.now())) return;
      logEvent('epoch-closed', { epoch, count: leaves.length, root });
      const row = this.db.epoch(epoch);
      if (row) this.options.onClosed?.(row);
    } catch (error) {
      logEvent('epoch-close-failed', { epoch, reason: describeError(error) });
    }
  }
}
