/**
 * FeeSplitter against a real anvil, through the chain client's actions: funds arrive by token transfer (as a
 * settle pays them), the distributor splits them per (executor, model), payees pull or get pushed their shares.
 */
import { FeeSplitter, VerityToken } from '@verity/contracts';
import type { Hex } from '@verity/protocol';
import { type Account, type Address, type Chain, type Transport, type WalletClient, parseEther, parseEventLogs } from 'viem';
import { writeContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Anvil,
  type ChainClients,
  type FeeAllocation,
  type VerityContracts,
  anvilPrivateKeys,
  createChainClients,
  deployFeeSplitter,
  deployVerity,
  distributeFees,
  getFeeBalances,
  getModelEarnings,
  getTokenBalance,
  getUndistributedFees,
  mintTokens,
  registerModel,
  registerNode,
  revertError,
  startAnvil,
  withdrawFees,
} from '../src/index.js';

type Wallet = WalletClient<Transport, Chain, Account>;

const verifierBps = 500;
const treasuryBps = 1_000;
const royaltyBps = 250;
const modelA: Hex = `0x${'a1'.repeat(32)}`;
const modelB: Hex = `0x${'b2'.repeat(32)}`;
/** Published with a 100% royalty, which the splitter caps at what the verifier and treasury shares leave. */
const modelFull: Hex = `0x${'f0'.repeat(32)}`;
const unknownModel: Hex = `0x${'ee'.repeat(32)}`;

let anvil: Anvil;
let clients: ChainClients;
let contracts: Required<Omit<VerityContracts, 'exampleConsumer'>>;
let splitter: Address;
const names = [
  'owner',
  'publisher',
  'publisher2',
  'executorA',
  'executorB',
  'distributor',
  'treasury',
  'verifierPool',
  'outsider',
  'payer',
] as const;
const w = {} as Record<(typeof names)[number], Wallet>;
const addr = (name: (typeof names)[number]): Address => w[name].account.address;

/** Pays the splitter as BatchSettlement's settle does: a plain token transfer. */
async function fund(amount: bigint): Promise<void> {
  const hash = await writeContract(w.payer, {
    account: w.payer.account,
    chain: w.payer.chain,
    address: contracts.token,
    abi: VerityToken.abi,
    functionName: 'transfer',
    args: [splitter, amount],
  });
  await clients.publicClient.waitForTransactionReceipt({ hash });
}

async function failure(call: Promise<unknown>): Promise<{ name: string; args: readonly unknown[] } | string> {
  return call.then(
    () => 'no revert',
    (error: unknown) => revertError(error) ?? String(error),
  );
}

async function read<const F extends 'totalOwed' | 'undistributed' | 'verifierBps' | 'treasuryBps' | 'distributor'>(
  functionName: F,
) {
  return clients.publicClient.readContract({ address: splitter, abi: FeeSplitter.abi, functionName });
}

