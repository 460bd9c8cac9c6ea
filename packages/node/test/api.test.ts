/**
 * The node's HTTP API over real HTTP on 127.0.0.1, with real onnxruntime and SQLite: blobs, model registration,
 * inference with verifiable receipts, every kind of bad input with its typed error, and replays.
 */
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { getJson, postJson, putBytes } from '@verity/http/client';
import {
  type InferResponse,
  type ModelEntry,
  ModelEntrySchema,
  ModelListSchema,
  InferResponseSchema,
  addressOf,
  decodeTensorMap,
  encodeTensorMap,
  verifyInferResponse,
} from '@verity/protocol';
import { type LoadedModel, OnnxEngine, onnxEngineName } from '@verity/runtime';
import { request } from 'undici';
import { verifyTypedData } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode } from '../src/index.js';
import { resolveNodeOptions } from '../src/options.js';
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
let node: RunningNode;
let dataDir: string;
let entry: ModelEntry;
let reference: LoadedModel;

beforeAll(async () => {
  dataDir = await dirs.make();
  node = await startTestNode(dirs, { dataDir });
  entry = await uploadAndRegister(node, modelBytes, 'm', '1');
  reference = await new OnnxEngine().load(modelBytes);
});

afterAll(async () => {
  await node?.close();
  await reference?.dispose();
  await dirs.cleanup();
});

describe('health', () => {
  it('reports the operator address, the engine, the models and the load', async () => {
    expect(await health(node)).toEqual({ ok: true, address: addressOf(keys.a), engine: onnxEngineName, models: 1, inFlight: 0 });
  });
});

