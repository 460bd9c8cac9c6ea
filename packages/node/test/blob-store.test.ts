/**
 * The blob store's quota and the collector of unused blobs, on a real directory: what counts against the quota
 * (stored blobs, writes in progress, blobs found at start), that a refused write leaves nothing, and which blobs the
 * collector may delete (never a referenced one, one a registration is using, or one inside its grace period).
 */
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import type { Hex } from '@verity/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobCollector, BlobHolds } from '../src/blob-collector.js';
import { BlobStore } from '../src/blob-store.js';
import { TempDirs, sha256Of } from './helpers.js';

const dirs = new TempDirs();

afterAll(async () => {
  await dirs.cleanup();
});

function bytes(size: number): Buffer {
  return randomBytes(size);
}

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; details?: Record<string, unknown> }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a rejection').toBeDefined();
  return error as { code?: string; details?: Record<string, unknown> };
}

/** A store with its collector wired as the node wires them; the collector's timer is not started. */
async function storeWithCollector(options: { maxStoreBytes: number; graceMs: number; referenced?: Hex[]; holds?: BlobHolds }) {
  const dir = await dirs.make('verity-blobs-');
  const referenced = options.referenced ?? [];
  const holds = options.holds ?? new BlobHolds();
  const store = await BlobStore.open(dir, {
    maxBlobBytes: options.maxStoreBytes,
    maxStoreBytes: options.maxStoreBytes,
    reclaim: () => collector.collect(),
  });
  const collector = new BlobCollector(
    { graceMs: options.graceMs },
    { store, referenced: () => referenced, inUse: (sha256) => holds.has(sha256) },
  );
  return { dir, store, collector, referenced };
}

describe('the quota', () => {
  it('refuses with STORE_FULL a write that would pass it, declared or streamed, and keeps nothing of it', async () => {
    const { dir, store } = await storeWithCollector({ maxStoreBytes: 4096, graceMs: 600_000 });
    const first = bytes(3000);
    await store.put(Readable.from([first]), sha256Of(first), { declaredBytes: 3000 });
    expect(store.usedBytes).toBe(3000);

    const declared = await rejection(store.put(Readable.from([bytes(1500)]), undefined, { declaredBytes: 1500 }));
    expect(declared).toMatchObject({ code: 'STORE_FULL', details: { used: 3000, limit: 4096, size: 1500 } });
    // Without a declared size the bytes are counted as they come: refused at the chunk that passes the quota.
    const streamed = await rejection(store.put(Readable.from([bytes(500), bytes(500), bytes(500)])));
    expect(streamed).toMatchObject({ code: 'STORE_FULL', details: { used: 4000, limit: 4096, size: 1500 } });

    expect(await readdir(dir)).toEqual([sha256Of(first).slice(2)]);
    // Refused writes gave their room back.
    expect(store.usedBytes).toBe(3000);
    const fits = bytes(1096);
    expect(await store.put(Readable.from([fits]))).toEqual({ sha256: sha256Of(fits), size: 1096 });
    expect(store.usedBytes).toBe(4096);
  });

  it('counts writes in progress, the same blob stored twice once, and the blobs found when it opens', async () => {
    const { dir, store } = await storeWithCollector({ maxStoreBytes: 4096, graceMs: 600_000 });
    const slow = new PassThrough();
    const slowBytes = bytes(3000);
    const writing = store.put(slow);
    slow.write(slowBytes);
    await expect.poll(() => store.usedBytes).toBe(3000);
    expect(await rejection(store.put(Readable.from([bytes(1500)]), undefined, { declaredBytes: 1500 }))).toMatchObject({
      code: 'STORE_FULL',
    });
    slow.end();
    expect(await writing).toEqual({ sha256: sha256Of(slowBytes), size: 3000 });
    // The same bytes stored again replace their copy: counted once.
    const small = bytes(500);
    await store.put(Readable.from([small]));
    await store.put(Readable.from([small]));
    expect(store.usedBytes).toBe(3500);

    const reopened = await BlobStore.open(dir, { maxBlobBytes: 4096, maxStoreBytes: 4096 });
    expect(reopened.usedBytes).toBe(3500);
    expect(await rejection(reopened.put(Readable.from([bytes(1000)])))).toMatchObject({ code: 'STORE_FULL' });
  });

  it('refuses a write larger than its own limit (an upload grant) with MODEL_TOO_LARGE', async () => {
    const { dir, store } = await storeWithCollector({ maxStoreBytes: 4096, graceMs: 600_000 });
    const blob = bytes(1000);
    expect(await rejection(store.put(Readable.from([blob]), sha256Of(blob), { maxBytes: 999 }))).toMatchObject({
      code: 'MODEL_TOO_LARGE',
      details: { limit: 999 },
    });
    expect(await readdir(dir)).toEqual([]);
    expect(store.usedBytes).toBe(0);
  });
});

