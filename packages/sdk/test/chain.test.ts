/**
 * The SDK with a chain, against a real anvil with a fresh deployment (and, for pushModel, a real node on
 * 127.0.0.1): publishing model versions (idempotent, conflicts as VERSION_EXISTS), operating a node, verifying
 * receipts settled by a posted root, and chain failures as typed errors.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Anvil,
  type Deployment,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  getModel,
  mintTokens,
  postRoot,
  startAnvil,
} from '@verity/chain';
import { type RunningNode, startNode } from '@verity/node';
import {
  type Hex,
  type ReceiptMessage,
  type SignedReceipt,
  addressOf,
  merkleTree,
  receiptDigest,
  receiptDomain,
  receiptLeaf,
  signReceipt,
} from '@verity/protocol';
import { randomMlp } from '@verity/fixtures';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerityError, createClient, modelMetadataHash } from '../src/index.js';

const deployerKey = anvilPrivateKeys[0] as Hex;
const publisherKey = anvilPrivateKeys[1] as Hex;
const operatorKey = anvilPrivateKeys[2] as Hex;
const strangerKey = anvilPrivateKeys[3] as Hex;

let dir: string;
let anvil: Anvil;
let deployment: Deployment;
let node: RunningNode;

async function rejection(promise: Promise<unknown>): Promise<VerityError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerityError);
  return error as VerityError;
}

const id = (seed: string | Uint8Array): Hex => `0x${createHash('sha256').update(seed).digest('hex')}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-sdk-chain-'));
  anvil = await startAnvil({ port: 0 });
  const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  const deployer = clients.walletFor(deployerKey);
  const { contracts } = await deployVerity(deployer, { unstakeDelaySeconds: 3_600 });
  deployment = { chainId: anvil.chainId, rpcUrl: anvil.rpcUrl, contracts, deployedAt: new Date().toISOString() };
  await mintTokens(deployer, contracts.token, { to: addressOf(operatorKey), amount: parseEther('1000') });
  node = await startNode({ dataDir: join(dir, 'node'), privateKey: operatorKey });
}, 60_000);

afterAll(async () => {
  await node?.close();
  await anvil?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('publishModel', () => {
  it('publishes a version once; the same version with the same id again is returned as it is', async () => {
    const client = createClient({ url: node.url, chain: { deployment, privateKey: publisherKey } });
    const modelId = id('model a');
    const first = await client.publishModel({
      modelId,
      name: 'a',
      version: '1',
      format: 'onnx',
      description: 'first',
      priceWei: 5n,
      royaltyBps: 250,
    });
    expect(first).toMatchObject({
      modelId,
      name: 'a',
      version: '1',
      format: 'onnx',
      priceWei: 5n,
      royaltyBps: 250,
      publisher: addressOf(publisherKey),
      alreadyPublished: false,
      metadataHash: modelMetadataHash({ name: 'a', version: '1', format: 'onnx', description: 'first' }),
    });
    expect(first.txHash).toMatch(/^0x[0-9a-f]{64}$/);

    const { publicClient } = await client.chain!.load();
    const block = await publicClient.getBlockNumber();
    const again = await client.publishModel({ modelId, name: 'a', version: '1', format: 'onnx' });
    expect(again).toMatchObject({ modelId, alreadyPublished: true, priceWei: 5n });
    expect(again.txHash).toBeUndefined();
    expect(await publicClient.getBlockNumber()).toBe(block);
  });

  it('refuses a version that exists with another id, and an id published as another version: VERSION_EXISTS', async () => {
    const client = createClient({ url: node.url, chain: { deployment, privateKey: publisherKey } });
    const taken = await rejection(
      client.publishModel({ modelId: id('model a, changed'), name: 'a', version: '1', format: 'onnx' }),
    );
    expect(taken.code).toBe('VERSION_EXISTS');
    expect(taken.message).toBe(
      `a@1 is already published with another model id (${id('model a')}); versions are immutable: publish this file as a new version`,
    );
    expect(taken.status).toBe(409);

    const moved = await rejection(client.publishModel({ modelId: id('model a'), name: 'a', version: '2', format: 'onnx' }));
    expect(moved.code).toBe('VERSION_EXISTS');
    expect(moved.message).toBe(`model id ${id('model a')} is already published as a@1`);
  });

  it('maps contract refusals and missing configuration to typed errors', async () => {
    // Another publisher cannot add versions under a name that is not theirs.
    const other = createClient({ url: node.url, chain: { deployment, privateKey: strangerKey } });
    const owned = await rejection(
      other.publishModel({ modelId: id('model a, by someone else'), name: 'a', version: '9', format: 'onnx' }),
    );
    expect(owned.code).toBe('CHAIN_REVERTED');
    expect(owned.details).toMatchObject({ revert: 'NameOwnedByOther', args: ['a', addressOf(publisherKey)] });
    expect(owned.message).toContain(`the model name "a" belongs to another publisher (${addressOf(publisherKey)})`);

    const readOnly = createClient({ url: node.url, chain: { deployment } });
    expect((await rejection(readOnly.publishModel({ modelId: id('x'), name: 'x', version: '1', format: 'onnx' }))).code).toBe(
      'INVALID_REQUEST',
    );
    const noChain = createClient({ url: node.url });
    expect(
      (await rejection(noChain.publishModel({ modelId: id('x'), name: 'x', version: '1', format: 'onnx' }))).message,
    ).toContain('needs a chain');
    expect(() => createClient({ url: node.url, chain: { deployment, privateKey: '0x1234' as Hex } })).toThrow(
      /^chain.privateKey must be 0x followed by 64 hex digits$/,
    );

    const down = createClient({ url: node.url, chain: { deployment, rpcUrl: 'http://127.0.0.1:9' } });
    const unavailable = await rejection(down.listNodes());
    expect(unavailable.code).toBe('CHAIN_UNAVAILABLE');
    expect(unavailable.status).toBe(503);
    expect(unavailable.message).not.toContain('127.0.0.1:9');
  });

  it('pushModel publishes on chain first, then uploads and registers on the node', async () => {
    const path = join(dir, 'p.onnx');
    const bytes = randomMlp('p', [4, 8, 3], 3);
    await writeFile(path, bytes);
    const client = createClient({ url: node.url, chain: { deployment, privateKey: publisherKey } });
    const entry = await client.pushModel(path, { name: 'p', version: '1', license: 'MIT', priceWei: 7n });
    expect(entry.modelId).toBe(id(bytes));
    expect(entry.id).toBe('p@1');
    expect(entry.published).toMatchObject({
      modelId: entry.modelId,
      name: 'p',
      version: '1',
      priceWei: 7n,
      alreadyPublished: false,
    });
    expect(entry.published?.metadataHash).toBe(modelMetadataHash({ name: 'p', version: '1', format: 'onnx', license: 'MIT' }));
    const record = await getModel((await client.chain!.load()).publicClient, deployment.contracts.modelRegistry, {
      modelId: entry.modelId,
    });
    expect(record?.publisher).toBe(addressOf(publisherKey));

    // Without a key nothing is published.
    const plain = await createClient({ url: node.url, chain: { deployment } }).pushModel(path, { name: 'p', version: '2' });
    expect(plain.published).toBeUndefined();
  });

  it('checks that an answer comes from the model the chain names, whatever the server calls it', async () => {
    // p@1 is published (above). A server (this node has no chain) is told that p's latest is another file.
    const path = join(dir, 'hijack.onnx');
    await writeFile(path, randomMlp('q', [4, 8, 3], 9));
    await createClient({ url: node.url }).pushModel(path, { name: 'p', version: '9.9.9' });
    const inputs = { x: { dtype: 'float32' as const, shape: [1, 4], data: [1, 2, 3, 4] } };
    const client = createClient({ url: node.url, chain: { deployment } });
    const refused = await rejection(client.infer({ model: 'p', inputs }));
    expect(refused.code).toBe('RECEIPT_INVALID');
    expect(refused.message).toContain(`not ${id(randomMlp('p', [4, 8, 3], 3))} (p on chain)`);
    const answer = await client.infer({ model: 'p@1', inputs });
    expect(answer.modelId).toBe(id(randomMlp('p', [4, 8, 3], 3)));
    expect((await rejection(client.infer({ model: 'nobody', inputs }))).code).toBe('UNKNOWN_MODEL');
  });
});

describe('operating a node', () => {
  it('registers, refuses a stake below the minimum, unstakes, and cannot withdraw before the delay', async () => {
    const client = createClient({ url: node.url, chain: { deployment, privateKey: operatorKey } });
    const low = await rejection(client.registerNode({ endpoint: node.url, stakeWei: parseEther('1') }));
    expect(low.code).toBe('INVALID_REQUEST');
    expect(low.message).toBe('registering the node: a stake of 1 VRT is below the minimum of 100 VRT');

    const registered = await client.registerNode({ endpoint: node.url, stakeWei: parseEther('100'), priceWei: 3n });
    expect(registered.operator).toBe(addressOf(operatorKey));
    await client.addStake(parseEther('50'));
    const [listed] = await client.listNodes();
    expect(listed).toMatchObject({
      operator: addressOf(operatorKey),
      endpoint: node.url,
      stake: parseEther('150'),
      priceWei: 3n,
      active: true,
    });

    const status = await client.getChainStatus();
    expect(status).toMatchObject({
      chainId: anvil.chainId,
      operatorCount: 1,
      activeNodes: 1,
      modelCount: 2,
      minStakeWei: parseEther('100'),
    });
    expect(status.models.map((m) => `${m.name}@${m.version}`)).toEqual(['a@1', 'p@1']);

    const unstaked = await client.requestUnstake();
    expect(unstaked.availableAt).toBeGreaterThan(Date.now() / 1000 + 3_000);
    const locked = await rejection(client.withdrawStake());
    expect(locked.code).toBe('CHAIN_REVERTED');
    expect(locked.details.revert).toBe('UnstakeLocked');
    expect((await client.getChainStatus()).activeNodes).toBe(0);
  });
});

describe('verifySettlement, with a node that settles on chain', () => {
  it('fetches the settlement from the node and checks the receipt on chain', async () => {
    const nodeKey = anvilPrivateKeys[6] as Hex;
    const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
    await mintTokens(clients.walletFor(deployerKey), deployment.contracts.token, {
      to: addressOf(nodeKey),
      amount: parseEther('1000'),
    });
    // Epochs of one receipt: each answer is settled as soon as its root is posted.
    const settling = await startNode({
      dataDir: join(dir, 'settling'),
      privateKey: nodeKey,
      rpcUrl: anvil.rpcUrl,
      deployment,
      epochMaxReceipts: 1,
    });
    try {
      const path = join(dir, 's.onnx');
      await writeFile(path, randomMlp('s', [4, 8, 3], 4));
      const client = createClient({ url: settling.url, chain: { deployment, privateKey: publisherKey } });
      await client.pushModel(path, { name: 's', version: '1' });
      const answer = await client.infer({ model: 's@1', inputs: { x: { dtype: 'float32', shape: [1, 4], data: [1, 2, 3, 4] } } });
      const receipt = answer.receipts[0]!;
      expect(receipt.typedData.domain.verifyingContract).toBe(deployment.contracts.receiptRegistry);

      let result = await client.verifySettlement({ receipt });
      for (let i = 0; i < 100 && result.outcome === 'unsettled'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        result = await client.verifySettlement({ receipt });
      }
      expect(result).toMatchObject({ outcome: 'valid', status: 'Valid', executor: addressOf(nodeKey), source: settling.url });
      const stored = await client.getReceipt(answer.requestId);
      expect(stored.settlement).toMatchObject({ status: 'posted', epoch: result.settlement!.epoch, proof: [] });
      expect(stored.settlement?.root).toMatch(/^0x[0-9a-f]{64}$/);

      // The caller's copy is what is checked: an altered receipt does not pass on the node's proof.
      const altered = structuredClone(receipt);
      altered.typedData.message.fee = '1';
      expect(await client.verifySettlement({ receipt: altered })).toMatchObject({
        outcome: 'invalid',
        status: 'SignerNotExecutor',
      });
    } finally {
      await settling.close();
    }
  });
});

describe('verifySettlement of a chat answer', () => {
  it('finds the stored chat answer (receipts under verity) and checks its receipt on chain', async () => {
    const nodeKey = anvilPrivateKeys[7] as Hex;
    const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
    await mintTokens(clients.walletFor(deployerKey), deployment.contracts.token, {
      to: addressOf(nodeKey),
      amount: parseEther('1000'),
    });
    const settling = await startNode({
      dataDir: join(dir, 'settling-llm'),
      privateKey: nodeKey,
      rpcUrl: anvil.rpcUrl,
      deployment,
      epochMaxReceipts: 1,
    });
    try {
      const client = createClient({ url: settling.url, chain: { deployment, privateKey: publisherKey } });
      const modelPath = fileURLToPath(new URL('../../../models/tiny-llama.gguf', import.meta.url));
      await client.pushModel(modelPath, { name: 'tiny-llama', version: 'chain' });
      const answer = await client.chat({ model: 'tiny-llama@chain', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 4 });
      const receipt = answer.verity.receipts[0]!;
      let result = await client.verifySettlement({ receipt });
      for (let i = 0; i < 100 && result.outcome === 'unsettled'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        result = await client.verifySettlement({ receipt });
      }
      expect(result).toMatchObject({ outcome: 'valid', status: 'Valid', executor: addressOf(nodeKey), source: settling.url });
    } finally {
      await settling.close();
    }
  });
});

describe('verifyOnChain', () => {
  it('accepts a receipt in a posted root and says why others fail', async () => {
    // A registered operator signs three receipts under the registry's domain and posts their root as epoch 0.
    const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
    const signer = anvilPrivateKeys[4] as Hex;
    const deployer = clients.walletFor(deployerKey);
    await mintTokens(deployer, deployment.contracts.token, { to: addressOf(signer), amount: parseEther('100') });
    const operator = createClient({ url: node.url, chain: { deployment, privateKey: signer } });
    await operator.registerNode({ endpoint: 'http://127.0.0.1:1', stakeWei: parseEther('100') });

    const domain = receiptDomain(anvil.chainId, deployment.contracts.receiptRegistry);
    const message = (i: number, executor: Hex): ReceiptMessage => ({
      requestId: id(`request ${i}`),
      modelId: id('model a'),
      inputHash: id('in'),
      outputHash: id(`out ${i}`),
      executor,
      fee: '0',
      timestamp: 1_790_000_000,
      policy: 'none',
      engine: 'onnxruntime-node/1.30.0/cpu-fp32',
    });
    const receipts = [0, 1, 2].map((i) => signReceipt(signer, message(i, addressOf(signer)), domain));
    const tree = merkleTree(receipts.map((r) => receiptLeaf(receiptDigest(domain, r.typedData.message))));
    await postRoot(clients.walletFor(signer), deployment.contracts.receiptRegistry, { epoch: 0, root: tree.root, count: 3 });

    const reader = createClient({ url: node.url, chain: { deployment } });
    const valid = await reader.verifyOnChain({ receipt: receipts[1]!, proof: tree.proof(1), epoch: 0 });
    expect(valid).toEqual({ valid: true, status: 'Valid', executor: addressOf(signer), requestId: id('request 1'), epoch: 0 });
    const fromResponse = await reader.verifyOnChain({ response: { receipts: [receipts[2]!] }, proof: tree.proof(2), epoch: 0 });
    expect(fromResponse.valid).toBe(true);

    expect(await reader.verifyOnChain({ receipt: receipts[1]!, proof: tree.proof(0), epoch: 0 })).toMatchObject({
      valid: false,
      status: 'NotIncluded',
    });
    expect(await reader.verifyOnChain({ receipt: receipts[1]!, proof: tree.proof(1), epoch: 1 })).toMatchObject({
      valid: false,
      status: 'RootNotPosted',
    });
    const forged: SignedReceipt = signReceipt(strangerKey, message(1, addressOf(strangerKey)), domain);
    expect(await reader.verifyOnChain({ receipt: forged, proof: tree.proof(1), epoch: 0 })).toMatchObject({
      valid: false,
      status: 'ExecutorNotRegistered',
    });
    const otherDomain = signReceipt(signer, message(1, addressOf(signer)), receiptDomain(anvil.chainId));
    expect(await reader.verifyOnChain({ receipt: otherDomain, proof: tree.proof(1), epoch: 0 })).toMatchObject({
      valid: false,
      status: 'WrongDomain',
    });

    const ambiguous = await rejection(reader.verifyOnChain({ response: { receipts }, proof: tree.proof(1), epoch: 0 }));
    expect(ambiguous.message).toBe("the response has 3 receipts: say which executor's to check");
  });
});
