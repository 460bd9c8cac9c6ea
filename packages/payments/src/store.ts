/**
 * The resource server's payment records in SQLite (better-sqlite3): per channel its config, the charged total,
 * the claimed total, the latest voucher and a mirror of its on-chain state; and the pending charges of requests
 * being served. Everything that must survive a restart lives here; amounts are decimal strings (uint128 does not
 * fit an SQLite integer).
 *
 * Reservations run in `BEGIN IMMEDIATE` transactions, so gates in several processes sharing one file serialize on
 * it: a channel has at most one live pending charge, and a voucher is checked against the charged total that the
 * same transaction reads.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChannelConfig } from '@verity/chain';
import Database from 'better-sqlite3';
import type { Hex } from 'viem';

/** A channel's on-chain state as last read (see @verity/chain getChannel). */
export interface OnchainChannelState {
  balance: bigint;
  totalClaimed: bigint;
  /** Unix seconds of a pending initiateWithdraw, or 0. */
  withdrawInitiatedAt: number;
  refundNonce: bigint;
  /** Unix ms of the read. */
  syncedAt: number;
}

export interface ChannelRecord extends OnchainChannelState {
  channelId: Hex;
  config: ChannelConfig;
  /** What served requests have been charged in total (what claims may take). */
  charged: bigint;
  /** What this server has claimed on chain in total. */
  claimed: bigint;
  /** The latest committed voucher: its ceiling and signature (null before the first commit). */
  voucherMax: bigint | null;
  voucherSignature: Hex | null;
}

export interface PendingCharge {
  id: string;
  channelId: Hex;
  owner: string;
  amount: bigint;
  voucherMax: bigint;
  voucherSignature: Hex;
  createdAt: number;
  expiresAt: number;
}

export type ReserveOutcome =
  | { status: 'reserved'; channel: ChannelRecord; pending: PendingCharge }
  /** Another request on this channel is being served (its voucher would reuse the same base). */
  | { status: 'busy'; channel: ChannelRecord }
  /** The voucher's ceiling is below charged + price: the client's base is stale. */
  | { status: 'stale'; channel: ChannelRecord | undefined };

export interface ReserveInput {
  channelId: Hex;
  config: ChannelConfig;
  owner: string;
  id: string;
  amount: bigint;
  voucherMax: bigint;
  voucherSignature: Hex;
  now: number;
  expiresAt: number;
  /** Fresh on-chain state to record with the reservation, when the caller read it. */
  onchain?: OnchainChannelState;
  /** Checked inside the transaction against the stored state; a thrown error aborts the reservation. */
  check?: (channel: ChannelRecord) => void;
}

interface ChannelRow {
  channel_id: string;
  config: string;
  charged: string;
  claimed: string;
  voucher_max: string | null;
  voucher_signature: string | null;
  balance: string;
  onchain_claimed: string;
  withdraw_initiated_at: number;
  refund_nonce: string;
  synced_at: number;
}

interface PendingRow {
  id: string;
  channel_id: string;
  owner: string;
  amount: string;
  voucher_max: string;
  voucher_signature: string;
  created_at: number;
  expires_at: number;
}

export class PaymentStore {
  readonly db: Database.Database;