/** The split the contract must make, computed independently: shares round down, the executor gets the dust. */
function split(amount: bigint, royalty: number, vBps = verifierBps, tBps = treasuryBps) {
  const r = (amount * BigInt(royalty)) / 10_000n;
  const v = (amount * BigInt(vBps)) / 10_000n;
  const t = (amount * BigInt(tBps)) / 10_000n;
  return { executorShare: amount - r - v - t, royalty: r, verifierShare: v, treasuryShare: t };
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
  clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  names.forEach((name, i) => {
    w[name] = clients.walletFor(anvilPrivateKeys[i] as Hex);
  });
  ({ contracts } = await deployVerity(w.owner));
  const common = { name: 'mlp', format: 'onnx', metadataHash: `0x${'dd'.repeat(32)}` as Hex, priceWei: 1_000n };
  await registerModel(w.publisher, contracts.modelRegistry, { ...common, modelId: modelA, version: '1', royaltyBps });
  await registerModel(w.publisher, contracts.modelRegistry, { ...common, modelId: modelB, version: '2', royaltyBps: 0 });
  await registerModel(w.publisher2, contracts.modelRegistry, {
    ...common,
    name: 'full',
    modelId: modelFull,
    version: '1',
    royaltyBps: 10_000,
  });
  for (const [name, i] of [
    ['executorA', 1],
    ['executorB', 2],
  ] as const) {
    await mintTokens(w.owner, contracts.token, { to: addr(name), amount: parseEther('100') });
    await registerNode(w[name], contracts.nodeRegistry, {
      endpoint: `http://127.0.0.1:900${i}`,
      priceWei: 1_000n,
      modelIds: [modelA, modelB],
      stake: parseEther('100'),
    });
  }
  await mintTokens(w.owner, contracts.token, { to: addr('payer'), amount: parseEther('1000') });
  const deployed = await deployFeeSplitter(w.owner, {
    token: contracts.token,
    modelRegistry: contracts.modelRegistry,
    nodeRegistry: contracts.nodeRegistry,
    distributor: addr('distributor'),
    treasury: addr('treasury'),
    verifierPool: addr('verifierPool'),
    verifierBps,
    treasuryBps,
  });
  splitter = deployed.address;
  console.log(`FeeSplitter deployment gas: ${deployed.gasUsed}`);
});

afterAll(async () => {
  await anvil?.stop();
});

