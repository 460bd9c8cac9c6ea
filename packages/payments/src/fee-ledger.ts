/**
 * The fee split, router side. Channels pay into the FeeSplitter; the router tells the contract what it charged,
 * and the contract pays only for answers proven on chain:
 *
 * 1. Every committed charge is recorded here: one row per agreeing executor's receipt (requestId, executor,
 *    model, amount = the fee that receipt signs, at most the quote).
 * 2. Each round, the oldest unposted charges whose sum the contract has received and not reserved yet become a
 *    charge root (a Merkle tree over their digests, chain's buildChargeTree), posted with `postCharges`.
 * 3. Then, for each posted charge not paid yet, the router fetches the executor's receipt and its settlement from
 *    the executor's node; once the receipt's epoch root is on chain, it sends `claimCharges` with both proofs, and
 *    the contract splits the amount (executor, model publisher's royalty, verifier pool, treasury). Anyone may
 *    send those claims (an executor does it with `verity node claim`); the router does it as a service.
 *
 * Trust: the router cannot take the funds (they never pass through it), nor pay an executor for a request it did
 * not answer (the contract checks the executor's settled receipt), nor pay more than the receipt's fee, nor pay an
 * answer twice. It could omit a charge from its roots: executors hold their receipts and see the omission.
 *
 * Crash rules: a charge committed but not recorded here (a crash in between) stays undistributed in the contract,
 * never lost. A root built here is posted before its charges count as posted; a root whose posting transaction
 * landed without being recorded is found again on chain by its root hash (`ChargesPosted`), never posted twice.
 */
import { join } from 'node:path';
import {
  type ChargeClaim,
  type FeeCharge,
  type ReadClient,
  type WriteClient,
  buildChargeTree,
  claimCharges,
  findChargeRoot,
  getUndistributedFees,
  isChargePaid,
  postCharges,
} from '@verity/chain';
import type { Hex, SignedReceipt } from '@verity/protocol';
import Database from 'better-sqlite3';
import type { Address } from 'viem';

export type Allocation = FeeCharge;

/** A charge as the ledger lists it, with where it was posted. */
export interface LedgerCharge extends FeeCharge {
  seq: number;
  /** The charge root's id on chain, once posted. */
  rootId: bigint | null;
  /** The charge's proof under its root, once posted. */
  proof: Hex[];
  /** The claimCharges transaction that paid it, once paid. */
  paidIn: Hex | null;
}

/** An executor's receipt for a request and where its epoch root is on chain, as its node tells it. */
export interface SettledReceipt {
  receipt: SignedReceipt;
  proof: Hex[];
  epoch: number;
}

/** Finds an executor's settled receipt for a request; undefined while it is not settled or cannot be reached. */
export type ReceiptSource = (executor: Address, requestId: Hex) => Promise<SettledReceipt | undefined>;

interface ChargeRow {
  seq: number;
  requestId: Hex;
  executor: Address;
  modelId: Hex;
  amount: string;
  paidIn: Hex | null;
  /** Present in queries that join the charge's root. */
  rootId?: string | null;
  proof?: string | null;
}

interface RootRow {
  seq: number;
  root: Hex;
  total: string;
  count: number;
  root_id: string | null;
}

/** Charges posted per root at most (a claim proof grows with log2 of it). */
const maxChargesPerRoot = 1_024;
/** Claims per claimCharges transaction at most. */
const maxClaimsPerTransaction = 50;

export class FeeLedger {
  private readonly db: Database.Database;

