/** The chain client's actions against a real anvil, as a node, a router, a publisher and a consumer use them. */
import {
  type Hex,
  type SignedReceipt,
  addressOf,
  merkleTree,
  receiptDigest,
  receiptDomain,
  receiptLeaf,
  signReceipt,
} from '@verity/protocol';
import { createTestClient, http, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Anvil,
  type ChainClients,
  type VerityContracts,
  addStake,
  anvilPrivateKeys,
  approveTokens,
  createChainClients,
  deployExampleConsumer,
  deployVerity,
  deprecateModel,
  getModel,
  getModelRegisteredEvents,
  getNode,
  getRoot,
  getRootPostedEvents,
  getTokenBalance,
  heartbeat,
  listActiveNodes,
  listNodes,
  mintTokens,
  postRoot,
  registerModel,
  registerNode,
  requestUnstake,
  resolveModel,
  revertErrorName,
  setNodeModels,
  startAnvil,
  updateNode,
  verifyReceiptOnChain,
  withdrawStake,
} from '../src/index.js';

const livenessWindowSeconds = 30;
const unstakeDelaySeconds = 300;
const modelV1: Hex = `0x${'01'.repeat(32)}`;
const modelV2: Hex = `0x${'02'.repeat(32)}`;

let anvil: Anvil;
let clients: ChainClients;
let contracts: Required<Omit<VerityContracts, 'exampleConsumer'>>;
let deployBlock: bigint;
const [ownerKey, publisherKey, nodeKey1, nodeKey2, nodeKey3] = anvilPrivateKeys as [Hex, Hex, Hex, Hex, Hex];

async function advance(seconds: number): Promise<void> {
  const test = createTestClient({ mode: 'anvil', chain: clients.chain, transport: http(anvil.rpcUrl) });
  await test.increaseTime({ seconds });
  await test.mine({ blocks: 1 });
}

async function failure(call: Promise<unknown>): Promise<string | undefined> {
  return call.then(
    () => 'no revert',
    (error: unknown) => revertErrorName(error),
  );
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
  clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  const deployed = await deployVerity(clients.walletFor(ownerKey), { livenessWindowSeconds, unstakeDelaySeconds });
  contracts = deployed.contracts;
  deployBlock = deployed.deployBlock;
});

afterAll(async () => {
  await anvil?.stop();
});