describe('blobs', () => {
  it('round-trips bytes through PUT and GET, content-addressed and idempotent', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    const put = await upload(node, bytes);
    expect(put).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
    expect(await upload(node, bytes)).toEqual(put);
    const response = await request(`${node.url}/v1/blobs/${put.sha256.toUpperCase().replace('0X', '0x')}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(bytes.length));
    expect(new Uint8Array(await response.body.arrayBuffer())).toEqual(bytes);
  });

  it('stores a body of any content type as raw bytes, JSON included', async () => {
    const text = '{"not":"parsed"}';
    const response = await request(`${node.url}/v1/blobs`, {
      method: 'PUT',
      body: text,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual({ sha256: sha256Of(Buffer.from(text)), size: text.length });
  });

  it('streams a chunked upload with no content-length', async () => {
    const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(70_000, 2)];
    const put = await putBytes(`${node.url}/v1/blobs`, Readable.from(chunks));
    expect(put).toEqual({ sha256: sha256Of(Buffer.concat(chunks)), size: 140_000 });
  });

  it('checks x-verity-sha256 and stores nothing when the bytes hash differently', async () => {
    const bytes = Buffer.from('some bytes that are not what the header promises');
    const claimed = sha256Of(Buffer.from('other bytes'));
    const error = await expectError(
      putBytes(`${node.url}/v1/blobs`, bytes, { headers: { 'x-verity-sha256': claimed } }),
      'HASH_MISMATCH',
      422,
    );
    expect(error.details).toMatchObject({ expected: claimed, actual: sha256Of(bytes) });
    await expectError(getJson(`${node.url}/v1/blobs/${sha256Of(bytes)}`), 'BLOB_NOT_FOUND', 404);
    expect((await readdir(join(dataDir, 'blobs'))).filter((name) => name.startsWith('.tmp'))).toEqual([]);
    const right = await putBytes(`${node.url}/v1/blobs`, bytes, { headers: { 'x-verity-sha256': sha256Of(bytes) } });
    expect(right).toEqual({ sha256: sha256Of(bytes), size: bytes.length });
  });

  it('answers 404 BLOB_NOT_FOUND for an unknown blob and 400 for a malformed hash', async () => {
    await expectError(getJson(`${node.url}/v1/blobs/0x${'ab'.repeat(32)}`), 'BLOB_NOT_FOUND', 404);
    await expectError(getJson(`${node.url}/v1/blobs/0x1234`), 'INVALID_REQUEST', 400);
    await expectError(
      putBytes(`${node.url}/v1/blobs`, Buffer.from('x'), { headers: { 'x-verity-sha256': 'nope' } }),
      'INVALID_REQUEST',
      400,
    );
  });
});

describe('models', () => {
  it('registers a version with the model entry of Protocol v1', () => {
    expect(ModelEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      id: 'm@1',
      object: 'model',
      owned_by: 'verity',
      modelId: sha256Of(modelBytes),
      name: 'm',
      version: '1',
      format: 'onnx',
      size: modelBytes.length,
      engine: onnxEngineName,
      signature: {
        inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 4] }],
        outputs: [{ name: 'y', dtype: 'float32', shape: ['N', 3] }],
      },
    });
    expect(Math.abs(entry.created - Date.now() / 1000)).toBeLessThan(120);
  });

  it('lists the registered versions in the OpenAI list shape', async () => {
    const list = ModelListSchema.parse(await getJson(`${node.url}/v1/models`));
    expect(list.object).toBe('list');
    expect(list.data.find((e) => e.id === 'm@1')).toEqual(entry);
  });

  it('is idempotent for the same name@version and blob, and refuses another blob with 409 VERSION_EXISTS', async () => {
    const again = await postJson(`${node.url}/v1/models`, {
      name: 'm',
      version: '1',
      format: 'onnx',
      blob: entry.modelId.toUpperCase().replace('0X', '0x'),
    });
    expect(again).toEqual(entry);
    const { sha256 } = await upload(node, otherModelBytes);
    const error = await expectError(
      postJson(`${node.url}/v1/models`, { name: 'm', version: '1', format: 'onnx', blob: sha256 }),
      'VERSION_EXISTS',
      409,
    );
    expect(error.details).toMatchObject({ modelId: entry.modelId, requested: sha256 });
  });

  it('resolves "name" to the most recently registered version and "0x<sha256>" to its blob', async () => {
    const v2 = await uploadAndRegister(node, otherModelBytes, 'latest-test', '2');
    await uploadAndRegister(node, modelBytes, 'latest-test', '1');
    const byName = await infer(node, { model: 'latest-test', inputs: sampleInputs });
    expect(byName.modelId).toBe(entry.modelId);
    const byId = await infer(node, { model: v2.modelId, inputs: sampleInputs });
    expect(byId.modelId).toBe(v2.modelId);
  });

  it('refuses an ONNX blob registered as GGUF, a missing blob and a malformed request with typed errors', async () => {
    const gguf = await expectError(
      postJson(`${node.url}/v1/models`, { name: 'g', version: '1', format: 'gguf', blob: entry.modelId }),
      'INVALID_MODEL',
      422,
    );
    expect(gguf.message).toMatch(/loaded as onnx, not gguf/);
    await expectError(
      postJson(`${node.url}/v1/models`, { name: 'n', version: '1', format: 'onnx', blob: `0x${'cd'.repeat(32)}` }),
      'BLOB_NOT_FOUND',
      404,
    );
    await expectError(
      postJson(`${node.url}/v1/models`, { name: '../etc', version: '1', format: 'onnx', blob: entry.modelId }),
      'INVALID_REQUEST',
      400,
    );
  });

  it('refuses a corrupt model file with INVALID_MODEL and keeps serving', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 31 + 7) & 0xff);
    const { sha256 } = await upload(node, garbage);
    const refused = await expectError(
      postJson(`${node.url}/v1/models`, { name: 'bad', version: '1', format: 'onnx', blob: sha256 }),
      'INVALID_MODEL',
      422,
    );
    // The parser's message names the file it read: never the node's own path on disk.
    expect(JSON.stringify({ message: refused.message, details: refused.details })).not.toContain(sha256.slice(2));
    expect(refused.message).toContain('<model file>');
    expect((await health(node)).ok).toBe(true);
    const list = ModelListSchema.parse(await getJson(`${node.url}/v1/models`));
    expect(list.data.some((e) => e.name === 'bad')).toBe(false);
    const response = await infer(node, { model: 'm@1', inputs: sampleInputs });
    expect(verifyInferResponse(response, { inputs: sampleInputs }).ok).toBe(true);
  });
});

describe('infer', () => {
  it('returns the in-process engine outputs with a receipt that verifies offline and in viem', async () => {
    const response = InferResponseSchema.parse(await infer(node, { model: 'm@1', inputs: sampleInputs }));
    const expected = encodeTensorMap(await reference.run(decodeTensorMap(sampleInputs)));
    expect(response.outputs).toEqual(expected);
    expect(response.modelId).toBe(entry.modelId);
    expect(response.policy).toBe('none');
    expect(response.requestId).toMatch(/^0x[0-9a-f]{64}$/);
    const report = verifyInferResponse(response, { inputs: sampleInputs, chainId: 31337, trustedExecutors: [node.address] });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    const receipt = response.receipts[0];
    expect(receipt?.typedData.message).toMatchObject({
      executor: node.address,
      fee: '0',
      engine: onnxEngineName,
      policy: 'none',
      requestId: response.requestId,
    });
    if (!receipt) throw new Error('no receipt');
    const { domain, types, primaryType, message } = receipt.typedData;
    const valid = await verifyTypedData({
      address: node.address,
      domain,
      types,
      primaryType,
      message: { ...message, fee: BigInt(message.fee), timestamp: BigInt(message.timestamp) },
      signature: receipt.signature,
    });
    expect(valid).toBe(true);
  });

  it('signs the policy it was given and serves the stored response at /v1/receipts/:requestId', async () => {
    const requestId = `0x${'0a'.repeat(32)}`;
    const response = await infer(node, { model: 'm', inputs: sampleInputs, policy: 'replicate:3', requestId });
    expect(response.policy).toBe('replicate:3');
    expect(response.receipts[0]?.typedData.message.policy).toBe('replicate:3');
    expect(await getJson(`${node.url}/v1/receipts/${requestId}`)).toEqual(response);
    await expectError(getJson(`${node.url}/v1/receipts/0x${'0b'.repeat(32)}`), 'NOT_FOUND', 404);
  });

  it('accepts b64 tensor data', async () => {
    const data = new Float32Array([0.5, -1, 2, 0.25, 1, 1, -0.5, 3]);
    const inputs = { x: { dtype: 'float32', shape: [2, 4], data: `b64:${Buffer.from(data.buffer).toString('base64')}` } };
    const response = await infer(node, { model: 'm@1', inputs });
    const plain = await infer(node, { model: 'm@1', inputs: sampleInputs });
    expect(response.outputs).toEqual(plain.outputs);
    expect(response.receipts[0]?.typedData.message.inputHash).toBe(plain.receipts[0]?.typedData.message.inputHash);
  });

  const x = (over: Record<string, unknown>) => ({
    model: 'm@1',
    inputs: { x: { dtype: 'float32', shape: [1, 4], data: [1, 2, 3, 4], ...over } },
  });
  const cases: [string, Record<string, unknown>, string, number][] = [
    ['an unknown model', { model: 'nope@1', inputs: sampleInputs }, 'UNKNOWN_MODEL', 404],
    ['an unknown model id', { model: `0x${'ef'.repeat(32)}`, inputs: sampleInputs }, 'UNKNOWN_MODEL', 404],
    [
      'an unknown input name',
      { model: 'm@1', inputs: { ...sampleInputs, z: { dtype: 'float32', shape: [1], data: [1] } } },
      'UNKNOWN_INPUT',
      400,
    ],
    ['a missing input', { model: 'm@1', inputs: {} }, 'MISSING_INPUT', 400],
    ['a wrong dtype', x({ dtype: 'float64' }), 'DTYPE_MISMATCH', 400],
    ['a wrong rank', x({ shape: [4] }), 'SHAPE_MISMATCH', 400],
    ['wrong dims', x({ shape: [1, 5], data: [1, 2, 3, 4, 5] }), 'SHAPE_MISMATCH', 400],
    ['a data length mismatch', x({ data: [1, 2, 3] }), 'DATA_LENGTH_MISMATCH', 400],
    ['a b64 length mismatch', x({ data: `b64:${Buffer.alloc(12).toString('base64')}` }), 'DATA_LENGTH_MISMATCH', 400],
    [
      'NaN via b64',
      x({ data: `b64:${Buffer.from(new Float32Array([Number.NaN, 0, 0, 0]).buffer).toString('base64')}` }),
      'NON_FINITE_INPUT',
      400,
    ],
    [
      'Infinity via b64',
      x({ data: `b64:${Buffer.from(new Float32Array([0, Number.POSITIVE_INFINITY, 0, 0]).buffer).toString('base64')}` }),
      'NON_FINITE_INPUT',
      400,
    ],
    ['a non-number element', x({ data: [1, 'two', 3, 4] }), 'INVALID_TENSOR', 400],
    ['an unknown policy', { ...x({}), policy: 'majority:2' }, 'UNKNOWN_POLICY', 400],
    ['a malformed requestId', { ...x({}), requestId: '0x12' }, 'INVALID_REQUEST', 400],
    ['no inputs at all', { model: 'm@1' }, 'INVALID_REQUEST', 400],
  ];
  it.each(cases)('refuses %s', async (_name, body, code, status) => {
    const error = await expectError(infer(node, body), code, status);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('refuses malformed JSON with 400 BAD_JSON', async () => {
    const response = await request(`${node.url}/v1/infer`, {
      method: 'POST',
      body: '{"model": "m@1", "inputs": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toMatchObject({ error: { code: 'BAD_JSON', details: {} } });
  });

  it('refuses JSON nested deeper than 64 levels with 400 BAD_JSON, however deep', async () => {
    for (const depth of [64, 20_000]) {
      const response = await request(`${node.url}/v1/infer`, {
        method: 'POST',
        body: `{"model": "m@1", "inputs": ${'['.repeat(depth)}${']'.repeat(depth)}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(400);
      expect(await response.body.json()).toMatchObject({
        error: { code: 'BAD_JSON', message: 'the JSON body nests deeper than 64 levels of arrays and objects' },
      });
    }
  });

  it('answers unknown routes with 404 NOT_FOUND', async () => {
    await expectError(getJson(`${node.url}/v1/nothing`), 'NOT_FOUND', 404);
  });
});

