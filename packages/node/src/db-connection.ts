/**
 * The node's SQLite connection (<dataDir>/node.sqlite) and its schema: opening the file with its pragmas (WAL,
 * synchronous=NORMAL, foreign keys), refusing a file from a newer node, creating the tables and running the
 * migrations (tracked in `user_version`). The stores (model-store.ts, receipt-store.ts, epoch-store.ts) prepare
 * their statements on the connection this returns.
 */
import Database from 'better-sqlite3';

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

/** Opens (creating when absent) the node's database at `path` and brings its schema up to date. */
export function openNodeDatabase(path: string): Database.Database {
  const db = new Database(path);
  // WAL with synchronous=NORMAL: a commit survives a process crash (what a restart needs) at a fraction of FULL's fsyncs.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > schemaVersion) throw new Error(`${path} has schema version ${version}; this node knows up to ${schemaVersion}`);
  db.exec(schema);
  if (version < 2) {
    db.transaction(() => {
      db.exec(migrationToV2);
      db.pragma('user_version = 2');
    })();
  }
  return db;
}