  /** `path` is a file (created with its directory) or ':memory:'. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS channels (
        channel_id TEXT PRIMARY KEY, config TEXT NOT NULL,
        charged TEXT NOT NULL DEFAULT '0', claimed TEXT NOT NULL DEFAULT '0',
        voucher_max TEXT, voucher_signature TEXT,
        balance TEXT NOT NULL DEFAULT '0', onchain_claimed TEXT NOT NULL DEFAULT '0',
        withdraw_initiated_at INTEGER NOT NULL DEFAULT 0, refund_nonce TEXT NOT NULL DEFAULT '0',
        synced_at INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS pending (
        id TEXT PRIMARY KEY, channel_id TEXT NOT NULL, owner TEXT NOT NULL, amount TEXT NOT NULL,
        voucher_max TEXT NOT NULL, voucher_signature TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS pending_channel ON pending (channel_id);
      CREATE TABLE IF NOT EXISTS claims (
        tx TEXT NOT NULL, at INTEGER NOT NULL, channels INTEGER NOT NULL, amount TEXT NOT NULL);`);
  }

  close(): void {
    this.db.close();
  }

  channel(channelId: Hex): ChannelRecord | undefined {
    const row = this.db.prepare('SELECT * FROM channels WHERE channel_id = ?').get(channelId.toLowerCase()) as
      | ChannelRow
      | undefined;
    return row && toRecord(row);
  }

  channels(): ChannelRecord[] {
    return (this.db.prepare('SELECT * FROM channels').all() as ChannelRow[]).map(toRecord);
  }

  pending(channelId?: Hex): PendingCharge[] {
    const rows = (
      channelId
        ? this.db.prepare('SELECT * FROM pending WHERE channel_id = ?').all(channelId.toLowerCase())
        : this.db.prepare('SELECT * FROM pending').all()
    ) as PendingRow[];
    return rows.map(toPending);
  }

  /** Records on-chain state read outside a reservation (a channel row is created when missing). */
  recordOnchain(channelId: Hex, config: ChannelConfig, state: OnchainChannelState): void {
    this.upsert(channelId, config, state);
  }

  reserve(input: ReserveInput): ReserveOutcome {
    return this.db
      .transaction((): ReserveOutcome => {
        const key = input.channelId.toLowerCase();
        this.db.prepare('DELETE FROM pending WHERE channel_id = ? AND expires_at <= ?').run(key, input.now);
        if (input.onchain) this.upsert(input.channelId, input.config, input.onchain);
        const channel = this.channel(input.channelId);
        if (!channel) return { status: 'stale', channel };
        if ((this.db.prepare('SELECT 1 FROM pending WHERE channel_id = ?').get(key) as unknown) !== undefined) {
          return { status: 'busy', channel };
        }
        if (input.voucherMax < channel.charged + input.amount) return { status: 'stale', channel };
        input.check?.(channel);
        const pending: PendingCharge = {
          id: input.id,
          channelId: key as Hex,
          owner: input.owner,
          amount: input.amount,
          voucherMax: input.voucherMax,
          voucherSignature: input.voucherSignature,
          createdAt: input.now,
          expiresAt: input.expiresAt,
        };
        this.db
          .prepare('INSERT INTO pending VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(
            pending.id,
            key,
            pending.owner,
            String(pending.amount),
            String(pending.voucherMax),
            pending.voucherSignature,
            pending.createdAt,
            pending.expiresAt,
          );
        return { status: 'reserved', channel, pending };
      })
      .immediate();
  }

  /**
   * Turns a pending charge into a charged one (its reserved amount, or a smaller `amount`), with its voucher, in
   * one transaction. Returns the channel after
   * the commit, or undefined when the pending charge is gone (released, or expired and dropped).
   */
  commit(pendingId: string, amount?: bigint): ChannelRecord | undefined {
    return this.db
      .transaction((): ChannelRecord | undefined => {
        const row = this.db.prepare('SELECT * FROM pending WHERE id = ?').get(pendingId) as PendingRow | undefined;
        if (!row) return undefined;
        const pending = toPending(row);
        const channel = this.channel(pending.channelId);
        if (!channel) return undefined;
        // A request may cost less than was reserved (the ceiling), never more.
        if (amount !== undefined && (amount < 0n || amount > pending.amount))
          throw new RangeError(`a charge of ${amount} is outside the reservation of ${pending.amount}`);
        const charged = channel.charged + (amount ?? pending.amount);
        const keepVoucher = channel.voucherMax !== null && channel.voucherMax > pending.voucherMax;
        this.db
          .prepare('UPDATE channels SET charged = ?, voucher_max = ?, voucher_signature = ? WHERE channel_id = ?')
          .run(
            String(charged),
            String(keepVoucher ? channel.voucherMax : pending.voucherMax),
            keepVoucher ? channel.voucherSignature : pending.voucherSignature,
            pending.channelId,
          );
        this.db.prepare('DELETE FROM pending WHERE id = ?').run(pendingId);
        return this.channel(pending.channelId);
      })
      .immediate();
  }

