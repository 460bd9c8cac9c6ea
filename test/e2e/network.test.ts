/**
 * End to end: a real network (three node processes and a router process on loopback), driven through HTTP and
 * the SDK. One network is shared by every test here; the Byzantine test starts its own, with a faulty node.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalNetwork, repoRoot } from '@verity/devnet';
import { getJson, postJson } from '@verity/http/client';
import {
  type InferResponse,
  type TensorMap,
  VerityError,
  decodeTensorMap,
  encodeTensorMap,
  verifyInferResponse,
} from '@verity/protocol';
import { OnnxEngine } from '@verity/runtime';
import { createClient } from '@verity/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const irisPath = join(repoRoot, 'models/iris.onnx');
const setosa: TensorMap = { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } };
const virginica: TensorMap = { x: { dtype: 'float32', shape: [1, 4], data: [6.7, 3.0, 5.2, 2.3] } };

async function expected(inputs: TensorMap): Promise<TensorMap> {
  const model = await new OnnxEngine().load(readFileSync(irisPath));
  const outputs = encodeTensorMap(await model.run(decodeTensorMap(inputs)));
  await model.dispose();
  return outputs;
}

async function errorOf(promise: Promise<unknown>): Promise<VerityError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VerityError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('a local network of three nodes and a router', () => {
  let network: LocalNetwork;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    network = await LocalNetwork.start({ nodes: 3, routerPort: 0, nodeBasePort: 0, routerTimeoutMs: 5_000 });
    client = createClient({ url: network.routerUrl });
    await client.pushModel(irisPath, { name: 'iris', version: '1.0.0' });
  });
  afterAll(async () => {
    await network?.stop();
  });

  it('spreads a pushed model to every node', async () => {
    const list = await client.listModels();
    const iris = list.data.find((m) => m.id === 'iris@1.0.0');
    expect(iris?.nodes).toHaveLength(3);
    for (const node of network.nodes) {
      const own = (await getJson(`${node.url}/v1/models`)) as { data: { id: string }[] };
      expect(own.data.map((m) => m.id)).toContain('iris@1.0.0');
    }
  });

  it('answers with policy none: one receipt, verified offline, outputs equal the engine in-process', async () => {
    const response = await client.infer({ model: 'iris', inputs: virginica });
    expect(response.policy).toBe('none');
    expect(response.receipts).toHaveLength(1);
    expect(verifyInferResponse(response, { inputs: virginica }).ok).toBe(true);
    expect(response.outputs).toEqual(await expected(virginica));
    expect(response.outputs.label?.data).toEqual([2]);
  });

  it('answers with replicate:3 only when three distinct operators agree', async () => {
    const response = await client.infer({ model: 'iris@1.0.0', inputs: setosa, policy: 'replicate:3' });
    expect(response.receipts).toHaveLength(3);
    const executors = new Set(response.receipts.map((r) => r.typedData.message.executor));
    expect(executors).toEqual(new Set(network.nodes.map((n) => n.address)));
    expect(new Set(response.receipts.map((r) => r.typedData.message.outputHash)).size).toBe(1);
    expect(response.receipts.every((r) => r.typedData.message.policy === 'replicate:3')).toBe(true);
    expect(response.dissent).toBeUndefined();
    expect(verifyInferResponse(response, { inputs: setosa }).ok).toBe(true);
  });

  it('refuses replication beyond the operators available, and unknown policies', async () => {
    expect(await errorOf(client.infer({ model: 'iris', inputs: setosa, policy: 'replicate:4' }))).toMatchObject({
      code: 'NOT_ENOUGH_NODES',
    });
    expect(await errorOf(client.infer({ model: 'iris', inputs: setosa, policy: 'majority' }))).toMatchObject({
      code: 'UNKNOWN_POLICY',
    });
    // spot-check:p is part of Protocol v1 but needs validators (a later issue): refused plainly, never run as `none`.
    const spotCheck = await errorOf(client.infer({ model: 'iris', inputs: setosa, policy: 'spot-check:0.05' }));
    expect(spotCheck).toMatchObject({ code: 'UNKNOWN_POLICY' });
    expect(spotCheck.message).toMatch(/not implemented/);
  });

  it('gives typed errors for bad input through the router', async () => {
    const infer = (body: unknown) => errorOf(postJson(`${network.routerUrl}/v1/infer`, body));
    expect((await infer({ model: 'nope', inputs: setosa })).code).toBe('UNKNOWN_MODEL');
    expect((await infer({ model: 'iris', inputs: { x: { dtype: 'float32', shape: [1, 5], data: [1, 2, 3, 4, 5] } } })).code).toBe(
      'SHAPE_MISMATCH',
    );
    expect((await infer({ model: 'iris', inputs: { x: { dtype: 'float32', shape: [1, 4], data: [1, 2] } } })).code).toBe(
      'DATA_LENGTH_MISMATCH',
    );
    expect((await infer({ model: 'iris', inputs: { y: setosa.x } })).code).toBe('UNKNOWN_INPUT');
    expect((await infer({ model: 'iris', inputs: { x: { ...setosa.x, dtype: 'float64' } } })).code).toBe('DTYPE_MISMATCH');
    expect((await infer({ inputs: setosa })).code).toBe('INVALID_REQUEST');
    const malformed = await fetch(`${network.routerUrl}/v1/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('BAD_JSON');
  });

  it('stores an upload through the router as raw bytes, whatever its content type says', async () => {
    const body = '{"not": "parsed"}';
    const stored = await fetch(`${network.routerUrl}/v1/blobs`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ sha256: `0x${createHash('sha256').update(body).digest('hex')}`, size: body.length });
  });

  it('fails over when a node crashes in the middle of a run, and takes it back after a restart', async () => {
    const crashed = network.nodes[0]!.address;
    const results: InferResponse[] = [];
    let crash: Promise<void> | undefined;
    let servedAfterCrash: string[] = [];
    const run = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const response = await client.infer({ model: 'iris', inputs: setosa });
        results.push(response);
        if (crash) servedAfterCrash.push(response.receipts[0]!.typedData.message.executor);
        // Crash node 1 while the other lanes still have requests in flight.
        if (results.length === 20) crash = network.crashNode(0);
      }
    };
    await Promise.all(Array.from({ length: 4 }, () => run(30)));
    await crash;
    expect(results).toHaveLength(120);
    expect(results.every((r) => r.outputs.label?.data?.[0] === 0)).toBe(true);
    // Requests still in flight at the crash may have been answered by it; later ones only by the survivors.
    servedAfterCrash = servedAfterCrash.slice(8);
    expect(servedAfterCrash.length).toBeGreaterThan(50);
    expect(servedAfterCrash).not.toContain(crashed);

    await network.restartNode(0);
    const restarted = network.nodes[0]!;
    // The restarted node kept its models (SQLite and blob store) and rejoins routing once its health answers.
    const own = (await getJson(`${restarted.url}/v1/models`)) as { data: { id: string }[] };
    expect(own.data.map((m) => m.id)).toContain('iris@1.0.0');
    await expect
      .poll(async () => (await client.infer({ model: 'iris', inputs: setosa, policy: 'replicate:3' })).receipts.length, {
        timeout: 15_000,
        interval: 500,
      })
      .toBe(3);
  });
});

describe('a network with one node that lies', () => {
  let network: LocalNetwork;
  beforeAll(async () => {
    network = await LocalNetwork.start({ nodes: 3, routerPort: 0, nodeBasePort: 0, faults: { 1: 'wrong-output' } });
    await createClient({ url: network.routerUrl }).pushModel(irisPath, { name: 'iris', version: '1.0.0' });
  });
  afterAll(async () => {
    await network?.stop();
  });

  it('never returns the liar’s output under replicate:3, and names it as dissenting', async () => {
    const client = createClient({ url: network.routerUrl });
    const honest = await expected(virginica);
    const liar = network.nodes[1]!.address;
    for (let i = 0; i < 10; i++) {
      const response = await client.infer({ model: 'iris', inputs: virginica, policy: 'replicate:3' });
      expect(response.outputs).toEqual(honest);
      expect(response.receipts).toHaveLength(2);
      expect(response.receipts.map((r) => r.typedData.message.executor)).not.toContain(liar);
      expect(response.dissent?.map((d) => d.executor)).toEqual([liar]);
    }
    const health = (await getJson(`${network.routerUrl}/health`)) as { nodes: { address: string; dissents: number }[] };
    expect(health.nodes.find((n) => n.address === liar)?.dissents).toBe(10);
  });
});