describe('replays', () => {
  it('returns the stored response unchanged for a retry, and 409 DUPLICATE_REQUEST for anything different', async () => {
    const requestId = `0x${'01'.repeat(32)}`;
    const body = { model: 'm@1', inputs: sampleInputs, requestId, policy: 'none' };
    const first = await request(`${node.url}/v1/infer`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    const firstText = await first.body.text();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a fresh signature would carry a later timestamp
    const second = await request(`${node.url}/v1/infer`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    expect(second.statusCode).toBe(200);
    expect(await second.body.text()).toBe(firstText);

    const otherInputs = { x: { dtype: 'float32', shape: [1, 4], data: [9, 9, 9, 9] } };
    const error = await expectError(infer(node, { ...body, inputs: otherInputs }), 'DUPLICATE_REQUEST', 409);
    expect(error.details).toMatchObject({ requestId, differs: ['inputHash'] });
    await expectError(infer(node, { ...body, policy: 'replicate:2' }), 'DUPLICATE_REQUEST', 409);
    const v2 = await uploadAndRegister(node, otherModelBytes, 'replay-other', '1');
    await expectError(infer(node, { ...body, model: v2.id }), 'DUPLICATE_REQUEST', 409);
    expect(await getJson(`${node.url}/v1/receipts/${requestId}`)).toEqual(JSON.parse(firstText));
  });

  it('releases exactly one answer when the same requestId arrives many times at once', async () => {
    const requestId = `0x${'02'.repeat(32)}`;
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => infer(node, { model: 'm@1', inputs: sampleInputs, requestId })),
    );
    for (const response of responses) expect(response).toEqual(responses[0]);
  });

  it('gives each request without a requestId its own', async () => {
    const [a, b] = await Promise.all([
      infer(node, { model: 'm@1', inputs: sampleInputs }),
      infer(node, { model: 'm@1', inputs: sampleInputs }),
    ]);
    expect(a?.requestId).not.toBe(b?.requestId);
    expect(a?.outputs).toEqual(b?.outputs);
  });
});

