/**
 * The router with a chain: the node set is NodeRegistry's active nodes, read from a real anvil. Four real nodes
 * (startNode, no chain of their own) serve a real ONNX model over HTTP on 127.0.0.1; three of their operators
 * register and stake on chain with the chain actions, the fourth never does. The router must route only to the
 * active staked ones, follow the chain as nodes unstake or stop heart-beating, and keep routing with what it knew
 * while the RPC is away.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Anvil,
  type Deployment,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  heartbeat,
  mintTokens,
  registerModel,
  registerNode,
  requestUnstake,
  setNodeModels,
  startAnvil,
} from '@verity/chain';
import { getJson, postJson } from '@verity/http/client';
import { type RunningNode, startNode } from '@verity/node';
import { type Hex, type InferResponse, type ModelList, VerityError, addressOf } from '@verity/protocol';
import { randomMlp } from '@verity/fixtures';
import { createClient } from '@verity/sdk';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainHealth } from '../src/chain-source.js';
import { type RunningRouter, startRouter } from '../src/index.js';

const livenessWindowSeconds = 600;
/**
 * Operators 1–3 register; 4 runs a node but never registers; 5 publishes the model; 6 registers node 4's endpoint;
 * 7 registers a node of its own at a huge price; 8 is the key of a router that charges.
 */
const operatorKeys = [anvilPrivateKeys[1], anvilPrivateKeys[2], anvilPrivateKeys[3]] as Hex[];
const strangerKey = anvilPrivateKeys[4] as Hex;
const publisherKey = anvilPrivateKeys[5] as Hex;
const impostorKey = anvilPrivateKeys[6] as Hex;
const greedyKey = anvilPrivateKeys[7] as Hex;
const paidRouterKey = anvilPrivateKeys[8] as Hex;
const gwei = 10n ** 9n;
const operators = operatorKeys.map((key) => addressOf(key).toLowerCase());
const input = { x: { dtype: 'float32' as const, shape: [1, 4], data: [1, 2, 3, 4] } };

let dir: string;
let anvil: Anvil;
let deployment: Deployment;
let chain: ReturnType<typeof createChainClients>;
let nodes: RunningNode[];
let router: RunningRouter;
let modelId: Hex;
let modelPath: string;

interface RouterHealth {
  chain: ChainHealth;
  nodes: { url: string; address: string | null; healthy: boolean; priceWei?: string; problem?: string }[];
}

const health = async () => (await getJson(`${router.url}/health`)) as RouterHealth;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The executors of `count` requests with policy none, lower-cased. */
async function executorsOf(count: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const response = (await postJson(`${router.url}/v1/infer`, { model: 'm@1', inputs: input })) as InferResponse;
    seen.add(response.receipts[0]!.typedData.message.executor.toLowerCase());
  }
  return seen;
}

async function rpc(method: string, params: unknown[] = []): Promise<unknown> {
  return chain.publicClient.request({ method: method as never, params: params as never });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-router-chain-'));
  anvil = await startAnvil({ port: 0 });
  chain = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  const deployer = chain.walletFor(anvilPrivateKeys[0] as Hex);
  const deployed = await deployVerity(deployer, { livenessWindowSeconds });
  deployment = {
    chainId: anvil.chainId,
    rpcUrl: anvil.rpcUrl,
    contracts: deployed.contracts,
    deployedAt: new Date().toISOString(),
    deployBlock: Number(deployed.deployBlock),
  };
  for (const key of [...operatorKeys, impostorKey, greedyKey]) {
    await mintTokens(deployer, deployed.contracts.token, { to: addressOf(key), amount: parseEther('1000') });
  }

  // Four nodes, each hosting the model over HTTP.
  modelPath = join(dir, 'm.onnx');
  const bytes = randomMlp('m', [4, 8, 3], 1);
  await writeFile(modelPath, bytes);
  modelId = `0x${createHash('sha256').update(bytes).digest('hex')}`;
  nodes = await Promise.all(
    [...operatorKeys, strangerKey].map((privateKey, i) => startNode({ dataDir: join(dir, `node-${i}`), privateKey })),
  );
  for (const node of nodes) await createClient({ url: node.url }).pushModel(modelPath, { name: 'm', version: '1' });

  // On chain: the model is published; operators 1–3 register (priced 3, 2, 1 gwei) and then announce it.
  await registerModel(chain.walletFor(publisherKey), deployed.contracts.modelRegistry, {
    modelId,
    name: 'm',
    version: '1',
    format: 'onnx',
    metadataHash: `0x${'00'.repeat(32)}`,
    priceWei: 0n,
    royaltyBps: 0,
  });
  for (const [i, key] of operatorKeys.entries()) {
    const operator = chain.walletFor(key);
    await registerNode(operator, deployed.contracts.nodeRegistry, {
      endpoint: nodes[i]!.url,
      priceWei: BigInt(3 - i) * gwei,
      modelIds: [],
      stake: parseEther('100'),
    });
    await setNodeModels(operator, deployed.contracts.nodeRegistry, { modelIds: [modelId] });
  }
  router = await startRouter({ port: 0, deployment, refreshIntervalMs: 100, rpcTimeoutMs: 1_000, chainModelWaitMs: 2_000 });
}, 60_000);

