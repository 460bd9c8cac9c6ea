/**
 * Who may fill a node's disk, over real HTTP (and in chain mode against a real anvil): the store's quota refuses an
 * upload with 507 STORE_FULL and keeps nothing of it, unused uploads are collected while registered models stay,
 * and a node on a chain stores only blobs of published models or blobs its operator granted.
 */
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { deprecateModel } from '@verity/chain';
import { putBytes } from '@verity/http/client';
import { addressOf, signUploadGrant, uploadGrantHeader } from '@verity/protocol';
import { randomMlp } from '@verity/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeApp, createNodeApp } from '../src/index.js';
import { TestChain, ownerKey } from './chain-helpers.js';
import {
  TempDirs,
  expectError,
  infer,
  keys,
  modelBytes,
  sampleInputs,
  sha256Of,
  startTestNode,
  upload,
  uploadAndRegister,
  uploadGrant,
} from './helpers.js';

const dirs = new TempDirs();

afterAll(async () => {
  await dirs.cleanup();
});

describe('the store quota', () => {
  it('refuses an upload that would pass --max-store-bytes with 507 STORE_FULL, declared or streamed, keeping nothing', async () => {
    const dataDir = await dirs.make();
    const node = await startTestNode(dirs, { dataDir, maxModelBytes: 4096, maxStoreBytes: 4096 });
    try {
      await uploadAndRegister(node, modelBytes);
      const filler = randomBytes(3000);
      await upload(node, filler);
      const used = modelBytes.length + 3000;

      const full = await expectError(upload(node, randomBytes(1000)), 'STORE_FULL', 507);
      expect(full.details).toMatchObject({ used, limit: 4096, size: 1000 });
      expect(full.message).toBe(`the node's blob store is full: ${used} of 4096 bytes used, a blob of 1000 bytes does not fit`);
      const chunks = Array.from({ length: 10 }, () => randomBytes(100));
      await expectError(putBytes(`${node.url}/v1/blobs`, Readable.from(chunks)), 'STORE_FULL', 507);
      expect((await readdir(join(dataDir, 'blobs'))).sort()).toEqual(
        [sha256Of(modelBytes), sha256Of(filler)].map((h) => h.slice(2)).sort(),
      );

      // The refused uploads gave their room back; the node still serves.
      const fits = randomBytes(4096 - used);
      expect(await upload(node, fits)).toEqual({ sha256: sha256Of(fits), size: fits.length });
      await infer(node, { model: 'm@1', inputs: sampleInputs });
    } finally {
      await node.close();
    }
  });

  it('refuses a quota below the largest model', async () => {
    await expect(startTestNode(dirs, { maxModelBytes: 4096, maxStoreBytes: 4095 })).rejects.toThrow(
      'maxStoreBytes (4095) must be at least maxModelBytes (4096): the store must hold the largest model',
    );
  });
});

describe('collection', () => {
  it('deletes an upload no model registered once its grace period is over, and keeps the registered ones', async () => {
    const dataDir = await dirs.make();
    const node = await startTestNode(dirs, { dataDir, blobGraceMs: 200 });
    try {
      await uploadAndRegister(node, modelBytes);
      const unused = randomBytes(2000);
      await upload(node, unused);
      expect((await readdir(join(dataDir, 'blobs'))).sort()).toEqual(
        [sha256Of(modelBytes), sha256Of(unused)].map((h) => h.slice(2)).sort(),
      );
      // The timer runs every second at this grace.
      await expect
        .poll(() => readdir(join(dataDir, 'blobs')), { timeout: 5_000, interval: 100 })
        .toEqual([sha256Of(modelBytes).slice(2)]);
      await infer(node, { model: 'm@1', inputs: sampleInputs });
    } finally {
      await node.close();
    }
  });
});

