/**
 * Several real nodes on 127.0.0.1: restarts that keep models and receipts, peer fetch of blobs by hash (refusing
 * a peer that serves wrong bytes), the wrong-output fault (@verity/fixtures' engine wrappers, through the node's
 * NodeParts), and graceful shutdown with a request in flight.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { getJson, postJson } from '@verity/http/client';
import {
  type InferResponse,
  type ModelEntry,
  ModelListSchema,
  decodeTensorMap,
  encodeTensorMap,
  verifyInferResponse,
} from '@verity/protocol';
import { randomMlp, startFaultyNode } from '@verity/fixtures';
import { OnnxEngine } from '@verity/runtime';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningNode, createNodeApp } from '../src/index.js';
import {
  TempDirs,
  expectError,
  health,
  infer,
  keys,
  modelBytes,
  otherModelBytes,
  sampleInputs,
  sha256Of,
  startTestNode,
  upload,
  uploadAndRegister,
} from './helpers.js';

const dirs = new TempDirs();
const running: RunningNode[] = [];

async function start(options: Parameters<typeof startTestNode>[1] = {}): Promise<RunningNode> {
  const node = await startTestNode(dirs, options);
  running.push(node);
  return node;
}

afterAll(async () => {
  await Promise.all(running.map((node) => node.close()));
  await dirs.cleanup();
});

describe('restart', () => {
  it('keeps models and receipts across a restart with the same dataDir', async () => {
    const dataDir = await dirs.make();
    const first = await start({ dataDir });
    const entry = await uploadAndRegister(first, modelBytes, 'm', '1');
    const other = await uploadAndRegister(first, otherModelBytes, 'm', '2');
    const requestId = `0x${'aa'.repeat(32)}`;
    const answered = await infer(first, { model: 'm@1', inputs: sampleInputs, requestId });
    await first.close();
    await writeFile(join(dataDir, 'blobs', '.tmp-left-by-a-crash'), 'partial upload');

    const second = await start({ dataDir });
    expect(second.address).toBe(first.address);
    const list = ModelListSchema.parse(await getJson(`${second.url}/v1/models`));
    expect(list.data).toEqual([entry, other]);
    expect(await getJson(`${second.url}/v1/receipts/${requestId}`)).toEqual(answered);
    expect(await infer(second, { model: 'm@1', inputs: sampleInputs, requestId })).toEqual(answered);
    await expectError(infer(second, { model: 'm@2', inputs: sampleInputs, requestId }), 'DUPLICATE_REQUEST', 409);
    expect((await infer(second, { model: 'm', inputs: sampleInputs })).modelId).toBe(other.modelId);
    expect(await readdir(join(dataDir, 'blobs'))).not.toContain('.tmp-left-by-a-crash');
    await second.close();
  });

  it('skips a model whose blob went bad on disk, serving the others', async () => {
    const dataDir = await dirs.make();
    const first = await start({ dataDir });
    const good = await uploadAndRegister(first, modelBytes, 'good', '1');
    const bad = await uploadAndRegister(first, otherModelBytes, 'bad', '1');
    await first.close();
    await writeFile(join(dataDir, 'blobs', bad.modelId.slice(2)), 'no longer the bytes this name promises');

    const second = await start({ dataDir });
    expect(ModelListSchema.parse(await getJson(`${second.url}/v1/models`)).data).toEqual([good]);
    await expectError(infer(second, { model: 'bad@1', inputs: sampleInputs }), 'UNKNOWN_MODEL', 404);
    expect(verifyInferResponse(await infer(second, { model: 'good@1', inputs: sampleInputs }), { inputs: sampleInputs }).ok).toBe(
      true,
    );
    await second.close();
  });
});

describe('peer fetch', () => {
  it('registers a model on B by fetching its blob from A, then serves it with the same outputs', async () => {
    const a = await start({ privateKey: keys.a });
    // A peer on 127.0.0.1: on the allow-list, with private targets allowed.
    const b = await start({ privateKey: keys.b, peerSources: [a.url], allowPrivatePeers: true });
    const onA = await uploadAndRegister(a, modelBytes, 'm', '1');
    const onB = (await postJson(`${b.url}/v1/models`, {
      name: 'm',
      version: '1',
      format: 'onnx',
      blob: onA.modelId,
      sources: [a.url],
    })) as ModelEntry;
    expect({ ...onB, created: 0 }).toEqual({ ...onA, created: 0 });
    const response = await infer(b, { model: 'm@1', inputs: sampleInputs });
    expect(response.receipts[0]?.typedData.message.executor).toBe(b.address);
    expect(verifyInferResponse(response, { inputs: sampleInputs }).ok).toBe(true);
    expect(response.outputs).toEqual((await infer(a, { model: 'm@1', inputs: sampleInputs })).outputs);
    // B now holds the blob and serves it to others in turn.
    const copy = await request(`${b.url}/v1/blobs/${onA.modelId}`);
    expect(sha256Of(new Uint8Array(await copy.body.arrayBuffer()))).toBe(onA.modelId);
  });

  it('refuses a source serving wrong bytes, trying the next one', async () => {
    const liarDir = await dirs.make();
    const liar = await start({ privateKey: keys.a, dataDir: liarDir });
    const honest = await start({ privateKey: keys.a });
    const bDir = await dirs.make();
    const b = await start({ privateKey: keys.b, dataDir: bDir, peerSources: [liar.url, honest.url], allowPrivatePeers: true });
    const blob = randomMlp('p', [4, 8, 3], 11);
    const hash = sha256Of(blob);
    await upload(honest, blob);
    // The liar's disk holds other bytes under this hash (corruption, or malice).
    await writeFile(join(liarDir, 'blobs', hash.slice(2)), otherModelBytes);

    const onlyLiar = await expectError(
      postJson(`${b.url}/v1/models`, { name: 'p', version: '1', format: 'onnx', blob: hash, sources: [liar.url] }),
      'HASH_MISMATCH',
      422,
    );
    expect(onlyLiar.details).toMatchObject({ sources: [{ source: liar.url, reason: 'hash-mismatch' }] });
    expect(await readdir(join(bDir, 'blobs'))).toEqual([]);

    const entry = (await postJson(`${b.url}/v1/models`, {
      name: 'p',
      version: '1',
      format: 'onnx',
      blob: hash,
      sources: [liar.url, honest.url],
    })) as ModelEntry;
    expect(entry.modelId).toBe(hash);
    expect(await readdir(join(bDir, 'blobs'))).toEqual([hash.slice(2)]);
  });

  it("answers 404 BLOB_NOT_FOUND with each source's failure when no source has the blob", async () => {
    const a = await start();
    const closed = await start();
    const closedUrl = closed.url;
    await closed.close();
    const b = await start({ privateKey: keys.b, peerSources: [a.url, closedUrl], allowPrivatePeers: true });
    const hash = `0x${'5e'.repeat(32)}`;
    const error = await expectError(
      postJson(`${b.url}/v1/models`, { name: 'q', version: '1', format: 'onnx', blob: hash, sources: [a.url, closedUrl] }),
      'BLOB_NOT_FOUND',
      404,
    );
    expect(error.details).toMatchObject({
      sources: [
        { source: a.url, reason: 'not-found' },
        { source: closedUrl, reason: 'unreachable' },
      ],
    });
  });
});

describe('the wrong-output fault (@verity/fixtures)', () => {
  it('returns validly signed receipts over outputs that differ from an honest node and the engine', async () => {
    const honest = await start({ privateKey: keys.a });
    const faulty = await startFaultyNode({ dataDir: await dirs.make(), privateKey: keys.c }, 'wrong-output');
    running.push(faulty);
    await uploadAndRegister(honest, modelBytes);
    await uploadAndRegister(faulty, modelBytes);
    const requestId = `0x${'fa'.repeat(32)}`;
    const good = await infer(honest, { model: 'm@1', inputs: sampleInputs, requestId, policy: 'replicate:2' });
    const bad = await infer(faulty, { model: 'm@1', inputs: sampleInputs, requestId, policy: 'replicate:2' });

    const engine = await new OnnxEngine().load(modelBytes);
    const expected = encodeTensorMap(await engine.run(decodeTensorMap(sampleInputs)));
    await engine.dispose();
    expect(good.outputs).toEqual(expected);
    expect(bad.outputs).not.toEqual(expected);
    const goodY = good.outputs.y?.data as number[];
    const badY = bad.outputs.y?.data as number[];
    expect(badY[0]).toBeCloseTo((goodY[0] as number) + 1, 5);
    expect(badY.slice(1)).toEqual(goodY.slice(1));

    // Each receipt holds on its own (signature, hashes): only comparing executors exposes the cheat.
    const single = (r: InferResponse) => verifyInferResponse({ ...r, policy: 'none' }, { inputs: sampleInputs });
    expect(single(bad).ok).toBe(true);
    expect(single(good).ok).toBe(true);
    expect(bad.receipts[0]?.typedData.message.outputHash).not.toBe(good.receipts[0]?.typedData.message.outputHash);
    expect(bad.receipts[0]?.typedData.message.inputHash).toBe(good.receipts[0]?.typedData.message.inputHash);
    const combined = { ...good, receipts: [...good.receipts, ...bad.receipts] };
    expect(verifyInferResponse(combined, { inputs: sampleInputs }).ok).toBe(false);
  });
});

describe('shutdown', () => {
  it('finishes a request in flight, records its receipt, then closes SQLite', async () => {
    const dataDir = await dirs.make();
    const node = await start({ dataDir });
    await uploadAndRegister(node, modelBytes);
    const requestId = `0x${'5d'.repeat(32)}`;
    const text = JSON.stringify({ model: 'm@1', inputs: sampleInputs, requestId });
    // The body arrives in two parts, with the node told to stop in between.
    const body = new PassThrough();
    const pending = request(`${node.url}/v1/infer`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    body.write(text.slice(0, 20));
    while ((await health(node)).inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    let closed = false;
    const closing = node.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    body.end(text.slice(20));
    const response = await pending;
    expect(response.statusCode).toBe(200);
    const answer = (await response.body.json()) as InferResponse;
    expect(verifyInferResponse(answer, { inputs: sampleInputs }).ok).toBe(true);
    await closing;
    await expect(getJson(`${node.url}/health`)).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });

    const { app, close } = await createNodeApp({ dataDir, privateKey: keys.a });
    const stored = await app.inject({ method: 'GET', url: `/v1/receipts/${requestId}` });
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toEqual(answer);
    await close();
  });
});

describe('createNodeApp', () => {
  it('serves in-process through app.inject()', async () => {
    const { app, address, close } = await createNodeApp({ dataDir: await dirs.make(), privateKey: keys.b });
    const put = await app.inject({
      method: 'PUT',
      url: '/v1/blobs',
      payload: Buffer.from(modelBytes),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.json()).toEqual({ sha256: sha256Of(modelBytes), size: modelBytes.length });
    const registered = await app.inject({
      method: 'POST',
      url: '/v1/models',
      payload: { name: 'm', version: '1', format: 'onnx', blob: sha256Of(modelBytes) },
    });
    expect(registered.statusCode).toBe(200);
    const response = await app.inject({ method: 'POST', url: '/v1/infer', payload: { model: 'm@1', inputs: sampleInputs } });
    expect(response.statusCode).toBe(200);
    const body = response.json() as InferResponse;
    expect(body.receipts[0]?.typedData.message.executor).toBe(address);
    expect(verifyInferResponse(body, { inputs: sampleInputs }).ok).toBe(true);
    await close();
  });

  it('refuses a malformed private key without echoing it', async () => {
    const secretish = `0x${'9'.repeat(63)}z`;
    await expect(createNodeApp({ dataDir: await dirs.make(), privateKey: secretish as `0x${string}` })).rejects.toThrow(
      /^privateKey must be 0x followed by 64 hex digits$/,
    );
  });
});