describe('FeeSplitter', () => {
  it('splits an allocation exactly, the rounding dust going to the executor', async () => {
    const amount = 10_007n;
    await fund(amount);
    expect(await getUndistributedFees(w.distributor, splitter)).toBe(amount);
    const result = await distributeFees(w.distributor, splitter, {
      allocations: [{ executor: addr('executorA'), modelId: modelA, amount }],
    });
    // 2.5% of 10007 is 250.175, 5% is 500.35, 10% is 1000.7: 1.225 of dust goes to the executor.
    const expected = { executorShare: 8_257n, royalty: 250n, verifierShare: 500n, treasuryShare: 1_000n };
    expect(split(amount, royaltyBps)).toEqual(expected);

    const receipt = await clients.publicClient.getTransactionReceipt({ hash: result.hash });
    const events = parseEventLogs({ abi: FeeSplitter.abi, logs: receipt.logs, eventName: 'Distributed' });
    expect(events.map((e) => e.args)).toEqual([{ executor: addr('executorA'), modelId: modelA, amount, ...expected }]);

    const balances = async (name: (typeof names)[number]) =>
      getFeeBalances(clients.publicClient, splitter, { payee: addr(name) });
    expect(await balances('executorA')).toEqual({ owed: 8_257n, earned: 8_257n });
    expect(await balances('publisher')).toEqual({ owed: 250n, earned: 250n });
    expect(await balances('verifierPool')).toEqual({ owed: 500n, earned: 500n });
    expect(await balances('treasury')).toEqual({ owed: 1_000n, earned: 1_000n });
    expect(await getModelEarnings(clients.publicClient, splitter, { modelId: modelA })).toEqual({ gross: amount, royalty: 250n });
    expect([await read('totalOwed'), await read('undistributed')]).toEqual([amount, 0n]);
  });

  it('pays out by withdraw and withdrawFor, once', async () => {
    const token = contracts.token;
    const before = await getTokenBalance(clients.publicClient, token, { owner: addr('executorA') });
    await withdrawFees(w.executorA, splitter);
    expect(await getTokenBalance(clients.publicClient, token, { owner: addr('executorA') })).toBe(before + 8_257n);
    expect(await getFeeBalances(clients.publicClient, splitter, { payee: addr('executorA') })).toEqual({
      owed: 0n,
      earned: 8_257n,
    });

    // Anyone may push a payee's fees, and they go to the payee.
    const outsiderBefore = await getTokenBalance(clients.publicClient, token, { owner: addr('outsider') });
    await withdrawFees(w.outsider, splitter, { payee: addr('publisher') });
    expect(await getTokenBalance(clients.publicClient, token, { owner: addr('publisher') })).toBe(250n);
    expect(await getTokenBalance(clients.publicClient, token, { owner: addr('outsider') })).toBe(outsiderBefore);

    // A second withdrawal pays nothing more.
    expect(await failure(withdrawFees(w.executorA, splitter))).toEqual({ name: 'NothingOwed', args: [addr('executorA')] });
    expect(await failure(withdrawFees(w.outsider, splitter, { payee: addr('publisher') }))).toEqual({
      name: 'NothingOwed',
      args: [addr('publisher')],
    });
    expect(await getTokenBalance(clients.publicClient, token, { owner: addr('executorA') })).toBe(before + 8_257n);
    expect(await getTokenBalance(clients.publicClient, token, { owner: addr('publisher') })).toBe(250n);
    expect([await read('totalOwed'), await read('undistributed')]).toEqual([1_500n, 0n]);
    expect(await getTokenBalance(clients.publicClient, token, { owner: splitter })).toBe(1_500n);
  });

  it('lets only the distributor distribute, and only what is undistributed', async () => {
    await fund(1_000n);
    const one: FeeAllocation[] = [{ executor: addr('executorA'), modelId: modelA, amount: 1_000n }];
    expect(await failure(distributeFees(w.outsider, splitter, { allocations: one }))).toEqual({
      name: 'NotDistributor',
      args: [addr('outsider')],
    });
    const over: FeeAllocation[] = [...one, { executor: addr('executorB'), modelId: modelB, amount: 1n }];
    expect(await failure(distributeFees(w.distributor, splitter, { allocations: over }))).toEqual({
      name: 'InsufficientUndistributed',
      args: [1_000n, 1_001n],
    });
    expect(
      await failure(
        distributeFees(w.distributor, splitter, {
          allocations: [{ executor: addr('outsider'), modelId: modelA, amount: 1n }],
        }),
      ),
    ).toEqual({ name: 'UnknownExecutor', args: [addr('outsider')] });
    expect(
      await failure(
        distributeFees(w.distributor, splitter, {
          allocations: [
            ...one.map((a) => ({ ...a, amount: 1n })),
            { executor: addr('executorB'), modelId: unknownModel, amount: 1n },
          ],
        }),
      ),
    ).toEqual({ name: 'UnknownModel', args: [unknownModel] });
    // The owner hands the role over; the old distributor loses it.
    expect(await failure(writeSplitter(w.outsider, 'setDistributor', [addr('outsider')]))).toMatchObject({
      name: 'OwnableUnauthorizedAccount',
    });
    await writeSplitter(w.owner, 'setDistributor', [addr('outsider')]);
    expect(await failure(distributeFees(w.distributor, splitter, { allocations: one }))).toMatchObject({
      name: 'NotDistributor',
    });
    await distributeFees(w.outsider, splitter, { allocations: one });
    await writeSplitter(w.owner, 'setDistributor', [addr('distributor')]);
    expect(await read('distributor')).toBe(addr('distributor'));
    expect(await read('undistributed')).toBe(0n);
  });

  it('bounds the shares, and caps a royalty at what they leave', async () => {
    expect(await failure(writeSplitter(w.outsider, 'setShares', [0, 0]))).toMatchObject({ name: 'OwnableUnauthorizedAccount' });
    expect(await failure(writeSplitter(w.owner, 'setShares', [5_000, 5_001]))).toEqual({
      name: 'SharesTooHigh',
      args: [5_000, 5_001],
    });
    await writeSplitter(w.owner, 'setShares', [5_000, 5_000]);
    expect([await read('verifierBps'), await read('treasuryBps')]).toEqual([5_000, 5_000]);

    // 100% royalty, 15% to verifiers and treasury: the publisher gets 85%, the executor only the dust.
    await writeSplitter(w.owner, 'setShares', [verifierBps, treasuryBps]);
    await fund(999n);
    await distributeFees(w.distributor, splitter, {
      allocations: [{ executor: addr('executorB'), modelId: modelFull, amount: 999n }],
    });
    const expected = split(999n, 10_000 - verifierBps - treasuryBps);
    expect(expected).toEqual({ executorShare: 2n, royalty: 849n, verifierShare: 49n, treasuryShare: 99n });
    expect(await getFeeBalances(clients.publicClient, splitter, { payee: addr('publisher2') })).toEqual({
      owed: 849n,
      earned: 849n,
    });
    expect(await getFeeBalances(clients.publicClient, splitter, { payee: addr('executorB') })).toEqual({ owed: 2n, earned: 2n });
    expect(await getModelEarnings(clients.publicClient, splitter, { modelId: modelFull })).toEqual({
      gross: 999n,
      royalty: 849n,
    });
  });

  it('splits a batch of mixed executors and models, crediting every unit (gas of 1 and 10 allocations)', async () => {
    const payees = ['executorA', 'executorB', 'publisher', 'publisher2', 'verifierPool', 'treasury'] as const;
    const earnedBefore = await Promise.all(payees.map((p) => getFeeBalances(clients.publicClient, splitter, { payee: addr(p) })));
    const owedBefore = await read('totalOwed');

    const allocations: FeeAllocation[] = Array.from({ length: 10 }, (_, i) => ({
      executor: addr(i % 2 === 0 ? 'executorA' : 'executorB'),
      modelId: i < 6 ? modelA : modelB,
      amount: 1_003n + BigInt(i) * 7n,
    }));
    const total = allocations.reduce((sum, a) => sum + a.amount, 0n);
    await fund(total + 4_321n);
    const single = await distributeFees(w.distributor, splitter, {
      allocations: [{ executor: addr('executorB'), modelId: modelB, amount: 4_321n }],
    });
    const batch = await distributeFees(w.distributor, splitter, { allocations });
    console.log(`FeeSplitter.distribute gas: 1 allocation ${single.gasUsed}, 10 allocations ${batch.gasUsed}`);
    expect(batch.gasUsed).toBeLessThan(single.gasUsed * 10n);

    const gained = async (i: number) =>
      (await getFeeBalances(clients.publicClient, splitter, { payee: addr(payees[i] as (typeof payees)[number]) })).earned -
      (earnedBefore[i] as { earned: bigint }).earned;
    const want = { executorA: 0n, executorB: 0n, publisher: 0n, publisher2: 0n, verifierPool: 0n, treasury: 0n };
    for (const a of [{ executor: addr('executorB'), modelId: modelB, amount: 4_321n }, ...allocations]) {
      const s = split(a.amount, a.modelId === modelA ? royaltyBps : 0);
      want[a.executor === addr('executorA') ? 'executorA' : 'executorB'] += s.executorShare;
      want.publisher += s.royalty;
      want.verifierPool += s.verifierShare;
      want.treasury += s.treasuryShare;
    }
    const got = Object.fromEntries(await Promise.all(payees.map(async (p, i) => [p, await gained(i)] as const)));
    expect(got).toEqual(want);
    expect(Object.values(want).reduce((a, b) => a + b, 0n)).toBe(total + 4_321n);
    expect(await read('totalOwed')).toBe(owedBefore + total + 4_321n);
    expect(await read('undistributed')).toBe(0n);
  });
});

async function writeSplitter(
  wallet: Wallet,
  functionName: 'setShares' | 'setDistributor',
  args: readonly [number, number] | readonly [Address],
): Promise<void> {
  const hash = await writeContract(wallet, {
    account: wallet.account,
    chain: wallet.chain,
    address: splitter,
    abi: FeeSplitter.abi,
    functionName,
    args,
  } as never);
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
}