describe('upload admission on a chain', () => {
  let chain: TestChain;
  let node: NodeApp;
  let dataDir: string;
  const operatorKey = keys.c;
  const published = randomMlp('published', [4, 8, 3], 21);
  const unpublished = randomMlp('unpublished', [4, 8, 3], 22);

  beforeAll(async () => {
    chain = await TestChain.start();
    await chain.publish(sha256Of(published), 'published', '1');
    // Not started: admission reads ModelRegistry, it needs no registration of the node.
    dataDir = await dirs.make();
    node = await createNodeApp({
      dataDir,
      privateKey: operatorKey,
      rpcUrl: chain.rpcUrl,
      deployment: chain.deployment,
    });
  }, 120_000);

  afterAll(async () => {
    await node?.close();
    await chain?.close();
  });

  function put(bytes: Uint8Array, headers: Record<string, string> = { 'x-verity-sha256': sha256Of(bytes) }, app = node.app) {
    return app.inject({ method: 'PUT', url: '/v1/blobs', payload: Buffer.from(bytes), headers });
  }

  /** Whether the node holds the unpublished blob; it never holds a partial upload (a temp file). */
  async function holdsUnpublished(): Promise<boolean> {
    const names = await readdir(join(dataDir, 'blobs'));
    expect(names.every((name) => /^[0-9a-f]{64}$/.test(name))).toBe(true);
    return names.includes(sha256Of(unpublished).slice(2));
  }

  it('stores the blob of a model published on chain', async () => {
    const answer = await put(published);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ sha256: sha256Of(published), size: published.length });
  });

  it('refuses an unpublished blob with 403 UPLOAD_NOT_ALLOWED, saying how to get it stored', async () => {
    const answer = await put(unpublished);
    expect(answer.statusCode).toBe(403);
    const { error } = answer.json() as { error: { code: string; message: string; details: unknown } };
    expect(error.code).toBe('UPLOAD_NOT_ALLOWED');
    expect(error.message).toBe(
      `${sha256Of(unpublished)} is not a model published on chain: this node does not store it; publish the model on chain first (\`verity model push\` with a publisher key publishes, then uploads), or have the node's operator sign a Verity-Upload-Grant for it`,
    );
    // Without the hash it cannot even tell.
    const anonymous = await put(unpublished, {});
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json()).toMatchObject({ error: { code: 'UPLOAD_NOT_ALLOWED', details: { param: 'x-verity-sha256' } } });
    expect(await holdsUnpublished()).toBe(false);
  });

  it("stores an unpublished blob under the operator's grant, and no more bytes than it names", async () => {
    const stranger = await put(unpublished, {
      'x-verity-sha256': sha256Of(unpublished),
      ...uploadGrant(keys.a, unpublished, addressOf(operatorKey)),
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json()).toMatchObject({
      error: { code: 'UPLOAD_NOT_ALLOWED', details: { grant: expect.stringMatching(/not this node's operator/) } },
    });
    const expired = await put(unpublished, {
      'x-verity-sha256': sha256Of(unpublished),
      ...uploadGrant(operatorKey, unpublished, addressOf(operatorKey), -10),
    });
    expect(expired.json()).toMatchObject({
      error: { code: 'UPLOAD_NOT_ALLOWED', details: { grant: expect.stringMatching(/expired/) } },
    });
    expect(await holdsUnpublished()).toBe(false);

    const granted = await put(unpublished, {
      'x-verity-sha256': sha256Of(unpublished),
      ...uploadGrant(operatorKey, unpublished),
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toEqual({ sha256: sha256Of(unpublished), size: unpublished.length });
    expect(await holdsUnpublished()).toBe(true);

    // A grant for fewer bytes than the blob has: cut off at its size.
    const bigger = randomMlp('bigger', [4, 16, 3], 23);
    const short = { node: addressOf(operatorKey), sha256: sha256Of(bigger), size: bigger.length - 1 };
    const header = signUploadGrant(operatorKey, { ...short, expiresAt: Math.floor(Date.now() / 1000) + 60 });
    const cut = await put(bigger, { 'x-verity-sha256': sha256Of(bigger), [uploadGrantHeader]: header });
    expect(cut.statusCode).toBe(413);
    expect(cut.json()).toMatchObject({ error: { code: 'MODEL_TOO_LARGE', details: { limit: bigger.length - 1 } } });
  });

  it('refuses the blob of a deprecated model', async () => {
    const retired = randomMlp('retired', [4, 8, 3], 24);
    await chain.publish(sha256Of(retired), 'retired', '1');
    expect((await put(retired)).statusCode).toBe(200);
    await deprecateModel(chain.clients.walletFor(ownerKey), chain.deployment.contracts.modelRegistry, {
      modelId: sha256Of(retired),
    });
    const again = await put(retired);
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({
      error: {
        code: 'UPLOAD_NOT_ALLOWED',
        message: expect.stringMatching(/is deprecated on chain/),
        details: { deprecated: true },
      },
    });
  });

  it('answers 503 CHAIN_UNAVAILABLE when the chain cannot tell, and still takes a granted upload', async () => {
    const closed = await startTestNode(dirs);
    const deadRpc = closed.url;
    await closed.close();
    const cut = await createNodeApp({
      dataDir: await dirs.make(),
      privateKey: operatorKey,
      rpcUrl: deadRpc,
      deployment: { ...chain.deployment, rpcUrl: deadRpc },
    });
    try {
      const answer = await put(published, undefined, cut.app);
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toMatchObject({ error: { code: 'CHAIN_UNAVAILABLE' } });
      const granted = await put(
        unpublished,
        { 'x-verity-sha256': sha256Of(unpublished), ...uploadGrant(operatorKey, unpublished) },
        cut.app,
      );
      expect(granted.statusCode).toBe(200);
    } finally {
      await cut.close();
    }
  });
});
