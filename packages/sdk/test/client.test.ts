/**
 * The SDK against a real node (startNode on 127.0.0.1, port 0, a temp data dir) serving a real ONNX model.
 * The untrusted-relay case puts a real HTTP relay between client and node that alters outputs in transit.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningNode, startNode } from '@verity/node';
import { type Hex, type InferResponse, type TensorMap, addressOf, hashTensorMap } from '@verity/protocol';
import { randomMlp, startFaultyNode } from '@verity/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerityError, createClient, infer, listModels, verifyInferResponse } from '../src/index.js';

const key: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const faultyKey: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const inputs: TensorMap = { x: { dtype: 'float32', shape: [2, 4], data: [1, 2, 3, 4, -0.5, 0.25, 0, 8] } };

let dir: string;
let modelPath: string;
let modelBytes: Uint8Array;
let node: RunningNode;
let faulty: RunningNode;
let relay: Server;
let relayUrl: string;

/** An untrusted relay (think: a router) that forwards to the node and changes the first output value. */
function tamperingRelay(target: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method ?? 'GET',
      headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const body = (await upstream.json()) as InferResponse;
    if (request.url === '/v1/infer' && upstream.ok) (body.outputs.y!.data as number[])[0] = 42;
    response.writeHead(upstream.status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-sdk-'));
  modelBytes = randomMlp('m', [4, 8, 3], 1);
  modelPath = join(dir, 'm.onnx');
  await writeFile(modelPath, modelBytes);
  [node, faulty] = await Promise.all([
    startNode({ dataDir: join(dir, 'node'), privateKey: key }),
    startFaultyNode({ dataDir: join(dir, 'faulty'), privateKey: faultyKey }, 'wrong-output'),
  ]);
  relay = await tamperingRelay(node.url);
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => relay?.close(resolve));
  await Promise.all([node?.close(), faulty?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('createClient', () => {
  it('answers health with the node operator address', async () => {
    const health = await createClient({ url: `${node.url}/` }).health();
    expect(health).toMatchObject({ ok: true, address: addressOf(key) });
  });

  it('rejects URLs that are not http(s)', () => {
    expect(() => createClient({ url: 'ftp://example.com' })).toThrow(VerityError);
    expect(() => createClient({ url: 'not a url' })).toThrow(/not a URL/);
  });

  it('pushes a model file with progress events, then lists it', async () => {
    const client = createClient({ url: node.url });
    const events: [number, number][] = [];
    const entry = await client.pushModel(modelPath, {
      name: 'm',
      version: '1',
      onProgress: (sent, total) => events.push([sent, total]),
    });
    const modelId = sha256Of(modelBytes);
    expect(entry).toMatchObject({ id: 'm@1', name: 'm', version: '1', format: 'onnx', modelId, size: modelBytes.length });
    expect(events[0]).toEqual([0, modelBytes.length]);
    expect(events.at(-1)).toEqual([modelBytes.length, modelBytes.length]);
    for (let i = 1; i < events.length; i++) expect(events[i]![0]).toBeGreaterThanOrEqual(events[i - 1]![0]);

    const list = await client.listModels();
    expect(list.object).toBe('list');
    expect(list.data.map((m) => m.id)).toContain('m@1');
    expect(list.data.find((m) => m.id === 'm@1')?.signature.inputs[0]).toMatchObject({ name: 'x', dtype: 'float32' });
  });

  it('uploads bytes from memory and checks the stored hash', async () => {
    const client = createClient({ url: faulty.url });
    const stored = await client.putBlob(modelBytes, {});
    expect(stored).toEqual({ sha256: sha256Of(modelBytes), size: modelBytes.length });
    const entry = await client.registerModel({ name: 'm', version: '1', format: 'onnx', blob: stored.sha256 });
    expect(entry.modelId).toBe(stored.sha256);
  });

  it('streams a large file and large bytes in chunks, reporting progress as they go', async () => {
    const big = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 2654435761) >>> 24);
    const bigPath = join(dir, 'big.bin');
    await writeFile(bigPath, big);
    const client = createClient({ url: node.url });
    for (const source of [bigPath, big]) {
      const events: number[] = [];
      const stored = await client.putBlob(source, {
        onProgress: (sent, total) => {
          expect(total).toBe(big.length);
          events.push(sent);
        },
      });
      expect(stored).toEqual({ sha256: sha256Of(big), size: big.length });
      expect(events.length).toBeGreaterThan(3);
      expect(events[0]).toBe(0);
      expect(events.at(-1)).toBe(big.length);
      expect([...events].sort((a, b) => a - b)).toEqual(events);
    }
  });

  it('refuses to guess a format from an unknown extension', async () => {
    const other = join(dir, 'm.bin');
    await writeFile(other, modelBytes);
    const client = createClient({ url: node.url });
    await expect(client.pushModel(other, { name: 'm', version: 'bin' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    const entry = await client.pushModel(other, { name: 'm', version: 'bin', format: 'onnx' });
    expect(entry.id).toBe('m@bin');
  });

  it('infers and verifies the receipts before returning', async () => {
    const client = createClient({ url: node.url });
    const requestId: Hex = `0x${'5a'.repeat(32)}`;
    const response = await client.infer({ model: 'm@1', inputs, requestId });
    expect(response.requestId).toBe(requestId);
    expect(response.outputs.y).toMatchObject({ dtype: 'float32', shape: [2, 3] });
    expect(response.receipts).toHaveLength(1);
    expect(response.receipts[0]!.typedData.message).toMatchObject({
      executor: addressOf(key),
      inputHash: hashTensorMap(inputs),
      outputHash: hashTensorMap(response.outputs),
    });
    expect(client.verify(response, { inputs })).toMatchObject({ ok: true });

    const stored = await client.getReceipt(requestId);
    expect(stored).toEqual(response);
  });

  it('works as standalone actions taking the client first', async () => {
    const client = createClient({ url: node.url });
    const { data } = await listModels(client);
    const modelId = data.find((m) => m.id === 'm@1')!.modelId;
    const response = await infer(client, { model: modelId, inputs });
    expect(response.modelId).toBe(modelId);
  });

  it('throws RECEIPT_INVALID, with the report, when a relay alters the outputs', async () => {
    const client = createClient({ url: relayUrl });
    const error = await client.infer({ model: 'm@1', inputs }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VerityError);
    const { code, details, message } = error as VerityError;
    expect(code).toBe('RECEIPT_INVALID');
    expect(message).toMatch(/^the response does not verify: outputHash\[0\]: outputs hash to 0x/);
    const report = details.report as ReturnType<typeof verifyInferResponse>;
    expect(report.ok).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['outputHash', 'quorum']);

    // Turned off, the same answer comes back as is; checking it offline tells the same story.
    const unchecked = await createClient({ url: relayUrl, verify: false }).infer({ model: 'm@1', inputs });
    expect((unchecked.outputs.y!.data as number[])[0]).toBe(42);
    expect(client.verify(unchecked).ok).toBe(false);
  });

  it('detects outputs altered after the fact, and inputs that are not the ones signed', async () => {
    const client = createClient({ url: node.url, verify: false });
    const response = await client.infer({ model: 'm@1', inputs });
    expect(client.verify(response, { inputs }).ok).toBe(true);

    const tampered = structuredClone(response);
    (tampered.outputs.y!.data as number[])[3] = 0;
    const report = client.verify(tampered, { inputs });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.check === 'outputHash')).toMatchObject({ ok: false, receipt: 0 });

    const otherInputs: TensorMap = { x: { ...inputs.x!, data: [1, 2, 3, 4, -0.5, 0.25, 0, 9] } };
    const inputsReport = client.verify(response, { inputs: otherInputs });
    expect(inputsReport.checks.find((c) => c.check === 'inputHash')).toMatchObject({ ok: false });
    expect(verifyInferResponse(response, { inputs }).ok).toBe(true);
  });

  it('passes a wrong-output node: a receipt only proves who signed what, not that it is right', async () => {
    const honest = await createClient({ url: node.url }).infer({ model: 'm@1', inputs });
    const wrong = await createClient({ url: faulty.url }).infer({ model: 'm@1', inputs });
    expect(wrong.receipts[0]!.typedData.message.executor).toBe(addressOf(faultyKey));
    expect(wrong.outputs).not.toEqual(honest.outputs);
    // Same inputs, different signed outputHash: the evidence a dispute (or replicate:k) is built on.
    expect(wrong.receipts[0]!.typedData.message.outputHash).not.toBe(honest.receipts[0]!.typedData.message.outputHash);
  });

  it('brings back protocol errors as VerityError with their code', async () => {
    const client = createClient({ url: node.url });
    await expect(client.infer({ model: 'nope@1', inputs })).rejects.toMatchObject({
      code: 'UNKNOWN_MODEL',
      details: { status: 404 },
    });
    await expect(
      client.infer({ model: 'm@1', inputs: { x: { dtype: 'float32', shape: [1, 3], data: [1, 2, 3] } } }),
    ).rejects.toMatchObject({
      code: 'SHAPE_MISMATCH',
    });
    await expect(client.getReceipt('0x1234')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(client.infer({ model: 'm@1', inputs, requestId: '0x12' })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(createClient({ url: 'http://127.0.0.1:9' }).health()).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });
  });
});

function sha256Of(bytes: Uint8Array): Hex {
  return `0x${createHash('sha256').update(bytes).digest('hex')}`;
}
