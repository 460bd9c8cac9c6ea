/**
 * The node's own records in SQLite (<dataDir>/node.sqlite): registered model versions, every receipt it signed
 * with the response it sent, and (in chain mode) the epochs its receipts are settled in, each receipt's place in
 * its epoch and Merkle leaf, so none of it is lost across restarts. All statements are prepared once.
 */
import Database from 'better-sqlite3';
import type { Hex } from '@verity/protocol';

export interface ModelRow {
  name: string;
  version: string;
  modelId: Hex;
  format: 'onnx' | 'gguf';
  size: number;
  description: string | null;
  license: string | null;
  /** Unix seconds. */
  created: number;
}

export interface ReceiptRow {
  requestId: Hex;
  modelId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  policy: string;
  feeWei: string;
  /** Unix seconds. */
  timestamp: number;
  responseJson: string;
}

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

const schemaVersion = 2;

// receipts stays a rowid table: its rows (whole responses, kilobytes each) are far past the size where
// WITHOUT ROWID pays off, and measured inserts were 40% slower with it.
const schema = `
CREATE TABLE IF NOT EXISTS models (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  model_id TEXT NOT NULL,
  format TEXT NOT NULL,
  size INTEGER NOT NULL,
  description TEXT,
  license TEXT,
  created INTEGER NOT NULL,
  UNIQUE (name, version)
);
CREATE TABLE IF NOT EXISTS receipts (
  request_id TEXT PRIMARY KEY,
  model_id TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  output_hash TEXT NOT NULL,
  policy TEXT NOT NULL,
  fee TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  response_json TEXT NOT NULL
);
`;

/**
 * Version 2 (chain mode), additive: receipts gain their epoch, leaf index and leaf (NULL for chainless receipts),
 * and epochs are recorded. ALTER TABLE ADD COLUMN rewrites nothing, so a large version-1 file migrates at once.
 */
const migrationToV2 = `
ALTER TABLE receipts ADD COLUMN epoch INTEGER;
ALTER TABLE receipts ADD COLUMN leaf_index INTEGER;
ALTER TABLE receipts ADD COLUMN leaf TEXT;
CREATE UNIQUE INDEX receipts_by_epoch ON receipts (epoch, leaf_index) WHERE epoch IS NOT NULL;
CREATE TABLE epochs (
  epoch INTEGER PRIMARY KEY,
  chain_id INTEGER NOT NULL,
  registry TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'posted')),
  count INTEGER NOT NULL,
  opened_at INTEGER NOT NULL,
  root TEXT,
  closed_at INTEGER,
  tx_hash TEXT,
  posted_at INTEGER
);
CREATE INDEX epochs_by_status ON epochs (registry, chain_id, status, epoch);
`;

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

interface ModelRecord {
  name: string;
  version: string;
  model_id: Hex;
  format: 'onnx' | 'gguf';
  size: number;
  description: string | null;
  license: string | null;
  created: number;
}

interface ReceiptRecord {
  request_id: Hex;
  model_id: Hex;
  input_hash: Hex;
  output_hash: Hex;
  policy: string;
  fee: string;
  timestamp: number;
  response_json: string;
}

function modelFrom(record: ModelRecord): ModelRow {
  return {
    name: record.name,
    version: record.version,
    modelId: record.model_id,
    format: record.format,
    size: record.size,
    description: record.description,
    license: record.license,
    created: record.created,
  };
}

export class NodeDb {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly insertInEpoch: (row: ReceiptRow, slot: EpochSlot) => boolean;

