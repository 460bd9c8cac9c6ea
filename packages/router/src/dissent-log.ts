/** The router's record of executors that disagreed with a quorum or failed under replication (SQLite). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface DissentRecord {
  requestId: string;
  modelId: string;
  node: string;
  executor: string;
  outputHash: string | null;
  quorumHash: string;
  at: number;
}

export class DissentLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(dataDir?: string) {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir ? join(dataDir, 'router.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS dissent (
      request_id TEXT NOT NULL, model_id TEXT NOT NULL, node TEXT NOT NULL, executor TEXT NOT NULL,
      output_hash TEXT, quorum_hash TEXT NOT NULL, at INTEGER NOT NULL)`);
    this.insert = this.db.prepare(
      'INSERT INTO dissent (request_id, model_id, node, executor, output_hash, quorum_hash, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  record(entry: DissentRecord): void {
    this.insert.run(entry.requestId, entry.modelId, entry.node, entry.executor, entry.outputHash, entry.quorumHash, entry.at);
  }

  recent(limit = 100): DissentRecord[] {
    return this.db
      .prepare(
        'SELECT request_id AS requestId, model_id AS modelId, node, executor, output_hash AS outputHash, quorum_hash AS quorumHash, at FROM dissent ORDER BY rowid DESC LIMIT ?',
      )
      .all(limit) as DissentRecord[];
  }

  close(): void {
    this.db.close();
  }
}