afterAll(async () => {
  await router?.close();
  await Promise.all((nodes ?? []).map((node) => node.close()));
  await anvil?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the router with a chain', () => {
  it('routes to the active staked nodes and reports the chain in /health', async () => {
    const state = await health();
    expect(state.chain).toMatchObject({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, activeNodes: 3, error: null });
    expect(Date.parse(state.chain.lastRefreshAt ?? '')).toBeGreaterThan(Date.now() - 10_000);
    expect(state.nodes.map((n) => n.url).sort()).toEqual(
      nodes
        .slice(0, 3)
        .map((n) => n.url)
        .sort(),
    );
    expect(state.nodes.every((n) => n.healthy)).toBe(true);
    expect(state.nodes.map((n) => n.priceWei).sort()).toEqual(['1000000000', '2000000000', '3000000000']);

    const models = (await getJson(`${router.url}/v1/models`)) as ModelList;
    expect(models.data.map((m) => [m.id, m.modelId])).toEqual([['m@1', modelId]]);
    expect(models.data[0]!.nodes?.sort()).toEqual(
      nodes
        .slice(0, 3)
        .map((n) => n.url)
        .sort(),
    );

    const seen = await executorsOf(30);
    for (const executor of seen) expect(operators).toContain(executor);
    const replicated = (await postJson(`${router.url}/v1/infer`, {
      model: 'm@1',
      inputs: input,
      policy: 'replicate:3',
    })) as InferResponse;
    expect(new Set(replicated.receipts.map((r) => r.typedData.message.executor.toLowerCase()))).toEqual(new Set(operators));
  });

  it('quotes from the nodes that will be asked: a node priced 1e30 raises no quote, and is not asked under none', async () => {
    const greedy = await startNode({ dataDir: join(dir, 'node-greedy'), privateKey: greedyKey });
    nodes.push(greedy);
    await createClient({ url: greedy.url }).pushModel(modelPath, { name: 'm', version: '1' });
    await registerNode(chain.walletFor(greedyKey), deployment.contracts.nodeRegistry, {
      endpoint: greedy.url,
      priceWei: 10n ** 30n,
      modelIds: [modelId],
      stake: parseEther('100'),
    });
    await until('the router routes to the greedy node too', async () =>
      (await health()).nodes.some((n) => n.url === greedy.url && n.healthy),
    );

    const paid = await startRouter({
      port: 0,
      deployment,
      refreshIntervalMs: 100,
      rpcTimeoutMs: 1_000,
      payments: { privateKey: paidRouterKey, minPricePerAnswer: 0n, claimIntervalMs: 600_000 },
    });
    try {
      const priceOf = async (policy: string) => {
        const error = await postJson(`${paid.url}/v1/infer`, { model: 'm@1', inputs: input, policy }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'PAYMENT_REQUIRED', details: { status: 402 } });
        return BigInt((error as VerityError).details.price as string);
      };
      // One answer: the cheapest node's price (1 gwei); k answers: k times the k-th cheapest operator's.
      expect(await priceOf('none')).toBe(gwei);
      expect(await priceOf('replicate:2')).toBe(2n * 2n * gwei);
      expect(await priceOf('replicate:3')).toBe(3n * 3n * gwei);
      // Only a request that needs all four operators is quoted the greedy one's price (and the client refuses it).
      expect(await priceOf('replicate:4')).toBe(4n * 10n ** 30n);
      const models = (await getJson(`${paid.url}/v1/models`)) as { data: { id: string; pricing?: { request: string } }[] };
      expect(models.data.find((m) => m.id === 'm@1')?.pricing?.request).toBe('0.000000001');
    } finally {
      await paid.close();
    }

    // Under `none` only the node within the quote is asked; under replicate:3 the three cheapest operators.
    expect([...(await executorsOf(20))]).toEqual([operators[2]]);
    const replicated = (await postJson(`${router.url}/v1/infer`, {
      model: 'm@1',
      inputs: input,
      policy: 'replicate:3',
    })) as InferResponse;
    expect(new Set(replicated.receipts.map((r) => r.typedData.message.executor.toLowerCase()))).toEqual(new Set(operators));

    await requestUnstake(chain.walletFor(greedyKey), deployment.contracts.nodeRegistry);
    await until('the greedy node left', async () => !(await health()).nodes.some((n) => n.url === greedy.url));
  });

  it('names models as the chain does: an unpublished model is refused with how to publish, and no node can relabel one', async () => {
    const path = join(dir, 'n.onnx');
    await writeFile(path, randomMlp('n', [4, 8, 3], 2));
    const refused = createClient({ url: router.url }).pushModel(path, { name: 'n', version: '1' });
    await expect(refused).rejects.toMatchObject({
      code: 'MODEL_NOT_PUBLISHED',
      message: expect.stringContaining('verity model push'),
    });
    // The published blob under another name, and under its own name at another version: refused at the router...
    for (const [name, version] of [
      ['iris', '9.9.9'],
      ['m', '2'],
    ]) {
      await expect(postJson(`${router.url}/v1/models`, { name, version, format: 'onnx', blob: modelId })).rejects.toMatchObject({
        code: 'MODEL_NOT_PUBLISHED',
      });
    }
    // ...and when a node (this one has no chain of its own) is told so directly, the router still names it as the chain does.
    await postJson(`${nodes[0]!.url}/v1/models`, { name: 'iris', version: '9.9.9', format: 'onnx', blob: modelId });
    await router.nodeSet.refresh();
    const models = (await getJson(`${router.url}/v1/models`)) as ModelList;
    expect(models.data.map((m) => [m.id, m.owned_by])).toEqual([['m@1', addressOf(publisherKey)]]);
    await expect(postJson(`${router.url}/v1/infer`, { model: 'iris', inputs: input })).rejects.toMatchObject({
      code: 'UNKNOWN_MODEL',
    });
    const answer = (await postJson(`${router.url}/v1/infer`, { model: 'm', inputs: input })) as InferResponse;
    expect(answer.modelId).toBe(modelId);
  });

  it('never routes to an unregistered node, nor to an endpoint run by another key than its operator', async () => {
    // Operator 6 stakes for node 4's endpoint, but node 4 signs with its own key (which never registered).
    const impostor = chain.walletFor(impostorKey);
    await registerNode(impostor, deployment.contracts.nodeRegistry, {
      endpoint: nodes[3]!.url,
      priceWei: 0n,
      modelIds: [modelId],
      stake: parseEther('100'),
    });
    await until('the router read the fourth registration', async () => (await health()).chain.activeNodes === 4);
    const listed = (await health()).nodes.find((n) => n.url === nodes[3]!.url);
    // /health names the reason only; which key the endpoint signs with is in the router's log.
    expect(listed).toMatchObject({ healthy: false, address: addressOf(impostorKey), problem: 'wrong-operator' });

    const seen = await executorsOf(20);
    expect(seen.has(addressOf(strangerKey).toLowerCase())).toBe(false);
    for (const executor of seen) expect(operators).toContain(executor);
  });

  it('drops a node that requests to unstake at the next refresh', async () => {
    await requestUnstake(chain.walletFor(operatorKeys[1]!), deployment.contracts.nodeRegistry);
    await until('the unstaking node left', async () => !(await health()).nodes.some((n) => n.url === nodes[1]!.url));

    const seen = await executorsOf(20);
    expect(seen.has(operators[1]!)).toBe(false);
    // Two honest operators left (the impostor's endpoint is not routed to): replicate:3 cannot be met.
    const error = await postJson(`${router.url}/v1/infer`, { model: 'm@1', inputs: input, policy: 'replicate:3' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VerityError);
    expect(error).toMatchObject({ code: 'NOT_ENOUGH_NODES' });
  });

  it('keeps routing with the last known set while the RPC is away, and follows the chain again once it is back', async () => {
    const state = (await rpc('anvil_dumpState')) as Hex;
    await anvil.stop();
    await until('the router noticed the outage', async () => (await health()).chain.error !== null);
    const during = await health();
    expect(during.chain.activeNodes).toBe(3);
    expect(during.chain.error).not.toContain(anvil.rpcUrl);
    const seen = await executorsOf(10);
    expect(seen.size).toBeGreaterThan(0);
    for (const executor of seen) expect([operators[0], operators[2]]).toContain(executor);

    anvil = await startAnvil({ port: anvil.port });
    chain = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
    await rpc('anvil_loadState', [state]);
    await until('the router reads the chain again', async () => (await health()).chain.error === null);
    expect((await health()).chain.activeNodes).toBe(3);
  });

  it('drops a node whose heartbeat is older than the liveness window', async () => {
    // Past the window for everyone; then operator 1 alone heart-beats (which mines a block at the new time).
    await rpc('evm_increaseTime', [livenessWindowSeconds + 1]);
    await heartbeat(chain.walletFor(operatorKeys[0]!), deployment.contracts.nodeRegistry);
    await until('only operator 1 is active', async () => (await health()).chain.activeNodes === 1);
    expect((await health()).nodes.map((n) => n.url)).toEqual([nodes[0]!.url]);
    expect([...(await executorsOf(10))]).toEqual([operators[0]]);
  });
});
