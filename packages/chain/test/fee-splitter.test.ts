/**
 * FeeSplitter against a real anvil, through the chain client's actions: funds arrive by token transfer (as a
 * settle pays them); registered nodes sign real receipts and settle them in ReceiptRegistry; the distributor posts
 * charge roots; anyone claims a charge with its proof and the executor's settled receipt, and the claim is split
 * into royalty, verifier, treasury and executor shares; payees pull or get pushed their shares.
 */
import { FeeSplitter, VerityToken } from '@verity/contracts';
import {
  type Hex,
  type MerkleTree,
  type ReceiptMessage,
  type SignedReceipt,
  merkleTree,
  receiptDigest,
  receiptDomain,
  receiptLeaf,
  signReceipt,
} from '@verity/protocol';
import {
  type Account,
  type Address,
  type Chain,
  type Transport,
  type WalletClient,
  createTestClient,
  http,
  parseEther,
  parseEventLogs,
} from 'viem';
import { writeContract } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Anvil,
  type ChainClients,
  type ChargeClaim,
  type FeeCharge,
  type VerityContracts,
  anvilPrivateKeys,
  buildChargeTree,
  chargeDigest,
  chargeLeaf,
  chargeTypeHash,
  claimCharges,
  createChainClients,
  deployFeeSplitter,
  deployVerity,
  findChargeRoot,
  getChargeRoot,
  getFeeBalances,
  getModelEarnings,
  getTokenBalance,
  getUndistributedFees,
  isChargePaid,
  mintTokens,
  postCharges,
  postRoot,
  registerModel,
  registerNode,
  releaseCharges,
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
const claimWindow = 30 * 24 * 3600;

let anvil: Anvil;
let clients: ChainClients;
let contracts: Required<Omit<VerityContracts, 'exampleConsumer'>>;
let splitter: Address;
let domain: ReturnType<typeof receiptDomain>;
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
type Name = (typeof names)[number];
const w = {} as Record<Name, Wallet>;
const key = (name: Name): Hex => anvilPrivateKeys[names.indexOf(name)] as Hex;
const addr = (name: Name): Address => w[name].account.address;

/** A receipt settled in ReceiptRegistry: its inclusion proof under the root its executor posted for `epoch`. */
interface Settled {
  receipt: SignedReceipt;
  proof: Hex[];
  epoch: bigint;
}

let nextRequest = 1;
let nextEpoch = 1n;

/** A receipt `signer` signs for a fresh request (the executor is `signer` unless overridden). */
function sign(signer: Name, modelId: Hex, fee: bigint, overrides: Partial<ReceiptMessage> = {}): SignedReceipt {
  const i = nextRequest++;
  return signReceipt(
    key(signer),
    {
      requestId: `0x${i.toString(16).padStart(64, '0')}`,
      modelId,
      inputHash: `0x${'01'.repeat(32)}`,
      outputHash: `0x${(5_000 + i).toString(16).padStart(64, '0')}`,
      executor: addr(signer),
      fee: fee.toString(),
      timestamp: 1_790_000_000 + i,
      policy: 'none',
      engine: 'onnxruntime-node/1.30.0/cpu-fp32',
      ...overrides,
    },
    domain,
  );
}

const leafOf = (r: SignedReceipt): Hex => receiptLeaf(receiptDigest(domain, r.typedData.message));

/** `node` settles these receipts (signed by it) as one epoch. */
async function settle(node: Name, receipts: readonly SignedReceipt[]): Promise<Settled[]> {
  const tree = merkleTree(receipts.map(leafOf));
  const epoch = nextEpoch++;
  await postRoot(w[node], contracts.receiptRegistry, { epoch, root: tree.root, count: receipts.length });
  return receipts.map((receipt, i) => ({ receipt, proof: tree.proof(i), epoch }));
}

/** `node` answers requests (one per fee) and settles their receipts as one epoch. */
async function answer(node: Name, modelId: Hex, fees: readonly bigint[]): Promise<Settled[]> {
  return settle(
    node,
    fees.map((fee) => sign(node, modelId, fee)),
  );
}

/** The charge of a settled receipt: its whole fee unless `amount` is given. */
function chargeOf(s: Settled, amount?: bigint): FeeCharge {
  const m = s.receipt.typedData.message;
  return { requestId: m.requestId, modelId: m.modelId, executor: m.executor, amount: amount ?? BigInt(m.fee) };
}

