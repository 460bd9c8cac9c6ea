/**
 * The contracts through viem against a real anvil: every revert path (custom errors asserted by name), the
 * events, and ReceiptRegistry.verify with receipts signed by protocol's signReceipt and proofs from merkle.ts.
 */
import {
  type Anvil,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  revertError,
  revertErrorName,
  startAnvil,
} from '../src/index.js';
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
  toHex,
} from '@verity/protocol';
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
  createTestClient,
  getAddress,
  getContract,
  hashTypedData,
  http,
  parseEther,
  parseEventLogs,
  zeroAddress,
} from 'viem';
import { deployContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExampleConsumer, ModelRegistry, NodeRegistry, ReceiptRegistry, VerityToken } from '@verity/contracts';

const minStake = parseEther('100');
const livenessWindow = 60;
const unstakeDelay = 600;
const slashRewardBps = 5_000;

const modelA: Hex = `0x${'a1'.repeat(32)}`;
const modelB: Hex = `0x${'b2'.repeat(32)}`;
const modelDeprecated: Hex = `0x${'c3'.repeat(32)}`;
const metadataHash: Hex = `0x${'dd'.repeat(32)}`;
const zero32: Hex = `0x${'00'.repeat(32)}`;
const secp256k1n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

type Wallet = WalletClient<Transport, Chain, Account>;

let anvil: Anvil;
let pub: PublicClient<Transport, Chain>;
let testClient: ReturnType<typeof createTestClient>;
let addresses: { token: Address; modelRegistry: Address; nodeRegistry: Address; receiptRegistry: Address; disputes: Address };
const wallets: Record<
  'owner' | 'publisher' | 'publisher2' | 'operatorA' | 'operatorB' | 'outsider' | 'slasher' | 'challenger',
  Wallet
> = {} as never;

function at(wallet: Wallet) {
  const client = { public: pub, wallet };
  return {
    token: getContract({ address: addresses.token, abi: VerityToken.abi, client }),
    models: getContract({ address: addresses.modelRegistry, abi: ModelRegistry.abi, client }),
    nodes: getContract({ address: addresses.nodeRegistry, abi: NodeRegistry.abi, client }),
    receipts: getContract({ address: addresses.receiptRegistry, abi: ReceiptRegistry.abi, client }),
  };
}

async function mined(hash: Promise<Hash>): Promise<TransactionReceipt> {
  const receipt = await pub.waitForTransactionReceipt({ hash: await hash });
  expect(receipt.status).toBe('success');
  return receipt;
}