describe('limits', () => {
  let small: RunningNode;
  let smallDir: string;
  beforeAll(async () => {
    smallDir = await dirs.make();
    small = await startTestNode(dirs, {
      dataDir: smallDir,
      bodyLimitBytes: 2048,
      maxModelBytes: 64 * 1024,
      feeWei: '1000',
      chainId: 8453,
    });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('refuses a JSON body over bodyLimitBytes with 413 BODY_TOO_LARGE', async () => {
    const inputs = { x: { dtype: 'float32', shape: [300, 4], data: new Array(1200).fill(0.123456) } };
    await expectError(infer(small, { model: 'm@1', inputs }), 'BODY_TOO_LARGE', 413);
  });

  it('refuses a blob over maxModelBytes with 413 MODEL_TOO_LARGE, declared or streamed, and keeps nothing', async () => {
    const big = Buffer.alloc(100 * 1024, 7);
    await expectError(putBytes(`${small.url}/v1/blobs`, big), 'MODEL_TOO_LARGE', 413);
    const chunks = Array.from({ length: 10 }, (_, i) => Buffer.alloc(10 * 1024, i));
    await expectError(putBytes(`${small.url}/v1/blobs`, Readable.from(chunks)), 'MODEL_TOO_LARGE', 413);
    expect(await readdir(join(smallDir, 'blobs'))).toEqual([]);
    expect((await health(small)).ok).toBe(true);
    // The connection pool is still usable and the node still stores blobs under the limit.
    expect(await upload(small, modelBytes)).toEqual({ sha256: sha256Of(modelBytes), size: modelBytes.length });
  });

  it('stops reading a refused upload after a bounded amount: a client cannot make it read gigabytes', async () => {
    // A client that ignores the 413 and keeps sending (a well-behaved one stops at the answer).
    const { port } = new URL(small.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('PUT /v1/blobs HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n');
    let closed = false;
    socket.on('error', () => {});
    socket.once('close', () => {
      closed = true;
    });
    const chunk = Buffer.concat([
      Buffer.from(`${(64 * 1024).toString(16)}\r\n`),
      Buffer.alloc(64 * 1024, 7),
      Buffer.from('\r\n'),
    ]);
    let sent = 0;
    // Up to 64 MiB, each write waiting for the socket to take it.
    while (!closed && sent < 64 * 1024 * 1024) {
      const ok = await new Promise<boolean>((resolve) => socket.write(chunk, (error) => resolve(!error)));
      if (!ok) break;
      sent += chunk.length;
    }
    socket.destroy();
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    expect((await health(small)).ok).toBe(true);
  });

  it('signs its fee and chainId into the receipt', async () => {
    await uploadAndRegister(small, modelBytes);
    const response: InferResponse = await infer(small, { model: 'm@1', inputs: sampleInputs });
    expect(response.receipts[0]?.typedData.message.fee).toBe('1000');
    expect(response.receipts[0]?.typedData.domain.chainId).toBe(8453);
    expect(verifyInferResponse(response, { inputs: sampleInputs, chainId: 8453 }).ok).toBe(true);
  });
});

describe('registration caps', () => {
  let capped: RunningNode;
  const register = (name: string, blob: string) =>
    postJson(`${capped.url}/v1/models`, { name, version: '1', format: 'onnx', blob }) as Promise<ModelEntry>;

  beforeAll(async () => {
    capped = await startTestNode(dirs, { maxModels: 3, maxNamesPerModel: 2 });
  });
  afterAll(async () => {
    await capped?.close();
  });

  it('gives one blob at most maxNamesPerModel names, even when registrations race', async () => {
    const { sha256 } = await upload(capped, modelBytes);
    const results = await Promise.allSettled(['a', 'b', 'c', 'd'].map((name) => register(name, sha256)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const refused of results.filter((r) => r.status === 'rejected')) {
      expect(refused.reason).toMatchObject({ code: 'TOO_MANY_MODELS', details: { status: 409, limit: 2 } });
    }
    const registered = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<ModelEntry>).value;
    // An entry already served is answered as before (registration is idempotent), not refused.
    expect(await register(registered.name, sha256)).toEqual(registered);
  });

  it('serves at most maxModels name@version entries; beyond them POST /v1/models answers 409 TOO_MANY_MODELS', async () => {
    const { sha256 } = await upload(capped, otherModelBytes);
    await register('e', sha256);
    const error = await expectError(register('f', sha256), 'TOO_MANY_MODELS', 409);
    expect(error.details).toMatchObject({ model: 'f@1', limit: 3, registered: 3 });
    const list = ModelListSchema.parse(await getJson(`${capped.url}/v1/models`));
    expect(list.data).toHaveLength(3);
    expect((await health(capped)).models).toBe(3);
  });
});

describe('the endpoint announced on chain', () => {
  const options = (endpoint: string) => ({ dataDir: '/tmp/unused', privateKey: keys.a, endpoint });

  it('is an http(s) base URL with a host', () => {
    for (const endpoint of ['http://127.0.0.1:7071', 'https://node.example', 'https://node.example/verity/']) {
      expect(resolveNodeOptions(options(endpoint)).endpoint).toBe(endpoint);
    }
  });

  it('has no fragment, query, credentials or characters the URL parser drops, and is not repeated in the error', () => {
    for (const endpoint of [
      'http://node.example/admin#',
      'http://node.example/#',
      'http://node.example/admin?x=',
      'http://node.example/?',
      'http://user:secret@node.example',
      'http://node.example/ad\nmin',
      'http://node.example\\admin',
      'ftp://node.example',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(() => resolveNodeOptions(options(endpoint)), endpoint).toThrow(/^endpoint must be an http\(s\) base URL/);
    }
    expect(() => resolveNodeOptions(options('http://user:secret@node.example'))).not.toThrow(/secret/);
  });
});