interface Posted {
  rootId: bigint;
  tree: MerkleTree;
  charges: FeeCharge[];
  gasUsed: bigint;
}

/** The distributor posts these charges as one root; `total` defaults to their sum. */
async function post(charges: FeeCharge[], total?: bigint): Promise<Posted> {
  const tree = buildChargeTree(charges);
  const sum = charges.reduce((s, c) => s + c.amount, 0n);
  const { rootId, gasUsed } = await postCharges(w.distributor, splitter, {
    root: tree.root,
    total: total ?? sum,
    count: charges.length,
  });
  return { rootId, tree, charges, gasUsed };
}

/** The claim of charge `i` of a posted root, backed by `settled`. */
function claimOf(posted: Posted, i: number, settled: Settled): ChargeClaim {
  return {
    rootId: posted.rootId,
    charge: posted.charges[i] as FeeCharge,
    chargeProof: posted.tree.proof(i),
    receipt: settled.receipt,
    proof: settled.proof,
    epoch: settled.epoch,
  };
}

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

async function read<
  const F extends
    | 'totalOwed'
    | 'totalReserved'
    | 'undistributed'
    | 'verifierBps'
    | 'treasuryBps'
    | 'distributor'
    | 'chargeRootCount'
    | 'chargeClaimWindow'
    | 'CHARGE_TYPEHASH',
>(functionName: F) {
  return clients.publicClient.readContract({ address: splitter, abi: FeeSplitter.abi, functionName });
}

