/**
 * The payments benchmark, writing bench/results/payments.json (issue 5), on a fresh anvil with BatchSettlement,
 * its ERC-3009 collector and Multicall3 at their canonical addresses:
 * - gas per paid request at claim batch sizes 1, 10, 100 and 1,000: N channels, each opened by the official @x402/evm
 *   client (its deposit payload, submitted through PaymentGate and the official facilitator) and charged one request,
 *   then one Claimer round: one claimWithSignature of the N vouchers and one settle. Deposits are reported apart (a
 *   channel serves many requests). Target: at most 1,000 gas per request at batch size 1,000.
 * - what checking a voucher adds to a request: PaymentGate.charge + commit on a channel that already has its deposit
 *   and fresh on-chain state (measureVoucherCheck), with the SQLite store on disk (as the router runs it) and in
 *   memory, and the signature check alone (recoverVoucherSigner). Target: under 1 ms at p50.
 * - the fee split's gas (bench/fee-split.ts): FeeSplitter.postCharges, and claimCharges of 1 and 10 charges, each backed
 *   by a receipt its executor signed and settled in ReceiptRegistry.
 * The exit code is 1 when a target is missed.
 *
 * Run: `npx tsx bench/payments.ts` (anvil comes from the @foundry-rs/anvil npm package; nothing else is needed).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ChannelConfig,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  installBatchSettlement,
  installMulticall3,
  mintTokens,
  startAnvil,
} from '@verity/chain';
import {
  Claimer,
  PaymentGate,
  PaymentStore,
  createFacilitator,
  paymentRequirements,
  recoverVoucherSigner,
} from '@verity/payments';
import { x402Client } from '@x402/core/client';
import { encodePaymentSignatureHeader } from '@x402/core/http';
import type { PaymentPayload } from '@x402/core/types';
import { toClientEvmSigner } from '@x402/evm';
import { BatchSettlementEvmScheme, signVoucher } from '@x402/evm/batch-settlement/client';
import { type Hex, createTestClient, createWalletClient, http, isAddressEqual, nonceManager } from 'viem';
import { type PrivateKeyAccount, generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { measureFeeSplit } from './fee-split.js';
import { quantile } from './stats.js';
import { measureVoucherCheck } from './voucher-check.js';

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const batchSizes = [1, 10, 100, 1_000] as const;
const target = { batchSize: 1_000, maxGasPerRequest: 1_000, maxVoucherCheckP50Us: 1_000 };
const price = 1_000n;
const withdrawDelay = 900;
/** Deposits and mints in flight at once (anvil mines each transaction as it arrives). */
const concurrency = 24;
const latency = { warmup: 100, requests: 1_000 };
/** anvil's default block gas limit; a claim above it needs a bigger block (the limit is raised for the run). */
const defaultBlockGasLimit = 30_000_000n;

const anvil = await startAnvil({ port: 0 });
const dir = mkdtempSync(join(tmpdir(), 'verity-bench-payments-'));
let output: ReturnType<typeof summarize>;
try {
  const started = performance.now();
  output = summarize(await measure());
  console.error(`measured in ${Math.round((performance.now() - started) / 1000)} s`);
} finally {
  await anvil.stop();
  rmSync(dir, { recursive: true, force: true });
}

mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}payments.json`, `${JSON.stringify(output, null, 2)}\n`);
printTable(output);
console.error('wrote bench/results/payments.json');
if (!output.targets.gasPerRequest.met || !output.targets.voucherCheck.met) process.exitCode = 1;

async function measure() {
  const { chainId, rpcUrl } = anvil;
  const network = `eip155:${chainId}` as const;
  // A short polling interval: every deposit and claim waits for its receipt, and anvil mines at once.
  const clients = createChainClients({ rpcUrl, chainId, pollingIntervalMs: 10 });
  const pub = clients.publicClient;
  // Nonce managers let many transactions from one key be in flight at once.
  const walletOf = (key: Hex) =>
    createWalletClient({
      chain: clients.chain,
      transport: http(rpcUrl),
      pollingInterval: 10,
      account: privateKeyToAccount(key, { nonceManager }),
    });
  const owner = walletOf(anvilPrivateKeys[0] as Hex);
  const gasPayer = walletOf(anvilPrivateKeys[1] as Hex);
  const receiver = privateKeyToAccount(anvilPrivateKeys[2] as Hex);
  const receiverAuthorizer = privateKeyToAccount(anvilPrivateKeys[3] as Hex);

  const token = (await deployVerity(owner)).contracts.token;
  await installBatchSettlement(owner);
  await installMulticall3(owner);
  const testClient = createTestClient({ mode: 'anvil', chain: clients.chain, transport: http(rpcUrl) });
  await testClient.setBlockGasLimit({ gasLimit: 4n * defaultBlockGasLimit });
  const facilitator = createFacilitator({ publicClient: pub, wallet: gasPayer, receiverAuthorizer });

  const requirementsFor = (minDeposit?: bigint) =>
    paymentRequirements({
      chainId,
      token,
      amount: price,
      payTo: receiver.address,
      receiverAuthorizer: receiverAuthorizer.address,
      withdrawDelay,
      resource: 'http://127.0.0.1/v1/infer',
      description: 'Inference on mlp@1',
      ...(minDeposit === undefined ? {} : { minDeposit }),
    });

  // One payer per channel, as when every voucher in a batch comes from another client; payers need tokens, not ETH.
  const channelCount = 1 + batchSizes.reduce((sum, n) => sum + n, 0);
  const payers = Array.from({ length: channelCount + 2 }, () => privateKeyToAccount(generatePrivateKey()));
  let time = performance.now();
  await inParallel(payers, concurrency, (payer) => mintTokens(owner, token, { to: payer.address, amount: 10n ** 21n }));
  console.error(`funded ${payers.length} payers in ${Math.round(performance.now() - time)} ms`);

  /** The official client's first payload on a new channel: its deposit and first voucher, charged and committed. */
  const openChannel = async (gate: PaymentGate, payer: PrivateKeyAccount, required: ReturnType<typeof requirementsFor>) => {
    const scheme = new BatchSettlementEvmScheme(toClientEvmSigner(payer, pub), { depositPolicy: { depositMultiplier: 10 } });
    // The client's spending cap: one deposit at most, on our token.
    const cap = required.paymentRequired.accepts[0]?.extra.minDeposit ?? String(10n * price);
    const client = new x402Client().register(network, scheme).setSpendControls({
      allowedAssets: [{ network, asset: token, maxAmountPerPayment: String(cap) }],
    });
    const payload = await client.createPaymentPayload(required.paymentRequired);
    const charge = await gate.charge(encodePaymentSignatureHeader(payload), required.requirements);
    charge.commit();
    if (!charge.depositTransaction) throw new Error('the first payment of a channel carried no deposit');
    return {
      channelId: charge.channelId,
      config: (payload.payload as { channelConfig: ChannelConfig }).channelConfig,
      depositTransaction: charge.depositTransaction,
    };
  };
  const gasOf = async (hash: Hex) => {
    const receipt = await pub.getTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return Number(receipt.gasUsed);
  };

  // Gas: one Claimer round per batch size, each over channels that have not been claimed before.
  const store = new PaymentStore(':memory:');
  const gate = new PaymentGate({ chainId, owner: 'bench-gas' }, { store, facilitator, publicClient: pub });
  const required = requirementsFor();
  const depositGas: number[] = [];
  let next = 0;
  const round = async (batchSize: number) => {
    time = performance.now();
    const opened = await inParallel(payers.slice(next, next + batchSize), concurrency, (payer) =>
      openChannel(gate, payer, required),
    );
    next += batchSize;
    depositGas.push(...(await inParallel(opened, concurrency, (channel) => gasOf(channel.depositTransaction))));
    const depositMs = performance.now() - time;
    const claimer = new Claimer(
      { chainId, receiver: receiver.address, token, maxClaimsPerBatch: batchSize },
      { store, facilitator, publicClient: pub },
    );
    const result = await claimer.claimAndSettle();
    const [claim] = result.claims;
    if (result.claims.length !== 1 || claim?.vouchers !== batchSize || !result.settle) {
      throw new Error(`expected one claim of ${batchSize} vouchers and a settle, got ${JSON.stringify(result, stringifyBigInt)}`);
    }
    if (result.settle.amount !== BigInt(batchSize) * price) throw new Error(`settled ${result.settle.amount}`);
    const row = { batchSize, claimGas: await gasOf(claim.transaction), settleGas: await gasOf(result.settle.transaction) };
    console.error(
      `batch ${batchSize}: ${batchSize} channels opened in ${Math.round(depositMs)} ms; claim ${row.claimGas} gas, settle ${row.settleGas} gas`,
    );
    return row;
  };
  // The receiver's first claim and settle write its (receiver, token) totals from zero; a running receiver is past that.
  const warmUp = await round(1);
  const rounds = [];
  for (const batchSize of batchSizes) rounds.push(await round(batchSize));
  store.close();

  // Latency: a channel with room for every voucher, fresh on-chain state (the TTL outlasts the run), vouchers signed
  // ahead by the official client's signVoucher, each one price above the last.
  const voucherCheck = async (storePath: string, payer: PrivateKeyAccount) => {
    const latencyStore = new PaymentStore(storePath);
    const latencyGate = new PaymentGate(
      { chainId, owner: 'bench-latency', onchainStateTtlMs: 3_600_000 },
      { store: latencyStore, facilitator, publicClient: pub },
    );
    const total = latency.warmup + latency.requests;
    const deep = requirementsFor(BigInt(total + 10) * price);
    const { channelId, config } = await openChannel(latencyGate, payer, deep);
    const balance = latencyStore.channel(channelId)?.balance ?? 0n;
    if (balance < BigInt(total + 1) * price) throw new Error(`the channel holds ${balance}, too little for ${total} requests`);
    const signer = toClientEvmSigner(payer, pub);
    const vouchers = [];
    for (let i = 2; i <= total + 1; i++) vouchers.push(await signVoucher(signer, channelId, String(BigInt(i) * price), network));
    const headers = vouchers.map((voucher) =>
      encodePaymentSignatureHeader({
        x402Version: 2,
        accepted: deep.requirements,
        payload: { type: 'voucher', channelConfig: config, voucher },
      } satisfies PaymentPayload),
    );
    await measureVoucherCheck(latencyGate, deep.requirements, headers.slice(0, latency.warmup));
    const samplesUs: number[] = [];
    for (const header of headers.slice(latency.warmup)) {
      samplesUs.push((await measureVoucherCheck(latencyGate, deep.requirements, [header])).meanUs);
    }
    const charged = latencyStore.channel(channelId)?.charged;
    if (charged !== BigInt(total + 1) * price) throw new Error(`charged ${charged} after ${total + 1} requests`);
    latencyStore.close();
    return { samplesUs, vouchers: vouchers.slice(latency.warmup), signer: payer.address };
  };
  const onDisk = await voucherCheck(join(dir, 'payments.sqlite'), payers[channelCount] as PrivateKeyAccount);
  const inMemory = await voucherCheck(':memory:', payers[channelCount + 1] as PrivateKeyAccount);

  // The signature check alone, on the same vouchers.
  const recoverUs: number[] = [];
  for (const voucher of onDisk.vouchers) {
    const begun = process.hrtime.bigint();
    const recovered = recoverVoucherSigner(chainId, voucher.channelId, BigInt(voucher.maxClaimableAmount), voucher.signature);
    recoverUs.push(Number(process.hrtime.bigint() - begun) / 1_000);
    if (!recovered || !isAddressEqual(recovered, onDisk.signer)) throw new Error('recoverVoucherSigner recovered another signer');
  }

  // The fee split on its own deployment (anvil's accounts 4-8), once the channels are measured.
  const feeSplit = await measureFeeSplit({ rpcUrl, chainId });
  console.error(
    `fee split: postCharges ${feeSplit.postCharges} gas, claimCharges 1 claim ${feeSplit.claimCharges1}, 10 claims ${feeSplit.claimCharges10}`,
  );

  return {
    chainId,
    warmUp,
    feeSplit,
    rounds,
    depositGas,
    voucherCheck: { onDisk: onDisk.samplesUs, inMemory: inMemory.samplesUs, recoverUs },
  };
}

function summarize(measured: Awaited<ReturnType<typeof measure>>) {
  const round1 = (value: number) => Math.round(value * 10) / 10;
  const deposit = {
    channels: measured.depositGas.length,
    gasMean: Math.round(mean(measured.depositGas)),
    gasMin: Math.min(...measured.depositGas),
    gasMax: Math.max(...measured.depositGas),
  };
  const claims = measured.rounds.map((row) => {
    const perVoucher = (row.claimGas + row.settleGas) / row.batchSize;
    return {
      batchSize: row.batchSize,
      claimGas: row.claimGas,
      settleGas: row.settleGas,
      claimGasPerVoucher: round1(row.claimGas / row.batchSize),
      claimAndSettleGasPerVoucher: round1(perVoucher),
      gasPerRequest: { requestsPerVoucher1: round1(perVoucher), requestsPerVoucher10: round1(perVoucher / 10) },
    };
  });
  const atTarget = claims.find((row) => row.batchSize === target.batchSize);
  if (!atTarget) throw new Error(`no claim measured at batch size ${target.batchSize}`);
  const requestsPerChannel = [10, 100, 1_000];
  const latencyOf = (samplesUs: readonly number[]) => ({
    requests: samplesUs.length,
    p50Us: round1(quantile(samplesUs, 0.5)),
    p95Us: round1(quantile(samplesUs, 0.95)),
    p99Us: round1(quantile(samplesUs, 0.99)),
    meanUs: round1(mean(samplesUs)),
  });
  const onDisk = latencyOf(measured.voucherCheck.onDisk);
  const largestClaim = Math.max(...claims.map((row) => row.claimGas));
  return {
    benchmark: 'payments',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: process.platform },
    chain: {
      node: 'anvil (@foundry-rs/anvil), automine',
      chainId: measured.chainId,
      contracts: 'BatchSettlement + ERC3009DepositCollector at the x402 canonical addresses; VerityToken (EIP-3009)',
      blockGasLimit: String(4n * defaultBlockGasLimit),
      note:
        largestClaim > Number(defaultBlockGasLimit)
          ? `the ${target.batchSize}-voucher claim (${largestClaim} gas) exceeds anvil's default 30,000,000 block gas limit, raised for the run`
          : `every claim fits anvil's default 30,000,000 block gas limit`,
    },
    method: {
      gas:
        'gasUsed from receipts. Each batch size claims fresh channels: N payers each open a channel with the official @x402/evm ' +
        'client (deposit payload through PaymentGate.charge and the official facilitator) and are charged one request ' +
        `(price ${price} base units); then one Claimer round (maxClaimsPerBatch N): one claimWithSignature of the N vouchers ` +
        'and one settle(receiver, token). A warm-up round of one channel runs first (the receiver totals leave zero). ' +
        'Claim gas does not depend on how many requests a cumulative voucher covers, so requestsPerVoucher10 is the ' +
        'measured claim+settle divided by 10N.',
      latency:
        `PaymentGate.charge + commit (measureVoucherCheck) on one channel with its deposit and fresh on-chain state, ` +
        `${latency.requests} requests after ${latency.warmup} warm-up, vouchers signed ahead with @x402/evm signVoucher; ` +
        'the store as a WAL SQLite file on local disk (as the router runs it with a data dir) and in memory. ' +
        'recoverVoucherSigner: the signature check alone, on the same vouchers.',
    },
    claims,
    warmUpRound: measured.warmUp,
    deposit: {
      ...deposit,
      note: 'first deposit of a channel (ERC-3009 receiveWithAuthorization through the collector); paid once per channel',
      gasPerRequest: Object.fromEntries(requestsPerChannel.map((r) => [`requestsPerChannel${r}`, round1(deposit.gasMean / r)])),
    },
    /** deposit / R + (claim + settle) / (N × requests per voucher), at N = target batch size. */
    totalGasPerRequestAtBatch1000: requestsPerChannel.map((r) => ({
      requestsPerChannel: r,
      requestsPerVoucher1: round1(deposit.gasMean / r + atTarget.claimAndSettleGasPerVoucher),
      requestsPerVoucher10: round1(deposit.gasMean / r + atTarget.claimAndSettleGasPerVoucher / 10),
    })),
    feeSplit: {
      ...measured.feeSplit,
      note:
        'gasUsed of FeeSplitter.postCharges (a root over 10 charges, nothing reserved before) and claimCharges: 1 claim, ' +
        'and 10 claims of one root (2 executors x 5 requests, 2 models), payees already credited once; each claim proves ' +
        "its charge in the root and its receipt in the executor's settled epoch (ReceiptRegistry.check). " +
        'claimCharges1FirstCredit is the first claim ever (every payee credited from zero).',
    },
    voucherCheck: {
      chargeAndCommitOnDisk: onDisk,
      chargeAndCommitInMemory: latencyOf(measured.voucherCheck.inMemory),
      recoverVoucherSigner: latencyOf(measured.voucherCheck.recoverUs),
    },
    targets: {
      gasPerRequest: {
        statement: `at most ${target.maxGasPerRequest.toLocaleString('en-US')} gas per request at claim batch size ${target.batchSize.toLocaleString('en-US')}`,
        batchSize: target.batchSize,
        maxGasPerRequest: target.maxGasPerRequest,
        gasPerRequest: atTarget.gasPerRequest.requestsPerVoucher1,
        gasPerRequestAt10RequestsPerVoucher: atTarget.gasPerRequest.requestsPerVoucher10,
        /** Requests each voucher must cover for claim + settle to reach the target. */
        requestsPerVoucherToMeet: Math.ceil(atTarget.claimAndSettleGasPerVoucher / target.maxGasPerRequest),
        met: atTarget.gasPerRequest.requestsPerVoucher1 <= target.maxGasPerRequest,
        metAt10RequestsPerVoucher: atTarget.gasPerRequest.requestsPerVoucher10 <= target.maxGasPerRequest,
      },
      voucherCheck: {
        statement: 'checking a voucher adds under 1 ms to a request at p50 (PaymentGate.charge + commit, store on disk)',
        maxP50Us: target.maxVoucherCheckP50Us,
        p50Us: onDisk.p50Us,
        met: onDisk.p50Us < target.maxVoucherCheckP50Us,
      },
    },
  };
}