  constructor(dataDir?: string) {
    this.db = new Database(dataDir ? join(dataDir, 'fees.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS charge_roots (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        root TEXT NOT NULL,
        total TEXT NOT NULL,
        count INTEGER NOT NULL,
        root_id TEXT
      );
      CREATE TABLE IF NOT EXISTS charges (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id TEXT NOT NULL,
        executor TEXT NOT NULL,
        model_id TEXT NOT NULL,
        amount TEXT NOT NULL,
        root_seq INTEGER REFERENCES charge_roots(seq),
        proof TEXT,
        paid_in TEXT,
        UNIQUE (request_id, executor)
      );
      CREATE INDEX IF NOT EXISTS charges_by_executor ON charges (executor, seq);
    `);
  }

  /** Records committed charges; a (request, executor) pair already recorded is kept as it was. */
  record(charges: readonly FeeCharge[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO charges (request_id, executor, model_id, amount) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const c of charges)
        insert.run(c.requestId.toLowerCase(), c.executor.toLowerCase(), c.modelId.toLowerCase(), String(c.amount));
    })();
  }

  /** The root built but whose posting is not recorded (a crash, or a failed transaction), if any. */
  unpostedRoot(): { seq: number; root: Hex; total: bigint; count: number } | undefined {
    const row = this.db.prepare('SELECT * FROM charge_roots WHERE root_id IS NULL ORDER BY seq LIMIT 1').get() as
      | RootRow
      | undefined;
    return row && { seq: row.seq, root: row.root, total: BigInt(row.total), count: row.count };
  }

  /**
   * Builds a root over the oldest unposted charges whose sum stays within `available`, and assigns them to it;
   * undefined when none fits.
   */
  buildRoot(available: bigint): { seq: number; root: Hex; total: bigint; count: number } | undefined {
    return this.db
      .transaction(() => {
        const rows = this.db
          .prepare(`SELECT ${chargeColumns} FROM charges c WHERE c.root_seq IS NULL ORDER BY c.seq LIMIT ?`)
          .all(maxChargesPerRoot) as ChargeRow[];
        const chosen: ChargeRow[] = [];
        let total = 0n;
        for (const row of rows) {
          const amount = BigInt(row.amount);
          if (total + amount > available) break;
          total += amount;
          chosen.push(row);
        }
        if (chosen.length === 0) return undefined;
        const tree = buildChargeTree(chosen.map(toCharge));
        const { lastInsertRowid } = this.db
          .prepare('INSERT INTO charge_roots (root, total, count) VALUES (?, ?, ?)')
          .run(tree.root, String(total), chosen.length);
        const seq = Number(lastInsertRowid);
        // A leaf's proof never changes: computed once here, with the tree, and kept.
        const assign = this.db.prepare('UPDATE charges SET root_seq = ?, proof = ? WHERE seq = ?');
        for (const [index, row] of chosen.entries()) assign.run(seq, JSON.stringify(tree.proof(index)), row.seq);
        return { seq, root: tree.root, total, count: chosen.length };
      })
      .immediate();
  }

  markPosted(rootSeq: number, rootId: bigint): void {
    this.db.prepare('UPDATE charge_roots SET root_id = ? WHERE seq = ?').run(String(rootId), rootSeq);
  }

  markPaid(seqs: readonly number[], transaction: Hex): void {
    const update = this.db.prepare('UPDATE charges SET paid_in = ? WHERE seq = ?');
    this.db.transaction(() => {
      for (const seq of seqs) update.run(transaction, seq);
    })();
  }

  /** Posted charges not known to be paid, oldest first. */
  unpaid(limit = 500): LedgerCharge[] {
    const rows = this.db
      .prepare(
        `SELECT ${chargeColumns}, ${postedColumns} FROM charges c JOIN charge_roots r ON r.seq = c.root_seq
         WHERE r.root_id IS NOT NULL AND c.paid_in IS NULL ORDER BY c.seq LIMIT ?`,
      )
      .all(limit) as ChargeRow[];
    return rows.map(toLedgerCharge);
  }

  /** An executor's charges, newest first: what it was charged for, where it was posted, whether it is paid. */
  chargesOf(executor: Address, limit = 100): LedgerCharge[] {
    const rows = this.db
      .prepare(
        `SELECT ${chargeColumns}, ${postedColumns} FROM charges c LEFT JOIN charge_roots r ON r.seq = c.root_seq
         WHERE c.executor = ? ORDER BY c.seq DESC LIMIT ?`,
      )
      .all(executor.toLowerCase(), limit) as ChargeRow[];
    return rows.map(toLedgerCharge);
  }

  /** Charges not yet in a posted root. */
  unpostedCount(): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM charges c LEFT JOIN charge_roots r ON r.seq = c.root_seq WHERE r.root_id IS NULL')
        .get() as { n: number }
    ).n;
  }

  close(): void {
    this.db.close();
  }
}

/** A charge row's columns; `rootId` and `proof` only from queries that join its root (null before it is posted). */
const chargeColumns = 'c.seq, c.request_id AS requestId, c.executor, c.model_id AS modelId, c.amount, c.paid_in AS paidIn';
const postedColumns = 'r.root_id AS rootId, CASE WHEN r.root_id IS NULL THEN NULL ELSE c.proof END AS proof';

function toCharge(row: ChargeRow): FeeCharge {
  return { requestId: row.requestId, executor: row.executor, modelId: row.modelId, amount: BigInt(row.amount) };
}

function toLedgerCharge(row: ChargeRow): LedgerCharge {
  return {
    ...toCharge(row),
    seq: row.seq,
    rootId: row.rootId === null || row.rootId === undefined ? null : BigInt(row.rootId),
    proof: row.proof ? (JSON.parse(row.proof) as Hex[]) : [],
    paidIn: row.paidIn,
  };
}

/**
 * Posts what the splitter received as a charge root: first a root built earlier whose posting is not recorded,
 * then a new one over the oldest charges. Returns the root id posted, or null when nothing was due.
 */
export async function postPendingCharges(wallet: WriteClient, splitter: Address, ledger: FeeLedger): Promise<bigint | null> {
  const earlier = ledger.unpostedRoot();
  if (earlier) {
    const found = await findChargeRoot(wallet, splitter, { root: earlier.root });
    if (found !== null) {
      ledger.markPosted(earlier.seq, found);
      return found;
    }
  }
  const available = await getUndistributedFees(wallet, splitter);
  // A root built earlier goes first, as it is (its charges are assigned to it), once the funds for it are there.
  const root = earlier ?? ledger.buildRoot(available);
  if (!root || root.total > available) return null;
  const { rootId } = await postCharges(wallet, splitter, { root: root.root, total: root.total, count: root.count });
  ledger.markPosted(root.seq, rootId);
  return rootId;
}

/**
 * Claims posted charges whose receipts are settled, on the executors' behalf; returns how many were paid. A
 * charge someone else already claimed (the executor itself) is marked paid without a transaction. Without
 * `receipts`, it only marks what the executors claimed themselves.
 */
export async function claimSettledCharges(
  wallet: WriteClient,
  splitter: Address,
  ledger: FeeLedger,
  receipts: ReceiptSource | undefined,
): Promise<number> {
  const claims: { seq: number; claim: ChargeClaim }[] = [];
  const alreadyPaid: number[] = [];
  for (const charge of ledger.unpaid()) {
    if (claims.length >= maxClaimsPerTransaction) break;
    if (charge.rootId === null) continue;
    // Claiming: only a charge whose receipt is settled is worth asking the contract about.
    const settled = receipts && (await receipts(charge.executor, charge.requestId));
    if (receipts && !settled) continue;
    if (await isChargePaid(wallet as ReadClient, splitter, { requestId: charge.requestId, executor: charge.executor })) {
      alreadyPaid.push(charge.seq);
      continue;
    }
    if (!settled) continue;
    claims.push({
      seq: charge.seq,
      claim: {
        rootId: charge.rootId,
        charge,
        chargeProof: charge.proof,
        receipt: settled.receipt,
        proof: settled.proof,
        epoch: settled.epoch,
      },
    });
  }
  if (alreadyPaid.length > 0) ledger.markPaid(alreadyPaid, '0x' as Hex);
  if (claims.length === 0) return alreadyPaid.length;
  try {
    const { hash } = await claimCharges(wallet, splitter, { claims: claims.map((c) => c.claim) });
    ledger.markPaid(
      claims.map((c) => c.seq),
      hash,
    );
    return claims.length + alreadyPaid.length;
  } catch {
    // One claim the contract refuses (its executor left the registry, say) must not hold up the others: claim one
    // by one. A refused claim costs no gas (the estimate fails) and is tried again next round.
    let paid = alreadyPaid.length;
    for (const { seq, claim } of claims) {
      const sent = await claimCharges(wallet, splitter, { claims: [claim] }).catch(() => undefined);
      if (!sent) continue;
      ledger.markPaid([seq], sent.hash);
      paid++;
    }
    return paid;
  }
}
