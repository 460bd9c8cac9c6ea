/**
 * The node in chain mode against a real anvil (one for this file), real HTTP, real SQLite: it registers and
 * stakes, heartbeats, announces the models it holds that are published, settles its receipts in epochs whose
 * roots it posts (by count and by age), keeps serving through an RPC outage and posts what it owes afterwards,
 * and resumes its epochs from SQLite after a crash (main.ts as a child process, with its flags).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExampleConsumer } from '@verity/contracts';
import {
  type NodeRecord,
  anvilPrivateKeys,
  deployExampleConsumer,
  toReceiptStruct,
  verifyReceiptOnChain,
  writeDeployment,
} from '@verity/chain';
import { getJson, postJson } from '@verity/http/client';
import {
  type Hex,
  type InferResponse,
  addressOf,
  merkleTree,
  receiptDigest,
  receiptLeaf,
  verifyMerkleProof,
} from '@verity/protocol';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainHealth, NodeStartOptions, RunningNode, Settlement } from '../src/index.js';
import { TestChain, eventually, ownerKey } from './chain-helpers.js';
import {
  TempDirs,
  expectError,
  infer,
  modelBytes,
  otherModelBytes,
  sampleInputs,
  sha256Of,
  startTestNode,
  uploadAndRegister,
  uploadGrant,
} from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dirs = new TempDirs();
const nodeKeys = anvilPrivateKeys.slice(1) as Hex[];
const onChainModel = sha256Of(modelBytes);
const offChainModel = sha256Of(otherModelBytes);
let chain: TestChain;

type StoredReceipt = InferResponse & { settlement?: Settlement };

beforeAll(async () => {
  chain = await TestChain.start();
  await chain.publish(onChainModel, 'm', '1');
});

afterAll(async () => {
  await chain?.close();
  await dirs.cleanup();
});

function chainNode(key: Hex, options: Partial<NodeStartOptions> = {}): Promise<RunningNode> {
  return startTestNode(dirs, {
    privateKey: key,
    rpcUrl: chain.rpcUrl,
    deployment: chain.deployment,
    heartbeatIntervalMs: 400,
    ...options,
  });
}

async function chainHealth(url: string): Promise<ChainHealth> {
  return ((await getJson(`${url}/health`)) as { chain: ChainHealth }).chain;
}

async function receipt(url: string, requestId: Hex): Promise<StoredReceipt> {
  return (await getJson(`${url}/v1/receipts/${requestId}`)) as StoredReceipt;
}

function posted(url: string, requestId: Hex, timeoutMs = 15_000): Promise<StoredReceipt> {
  return eventually(
    () => receipt(url, requestId),
    (r) => r.settlement?.status === 'posted',
    timeoutMs,
    `receipt ${requestId} posted`,
  );
}

async function registered(operator: Hex): Promise<NodeRecord> {
  return (await eventually(
    () => chain.node(operator),
    (n) => n?.registered === true && n.active,
    15_000,
    `${operator} registered`,
  )) as NodeRecord;
}

/** Checks a posted receipt with ReceiptRegistry (through verifyReceiptOnChain) and against its root offline. */
async function expectSettled(stored: StoredReceipt): Promise<void> {
  const settlement = stored.settlement as Settlement;
  const signed = stored.receipts[0]!;
  const { domain, message } = signed.typedData;
  expect(domain).toEqual({
    name: 'Verity',
    version: '1',
    chainId: chain.deployment.chainId,
    verifyingContract: chain.deployment.contracts.receiptRegistry,
  });
  expect(settlement.txHash).toMatch(/^0x[0-9a-f]{64}$/);
  expect(verifyMerkleProof(receiptLeaf(receiptDigest(domain, message)), settlement.proof!, settlement.root!)).toBe(true);
  const verdict = await verifyReceiptOnChain(chain.clients.publicClient, chain.deployment.contracts.receiptRegistry, {
    receipt: signed,
    proof: settlement.proof!,
    epoch: settlement.epoch,
  });
  expect(verdict).toEqual({ valid: true, status: 'Valid' });
}