const balances = async (name: Name) => getFeeBalances(clients.publicClient, splitter, { payee: addr(name) });

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
  for (const name of names) w[name] = clients.walletFor(key(name));
  ({ contracts } = await deployVerity(w.owner));
  domain = receiptDomain(anvil.chainId, contracts.receiptRegistry);
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
    receiptRegistry: contracts.receiptRegistry,
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
  it('computes a charge digest and leaf exactly as the contract does', async () => {
    expect(await read('CHARGE_TYPEHASH')).toBe(chargeTypeHash);
    const charges: FeeCharge[] = [
      { requestId: `0x${'01'.repeat(32)}`, modelId: modelA, executor: addr('executorA'), amount: 1n },
      { requestId: `0x${'fe'.repeat(32)}`, modelId: modelB, executor: addr('executorB'), amount: 2n ** 128n - 1n },
    ];
    for (const charge of charges) {
      const digest = await clients.publicClient.readContract({
        address: splitter,
        abi: FeeSplitter.abi,
        functionName: 'chargeDigest',
        args: [charge],
      });
      expect(digest).toBe(chargeDigest(charge));
      expect(
        await clients.publicClient.readContract({
          address: splitter,
          abi: FeeSplitter.abi,
          functionName: 'chargeLeaf',
          args: [digest],
        }),
      ).toBe(chargeLeaf(charge));
    }
    expect(buildChargeTree(charges).leaves).toEqual(charges.map(chargeLeaf));
  });

  it('pays a settled charge, split exactly, the rounding dust going to the executor', async () => {
    const amount = 10_007n;
    await fund(amount);
    expect(await getUndistributedFees(w.distributor, splitter)).toBe(amount);
    const [settled] = (await answer('executorA', modelA, [amount])) as [Settled];
    const posted = await post([chargeOf(settled)]);
    expect(posted.rootId).toBe(0n);
    expect([await read('totalReserved'), await read('undistributed'), await read('chargeRootCount')]).toEqual([amount, 0n, 1n]);
    const root = await getChargeRoot(clients.publicClient, splitter, { rootId: 0n });
    expect(root).toMatchObject({ root: posted.tree.root, total: amount, paid: 0n, released: false });
    expect(root.postedAt).toBeGreaterThan(0);
    expect(await findChargeRoot(clients.publicClient, splitter, { root: posted.tree.root })).toBe(0n);
    expect(await findChargeRoot(clients.publicClient, splitter, { root: `0x${'77'.repeat(32)}` })).toBeNull();

    // Anyone may claim: the outsider sends it, the shares go to the payees.
    const result = await claimCharges(w.outsider, splitter, { claims: [claimOf(posted, 0, settled)] });
    // 2.5% of 10007 is 250.175, 5% is 500.35, 10% is 1000.7: 1.225 of dust goes to the executor.
    const expected = { executorShare: 8_257n, royalty: 250n, verifierShare: 500n, treasuryShare: 1_000n };
    expect(split(amount, royaltyBps)).toEqual(expected);
    const receipt = await clients.publicClient.getTransactionReceipt({ hash: result.hash });
    const events = parseEventLogs({ abi: FeeSplitter.abi, logs: receipt.logs, eventName: 'ChargePaid' });
    expect(events.map((e) => e.args)).toEqual([
      {
        rootId: 0n,
        requestId: settled.receipt.typedData.message.requestId,
        executor: addr('executorA'),
        modelId: modelA,
        amount,
        ...expected,
      },
    ]);
    expect(await balances('executorA')).toEqual({ owed: 8_257n, earned: 8_257n });
    expect(await balances('publisher')).toEqual({ owed: 250n, earned: 250n });
    expect(await balances('verifierPool')).toEqual({ owed: 500n, earned: 500n });
    expect(await balances('treasury')).toEqual({ owed: 1_000n, earned: 1_000n });
    expect(await balances('outsider')).toEqual({ owed: 0n, earned: 0n });
    expect(await getModelEarnings(clients.publicClient, splitter, { modelId: modelA })).toEqual({ gross: amount, royalty: 250n });
    expect([await read('totalOwed'), await read('totalReserved'), await read('undistributed')]).toEqual([amount, 0n, 0n]);
    expect(await getChargeRoot(clients.publicClient, splitter, { rootId: 0n })).toMatchObject({ paid: amount });
    const { requestId } = settled.receipt.typedData.message;
    expect(await isChargePaid(clients.publicClient, splitter, { requestId, executor: addr('executorA') })).toBe(true);
    expect(await isChargePaid(clients.publicClient, splitter, { requestId, executor: addr('executorB') })).toBe(false);
  });

  it('pays out by withdraw and withdrawFor, once', async () => {
    const token = contracts.token;
    const before = await getTokenBalance(clients.publicClient, token, { owner: addr('executorA') });
    await withdrawFees(w.executorA, splitter);
    expect(await getTokenBalance(clients.publicClient, token, { owner: addr('executorA') })).toBe(before + 8_257n);
    expect(await balances('executorA')).toEqual({ owed: 0n, earned: 8_257n });

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

  it('claims a batch of mixed executors and models, crediting every unit (gas of 1 and 10 claims)', async () => {
    const payees = ['executorA', 'executorB', 'publisher', 'publisher2', 'verifierPool', 'treasury'] as const;
    const earnedBefore = await Promise.all(payees.map(balances));
    const owedBefore = await read('totalOwed');

    // executorA answers 6 requests of modelA, executorB 4 of modelB; each settles its epoch.
    const settledA = await answer(
      'executorA',
      modelA,
      Array.from({ length: 6 }, (_, i) => 1_003n + BigInt(i) * 7n),
    );
    const settledB = await answer(
      'executorB',
      modelB,
      Array.from({ length: 4 }, (_, i) => 2_011n + BigInt(i) * 13n),
    );
    const settled = [...settledA, ...settledB];
    // The router charges less than a fee once (a partial charge is allowed, never more).
    const charges = settled.map((s, i) => chargeOf(s, i === 7 ? 1_000n : undefined));
    const [one] = (await answer('executorB', modelB, [4_321n])) as [Settled];
    const total = charges.reduce((sum, c) => sum + c.amount, 0n);
    await fund(total + 4_321n);

    const single = await post([chargeOf(one)]);
    const batch = await post(charges);
    expect(batch.rootId).toBe(single.rootId + 1n);
    expect(await read('undistributed')).toBe(0n);
    const claimedOne = await claimCharges(w.executorB, splitter, { claims: [claimOf(single, 0, one)] });
    const claimedTen = await claimCharges(w.outsider, splitter, {
      claims: settled.map((s, i) => claimOf(batch, i, s)),
    });
    console.log(
      `FeeSplitter gas: postCharges ${batch.gasUsed} (1 charge ${single.gasUsed}), claimCharges 1 claim ${claimedOne.gasUsed}, 10 claims ${claimedTen.gasUsed} (${claimedTen.gasUsed / 10n} per claim)`,
    );
    expect(claimedTen.gasUsed).toBeLessThan(claimedOne.gasUsed * 10n);

    const want = { executorA: 0n, executorB: 0n, publisher: 0n, publisher2: 0n, verifierPool: 0n, treasury: 0n };
    for (const c of [chargeOf(one), ...charges]) {
      const s = split(c.amount, c.modelId === modelA ? royaltyBps : 0);
      want[c.executor === addr('executorA') ? 'executorA' : 'executorB'] += s.executorShare;
      want.publisher += s.royalty;
      want.verifierPool += s.verifierShare;
      want.treasury += s.treasuryShare;
    }
    const after = await Promise.all(payees.map(balances));
    const got = Object.fromEntries(payees.map((p, i) => [p, (after[i]?.earned ?? 0n) - (earnedBefore[i]?.earned ?? 0n)]));
    expect(got).toEqual(want);
    expect(Object.values(want).reduce((a, b) => a + b, 0n)).toBe(total + 4_321n);
    expect(await read('totalOwed')).toBe(owedBefore + total + 4_321n);
    expect([await read('totalReserved'), await read('undistributed')]).toEqual([0n, 0n]);
    expect(await getChargeRoot(clients.publicClient, splitter, { rootId: batch.rootId })).toMatchObject({ total, paid: total });
    const sumOf = (modelId: Hex) =>
      [chargeOf(one), ...charges].filter((c) => c.modelId === modelId).reduce((s, c) => s + c.amount, 0n);
    expect(await getModelEarnings(clients.publicClient, splitter, { modelId: modelB })).toEqual({
      gross: sumOf(modelB),
      royalty: 0n,
    });
    const royaltyA = charges.filter((c) => c.modelId === modelA).reduce((s, c) => s + split(c.amount, royaltyBps).royalty, 0n);
    expect(await getModelEarnings(clients.publicClient, splitter, { modelId: modelA })).toEqual({
      gross: 10_007n + sumOf(modelA),
      royalty: 250n + royaltyA,
    });
  });

  it('lets only the distributor post charges, and only up to what is undistributed', async () => {
    await fund(1_000n);
    const [s] = (await answer('executorA', modelA, [1_000n])) as [Settled];
    const tree = buildChargeTree([chargeOf(s)]);
    const args = { root: tree.root, total: 1_000n, count: 1 };
    expect(await failure(postCharges(w.outsider, splitter, args))).toEqual({ name: 'NotDistributor', args: [addr('outsider')] });
    expect(await failure(postCharges(w.distributor, splitter, { ...args, total: 1_001n }))).toEqual({
      name: 'InsufficientUndistributed',
      args: [1_000n, 1_001n],
    });
    expect(await failure(postCharges(w.distributor, splitter, { ...args, root: `0x${'00'.repeat(32)}` }))).toEqual({
      name: 'ZeroChargeRoot',
      args: [],
    });
    expect(await failure(postCharges(w.distributor, splitter, { ...args, total: 0n }))).toMatchObject({ name: 'EmptyCharges' });
    expect(await failure(postCharges(w.distributor, splitter, { ...args, count: 0 }))).toMatchObject({ name: 'EmptyCharges' });

    // A posted root reserves its total: nothing is left for a second.
    const first = await postCharges(w.distributor, splitter, { ...args, total: 600n });
    expect(await getUndistributedFees(clients.publicClient, splitter)).toBe(400n);
    expect(await failure(postCharges(w.distributor, splitter, { ...args, total: 401n }))).toEqual({
      name: 'InsufficientUndistributed',
      args: [400n, 401n],
    });

    // The owner hands the role over; the old distributor loses it.
    expect(await failure(writeSplitter(w.outsider, 'setDistributor', [addr('outsider')]))).toMatchObject({
      name: 'OwnableUnauthorizedAccount',
    });
    await writeSplitter(w.owner, 'setDistributor', [addr('outsider')]);
    expect(await failure(postCharges(w.distributor, splitter, { ...args, total: 400n }))).toMatchObject({
      name: 'NotDistributor',
    });
    const second = await postCharges(w.outsider, splitter, { ...args, total: 400n });
    await writeSplitter(w.owner, 'setDistributor', [addr('distributor')]);
    expect(await read('distributor')).toBe(addr('distributor'));
    expect([await read('undistributed'), await read('totalReserved')]).toEqual([0n, 1_000n]);
    // Both roots hold the same charge: it is paid once, under the first root claimed (the second's reserve stays
    // until it is released).
    const claim = (rootId: bigint): ChargeClaim => ({
      rootId,
      charge: chargeOf(s),
      chargeProof: tree.proof(0),
      receipt: s.receipt,
      proof: s.proof,
      epoch: s.epoch,
    });
    expect(await failure(claimCharges(w.outsider, splitter, { claims: [claim(first.rootId)] }))).toEqual({
      name: 'ChargeRootExhausted',
      args: [first.rootId, 600n, 1_000n],
    });
    reserved.push(first.rootId, second.rootId);
  });

  it('refuses charges that no settled receipt of the executor backs', async () => {
    const fee = 2_000n;
    // Two receipts executorA answered and settled.
    const [good, other1] = (await answer('executorA', modelA, [fee, fee])) as [Settled, Settled];
    // Never settled: executorA signed it but posted no root for its epoch.
    const unsettled: Settled = { receipt: sign('executorA', modelA, fee), proof: [], epoch: 999_999n };
    // Not included: executorA settled an epoch without it (the proof is another receipt's).
    const left = sign('executorA', modelA, fee);
    const [other2] = (await answer('executorA', modelA, [fee])) as [Settled];
    const notIncluded: Settled = { receipt: left, proof: other2.proof, epoch: other2.epoch };
    // Signed by another key: executorB signs a receipt naming executorA, and settles it in its own root.
    const forged = sign('executorB', modelA, fee, { executor: addr('executorA') });
    const forgedTree = merkleTree([leafOf(forged)]);
    const forgedEpoch = nextEpoch++;
    await postRoot(w.executorB, contracts.receiptRegistry, { epoch: forgedEpoch, root: forgedTree.root, count: 1 });
    const signedByOther: Settled = { receipt: forged, proof: [], epoch: forgedEpoch };
    // A receipt for a model nobody published, settled.
    const [unpublished] = (await answer('executorA', unknownModel, [fee])) as [Settled];

    const charges: FeeCharge[] = [
      chargeOf(good),
      chargeOf(unsettled),
      chargeOf(notIncluded),
      chargeOf(signedByOther),
      // executorB claims a request executorA answered (with executorA's receipt): the executors differ.
      { ...chargeOf(good), executor: addr('executorB') },
      // A charge for another request, backed by a receipt for `good`'s.
      { ...chargeOf(other1), amount: 1n },
      // More than the receipt's fee.
      chargeOf(other1, fee + 1n),
      chargeOf(unpublished),
    ];
    const total = charges.reduce((s, c) => s + c.amount, 0n);
    await fund(total);
    const posted = await post(charges);
    const owedBefore = await read('totalOwed');
    const attempt = async (claim: ChargeClaim) => failure(claimCharges(w.outsider, splitter, { claims: [claim] }));
    const backing = [good, unsettled, notIncluded, signedByOther, good, good, other1, unpublished];
    const claims = charges.map((_, i) => claimOf(posted, i, backing[i] as Settled));
    const executorA = addr('executorA');

    expect(await attempt(claims[1] as ChargeClaim)).toEqual({ name: 'ReceiptNotSettled', args: [4] }); // RootNotPosted
    expect(await attempt(claims[2] as ChargeClaim)).toEqual({ name: 'ReceiptNotSettled', args: [5] }); // NotIncluded
    expect(await attempt(claims[3] as ChargeClaim)).toEqual({ name: 'ReceiptNotSettled', args: [2] }); // SignerNotExecutor
    expect(await attempt(claims[4] as ChargeClaim)).toEqual({
      name: 'ReceiptMismatch',
      args: [good.receipt.typedData.message.requestId, addr('executorB')],
    });
    expect(await attempt(claims[5] as ChargeClaim)).toEqual({
      name: 'ReceiptMismatch',
      args: [other1.receipt.typedData.message.requestId, executorA],
    });
    expect(await attempt(claims[6] as ChargeClaim)).toEqual({ name: 'AmountAboveFee', args: [fee + 1n, fee] });
    expect(await attempt(claims[7] as ChargeClaim)).toEqual({ name: 'UnknownModel', args: [unknownModel] });
    // A charge that is not in the root (its proof is another charge's), and a root never posted.
    expect(await attempt({ ...(claims[0] as ChargeClaim), chargeProof: posted.tree.proof(1) })).toEqual({
      name: 'InvalidChargeProof',
      args: [posted.rootId, good.receipt.typedData.message.requestId, executorA],
    });
    expect(await attempt({ ...(claims[0] as ChargeClaim), charge: { ...chargeOf(good), amount: fee - 1n } })).toMatchObject({
      name: 'InvalidChargeProof',
    });
    expect(await attempt({ ...(claims[0] as ChargeClaim), rootId: 1_000n })).toEqual({
      name: 'UnknownChargeRoot',
      args: [1_000n],
    });
    // One bad claim fails the whole batch.
    expect(
      await failure(claimCharges(w.outsider, splitter, { claims: [claims[0] as ChargeClaim, claims[6] as ChargeClaim] })),
    ).toMatchObject({
      name: 'AmountAboveFee',
    });
    expect(await read('totalOwed')).toBe(owedBefore);
    expect(await getChargeRoot(clients.publicClient, splitter, { rootId: posted.rootId })).toMatchObject({ paid: 0n });

    // The backed charge alone is paid.
    await claimCharges(w.outsider, splitter, { claims: [claims[0] as ChargeClaim] });
    expect(await read('totalOwed')).toBe(owedBefore + fee);
    reserved.push(posted.rootId);
  });

  it('pays a charge once, within a batch and across roots, and never beyond a root total', async () => {
    const [s1, s2, s3] = (await answer('executorB', modelB, [500n, 700n, 900n])) as [Settled, Settled, Settled];
    await fund(500n + 500n + 700n + 900n);
    const root1 = await post([chargeOf(s1)]);
    const claim1 = claimOf(root1, 0, s1);
    const paidError = { name: 'ChargeAlreadyPaid', args: [s1.receipt.typedData.message.requestId, addr('executorB')] };
    expect(await failure(claimCharges(w.outsider, splitter, { claims: [claim1, claim1] }))).toEqual(paidError);
    await claimCharges(w.executorB, splitter, { claims: [claim1] });
    expect(await failure(claimCharges(w.executorB, splitter, { claims: [claim1] }))).toEqual(paidError);

    // The distributor posts the same charge again (with two new ones) under a second root: still paid once.
    const root2 = await post([chargeOf(s1), chargeOf(s2), chargeOf(s3)], 500n + 700n);
    expect(await failure(claimCharges(w.outsider, splitter, { claims: [claimOf(root2, 0, s1)] }))).toEqual(paidError);
    // The root reserved less than its charges: the second charge exhausts it; a batch across roots is fine.
    const before = await balances('executorB');
    await claimCharges(w.outsider, splitter, { claims: [claimOf(root2, 1, s2)] });
    expect(await failure(claimCharges(w.outsider, splitter, { claims: [claimOf(root2, 2, s3)] }))).toEqual({
      name: 'ChargeRootExhausted',
      args: [root2.rootId, 500n, 900n],
    });
    const after = await balances('executorB');
    expect(after.earned - before.earned).toBe(split(700n, 0).executorShare);
    expect(await getChargeRoot(clients.publicClient, splitter, { rootId: root2.rootId })).toMatchObject({
      total: 1_200n,
      paid: 700n,
    });
    reserved.push(root2.rootId);
  });

  it('caps a royalty at what the shares leave', async () => {
    expect(await failure(writeSplitter(w.outsider, 'setShares', [0, 0]))).toMatchObject({ name: 'OwnableUnauthorizedAccount' });
    expect(await failure(writeSplitter(w.owner, 'setShares', [5_000, 5_001]))).toEqual({
      name: 'SharesTooHigh',
      args: [5_000, 5_001],
    });
    await writeSplitter(w.owner, 'setShares', [5_000, 5_000]);
    expect([await read('verifierBps'), await read('treasuryBps')]).toEqual([5_000, 5_000]);
    await writeSplitter(w.owner, 'setShares', [verifierBps, treasuryBps]);

    // 100% royalty, 15% to verifiers and treasury: the publisher gets 85%, the executor only the dust.
    const [s] = (await answer('executorB', modelFull, [999n])) as [Settled];
    await fund(999n);
    const posted = await post([chargeOf(s)]);
    const before = await balances('executorB');
    await claimCharges(w.outsider, splitter, { claims: [claimOf(posted, 0, s)] });
    const expected = split(999n, 10_000 - verifierBps - treasuryBps);
    expect(expected).toEqual({ executorShare: 2n, royalty: 849n, verifierShare: 49n, treasuryShare: 99n });
    expect(await balances('publisher2')).toEqual({ owed: 849n, earned: 849n });
    expect((await balances('executorB')).earned - before.earned).toBe(2n);
    expect(await getModelEarnings(clients.publicClient, splitter, { modelId: modelFull })).toEqual({
      gross: 999n,
      royalty: 849n,
    });
  });

  it('releases what a root did not pay only after the claim window, then refuses its claims', async () => {
    expect(await read('chargeClaimWindow')).toBe(BigInt(claimWindow));
    const [s] = (await answer('executorA', modelB, [300n])) as [Settled];
    await fund(300n);
    const posted = await post([chargeOf(s)]);
    const rootIds = [...reserved, posted.rootId];
    const roots = await Promise.all(rootIds.map((rootId) => getChargeRoot(clients.publicClient, splitter, { rootId })));
    const rest = roots.reduce((sum, r) => sum + r.total - r.paid, 0n);
    expect(await read('totalReserved')).toBe(rest);
    const undistributedBefore = await read('undistributed');

    const first = rootIds[0] as bigint;
    expect(await failure(releaseCharges(w.outsider, splitter, { rootId: first }))).toEqual({
      name: 'NotDistributor',
      args: [addr('outsider')],
    });
    const { postedAt } = await getChargeRoot(clients.publicClient, splitter, { rootId: posted.rootId });
    expect(await failure(releaseCharges(w.distributor, splitter, { rootId: posted.rootId }))).toEqual({
      name: 'ClaimWindowOpen',
      args: [posted.rootId, BigInt(postedAt + claimWindow)],
    });
    expect(await failure(releaseCharges(w.distributor, splitter, { rootId: 1_000n }))).toEqual({
      name: 'UnknownChargeRoot',
      args: [1_000n],
    });
    expect(await failure(writeSplitter(w.outsider, 'setChargeClaimWindow', [1n]))).toMatchObject({
      name: 'OwnableUnauthorizedAccount',
    });

    const test = createTestClient({ mode: 'anvil', chain: clients.chain, transport: http(anvil.rpcUrl) });
    await test.increaseTime({ seconds: claimWindow });
    await test.mine({ blocks: 1 });
    for (const rootId of rootIds) {
      const released = await releaseCharges(w.distributor, splitter, { rootId });
      const receipt = await clients.publicClient.getTransactionReceipt({ hash: released.hash });
      const [event] = parseEventLogs({ abi: FeeSplitter.abi, logs: receipt.logs, eventName: 'ChargesReleased' });
      const root = roots[rootIds.indexOf(rootId)];
      expect(event?.args).toEqual({ rootId, amount: (root?.total ?? 0n) - (root?.paid ?? 0n) });
      expect(await getChargeRoot(clients.publicClient, splitter, { rootId })).toMatchObject({ released: true });
    }
    expect([await read('totalReserved'), await read('undistributed')]).toEqual([0n, undistributedBefore + rest]);
    expect(await failure(releaseCharges(w.distributor, splitter, { rootId: first }))).toEqual({
      name: 'ChargeRootReleased',
      args: [first],
    });
    // The executor comes too late: its charge is no longer payable under that root.
    expect(await failure(claimCharges(w.executorA, splitter, { claims: [claimOf(posted, 0, s)] }))).toEqual({
      name: 'ChargeRootReleased',
      args: [posted.rootId],
    });
    expect(
      await isChargePaid(clients.publicClient, splitter, { requestId: chargeOf(s).requestId, executor: addr('executorA') }),
    ).toBe(false);
    // The released funds can back a new root.
    const again = await post([chargeOf(s)]);
    await claimCharges(w.executorA, splitter, { claims: [claimOf(again, 0, s)] });
    expect(await read('undistributed')).toBe(undistributedBefore + rest - 300n);

    await writeSplitter(w.owner, 'setChargeClaimWindow', [3_600n]);
    expect(await read('chargeClaimWindow')).toBe(3_600n);
  });
});

/** Roots that keep part of their total reserved, released by the last test. */
const reserved: bigint[] = [];

async function writeSplitter(
  wallet: Wallet,
  functionName: 'setShares' | 'setDistributor' | 'setChargeClaimWindow',
  args: readonly [number, number] | readonly [Address] | readonly [bigint],
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