  /** Drops a pending charge: nothing is charged. */
  release(pendingId: string): void {
    this.db.prepare('DELETE FROM pending WHERE id = ?').run(pendingId);
  }

  /**
   * Crash recovery: drops the pending charges of a previous run of `owner` (one owner runs in one process at a
   * time, so they belong to requests whose responses were never released) and any expired ones. Returns how many.
   */
  releaseStale(owner: string, now: number): number {
    return this.db.prepare('DELETE FROM pending WHERE owner = ? OR expires_at <= ?').run(owner, now).changes;
  }

  /** Records a landed claim: each channel's claimed total (never lowered) and one history row. */
  recordClaim(tx: Hex, at: number, rows: readonly { channelId: Hex; totalClaimed: bigint }[]): void {
    this.db
      .transaction(() => {
        let amount = 0n;
        for (const row of rows) {
          const channel = this.channel(row.channelId);
          if (!channel || row.totalClaimed <= channel.claimed) continue;
          amount += row.totalClaimed - channel.claimed;
          this.db
            .prepare('UPDATE channels SET claimed = ?, onchain_claimed = ? WHERE channel_id = ?')
            .run(String(row.totalClaimed), String(row.totalClaimed), row.channelId.toLowerCase());
        }
        this.db.prepare('INSERT INTO claims VALUES (?, ?, ?, ?)').run(tx, at, rows.length, String(amount));
      })
      .immediate();
  }

  claimHistory(): { tx: Hex; at: number; channels: number; amount: bigint }[] {
    return (
      this.db.prepare('SELECT * FROM claims ORDER BY rowid').all() as { tx: Hex; at: number; channels: number; amount: string }[]
    ).map((row) => ({ ...row, amount: BigInt(row.amount) }));
  }

  private upsert(channelId: Hex, config: ChannelConfig, state: OnchainChannelState): void {
    const existing = this.channel(channelId);
    // The chain is the truth for claims; a read older than a claim this store recorded never lowers it.
    const claimed = existing && existing.claimed > state.totalClaimed ? existing.claimed : state.totalClaimed;
    const values = {
      id: channelId.toLowerCase(),
      config: JSON.stringify(config),
      balance: String(state.balance),
      onchainClaimed: String(state.totalClaimed),
      claimed: String(claimed),
      withdraw: state.withdrawInitiatedAt,
      nonce: String(state.refundNonce),
      synced: state.syncedAt,
    };
    this.db
      .prepare(
        `INSERT INTO channels (channel_id, config, balance, onchain_claimed, withdraw_initiated_at, refund_nonce, synced_at, claimed)
         VALUES (@id, @config, @balance, @onchainClaimed, @withdraw, @nonce, @synced, @claimed)
         ON CONFLICT (channel_id) DO UPDATE SET balance = @balance, onchain_claimed = @onchainClaimed,
           withdraw_initiated_at = @withdraw, refund_nonce = @nonce, synced_at = @synced, claimed = @claimed`,
      )
      .run(values);
  }
}

function toRecord(row: ChannelRow): ChannelRecord {
  return {
    channelId: row.channel_id as Hex,
    config: JSON.parse(row.config) as ChannelConfig,
    charged: BigInt(row.charged),
    claimed: BigInt(row.claimed),
    voucherMax: row.voucher_max === null ? null : BigInt(row.voucher_max),
    voucherSignature: row.voucher_signature as Hex | null,
    balance: BigInt(row.balance),
    totalClaimed: BigInt(row.onchain_claimed),
    withdrawInitiatedAt: row.withdraw_initiated_at,
    refundNonce: BigInt(row.refund_nonce),
    syncedAt: row.synced_at,
  };
}

function toPending(row: PendingRow): PendingCharge {
  return {
    id: row.id,
    channelId: row.channel_id as Hex,
    owner: row.owner,
    amount: BigInt(row.amount),
    voucherMax: BigInt(row.voucher_max),
    voucherSignature: row.voucher_signature as Hex,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