describe('the collector', () => {
  it('deletes unreferenced idle blobs when the quota is hit, never a referenced one or one a registration holds', async () => {
    const holds = new BlobHolds();
    const { dir, store, collector, referenced } = await storeWithCollector({ maxStoreBytes: 4096, graceMs: 0, holds });
    const [used, held, idle] = [bytes(1000), bytes(1000), bytes(1500)];
    for (const blob of [used, held, idle]) await store.put(Readable.from([blob]));
    referenced.push(sha256Of(used));
    const release = holds.hold(sha256Of(held).toUpperCase());

    // 3500 stored: 1500 more fit only once the idle blob is gone.
    const next = bytes(1500);
    expect(await store.put(Readable.from([next]), undefined, { declaredBytes: 1500 })).toMatchObject({ size: 1500 });
    expect((await readdir(dir)).sort()).toEqual([used, held, next].map((blob) => sha256Of(blob).slice(2)).sort());
    expect(store.usedBytes).toBe(3500);
    expect(await store.sizeOf(sha256Of(idle))).toBeNull();
    referenced.push(sha256Of(next));

    // With nothing left to collect, the quota holds.
    expect(await rejection(store.put(Readable.from([bytes(1000)]), undefined, { declaredBytes: 1000 }))).toMatchObject({
      code: 'STORE_FULL',
    });
    // Released (and never registered), the held blob goes at the next collection.
    release();
    expect((await collector.collect()).removed).toEqual([sha256Of(held)]);
    expect((await readdir(dir)).sort()).toEqual([used, next].map((blob) => sha256Of(blob).slice(2)).sort());
  });

  it('keeps an unreferenced blob within its grace period, counted from its last write or lookup', async () => {
    const { dir, store, collector } = await storeWithCollector({ maxStoreBytes: 4096, graceMs: 1_000 });
    const blob = bytes(3000);
    await store.put(Readable.from([blob]));
    expect((await collector.collect()).removed).toEqual([]);
    expect(await rejection(store.put(Readable.from([bytes(1500)]), undefined, { declaredBytes: 1500 }))).toMatchObject({
      code: 'STORE_FULL',
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    // A lookup (a registration starting, a peer fetching it) renews the grace.
    expect(await store.sizeOf(sha256Of(blob))).toBe(3000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await collector.collect()).removed).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await collector.collect()).removed).toEqual([sha256Of(blob)]);
    expect(await readdir(dir)).toEqual([]);
    expect(store.usedBytes).toBe(0);
  });

  it('lets a blob deleted by a collection be stored again at once', async () => {
    const { dir, store, collector } = await storeWithCollector({ maxStoreBytes: 4096, graceMs: 0 });
    const blob = bytes(1000);
    await store.put(Readable.from([blob]));
    const collecting = collector.collect();
    // Decided before the new copy arrived: the new copy stays.
    const again = store.put(Readable.from([blob]));
    expect((await collecting).removed).toEqual([sha256Of(blob)]);
    await again;
    expect(await readdir(dir)).toEqual([sha256Of(blob).slice(2)]);
    expect(store.usedBytes).toBe(1000);
  });
});
