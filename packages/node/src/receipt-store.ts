/**
 * The receipts the node signed, each with the response it sent (the `receipts` table): inserted once per requestId
 * (the stored one wins, so a retried request replays its answer), looked up and counted. A chain-mode receipt's
 * epoch columns are written through `insert` by epoch-store.ts, which owns epochs.
 */
import type Database from 'better-sqlite3';
import type { Hex } from '@verity/protocol';

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

/** A chain-mode receipt's epoch, leaf index and leaf. */
export interface ReceiptEpochColumns {
  epoch: number;
  leafIndex: number;
  leaf: Hex;
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

export class ReceiptStore {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      receipt: db.prepare<[string], ReceiptRecord>(
        'SELECT request_id, model_id, input_hash, output_hash, policy, fee, timestamp, response_json FROM receipts WHERE request_id = ?',
      ),
      receiptCount: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM receipts'),
      // Epoch, leaf index and leaf are null for a receipt signed without a chain.
      insertReceipt: db.prepare<
        [string, string, string, string, string, string, number, string, number | null, number | null, string | null]
      >(
        'INSERT INTO receipts (request_id, model_id, input_hash, output_hash, policy, fee, timestamp, response_json, epoch, leaf_index, leaf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING',
      ),
    };
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

  /**
   * Records a receipt, with its epoch columns in chain mode (null without a chain); false when one with this
   * requestId already exists (the stored one wins).
   */
  insert(row: ReceiptRow, placed: ReceiptEpochColumns | null): boolean {
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
      placed ? placed.epoch : null,
      placed ? placed.leafIndex : null,
      placed ? placed.leaf : null,
    );
    return changes === 1;
  }

  receiptCount(): number {
    return this.statements.receiptCount.get()?.n ?? 0;
  }
}