describe('chain actions', () => {
  it('deploys with the requested parameters', async () => {
    expect(Object.values(contracts).every((a) => /^0x[0-9a-fA-F]{40}$/.test(a))).toBe(true);
    expect(deployBlock).toBeGreaterThan(0n);
    for (const address of Object.values(contracts)) {
      expect(await clients.publicClient.getCode({ address })).toMatch(/^0x[0-9a-f]{10,}/);
    }
  });

  it('mints, approves and reads balances', async () => {
    const owner = clients.walletFor(ownerKey);
    for (const key of [nodeKey1, nodeKey2, nodeKey3]) {
      await mintTokens(owner, contracts.token, { to: addressOf(key), amount: parseEther('1000') });
    }
    expect(await getTokenBalance(clients.publicClient, contracts.token, { owner: addressOf(nodeKey1) })).toBe(parseEther('1000'));
    const stranger = clients.walletFor(nodeKey1);
    expect(await failure(mintTokens(stranger, contracts.token, { to: addressOf(nodeKey1), amount: 1n }))).toBe(
      'OwnableUnauthorizedAccount',
    );
    const approval = await approveTokens(stranger, contracts.token, { spender: contracts.nodeRegistry, amount: 1n });
    expect(approval.gasUsed).toBeGreaterThan(21_000n);
  });

  it('publishes, resolves, reads and deprecates models', async () => {
    const publisher = clients.walletFor(publisherKey);
    const base = { name: 'mlp', format: 'onnx', metadataHash: `0x${'aa'.repeat(32)}` as Hex, priceWei: 1000n, royaltyBps: 100 };
    await registerModel(publisher, contracts.modelRegistry, { ...base, modelId: modelV1, version: '1' });
    await registerModel(publisher, contracts.modelRegistry, { ...base, modelId: modelV2, version: '2' });
    expect(
      await failure(
        registerModel(publisher, contracts.modelRegistry, { ...base, modelId: `0x${'03'.repeat(32)}`, version: '1' }),
      ),
    ).toBe('VersionExists');
    const model = await getModel(clients.publicClient, contracts.modelRegistry, { modelId: modelV1 });
    expect(model).toMatchObject({
      modelId: modelV1,
      publisher: addressOf(publisherKey),
      name: 'mlp',
      version: '1',
      royaltyBps: 100,
      deprecated: false,
    });
    expect(await getModel(clients.publicClient, contracts.modelRegistry, { modelId: `0x${'09'.repeat(32)}` })).toBeNull();
    expect(await resolveModel(clients.publicClient, contracts.modelRegistry, { name: 'mlp', version: '1' })).toBe(modelV1);
    expect(await resolveModel(clients.publicClient, contracts.modelRegistry, { name: 'mlp' })).toBe(modelV2);
    expect(await resolveModel(clients.publicClient, contracts.modelRegistry, { name: 'mlp', version: '3' })).toBeNull();
    expect(await resolveModel(clients.publicClient, contracts.modelRegistry, { name: 'nothing' })).toBeNull();

    await deprecateModel(publisher, contracts.modelRegistry, { modelId: modelV2 });
    expect((await getModel(clients.publicClient, contracts.modelRegistry, { modelId: modelV2 }))?.deprecated).toBe(true);
    // "latest" skips the deprecated version.
    expect(await resolveModel(clients.publicClient, contracts.modelRegistry, { name: 'mlp' })).toBe(modelV1);

    const events = await getModelRegisteredEvents(clients.publicClient, contracts.modelRegistry, { fromBlock: deployBlock });
    expect(events.map((e) => [e.modelId, e.version])).toEqual([
      [modelV1, '1'],
      [modelV2, '2'],
    ]);
  });

  it('registers nodes (approving the stake), lists the active ones and filters by model', async () => {
    const minStake = parseEther('100');
    for (const [i, key] of [nodeKey1, nodeKey2, nodeKey3].entries()) {
      const result = await registerNode(clients.walletFor(key), contracts.nodeRegistry, {
        endpoint: `http://127.0.0.1:${7071 + i}`,
        priceWei: 10n + BigInt(i),
        modelIds: i === 2 ? [] : [modelV1],
        stake: minStake,
      });
      expect(result.approval?.gasUsed).toBeGreaterThan(0n);
    }
    expect(
      await failure(
        registerNode(clients.walletFor(nodeKey1), contracts.nodeRegistry, {
          endpoint: 'http://x',
          priceWei: 1n,
          modelIds: [],
          stake: minStake,
        }),
      ),
    ).toBe('AlreadyRegistered');
    expect(
      await failure(
        registerNode(clients.walletFor(ownerKey), contracts.nodeRegistry, {
          endpoint: 'http://x',
          priceWei: 1n,
          modelIds: [modelV2],
          stake: minStake,
        }),
      ),
    ).toBe('DeprecatedModel');

    const node = await getNode(clients.publicClient, contracts.nodeRegistry, { operator: addressOf(nodeKey1) });
    expect(node).toMatchObject({
      endpoint: 'http://127.0.0.1:7071',
      priceWei: 10n,
      stake: minStake,
      modelIds: [modelV1],
      active: true,
    });
    expect(await getNode(clients.publicClient, contracts.nodeRegistry, { operator: addressOf(ownerKey) })).toBeNull();
    expect((await listActiveNodes(clients.publicClient, contracts.nodeRegistry)).map((n) => n.operator)).toEqual(
      [nodeKey1, nodeKey2, nodeKey3].map(addressOf),
    );
    const serving = await listActiveNodes(clients.publicClient, contracts.nodeRegistry, { modelId: modelV1, pageSize: 1 });
    expect(serving.map((n) => n.endpoint)).toEqual(['http://127.0.0.1:7071', 'http://127.0.0.1:7072']);
  });

  it('updates, sets models (in any order) and adds stake', async () => {
    const node3 = clients.walletFor(nodeKey3);
    await updateNode(node3, contracts.nodeRegistry, { endpoint: 'http://127.0.0.1:7173', priceWei: 99n });
    const publisher = clients.walletFor(publisherKey);
    const modelV3: Hex = `0x${'00'.repeat(31)}03`;
    await registerModel(publisher, contracts.modelRegistry, {
      modelId: modelV3,
      name: 'mlp',
      version: '3',
      format: 'onnx',
      metadataHash: `0x${'aa'.repeat(32)}`,
      priceWei: 0n,
      royaltyBps: 0,
    });
    await setNodeModels(node3, contracts.nodeRegistry, { modelIds: [modelV1, modelV3, modelV1] });
    const added = await addStake(node3, contracts.nodeRegistry, { amount: parseEther('5') });
    expect(added.approval).toBeDefined();
    const node = await getNode(clients.publicClient, contracts.nodeRegistry, { operator: addressOf(nodeKey3) });
    expect(node).toMatchObject({
      endpoint: 'http://127.0.0.1:7173',
      priceWei: 99n,
      modelIds: [modelV3, modelV1],
      stake: parseEther('105'),
    });
  });

  it('drops a node that stops heart-beating, and one that unstakes, from the routing set', async () => {
    await advance(livenessWindowSeconds - 10);
    await heartbeat(clients.walletFor(nodeKey1), contracts.nodeRegistry);
    await heartbeat(clients.walletFor(nodeKey3), contracts.nodeRegistry);
    await advance(15);
    // Node 2 missed its heartbeat.
    expect((await listActiveNodes(clients.publicClient, contracts.nodeRegistry)).map((n) => n.operator)).toEqual(
      [nodeKey1, nodeKey3].map(addressOf),
    );
    await heartbeat(clients.walletFor(nodeKey2), contracts.nodeRegistry);
    expect(await listActiveNodes(clients.publicClient, contracts.nodeRegistry)).toHaveLength(3);

    const node3 = clients.walletFor(nodeKey3);
    await requestUnstake(node3, contracts.nodeRegistry);
    expect((await listActiveNodes(clients.publicClient, contracts.nodeRegistry)).map((n) => n.operator)).not.toContain(
      addressOf(nodeKey3),
    );
    expect(await failure(withdrawStake(node3, contracts.nodeRegistry))).toBe('UnstakeLocked');
    await advance(unstakeDelaySeconds);
    const before = await getTokenBalance(clients.publicClient, contracts.token, { owner: addressOf(nodeKey3) });
    await withdrawStake(node3, contracts.nodeRegistry);
    expect((await getTokenBalance(clients.publicClient, contracts.token, { owner: addressOf(nodeKey3) })) - before).toBe(
      parseEther('105'),
    );
    const all = await listNodes(clients.publicClient, contracts.nodeRegistry);
    expect(all.map((n) => [n.operator, n.registered])).toEqual([
      [addressOf(nodeKey1), true],
      [addressOf(nodeKey2), true],
      [addressOf(nodeKey3), false],
    ]);
    for (const key of [nodeKey1, nodeKey2]) await heartbeat(clients.walletFor(key), contracts.nodeRegistry);
  });

  it('settles epochs, reads roots and their events, and verifies receipts on chain', async () => {
    const domain = receiptDomain(anvil.chainId, contracts.receiptRegistry);
    const executor = addressOf(nodeKey1);
    const receipts: SignedReceipt[] = Array.from({ length: 12 }, (_, i) =>
      signReceipt(
        nodeKey1,
        {
          requestId: `0x${(i + 1).toString(16).padStart(64, '0')}`,
          modelId: modelV1,
          inputHash: `0x${'11'.repeat(32)}`,
          outputHash: `0x${'22'.repeat(31)}${i.toString(16).padStart(2, '0')}`,
          executor,
          fee: '1000',
          timestamp: 1_790_000_000 + i,
          policy: 'none',
          engine: 'onnxruntime-node/1.30.0/cpu-fp32',
        },
        domain,
      ),
    );
    // Through JSON, as a client gets them from a node.
    const wire = JSON.parse(JSON.stringify(receipts)) as SignedReceipt[];
    const tree = merkleTree(wire.map((r) => receiptLeaf(receiptDigest(domain, r.typedData.message))));
    const node1 = clients.walletFor(nodeKey1);
    const posted = await postRoot(node1, contracts.receiptRegistry, { epoch: 7, root: tree.root, count: receipts.length });
    expect(await failure(postRoot(node1, contracts.receiptRegistry, { epoch: 7, root: tree.root, count: 12 }))).toBe(
      'RootAlreadyPosted',
    );
    expect(await getRoot(clients.publicClient, contracts.receiptRegistry, { operator: executor, epoch: 7 })).toBe(tree.root);
    expect(await getRoot(clients.publicClient, contracts.receiptRegistry, { operator: executor, epoch: 8 })).toBeNull();

    const events = await getRootPostedEvents(clients.publicClient, contracts.receiptRegistry, {
      operator: executor,
      fromBlock: deployBlock,
    });
    expect(events).toEqual([
      {
        operator: executor,
        epoch: 7n,
        root: tree.root,
        count: 12,
        blockNumber: posted.blockNumber,
        transactionHash: posted.hash,
        logIndex: 0,
      },
    ]);
    expect(await getRootPostedEvents(clients.publicClient, contracts.receiptRegistry, { epoch: 8 })).toEqual([]);

    for (const [i, receipt] of wire.entries()) {
      expect(
        await verifyReceiptOnChain(clients.publicClient, contracts.receiptRegistry, { receipt, proof: tree.proof(i), epoch: 7 }),
      ).toEqual({
        valid: true,
        status: 'Valid',
      });
    }
    const r = wire[3]!;
    const check = (receipt: SignedReceipt, proof: readonly Hex[], epoch: number) =>
      verifyReceiptOnChain(clients.publicClient, contracts.receiptRegistry, { receipt, proof, epoch });
    expect((await check(r, tree.proof(4), 7)).status).toBe('NotIncluded');
    expect((await check(r, tree.proof(3), 8)).status).toBe('RootNotPosted');
    const tampered = {
      ...r,
      typedData: { ...r.typedData, message: { ...r.typedData.message, outputHash: `0x${'99'.repeat(32)}` as Hex } },
    };
    expect(await check(tampered, tree.proof(3), 7)).toEqual({ valid: false, status: 'SignerNotExecutor' });
    const outsider = signReceipt(ownerKey, { ...r.typedData.message, executor: addressOf(ownerKey) }, domain);
    expect((await check(outsider, [], 7)).status).toBe('ExecutorNotRegistered');
    expect((await check({ ...r, signature: `0x${'00'.repeat(65)}` }, tree.proof(3), 7)).status).toBe('InvalidSignature');
    const offChain = signReceipt(nodeKey1, r.typedData.message, receiptDomain(anvil.chainId));
    expect(await check(offChain, tree.proof(3), 7)).toEqual({ valid: false, status: 'WrongDomain' });

    const consumer = await deployExampleConsumer(clients.walletFor(ownerKey), contracts.receiptRegistry, { modelId: modelV1 });
    expect(await clients.publicClient.getCode({ address: consumer.address })).toMatch(/^0x[0-9a-f]+/);
  });
});