/** Asserts the call reverts with the named custom error (and, when given, these arguments). */
async function reverts(call: Promise<unknown>, name: string, args?: readonly unknown[]): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a revert with ${name}`).toBeDefined();
  expect(revertErrorName(error), String(error)).toBe(name);
  if (args) expect(revertError(error)?.args).toEqual(args);
}

function eventsOf<const abi extends Abi>(receipt: TransactionReceipt, abi: abi, eventName: string) {
  return parseEventLogs({ abi, logs: receipt.logs }).filter(
    (log) => (log as { eventName: string }).eventName === eventName,
  ) as unknown as {
    eventName: string;
    args: Record<string, unknown>;
  }[];
}

async function timeTravel(seconds: number): Promise<void> {
  await testClient.increaseTime({ seconds });
  await testClient.mine({ blocks: 1 });
}

async function publish(wallet: Wallet, modelId: Hex, name: string, version: string): Promise<TransactionReceipt> {
  return mined(at(wallet).models.write.register([modelId, name, version, 'onnx', metadataHash, 1000n, 0n, 0n, 250]));
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
  const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  pub = clients.publicClient;
  testClient = createTestClient({ mode: 'anvil', chain: clients.chain, transport: http(anvil.rpcUrl) });
  const names = ['owner', 'publisher', 'publisher2', 'operatorA', 'operatorB', 'outsider', 'slasher', 'challenger'] as const;
  names.forEach((name, i) => {
    wallets[name] = clients.walletFor(anvilPrivateKeys[i]!);
  });
  const deployed = await deployVerity(wallets.owner, {
    minStakeWei: minStake,
    livenessWindowSeconds: livenessWindow,
    unstakeDelaySeconds: unstakeDelay,
    slashRewardBps,
  });
  addresses = deployed.contracts;
  for (const name of ['operatorA', 'operatorB', 'outsider'] as const) {
    await mined(at(wallets.owner).token.write.mint([wallets[name].account.address, parseEther('10000')]));
    await mined(at(wallets[name]).token.write.approve([addresses.nodeRegistry, parseEther('10000')]));
  }
});

afterAll(async () => {
  await anvil?.stop();
});

describe('VerityToken', () => {
  it('is "Verity" (VRT), 18 decimals, minted by its owner only', async () => {
    const { token } = at(wallets.owner);
    expect([await token.read.name(), await token.read.symbol(), await token.read.decimals()]).toEqual(['Verity', 'VRT', 18]);
    const receipt = await mined(token.write.mint([wallets.challenger.account.address, 5n]));
    expect(eventsOf(receipt, VerityToken.abi, 'Transfer')[0]?.args).toEqual({
      from: zeroAddress,
      to: wallets.challenger.account.address,
      value: 5n,
    });
    await reverts(at(wallets.outsider).token.write.mint([wallets.outsider.account.address, 1n]), 'OwnableUnauthorizedAccount', [
      wallets.outsider.account.address,
    ]);
    await reverts(at(wallets.challenger).token.write.transfer([wallets.owner.account.address, 6n]), 'ERC20InsufficientBalance');
  });
});

describe('ModelRegistry', () => {
  it('publishes a version with an event, and reads it back by id and by name@version', async () => {
    const receipt = await publish(wallets.publisher, modelA, 'mlp', '1.0.0');
    const [event] = eventsOf(receipt, ModelRegistry.abi, 'ModelRegistered');
    expect(event?.args).toMatchObject({
      modelId: modelA,
      publisher: wallets.publisher.account.address,
      name: 'mlp',
      version: '1.0.0',
      format: 'onnx',
      metadataHash,
      priceWei: 1000n,
      royaltyBps: 250,
    });
    const { models } = at(wallets.owner);
    const model = await models.read.getModel([modelA]);
    expect(model).toMatchObject({
      modelId: modelA,
      publisher: wallets.publisher.account.address,
      name: 'mlp',
      deprecated: false,
    });
    expect(await models.read.resolve(['mlp', '1.0.0'])).toBe(modelA);
    expect(await models.read.nameOwner(['mlp'])).toBe(wallets.publisher.account.address);

    await publish(wallets.publisher, modelB, 'mlp', '2.0.0');
    await publish(wallets.publisher, modelDeprecated, 'old', '1');
    expect(await models.read.versionsOf(['mlp'])).toEqual([modelA, modelB]);
    expect(await models.read.modelCount()).toBe(3n);
    expect(await models.read.modelAt([2n])).toBe(modelDeprecated);
    expect([await models.read.exists([modelA]), await models.read.isUsable([modelA])]).toEqual([true, true]);
  });

  it('accepts a royalty of exactly 100% and refuses more', async () => {
    const { models } = at(wallets.publisher2);
    await mined(models.write.register([`0x${'e1'.repeat(32)}`, 'full-royalty', '1', 'gguf', zero32, 0n, 0n, 0n, 10_000]));
    await reverts(
      models.write.register([`0x${'e2'.repeat(32)}`, 'too-much', '1', 'onnx', zero32, 0n, 0n, 0n, 10_001]),
      'RoyaltyTooHigh',
      [10_001],
    );
  });

  it('refuses bad ids, names, versions and formats', async () => {
    const { models } = at(wallets.publisher2);
    const id: Hex = `0x${'e3'.repeat(32)}`;
    await reverts(models.write.register([zero32, 'x', '1', 'onnx', zero32, 0n, 0n, 0n, 0]), 'ZeroModelId');
    for (const name of ['', 'a@b', 'has space', 'x'.repeat(65)]) {
      await reverts(models.write.register([id, name, '1', 'onnx', zero32, 0n, 0n, 0n, 0]), 'InvalidName');
    }
    for (const version of ['', '1@2', 'v\n1', '1'.repeat(33)]) {
      await reverts(models.write.register([id, 'fine', version, 'onnx', zero32, 0n, 0n, 0n, 0]), 'InvalidVersion');
    }
    for (const format of ['', 'o'.repeat(17)]) {
      await reverts(models.write.register([id, 'fine', '1', format, zero32, 0n, 0n, 0n, 0]), 'InvalidFormat');
    }
  });

  it('never changes a published version: duplicate ids, duplicate versions and foreign names revert', async () => {
    await reverts(
      at(wallets.publisher).models.write.register([modelA, 'mlp', '9.9.9', 'onnx', zero32, 0n, 0n, 0n, 0]),
      'ModelExists',
      [modelA],
    );
    await reverts(
      at(wallets.publisher).models.write.register([`0x${'e4'.repeat(32)}`, 'mlp', '1.0.0', 'onnx', zero32, 0n, 0n, 0n, 0]),
      'VersionExists',
      ['mlp', '1.0.0', modelA],
    );
    await reverts(
      at(wallets.publisher2).models.write.register([`0x${'e5'.repeat(32)}`, 'mlp', '3.0.0', 'onnx', zero32, 0n, 0n, 0n, 0]),
      'NameOwnedByOther',
      ['mlp', wallets.publisher.account.address],
    );
  });

  it('deprecates by the publisher only, once, with an event', async () => {
    await reverts(at(wallets.publisher2).models.write.deprecate([modelDeprecated]), 'NotPublisher', [
      modelDeprecated,
      wallets.publisher2.account.address,
    ]);
    await reverts(at(wallets.publisher).models.write.deprecate([`0x${'99'.repeat(32)}`]), 'UnknownModel');
    const receipt = await mined(at(wallets.publisher).models.write.deprecate([modelDeprecated]));
    expect(eventsOf(receipt, ModelRegistry.abi, 'ModelDeprecated')[0]?.args).toEqual({
      modelId: modelDeprecated,
      publisher: wallets.publisher.account.address,
    });
    await reverts(at(wallets.publisher).models.write.deprecate([modelDeprecated]), 'AlreadyDeprecated');
    const { models } = at(wallets.owner);
    expect([await models.read.isUsable([modelDeprecated]), await models.read.isDeprecated([modelDeprecated])]).toEqual([
      false,
      true,
    ]);
    expect((await models.read.getModel([modelDeprecated])).deprecated).toBe(true);
  });

  it('reverts reads of what does not exist', async () => {
    const { models } = at(wallets.owner);
    await reverts(models.read.getModel([`0x${'98'.repeat(32)}`]), 'UnknownModel');
    await reverts(models.read.resolve(['mlp', '7']), 'UnknownVersion', ['mlp', '7']);
    await reverts(models.read.modelAt([100n]), 'IndexOutOfRange', [100n, 4n]);
  });

  it('stores per-token prices with a version and emits them', async () => {
    const id: Hex = `0x${'e6'.repeat(32)}`;
    const receipt = await mined(
      at(wallets.publisher2).models.write.register([id, 'llm', '1', 'gguf', metadataHash, 0n, 3n, 7n, 0]),
    );
    expect(eventsOf(receipt, ModelRegistry.abi, 'ModelRegistered')[0]?.args).toMatchObject({
      modelId: id,
      priceWei: 0n,
      inputTokenPriceWei: 3n,
      outputTokenPriceWei: 7n,
    });
    expect(await at(wallets.owner).models.read.getModel([id])).toMatchObject({
      priceWei: 0n,
      inputTokenPriceWei: 3n,
      outputTokenPriceWei: 7n,
    });
  });
});

describe('NodeRegistry', () => {
  it('registers a staked node with events; it is active and listed', async () => {
    const { nodes, token } = at(wallets.operatorA);
    const before = await token.read.balanceOf([wallets.operatorA.account.address]);
    const receipt = await mined(nodes.write.register(['http://127.0.0.1:7071', 10n, 0n, 0n, [modelA, modelB], minStake]));
    expect(eventsOf(receipt, NodeRegistry.abi, 'NodeRegistered')[0]?.args).toEqual({
      operator: wallets.operatorA.account.address,
      endpoint: 'http://127.0.0.1:7071',
      priceWei: 10n,
      inputTokenPriceWei: 0n,
      outputTokenPriceWei: 0n,
      stake: minStake,
      modelIds: [modelA, modelB],
    });
    expect(eventsOf(receipt, NodeRegistry.abi, 'Heartbeat')).toHaveLength(1);
    expect(before - (await token.read.balanceOf([wallets.operatorA.account.address]))).toBe(minStake);
    expect(await nodes.read.isActive([wallets.operatorA.account.address])).toBe(true);
    expect(await nodes.read.operatorCount()).toBe(1n);
    expect(await nodes.read.operatorAt([0n])).toBe(wallets.operatorA.account.address);
    const node = await nodes.read.getNode([wallets.operatorA.account.address]);
    expect(node).toMatchObject({
      endpoint: 'http://127.0.0.1:7071',
      stake: minStake,
      registered: true,
      unstaking: false,
      active: true,
    });
    await reverts(nodes.write.register(['http://127.0.0.1:7071', 10n, 0n, 0n, [], minStake]), 'AlreadyRegistered');
  });

  it('refuses under-stake, bad endpoints, unknown, deprecated, unsorted and too many models, missing allowance', async () => {
    const { nodes } = at(wallets.operatorB);
    await reverts(nodes.write.register(['http://b', 1n, 0n, 0n, [], minStake - 1n]), 'StakeTooLow', [minStake - 1n, minStake]);
    await reverts(nodes.write.register(['', 1n, 0n, 0n, [], minStake]), 'InvalidEndpoint');
    await reverts(nodes.write.register([`http://${'x'.repeat(250)}`, 1n, 0n, 0n, [], minStake]), 'InvalidEndpoint');
    await reverts(nodes.write.register(['http://b', 1n, 0n, 0n, [`0x${'77'.repeat(32)}`], minStake]), 'UnknownModel');
    await reverts(nodes.write.register(['http://b', 1n, 0n, 0n, [modelDeprecated], minStake]), 'DeprecatedModel', [
      modelDeprecated,
    ]);
    await reverts(nodes.write.register(['http://b', 1n, 0n, 0n, [modelB, modelA], minStake]), 'ModelIdsNotSorted', [1n]);
    await reverts(nodes.write.register(['http://b', 1n, 0n, 0n, [modelA, modelA], minStake]), 'ModelIdsNotSorted', [1n]);
    const many = Array.from({ length: 257 }, (_, i) => `0x${(i + 1).toString(16).padStart(64, '0')}` as Hex);
    await reverts(nodes.write.register(['http://b', 1n, 0n, 0n, many, minStake]), 'TooManyModels', [257n, 256n]);
    await mined(at(wallets.operatorB).token.write.approve([addresses.nodeRegistry, 0n]));
    await reverts(nodes.write.register(['http://b', 1n, 0n, 0n, [], minStake]), 'ERC20InsufficientAllowance');
    await mined(at(wallets.operatorB).token.write.approve([addresses.nodeRegistry, parseEther('10000')]));
    await mined(nodes.write.register(['http://127.0.0.1:7072', 20n, 0n, 0n, [modelA], minStake * 2n]));
  });

  it('updates, sets models, adds stake and heartbeats, with events; strangers get NotRegistered', async () => {
    const { nodes } = at(wallets.operatorB);
    const me = wallets.operatorB.account.address;
    let receipt = await mined(nodes.write.update(['http://127.0.0.1:7082', 25n, 0n, 0n]));
    expect(eventsOf(receipt, NodeRegistry.abi, 'NodeUpdated')[0]?.args).toEqual({
      operator: me,
      endpoint: 'http://127.0.0.1:7082',
      priceWei: 25n,
      inputTokenPriceWei: 0n,
      outputTokenPriceWei: 0n,
    });
    await reverts(nodes.write.update(['', 25n, 0n, 0n]), 'InvalidEndpoint');
    receipt = await mined(nodes.write.setModels([[modelA, modelB]]));
    expect(eventsOf(receipt, NodeRegistry.abi, 'ModelsSet')[0]?.args).toEqual({ operator: me, modelIds: [modelA, modelB] });
    await reverts(nodes.write.setModels([[modelDeprecated]]), 'DeprecatedModel');
    receipt = await mined(nodes.write.addStake([5n]));
    expect(eventsOf(receipt, NodeRegistry.abi, 'StakeAdded')[0]?.args).toEqual({
      operator: me,
      amount: 5n,
      stake: minStake * 2n + 5n,
    });
    await reverts(nodes.write.addStake([0n]), 'ZeroAmount');
    receipt = await mined(nodes.write.heartbeat());
    expect(eventsOf(receipt, NodeRegistry.abi, 'Heartbeat')[0]?.args.operator).toBe(me);

    const stranger = at(wallets.outsider).nodes;
    const who = [wallets.outsider.account.address] as const;
    await reverts(stranger.write.update(['http://x', 1n, 0n, 0n]), 'NotRegistered', who);
    await reverts(stranger.write.setModels([[]]), 'NotRegistered', who);
    await reverts(stranger.write.addStake([1n]), 'NotRegistered', who);
    await reverts(stranger.write.heartbeat(), 'NotRegistered', who);
    await reverts(stranger.write.requestUnstake(), 'NotRegistered', who);
    await reverts(stranger.write.withdrawStake(), 'NotRegistered', who);
    await reverts(stranger.read.getNode(who), 'UnknownOperator', who);
    await reverts(stranger.read.operatorAt([2n]), 'IndexOutOfRange', [2n, 2n]);
  });

  it('pages nodes for routers', async () => {
    const { nodes } = at(wallets.owner);
    const all = await nodes.read.getNodes([0n, 10n]);
    expect(all.map((n) => n.operator)).toEqual([wallets.operatorA.account.address, wallets.operatorB.account.address]);
    expect((await nodes.read.getNodes([1n, 1n])).map((n) => n.operator)).toEqual([wallets.operatorB.account.address]);
    expect(await nodes.read.getNodes([5n, 10n])).toEqual([]);
  });

  it('makes a node inactive when its heartbeat is older than the liveness window, active again on heartbeat', async () => {
    const { nodes } = at(wallets.operatorA);
    const a = wallets.operatorA.account.address;
    await mined(nodes.write.heartbeat());
    await timeTravel(livenessWindow - 5);
    expect(await nodes.read.isActive([a])).toBe(true);
    await timeTravel(10);
    expect(await nodes.read.isActive([a])).toBe(false);
    expect((await nodes.read.getNode([a])).active).toBe(false);
    await mined(nodes.write.heartbeat());
    expect(await nodes.read.isActive([a])).toBe(true);
    await mined(at(wallets.operatorB).nodes.write.heartbeat());
  });

  it('makes an under-staked node inactive when the owner raises minStake; parameters are owner-only and checked', async () => {
    const owner = at(wallets.owner).nodes;
    const a = wallets.operatorA.account.address;
    const receipt = await mined(
      owner.write.setParameters([minStake + 1n, BigInt(livenessWindow), BigInt(unstakeDelay), slashRewardBps]),
    );
    expect(eventsOf(receipt, NodeRegistry.abi, 'ParametersChanged')).toHaveLength(1);
    expect(await owner.read.isActive([a])).toBe(false);
    await mined(at(wallets.operatorA).nodes.write.addStake([1n]));
    expect(await owner.read.isActive([a])).toBe(true);
    await mined(owner.write.setParameters([minStake, BigInt(livenessWindow), BigInt(unstakeDelay), slashRewardBps]));
    await reverts(owner.write.setParameters([0n, 60n, 600n, 0]), 'InvalidParameters');
    await reverts(owner.write.setParameters([1n, 0n, 600n, 0]), 'InvalidParameters');
    await reverts(owner.write.setParameters([1n, 60n, 600n, 10_001]), 'InvalidParameters');
    await reverts(at(wallets.outsider).nodes.write.setParameters([1n, 60n, 600n, 0]), 'OwnableUnauthorizedAccount');
    await reverts(at(wallets.outsider).nodes.write.setSlasher([wallets.outsider.account.address]), 'OwnableUnauthorizedAccount');
  });

  it('slashes only by the slasher: part to the recipient, the rest burned, capped at the stake', async () => {
    const b = wallets.operatorB.account.address;
    const challenger = wallets.challenger.account.address;
    await reverts(at(wallets.slasher).nodes.write.slash([b, 1n, challenger]), 'NotSlasher', [wallets.slasher.account.address]);
    const receipt = await mined(at(wallets.owner).nodes.write.setSlasher([wallets.slasher.account.address]));
    // deployVerity made its Disputes contract the slasher; the owner may name another.
    expect(eventsOf(receipt, NodeRegistry.abi, 'SlasherChanged')[0]?.args).toEqual({
      previous: addresses.disputes,
      current: wallets.slasher.account.address,
    });
    const { nodes, token } = at(wallets.slasher);
    await reverts(nodes.write.slash([b, 0n, challenger]), 'ZeroAmount');
    await reverts(nodes.write.slash([wallets.outsider.account.address, 1n, challenger]), 'NothingToSlash');

    const supply = await token.read.totalSupply();
    const reward = await token.read.balanceOf([challenger]);
    const stake = await nodes.read.stakeOf([b]);
    const slashed = await mined(nodes.write.slash([b, 100n, challenger]));
    expect(eventsOf(slashed, NodeRegistry.abi, 'Slashed')[0]?.args).toEqual({
      operator: b,
      recipient: challenger,
      amount: 100n,
      rewarded: 50n,
      burned: 50n,
    });
    expect(await nodes.read.stakeOf([b])).toBe(stake - 100n);
    expect((await token.read.balanceOf([challenger])) - reward).toBe(50n);
    expect(supply - (await token.read.totalSupply())).toBe(50n);

    // No recipient: all burned. More than the stake: the whole stake, and the node drops out of the active set.
    const burnedAll = await mined(nodes.write.slash([b, 7n, zeroAddress]));
    expect(eventsOf(burnedAll, NodeRegistry.abi, 'Slashed')[0]?.args).toMatchObject({ amount: 7n, rewarded: 0n, burned: 7n });
    const capped = await mined(nodes.write.slash([b, parseEther('1000000'), challenger]));
    expect(eventsOf(capped, NodeRegistry.abi, 'Slashed')[0]?.args).toMatchObject({ amount: stake - 107n });
    expect(await nodes.read.stakeOf([b])).toBe(0n);
    expect(await nodes.read.isActive([b])).toBe(false);
    await reverts(nodes.write.slash([b, 1n, challenger]), 'NothingToSlash');
    // Staking back restores it.
    await mined(at(wallets.operatorB).nodes.write.addStake([minStake]));
    expect(await nodes.read.isActive([b])).toBe(true);
  });

  it('unstakes: inactive at once, frozen, slashable, withdrawable only after the delay; may register again', async () => {
    const { nodes, token } = at(wallets.operatorB);
    const b = wallets.operatorB.account.address;
    await reverts(nodes.write.withdrawStake(), 'NotUnstaking', [b]);
    const requested = await mined(nodes.write.requestUnstake());
    const [event] = eventsOf(requested, NodeRegistry.abi, 'UnstakeRequested');
    const availableAt = event?.args.availableAt as bigint;
    const block = await pub.getBlock({ blockNumber: requested.blockNumber });
    expect(availableAt).toBe(block.timestamp + BigInt(unstakeDelay));
    expect(await nodes.read.isActive([b])).toBe(false);
    expect(await nodes.read.isRegistered([b])).toBe(true);
    expect(await nodes.read.getNode([b])).toMatchObject({ unstaking: true, active: false, unstakeAvailableAt: availableAt });

    for (const call of [
      () => nodes.write.heartbeat(),
      () => nodes.write.update(['http://b', 1n, 0n, 0n]),
      () => nodes.write.setModels([[]]),
      () => nodes.write.addStake([1n]),
      () => nodes.write.requestUnstake(),
    ]) {
      await reverts(call(), 'Unstaking', [b]);
    }
    await reverts(nodes.write.withdrawStake(), 'UnstakeLocked', [availableAt]);
    await mined(at(wallets.slasher).nodes.write.slash([b, 10n, zeroAddress]));

    await timeTravel(unstakeDelay);
    const stake = await nodes.read.stakeOf([b]);
    const balance = await token.read.balanceOf([b]);
    const withdrawn = await mined(nodes.write.withdrawStake());
    expect(eventsOf(withdrawn, NodeRegistry.abi, 'StakeWithdrawn')[0]?.args).toEqual({ operator: b, amount: stake });
    expect((await token.read.balanceOf([b])) - balance).toBe(stake);
    expect(await nodes.read.isRegistered([b])).toBe(false);
    expect(await nodes.read.getNode([b])).toMatchObject({ registered: false, stake: 0n, active: false, modelIds: [] });
    await reverts(nodes.write.withdrawStake(), 'NotRegistered');

    await mined(nodes.write.register(['http://127.0.0.1:7072', 20n, 0n, 0n, [modelA], minStake]));
    expect(await nodes.read.isActive([b])).toBe(true);
    expect(await nodes.read.operatorCount()).toBe(2n);
    await mined(at(wallets.operatorA).nodes.write.heartbeat());
  });

  it('stores per-token prices with a node, and update() changes them, with events', async () => {
    const c = wallets.challenger.account.address;
    await mined(at(wallets.owner).token.write.mint([c, minStake]));
    await mined(at(wallets.challenger).token.write.approve([addresses.nodeRegistry, minStake]));
    const { nodes } = at(wallets.challenger);
    const registered = await mined(nodes.write.register(['http://127.0.0.1:7073', 5n, 2n, 9n, [modelA], minStake]));
    expect(eventsOf(registered, NodeRegistry.abi, 'NodeRegistered')[0]?.args).toMatchObject({
      operator: c,
      priceWei: 5n,
      inputTokenPriceWei: 2n,
      outputTokenPriceWei: 9n,
    });
    expect(await nodes.read.getNode([c])).toMatchObject({ priceWei: 5n, inputTokenPriceWei: 2n, outputTokenPriceWei: 9n });
    const updated = await mined(nodes.write.update(['http://127.0.0.1:7073', 6n, 4n, 11n]));
    expect(eventsOf(updated, NodeRegistry.abi, 'NodeUpdated')[0]?.args).toEqual({
      operator: c,
      endpoint: 'http://127.0.0.1:7073',
      priceWei: 6n,
      inputTokenPriceWei: 4n,
      outputTokenPriceWei: 11n,
    });
    expect(await nodes.read.getNode([c])).toMatchObject({ priceWei: 6n, inputTokenPriceWei: 4n, outputTokenPriceWei: 11n });
  });
});