describe('a node on chain', () => {
  it('registers and stakes on start, heartbeats, and updates endpoint, price and stake on a restart', async () => {
    const key = nodeKeys[0]!;
    const operator = addressOf(key);
    const dataDir = await dirs.make();
    let node = await chainNode(key, { dataDir, feeWei: '7' });
    try {
      const record = await registered(operator);
      expect(record).toMatchObject({
        endpoint: node.url,
        priceWei: 7n,
        stake: parseEther('100'),
        modelIds: [],
        unstaking: false,
      });
      expect(await chainHealth(node.url)).toEqual({
        rpcUrl: chain.rpcUrl,
        registered: true,
        active: true,
        lastHeartbeatAt: expect.any(Number),
        openEpoch: null,
        unpostedEpochs: 0,
      });
      await eventually(
        () => chain.node(operator),
        (n) => (n?.lastHeartbeat ?? 0) > record.lastHeartbeat,
        8_000,
        'a later heartbeat',
      );
    } finally {
      await node.close();
    }

    node = await chainNode(key, {
      dataDir,
      feeWei: '9',
      endpoint: 'https://node-a.example:7071',
      stakeWei: parseEther('150').toString(),
    });
    try {
      const updated = (await eventually(
        () => chain.node(operator),
        (n) => n?.endpoint === 'https://node-a.example:7071' && n.priceWei === 9n && n.stake === parseEther('150'),
        10_000,
        'endpoint, price and stake updated',
      ))!;
      expect(updated.active).toBe(true);
    } finally {
      await node.close();
    }
  });

  it('announces a registered model that is published on chain before answering, refuses one that is not or under another name, and never announces one it lacks', async () => {
    const key = nodeKeys[1]!;
    const operator = addressOf(key);
    const node = await chainNode(key);
    try {
      await registered(operator);
      // Published on chain but not held by this node: never announced.
      await chain.publish(`0x${'cd'.repeat(32)}`, 'elsewhere', '1');
      const entry = await uploadAndRegister(node, modelBytes, 'm', '1');
      expect(entry.modelId).toBe(onChainModel);
      expect((await chain.node(operator))?.modelIds).toEqual([onChainModel]);
      // Names are the chain's: a model no one published is refused, and so is a published one under another name.
      const register = (blob: Hex, name: string, version: string) =>
        postJson(`${node.url}/v1/models`, { name, version, format: 'onnx', blob });
      const unpublished = await expectError(register(offChainModel, 'other', '1'), 'MODEL_NOT_PUBLISHED', 422);
      expect(unpublished.message).toContain('verity model push');
      await expectError(register(onChainModel, 'iris', '9.9.9'), 'MODEL_NOT_PUBLISHED', 422);
      const models = (await getJson(`${node.url}/v1/models`)) as { data: { modelId: Hex }[] };
      expect(models.data.map((m) => m.modelId)).toEqual([onChainModel]);
      // A few heartbeats later (each one reconciles the list), still only the model that is both held and published.
      const before = (await chain.node(operator))!.lastHeartbeat;
      await eventually(
        () => chain.node(operator),
        (n) => (n?.lastHeartbeat ?? 0) > before,
        8_000,
        'a later heartbeat',
      );
      expect((await chain.node(operator))?.modelIds).toEqual([onChainModel]);
    } finally {
      await node.close();
    }
  });

  it('settles receipts when an epoch is full: the proofs verify on chain and the example consumer accepts the result', async () => {
    const key = nodeKeys[2]!;
    const node = await chainNode(key, { epochMaxReceipts: 4, epochMaxAgeMs: 600_000 });
    try {
      await registered(addressOf(key));
      await uploadAndRegister(node, modelBytes);
      const first = await infer(node, { model: 'm@1', inputs: sampleInputs });
      const open = await receipt(node.url, first.requestId as Hex);
      expect(open.settlement).toEqual({ epoch: expect.any(Number), leafIndex: 0, status: 'open' });
      const { epoch } = open.settlement!;
      expect((await chainHealth(node.url)).openEpoch).toBe(epoch);
      const rest = await Promise.all([1, 2, 3].map(() => infer(node, { model: 'm@1', inputs: sampleInputs })));
      const ids = [first, ...rest].map((r) => r.requestId as Hex);
      const settled = await Promise.all(ids.map((id) => posted(node.url, id)));
      expect(settled.map((r) => r.settlement!.epoch)).toEqual([epoch, epoch, epoch, epoch]);
      expect(settled.map((r) => r.settlement!.leafIndex).sort()).toEqual([0, 1, 2, 3]);
      expect(new Set(settled.map((r) => r.settlement!.root)).size).toBe(1);
      // The stored response is unchanged; the settlement is added to it.
      const { settlement: _, ...response } = settled[0]!;
      expect(response).toEqual(first);
      // The root is the tree over the four receipts' leaves in leaf-index order.
      const byIndex = [...settled].sort((a, b) => a.settlement!.leafIndex - b.settlement!.leafIndex);
      const leaves = byIndex.map((r) =>
        receiptLeaf(receiptDigest(r.receipts[0]!.typedData.domain, r.receipts[0]!.typedData.message)),
      );
      expect(merkleTree(leaves).root).toBe(settled[0]!.settlement!.root);
      for (const stored of settled) await expectSettled(stored);

      const owner = chain.clients.walletFor(ownerKey);
      const consumer = await deployExampleConsumer(owner, chain.deployment.contracts.receiptRegistry, { modelId: onChainModel });
      const stored = settled[2]!;
      const signed = stored.receipts[0]!;
      const hash = await owner.writeContract({
        address: consumer.address,
        abi: ExampleConsumer.abi,
        functionName: 'accept',
        args: [
          toReceiptStruct(signed.typedData.message),
          signed.signature,
          stored.settlement!.proof!,
          BigInt(stored.settlement!.epoch),
        ],
      });
      expect((await chain.clients.publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
      const accepted = await chain.clients.publicClient.readContract({
        address: consumer.address,
        abi: ExampleConsumer.abi,
        functionName: 'isAccepted',
        args: [stored.requestId as Hex],
      });
      expect(accepted).toBe(true);

      const next = await infer(node, { model: 'm@1', inputs: sampleInputs });
      expect((await receipt(node.url, next.requestId as Hex)).settlement).toEqual({
        epoch: epoch + 1,
        leafIndex: 0,
        status: 'open',
      });
    } finally {
      await node.close();
    }
  });

  it('closes an epoch by age', async () => {
    const key = nodeKeys[3]!;
    const node = await chainNode(key, { epochMaxReceipts: 1_000, epochMaxAgeMs: 700 });
    try {
      await registered(addressOf(key));
      await uploadAndRegister(node, modelBytes);
      const answer = await infer(node, { model: 'm@1', inputs: sampleInputs });
      expect((await receipt(node.url, answer.requestId as Hex)).settlement?.status).toBe('open');
      const stored = await posted(node.url, answer.requestId as Hex);
      expect(stored.settlement).toMatchObject({ leafIndex: 0, status: 'posted', proof: [] });
      await expectSettled(stored);
      expect(await chainHealth(node.url)).toMatchObject({ openEpoch: null, unpostedEpochs: 0 });
    } finally {
      await node.close();
    }
  });

  it('moves an epoch to a fresh number when the chain already holds another root under it (same key, wiped data)', async () => {
    // nodeKeys[3] posted epoch 1 in the test above; a fresh data directory starts counting at 1 again.
    const key = nodeKeys[3]!;
    const node = await chainNode(key, { epochMaxReceipts: 1 });
    try {
      await registered(addressOf(key));
      await uploadAndRegister(node, modelBytes);
      const answer = await infer(node, { model: 'm@1', inputs: sampleInputs });
      const stored = await posted(node.url, answer.requestId as Hex);
      expect(stored.settlement!.epoch).toBe(2);
      await expectSettled(stored);
      const next = await infer(node, { model: 'm@1', inputs: sampleInputs });
      expect((await posted(node.url, next.requestId as Hex)).settlement!.epoch).toBe(3);
    } finally {
      await node.close();
    }
  });

  it('keeps serving through an RPC outage, then posts every root it owes; a node started during the outage joins after it', async () => {
    const key = nodeKeys[4]!;
    const node = await chainNode(key, { epochMaxReceipts: 2, epochMaxAgeMs: 600_000 });
    let late: RunningNode | undefined;
    try {
      await registered(addressOf(key));
      await uploadAndRegister(node, modelBytes);
      await chain.stop();
      try {
        const answers: InferResponse[] = [];
        for (let i = 0; i < 5; i++) answers.push(await infer(node, { model: 'm@1', inputs: sampleInputs }));
        const owed = await eventually(
          () => chainHealth(node.url),
          (h) => h.unpostedEpochs === 2,
          5_000,
          'two epochs owed',
        );
        expect(owed.openEpoch).not.toBeNull();
        late = await chainNode(nodeKeys[5]!);
        expect(await chainHealth(late.url)).toMatchObject({ registered: false, lastHeartbeatAt: null });
        // A model registered while the chain is away is still served (uploaded under the operator's grant: the
        // chain cannot tell now that the blob is published).
        await uploadAndRegister(late, modelBytes, 'm', '1', uploadGrant(nodeKeys[5]!, modelBytes));
        await infer(late, { model: 'm@1', inputs: sampleInputs });
        await chain.restart();
        const settled = await Promise.all(answers.slice(0, 4).map((a) => posted(node.url, a.requestId as Hex, 20_000)));
        for (const stored of settled) await expectSettled(stored);
        expect((await receipt(node.url, answers[4]!.requestId as Hex)).settlement?.status).toBe('open');
        const joined = await registered(addressOf(nodeKeys[5]!));
        expect(joined.endpoint).toBe(late.url);
        expect(joined.modelIds).toEqual([onChainModel]);
      } finally {
        if (!chain.running) await chain.restart();
      }
    } finally {
      await late?.close();
      await node.close();
    }
  });
});

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<unknown>;
}

function runMain(args: string[], key: Hex): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/node/src/main.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', VERITY_NODE_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function listening(child: Child): Promise<string> {
  const line = await eventually(
    async () => {
      if (child.process.exitCode !== null) throw new Error(`exited: ${child.stderr()}`);
      return child.stdout().split('\n')[0] ?? '';
    },
    (l) => l.endsWith('}'),
    30_000,
    'the listening line',
  );
  return (JSON.parse(line) as { url: string }).url;
}

