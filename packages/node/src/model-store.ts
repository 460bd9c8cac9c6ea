/** The registered model versions the node serves (the `models` table): listed, looked up and inserted once each. */
import type Database from 'better-sqlite3';
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

export class ModelStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      allModels: db.prepare<[], ModelRecord>(
        'SELECT name, version, model_id, format, size, description, license, created FROM models ORDER BY seq',
      ),
      modelByVersion: db.prepare<[string, string], ModelRecord>(
        'SELECT name, version, model_id, format, size, description, license, created FROM models WHERE name = ? AND version = ?',
      ),
      insertModel: db.prepare<[string, string, string, string, number, string | null, string | null, number]>(
        'INSERT INTO models (name, version, model_id, format, size, description, license, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name, version) DO NOTHING',
      ),
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
}
