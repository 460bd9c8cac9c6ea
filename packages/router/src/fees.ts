/**
 * The fee split, router side. With a FeeSplitter as the channels' receiver, settled payments land in that contract,
 * and the router only tells it who earned them: every committed charge is recorded here as one allocation per
 * agreeing executor (executor, model, amount). On a schedule the router sends the oldest undistributed allocations
 * whose sum the contract has received and not yet allocated (FIFO, so what was settled is what gets split), and
 * the contract credits the executor, the model's publisher (its royalty), the verifier pool and the treasury by
 * the rules stored on chain. Payees withdraw from the contract themselves.
 *
 * Trust: the router cannot take the funds (they never pass through it) nor credit an address that is not a
 * registered node or a model that is not registered; it could still allocate to the wrong registered executor,
 * which the charge roots of docs/payments.md would close. A crash between a charge's commit and its allocation
 * here leaves that amount undistributed in the contract (visible as `undistributed()`), never lost.
 */
import { join } from 'node:path';
import { type WriteClient, distributeFees, getUndistributedFees } from '@verity/chain';
import type { Hex } from '@verity/protocol';
import Database from 'better-sqlite3';
import type { Address } from 'viem';

export interface Allocation {
  executor: Address;
  modelId: Hex;
  amount: bigint;
}

export class FeeLedger {
  private readonly db: Database.Database;

  constructor(dataDir?: string) {
    this.db = new Database(dataDir ? join(dataDir, 'fees.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS allocations (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      executor TEXT NOT NULL,
      model_id TEXT NOT NULL,
      amount TEXT NOT NULL,
      distributed_in TEXT
    )`);
  }

  record(allocations: readonly Allocation[]): void {
    const insert = this.db.prepare('INSERT INTO allocations (executor, model_id, amount) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const a of allocations) insert.run(a.executor.toLowerCase(), a.modelId.toLowerCase(), String(a.amount));
    })();
  }

  /** The oldest undistributed allocations whose sum stays within `available`. */
  pending(available: bigint, limit = 500): { seqs: number[]; allocations: Allocation[] } {
    const rows = this.db
      .prepare(
        'SELECT seq, executor, model_id AS modelId, amount FROM allocations WHERE distributed_in IS NULL ORDER BY seq LIMIT ?',
      )
      .all(limit) as { seq: number; executor: Address; modelId: Hex; amount: string }[];
    const seqs: number[] = [];
    const allocations: Allocation[] = [];
    let sum = 0n;
    for (const row of rows) {
      const amount = BigInt(row.amount);
      if (sum + amount > available) break;
      sum += amount;
      seqs.push(row.seq);
      allocations.push({ executor: row.executor, modelId: row.modelId, amount });
    }
    return { seqs, allocations };
  }

  markDistributed(seqs: readonly number[], transaction: Hex): void {
    const update = this.db.prepare('UPDATE allocations SET distributed_in = ? WHERE seq = ?');
    this.db.transaction(() => {
      for (const seq of seqs) update.run(transaction, seq);
    })();
  }

  undistributedCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM allocations WHERE distributed_in IS NULL').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}

/** Sums allocations by (executor, model): one row each in the contract call. */
export function aggregate(allocations: readonly Allocation[]): Allocation[] {
  const byKey = new Map<string, Allocation>();
  for (const a of allocations) {
    const key = `${a.executor.toLowerCase()}:${a.modelId.toLowerCase()}`;
    const known = byKey.get(key);
    if (known) known.amount += a.amount;
    else byKey.set(key, { ...a });
  }
  return [...byKey.values()];
}

/** Sends what the splitter has received to the oldest allocations; returns the transaction, or null if nothing was due. */
export async function distributePending(wallet: WriteClient, splitter: Address, ledger: FeeLedger): Promise<Hex | null> {
  const available = await getUndistributedFees(wallet, splitter);
  if (available === 0n) return null;
  const { seqs, allocations } = ledger.pending(available);
  if (seqs.length === 0) return null;
  const { hash } = await distributeFees(wallet, splitter, { allocations: aggregate(allocations) });
  ledger.markDistributed(seqs, hash);
  return hash;
}