describe('main.ts on chain', () => {
  it('takes the chain flags, and after a crash resumes its open and unposted epochs from SQLite and posts them', async () => {
    const key = nodeKeys[6]!;
    const dataDir = await dirs.make();
    const deploymentFile = join(await dirs.make(), 'deployment.json');
    writeDeployment(deploymentFile, chain.deployment);
    const args = (maxAgeMs: number) => [
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--fee-wei',
      '3',
      '--rpc-url',
      chain.rpcUrl,
      '--deployment',
      deploymentFile,
      '--heartbeat-interval-ms',
      '400',
      '--epoch-max-receipts',
      '2',
      '--epoch-max-age-ms',
      String(maxAgeMs),
    ];
    let child = runMain(args(600_000), key);
    try {
      const url = await listening(child);
      await eventually(
        () => chainHealth(url),
        (h) => h.registered && h.active === true,
        15_000,
        'registered',
      );
      expect((await chain.node(addressOf(key)))?.priceWei).toBe(3n);
      await uploadAndRegister({ url } as RunningNode, modelBytes);
      await chain.stop();
      const answers: InferResponse[] = [];
      for (let i = 0; i < 3; i++) answers.push(await infer({ url } as RunningNode, { model: 'm@1', inputs: sampleInputs }));
      const health = await eventually(
        () => chainHealth(url),
        (h) => h.unpostedEpochs === 1,
        5_000,
        'one epoch owed',
      );
      expect(health.openEpoch).not.toBeNull();
      child.process.kill('SIGKILL');
      await child.exited;
      await chain.restart();

      child = runMain(args(1_000), key);
      const again = await listening(child);
      const settled = await Promise.all(answers.map((a) => posted(again, a.requestId as Hex, 20_000)));
      for (const stored of settled) await expectSettled(stored);
      expect(settled[2]!.settlement!.epoch).toBe(settled[0]!.settlement!.epoch + 1);
      expect(child.stderr()).toContain('"event":"epoch-posted"');
      expect(child.stdout() + child.stderr()).not.toContain(key.slice(2));
    } finally {
      child.process.kill('SIGKILL');
      if (!chain.running) await chain.restart();
    }
  });
});