describe('ReceiptRegistry and ExampleConsumer', () => {
  let domain: ReturnType<typeof receiptDomain>;
  let epoch1: SignedReceipt[];
  let tree1: ReturnType<typeof merkleTree>;

  const message = (executor: Hex, i: number, overrides: Partial<ReceiptMessage> = {}): ReceiptMessage => ({
    requestId: `0x${(1000 + i).toString(16).padStart(64, '0')}`,
    modelId: modelA,
    inputHash: `0x${'01'.repeat(32)}`,
    outputHash: `0x${(5000 + i).toString(16).padStart(64, '0')}`,
    executor,
    fee: (10n ** 15n * BigInt(i + 1)).toString(),
    timestamp: 1_790_000_000 + i,
    policy: 'none',
    engine: 'onnxruntime-node/1.30.0/cpu-fp32',
    ...overrides,
  });
  const struct = (r: SignedReceipt) => {
    const m = r.typedData.message;
    return { ...m, fee: BigInt(m.fee), timestamp: BigInt(m.timestamp) };
  };
  const leafOf = (r: SignedReceipt): Hex => receiptLeaf(receiptDigest(domain, r.typedData.message));
  const keyA = anvilPrivateKeys[3]!;
  const keyOutsider = anvilPrivateKeys[5]!;

  beforeAll(() => {
    domain = receiptDomain(31337, addresses.receiptRegistry);
    epoch1 = Array.from({ length: 7 }, (_, i) => signReceipt(keyA, message(addressOf(keyA), i), domain));
    tree1 = merkleTree(epoch1.map(leafOf));
  });

  it('computes the EIP-712 digest and the leaf exactly as protocol and viem do', async () => {
    const { receipts } = at(wallets.owner);
    const [, name, version, chainId, verifyingContract] = await receipts.read.eip712Domain();
    expect({ name, version, chainId, verifyingContract }).toEqual({
      name: 'Verity',
      version: '1',
      chainId: 31337n,
      verifyingContract: addresses.receiptRegistry,
    });
    for (const r of epoch1.slice(0, 3)) {
      const digest = await receipts.read.receiptDigest([struct(r)]);
      expect(digest).toBe(toHex(receiptDigest(domain, r.typedData.message)));
      expect(digest).toBe(hashTypedData(r.typedData as never));
      expect(await receipts.read.receiptLeaf([digest])).toBe(leafOf(r));
    }
  });

  it('posts an epoch root once, by a registered node, with an event', async () => {
    const { receipts } = at(wallets.operatorA);
    const a = wallets.operatorA.account.address;
    const receipt = await mined(receipts.write.postRoot([1n, tree1.root, 7]));
    expect(eventsOf(receipt, ReceiptRegistry.abi, 'RootPosted')[0]?.args).toEqual({
      operator: a,
      epoch: 1n,
      root: tree1.root,
      count: 7,
    });
    expect(await receipts.read.rootOf([a, 1n])).toBe(tree1.root);
    expect(await receipts.read.rootOf([a, 2n])).toBe(zero32);
    await reverts(receipts.write.postRoot([1n, tree1.root, 7]), 'RootAlreadyPosted', [a, 1n, tree1.root]);
    await reverts(receipts.write.postRoot([2n, zero32, 7]), 'ZeroRoot');
    await reverts(receipts.write.postRoot([2n, tree1.root, 0]), 'EmptyEpoch');
    await reverts(at(wallets.outsider).receipts.write.postRoot([1n, tree1.root, 7]), 'NotRegisteredNode', [
      wallets.outsider.account.address,
    ]);
  });

  it('verifies every receipt of an epoch (odd size) with its proof', async () => {
    const { receipts } = at(wallets.owner);
    for (const [i, r] of epoch1.entries()) {
      const args = [struct(r), r.signature, tree1.proof(i), 1n] as const;
      expect(await receipts.read.verify(args)).toBe(true);
      expect(await receipts.read.check(args)).toBe(0);
      await receipts.read.verifyOrRevert(args);
    }
  });

  it('refuses forged proofs and wrong epochs', async () => {
    const { receipts } = at(wallets.owner);
    const r = epoch1[2]!;
    const proof = tree1.proof(2);
    const forged: Hex[][] = [
      [],
      proof.slice(1),
      [`0x${'ee'.repeat(32)}`, ...proof.slice(1)],
      [...proof, tree1.root],
      tree1.proof(3),
    ];
    for (const bad of forged) {
      expect(await receipts.read.verify([struct(r), r.signature, bad, 1n])).toBe(false);
      await reverts(receipts.read.verifyOrRevert([struct(r), r.signature, bad, 1n]), 'NotIncluded');
    }
    // Epoch 3 not posted; epoch 2 posted with other receipts.
    await reverts(receipts.read.verifyOrRevert([struct(r), r.signature, proof, 3n]), 'RootNotPosted', [
      wallets.operatorA.account.address,
      3n,
    ]);
    const epoch2 = [7, 8, 9].map((i) => signReceipt(keyA, message(addressOf(keyA), i), domain));
    const tree2 = merkleTree(epoch2.map(leafOf));
    await mined(at(wallets.operatorA).receipts.write.postRoot([2n, tree2.root, 3]));
    expect(await receipts.read.verify([struct(epoch2[1]!), epoch2[1]!.signature, tree2.proof(1), 2n])).toBe(true);
    expect(await receipts.read.verify([struct(r), r.signature, proof, 2n])).toBe(false);
    expect(await receipts.read.check([struct(r), r.signature, proof, 2n])).toBe(5);
  });

  it('refuses a tampered field: the signature then names someone else', async () => {
    const { receipts } = at(wallets.owner);
    const r = epoch1[4]!;
    const proof = tree1.proof(4);
    const tampered: Partial<ReturnType<typeof struct>>[] = [
      { outputHash: `0x${'ff'.repeat(32)}` },
      { fee: BigInt(r.typedData.message.fee) + 1n },
      { timestamp: BigInt(r.typedData.message.timestamp) + 1n },
      { engine: 'onnxruntime-node/1.30.0/gpu-tf32' },
      { policy: 'replicate:3' },
      { modelId: modelB },
    ];
    for (const change of tampered) {
      const args = [{ ...struct(r), ...change }, r.signature, proof, 1n] as const;
      expect(await receipts.read.verify(args)).toBe(false);
      await reverts(receipts.read.verifyOrRevert(args), 'SignerNotExecutor');
    }
    // Signed for another chain or another registry: another digest, another recovered signer.
    for (const other of [receiptDomain(1, addresses.receiptRegistry), receiptDomain(31337, addresses.nodeRegistry)]) {
      const elsewhere = signReceipt(keyA, r.typedData.message, other);
      expect(await receipts.read.check([struct(elsewhere), elsewhere.signature, proof, 1n])).toBe(2);
    }
  });

  it('refuses receipts signed by an unregistered key, as executor or as an impostor', async () => {
    const { receipts } = at(wallets.owner);
    const outsider = addressOf(keyOutsider);
    const own = signReceipt(keyOutsider, message(outsider, 0), domain);
    await reverts(receipts.read.verifyOrRevert([struct(own), own.signature, [], 1n]), 'ExecutorNotRegistered', [outsider]);
    expect(await receipts.read.check([struct(own), own.signature, [], 1n])).toBe(3);
    // Claims to be operator A, signed by the outsider.
    const impostor = signReceipt(keyOutsider, epoch1[0]!.typedData.message, domain);
    await reverts(receipts.read.verifyOrRevert([struct(impostor), impostor.signature, tree1.proof(0), 1n]), 'SignerNotExecutor', [
      outsider,
      wallets.operatorA.account.address,
    ]);
  });

  it('refuses malleable (high-s), garbage and wrong-length signatures', async () => {
    const { receipts } = at(wallets.owner);
    const r = epoch1[1]!;
    const proof = tree1.proof(1);
    const sig = r.signature.slice(2);
    const s = BigInt(`0x${sig.slice(64, 128)}`);
    const v = Number.parseInt(sig.slice(128), 16);
    const highS =
      `0x${sig.slice(0, 64)}${(secp256k1n - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}` as Hex;
    const garbage: Hex[] = [
      highS,
      `0x${'00'.repeat(65)}`,
      `0x${sig.slice(0, 128)}1d`, // v = 29
      `0x${sig.slice(0, 128)}00`, // v = 0
      `0x${sig.slice(0, 128)}`, // 64 bytes (ERC-2098 short form is not accepted)
      `0x${sig}00`, // 66 bytes
      '0x',
    ];
    for (const bad of garbage) {
      expect(await receipts.read.check([struct(r), bad, proof, 1n]), bad).toBe(1);
      await reverts(receipts.read.verifyOrRevert([struct(r), bad, proof, 1n]), 'InvalidSignature');
    }
    expect(await receipts.read.verify([struct(r), r.signature, proof, 1n])).toBe(true);
  });

  it('ExampleConsumer accepts a verified result once, and rejects forged, foreign-model and repeated ones', async () => {
    const hash = await deployContract(wallets.owner, {
      abi: ExampleConsumer.abi,
      bytecode: ExampleConsumer.bytecode,
      args: [addresses.receiptRegistry, modelA],
    });
    const address = getAddress((await pub.waitForTransactionReceipt({ hash })).contractAddress!);
    const consumer = getContract({ address, abi: ExampleConsumer.abi, client: { public: pub, wallet: wallets.challenger } });
    expect(await consumer.read.registry()).toBe(addresses.receiptRegistry);

    const r = epoch1[6]!;
    const requestId = r.typedData.message.requestId;
    await reverts(consumer.read.resultOf([requestId]), 'UnknownRequest', [requestId]);
    // Forged: another output hash under the same signature.
    await reverts(
      consumer.write.accept([{ ...struct(r), outputHash: `0x${'ab'.repeat(32)}` }, r.signature, tree1.proof(6), 1n]),
      'ReceiptNotVerified',
      [requestId],
    );
    await reverts(consumer.write.accept([struct(r), r.signature, tree1.proof(5), 1n]), 'ReceiptNotVerified');
    const otherModel = signReceipt(keyA, message(addressOf(keyA), 50, { modelId: modelB }), domain);
    await reverts(consumer.write.accept([struct(otherModel), otherModel.signature, [], 1n]), 'WrongModel', [modelA, modelB]);

    const receipt = await mined(consumer.write.accept([struct(r), r.signature, tree1.proof(6), 1n]));
    expect(eventsOf(receipt, ExampleConsumer.abi, 'ResultAccepted')[0]?.args).toEqual({
      requestId,
      modelId: modelA,
      executor: wallets.operatorA.account.address,
      outputHash: r.typedData.message.outputHash,
      epoch: 1n,
    });
    expect(await consumer.read.isAccepted([requestId])).toBe(true);
    expect(await consumer.read.resultOf([requestId])).toMatchObject({
      outputHash: r.typedData.message.outputHash,
      executor: wallets.operatorA.account.address,
      epoch: 1n,
    });
    await reverts(consumer.write.accept([struct(r), r.signature, tree1.proof(6), 1n]), 'AlreadyAccepted', [requestId]);
  });

  it('keeps verifying the receipts a node posted before it withdrew its stake; it posts no more', async () => {
    const { receipts, nodes } = at(wallets.operatorA);
    const r = epoch1[0]!;
    const args = [struct(r), r.signature, tree1.proof(0), 1n] as const;
    await mined(nodes.write.requestUnstake());
    expect(await receipts.read.verify(args)).toBe(true); // still registered while unstaking: it may settle what it owes
    await mined(receipts.write.postRoot([9n, tree1.root, 7]));
    await timeTravel(unstakeDelay);
    await mined(nodes.write.withdrawStake());
    expect(await receipts.read.verify(args)).toBe(true);
    await reverts(receipts.read.verifyOrRevert([struct(r), r.signature, tree1.proof(0), 10n]), 'ExecutorNotRegistered');
    await reverts(receipts.write.postRoot([10n, tree1.root, 7]), 'NotRegisteredNode');
  });
});