function printTable(result: ReturnType<typeof summarize>): void {
  const rows = [
    ['batch', 'claim gas', 'settle gas', '(claim+settle)/N', 'per request @10/voucher'],
    ...result.claims.map((row) => [
      String(row.batchSize),
      String(row.claimGas),
      String(row.settleGas),
      String(row.gasPerRequest.requestsPerVoucher1),
      String(row.gasPerRequest.requestsPerVoucher10),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
  for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '));
  const { deposit, voucherCheck, targets, feeSplit } = result;
  console.log(
    `deposit: ${deposit.gasMean} gas mean per channel (${deposit.gasMin}..${deposit.gasMax}, ${deposit.channels} channels)`,
  );
  console.log(
    `fee split: postCharges ${feeSplit.postCharges} gas; claimCharges 1 claim ${feeSplit.claimCharges1}, 10 claims ${feeSplit.claimCharges10} (${feeSplit.perCharge} per charge)`,
  );
  for (const [name, stats] of Object.entries(voucherCheck)) {
    console.log(`${name}: p50 ${stats.p50Us} µs, p95 ${stats.p95Us} µs, p99 ${stats.p99Us} µs (${stats.requests})`);
  }
  for (const t of Object.values(targets)) console.log(`${t.statement}: ${t.met ? 'met' : 'MISSED'}`);
}

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

function stringifyBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? String(value) : value;
}