  constructor(path: string) {
    this.db = new Database(path);
    // WAL with synchronous=NORMAL: a commit survives a process crash (what a restart needs) at a fraction of FULL's fsyncs.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > schemaVersion) throw new Error(`${path} has schema version ${version}; this node knows up to ${schemaVersion}`);
    this.db.exec(schema);
    if (version < 2) {
      this.db.transaction(() => {
        this.db.exec(migrationToV2);
        this.db.pragma('user_version = 2');
      })();
    }
    this.statements = {
      allModels: this.db.prepare<[], ModelRecord>(
        'SELECT name, version, model_id, format, size, description, license, created FROM models ORDER BY seq',
      ),
      modelByVersion: this.db.prepare<[string, string], ModelRecord>(
        'SELECT name, version, model_id, format, size, description, license, created FROM models WHERE name = ? AND version = ?',
      ),
      insertModel: this.db.prepare<[string, string, string, string, number, string | null, string | null, number]>(
        'INSERT INTO models (name, version, model_id, format, size, description, license, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name, version) DO NOTHING',
      ),
      receipt: this.db.prepare<[string], ReceiptRecord>(
        'SELECT request_id, model_id, input_hash, output_hash, policy, fee, timestamp, response_json FROM receipts WHERE request_id = ?',
      ),
      receiptCount: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM receipts'),
      // Epoch, leaf index and leaf are null for a receipt signed without a chain.
      insertReceipt: this.db.prepare<
        [string, string, string, string, string, string, number, string, number | null, number | null, string | null]
      >(
        'INSERT INTO receipts (request_id, model_id, input_hash, output_hash, policy, fee, timestamp, response_json, epoch, leaf_index, leaf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING',
      ),
      openEpoch: this.db.prepare<[number, number, string, number]>(
        "INSERT INTO epochs (epoch, chain_id, registry, status, count, opened_at) VALUES (?, ?, ?, 'open', 0, ?)",
      ),
      countIntoEpoch: this.db.prepare<[number]>("UPDATE epochs SET count = count + 1 WHERE epoch = ? AND status = 'open'"),
      placement: this.db.prepare<[string], { epoch: number; leaf_index: number }>(
        'SELECT epoch, leaf_index FROM receipts WHERE request_id = ? AND epoch IS NOT NULL',
      ),
      epoch: this.db.prepare<[number], EpochRecord>(`SELECT ${epochColumns} FROM epochs WHERE epoch = ?`),
      epochsByStatus: this.db.prepare<[string, number, string], EpochRecord>(
        `SELECT ${epochColumns} FROM epochs WHERE registry = ? AND chain_id = ? AND status = ? ORDER BY epoch`,
      ),
      countByStatus: this.db.prepare<[string, number, string], { n: number }>(
        'SELECT count(*) AS n FROM epochs WHERE registry = ? AND chain_id = ? AND status = ?',
      ),
      maxEpoch: this.db.prepare<[], { n: number | null }>('SELECT max(epoch) AS n FROM epochs'),
      epochLeaves: this.db.prepare<[number], { leaf: Hex }>('SELECT leaf FROM receipts WHERE epoch = ? ORDER BY leaf_index'),
      closeEpoch: this.db.prepare<[string, number, number, number]>(
        "UPDATE epochs SET status = 'closed', root = ?, count = ?, closed_at = ? WHERE epoch = ? AND status = 'open'",
      ),
      markPosted: this.db.prepare<[string | null, number, number]>(
        "UPDATE epochs SET status = 'posted', tx_hash = ?, posted_at = ? WHERE epoch = ? AND status = 'closed'",
      ),
      renumberEpoch: this.db.prepare<[number, number]>('UPDATE epochs SET epoch = ? WHERE epoch = ?'),
      renumberReceipts: this.db.prepare<[number, number]>('UPDATE receipts SET epoch = ? WHERE epoch = ?'),
    };
    const statements = this.statements;
    this.insertInEpoch = this.db.transaction((row: ReceiptRow, slot: EpochSlot): boolean => {
      const { changes } = statements.insertReceipt.run(
        row.requestId,
        row.modelId,
        row.inputHash,
        row.outputHash,
        row.policy,
        row.feeWei,
        row.timestamp,
        row.responseJson,
        slot.epoch,
        slot.leafIndex,
        slot.leaf,
      );
      if (changes !== 1) return false;
      if (slot.opening)
        statements.openEpoch.run(slot.epoch, slot.opening.chainId, slot.opening.registry.toLowerCase(), slot.opening.openedAtMs);
      if (statements.countIntoEpoch.run(slot.epoch).changes !== 1) throw new Error(`epoch ${slot.epoch} is not open`);
      return true;
    });
  }

  /** Every registered model version, oldest first. */
  models(): ModelRow[] {
    return this.statements.allModels.all().map(modelFrom);
  }

  model(name: string, version: string): ModelRow | null {
    const record = this.statements.modelByVersion.get(name, version);
    return record ? modelFrom(record) : null;
  }

  /**
   * Inserts a model version unless name@version exists; returns the row now stored under name@version,
   * which the caller compares with its own to tell an idempotent retry from a conflicting version.
   */
  insertModel(row: ModelRow): ModelRow {
    this.statements.insertModel.run(
      row.name,
      row.version,
      row.modelId,
      row.format,
      row.size,
      row.description,
      row.license,
      row.created,
    );
    return this.model(row.name, row.version) as ModelRow;
  }

  receipt(requestId: Hex): ReceiptRow | null {
    const record = this.statements.receipt.get(requestId);
    if (!record) return null;
    return {
      requestId: record.request_id,
      modelId: record.model_id,
      inputHash: record.input_hash,
      outputHash: record.output_hash,
      policy: record.policy,
      feeWei: record.fee,
      timestamp: record.timestamp,
      responseJson: record.response_json,
    };
  }

  /** Records a receipt; false when one with this requestId already exists (the stored one wins). */
  insertReceipt(row: ReceiptRow): boolean {
    const { requestId, modelId, inputHash, outputHash, policy, feeWei, timestamp, responseJson } = row;
    const { changes } = this.statements.insertReceipt.run(
      requestId,
      modelId,
      inputHash,
      outputHash,
      policy,
      feeWei,
      timestamp,
      responseJson,
      null,
      null,
      null,
    );
    return changes === 1;
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

  receiptCount(): number {
    return this.statements.receiptCount.get()?.n ?? 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
