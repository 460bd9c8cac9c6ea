/** NodeDb's schema: a version-1 file (before chain mode) migrates additively; epochs and placements round-trip. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Hex } from '@verity/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeDb, type ReceiptRow } from '../src/db.js';
import { TempDirs } from './helpers.js';

const dirs = new TempDirs();

afterAll(async () => {
  await dirs.cleanup();
});

const versionOneSchema = `
CREATE TABLE models (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, version TEXT NOT NULL, model_id TEXT NOT NULL,
  format TEXT NOT NULL, size INTEGER NOT NULL, description TEXT, license TEXT, created INTEGER NOT NULL, UNIQUE (name, version));
CREATE TABLE receipts (request_id TEXT PRIMARY KEY, model_id TEXT NOT NULL, input_hash TEXT NOT NULL, output_hash TEXT NOT NULL,
  policy TEXT NOT NULL, fee TEXT NOT NULL, timestamp INTEGER NOT NULL, response_json TEXT NOT NULL);
PRAGMA user_version = 1;
`;

const hex = (byte: string) => `0x${byte.repeat(32)}` as Hex;
const registry = '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9' as Hex;

function row(byte: string): ReceiptRow {
  return {
    requestId: hex(byte),
    modelId: hex('0a'),
    inputHash: hex('0b'),
    outputHash: hex('0c'),
    policy: 'none',
    feeWei: '0',
    timestamp: 1,
    responseJson: '{}',
  };
}

describe('NodeDb', () => {
  it('migrates a version-1 file: old receipts stay, unplaced; chain-mode receipts get epochs', async () => {
    const path = join(await dirs.make(), 'node.sqlite');
    const old = new Database(path);
    old.exec(versionOneSchema);
    old
      .prepare('INSERT INTO receipts VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(hex('01'), hex('0a'), hex('0b'), hex('0c'), 'none', '0', 1, '{"old":true}');
    old.close();

    const db = new NodeDb(path);
    try {
      expect(db.receipt(hex('01'))?.responseJson).toBe('{"old":true}');
      expect(db.receiptPlacement(hex('01'))).toBeNull();
      expect(db.maxEpoch()).toBe(0);

      const opening = { chainId: 31337, registry, openedAtMs: 1_000 };
      expect(db.insertReceiptInEpoch(row('02'), { epoch: 1, leafIndex: 0, leaf: hex('e0'), opening })).toBe(true);
      expect(db.insertReceiptInEpoch(row('03'), { epoch: 1, leafIndex: 1, leaf: hex('e1') })).toBe(true);
      // A requestId already recorded: nothing written, the epoch's count unchanged.
      expect(db.insertReceiptInEpoch(row('03'), { epoch: 1, leafIndex: 2, leaf: hex('e2') })).toBe(false);
      expect(db.epoch(1)).toMatchObject({ status: 'open', count: 2, registry: registry.toLowerCase(), openedAtMs: 1_000 });
      expect(db.epochLeaves(1)).toEqual([hex('e0'), hex('e1')]);
      expect(db.receiptPlacement(hex('03'))).toEqual({ epoch: 1, leafIndex: 1 });
      expect(db.epochs(registry, 31337, 'open').map((e) => e.epoch)).toEqual([1]);

      expect(db.closeEpoch(1, hex('aa'), 2, 2_000)).toBe(true);
      expect(db.closeEpoch(1, hex('aa'), 2, 2_000)).toBe(false);
      expect(db.epochCount(registry, 31337, 'closed')).toBe(1);
      db.renumberEpoch(1, 5);
      expect(db.receiptPlacement(hex('02'))).toEqual({ epoch: 5, leafIndex: 0 });
      expect(db.markEpochPosted(5, hex('bb'), 3_000)).toBe(true);
      expect(db.epoch(5)).toMatchObject({ status: 'posted', root: hex('aa'), txHash: hex('bb'), count: 2 });
      expect(db.maxEpoch()).toBe(5);
    } finally {
      db.close();
    }
    // Reopening a version-2 file changes nothing.
    const again = new NodeDb(path);
    expect(again.epoch(5)?.status).toBe('posted');
    again.close();
  });
});
