/**
 * x402 v2 batch-settlement, the resource-server side, against a real anvil: BatchSettlement, its ERC-3009
 * collector and Multicall3 at their canonical addresses; the official @x402/evm client (through @x402/fetch) pays
 * an HTTP server on 127.0.0.1 that uses PaymentGate; the official facilitator deposits, claims and settles.
 * Attacks are sent straight to the gate as crafted PAYMENT-SIGNATURE headers.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchSettlement, VerityToken } from '@verity/contracts';
import {
  type Anvil,
  type ChannelConfig,
  anvilPrivateKeys,
  batchSettlementAddress,
  batchSettlementDomain,
  channelIdOf,
  createChainClients,
  deployVerity,
  getChannel,
  installBatchSettlement,
  installMulticall3,
  mintTokens,
  multicall3Address,
  startAnvil,
  voucherTypes,
} from '@verity/chain';
import { x402Client } from '@x402/core/client';
import { decodePaymentRequiredHeader, decodePaymentResponseHeader } from '@x402/core/http';
import type { PaymentPayload, PaymentRequirements } from '@x402/core/types';
import { toClientEvmSigner } from '@x402/evm';
import { BatchSettlementEvmScheme } from '@x402/evm/batch-settlement/client';
import { wrapFetchWithPayment } from '@x402/fetch';
import {
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
  createTestClient,
  getAddress,
  hashTypedData,
  http,
  recoverTypedDataAddress,
  toHex,
} from 'viem';
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChannelRecord,
  Claimer,
  type Facilitator,
  PaymentGate,
  PaymentStore,
  createFacilitator,
  isPaymentError,
  paymentRequirements,
  voucherDigest,
  x402Codes,
} from '../src/index.js';
import { measureVoucherCheck } from '../../../bench/voucher-check.js';

const price = 1_000n;
const withdrawDelay = 900;

let anvil: Anvil;
let chainId: number;
let pub: PublicClient<Transport, Chain>;
let testClient: ReturnType<typeof createTestClient>;
let token: Address;
let facilitator: Facilitator;
let dir: string;
const wallets: WalletClient<Transport, Chain, Account>[] = [];
const accounts: PrivateKeyAccount[] = [];
// 0 facilitator (gas), 1 payer, 2 receiver (payTo), 3 receiverAuthorizer, 4 outsider, 5 second payer, 6 third payer
const receiver = () => accounts[2] as PrivateKeyAccount;
const receiverAuthorizer = () => accounts[3] as PrivateKeyAccount;

function requirementsFor(resource = 'http://127.0.0.1/v1/infer') {
  return paymentRequirements({
    chainId,
    token,
    amount: price,
    payTo: receiver().address,
    receiverAuthorizer: receiverAuthorizer().address,
    withdrawDelay,
    resource,
    description: 'Inference on mlp@1',
  });
}

function gateFor(store: PaymentStore, owner = 'gate-1', ttl?: number) {
  return new PaymentGate(
    { chainId, owner, ...(ttl === undefined ? {} : { onchainStateTtlMs: ttl }) },
    { store, facilitator, publicClient: pub },
  );
}

function clientScheme(account: PrivateKeyAccount) {
  return new BatchSettlementEvmScheme(toClientEvmSigner(account, pub), { depositPolicy: { depositMultiplier: 5 } });
}

/** The official client with a spending cap on our token (the SDK's "client key and spending cap"). */
function payerClient(scheme: BatchSettlementEvmScheme, capPerPayment = 10n * price) {
  return new x402Client().register(`eip155:${chainId}`, scheme).setSpendControls({
    allowedAssets: [{ network: `eip155:${chainId}`, asset: token, maxAmountPerPayment: String(capPerPayment) }],
  });
}

function payingFetch(scheme: BatchSettlementEvmScheme) {
  return wrapFetchWithPayment(fetch, payerClient(scheme));
}

/** A voucher payload signed by hand (for the attacks). */
async function voucherHeader(options: {
  config: ChannelConfig;
  max: bigint;
  signer?: PrivateKeyAccount;
  domainChainId?: number;
  verifyingContract?: Address;
  channelId?: Hex;
  requirements?: PaymentRequirements;
}): Promise<string> {
  const channelId = options.channelId ?? channelIdOf(options.config, chainId);
  const signer = options.signer ?? (accounts[1] as PrivateKeyAccount);
  const signature = await signer.signTypedData({
    domain: batchSettlementDomain(options.domainChainId ?? chainId, options.verifyingContract),
    types: voucherTypes,
    primaryType: 'Voucher',
    message: { channelId, maxClaimableAmount: options.max },
  });
  const payload: PaymentPayload = {
    x402Version: 2,
    accepted: options.requirements ?? requirementsFor().requirements,
    payload: {
      type: 'voucher',
      channelConfig: options.config,
      voucher: { channelId, maxClaimableAmount: String(options.max), signature },
    },
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

async function refused(call: Promise<unknown>, x402Code: string) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isPaymentError(error), String(error)).toBe(true);
  expect((error as { details: { x402Code: string } }).details.x402Code).toBe(x402Code);
  return error as { details: Record<string, unknown> };
}

/** The HTTP server the official client pays: 402 without payment, 200 + PAYMENT-RESPONSE after commit. */
function serve(gate: PaymentGate, options: { failAnswer?: () => boolean; dropAfterCommit?: () => boolean } = {}) {
  const server = createServer((req, res) => {
    const url = `http://${req.headers.host}${req.url}`;
    const required = requirementsFor(url);
    const header = req.headers['payment-signature'];
    const send402 = (header402: string, body: unknown) => {
      res.writeHead(402, { 'content-type': 'application/json', 'payment-required': header402 });
      res.end(JSON.stringify(body));
    };
    if (typeof header !== 'string') {
      send402(required.header, { error: { code: 'PAYMENT_REQUIRED', message: required.price } });
      return;
    }
    // The official client's cooperative refund request (a `refund` payload) goes to refund(), not charge().
    const payload = JSON.parse(Buffer.from(header, 'base64').toString()) as { payload?: { type?: string } };
    const served =
      payload.payload?.type === 'refund'
        ? gate.refund(header, required.requirements).then((refund) => ({
            commit: () => refund.header,
            release: () => undefined,
            chargedAfter: 0n,
          }))
        : gate.charge(header, required.requirements);
    served.then(
      (charge) => {
        if (options.failAnswer?.()) {
          charge.release();
          res.writeHead(500).end('{"error":{"code":"ENGINE_ERROR"}}');
          return;
        }
        const response = charge.commit();
        if (options.dropAfterCommit?.()) {
          res.socket?.destroy();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json', 'payment-response': response });
        res.end(JSON.stringify({ ok: true, charged: String(charge.chargedAfter) }));
      },
      (error: unknown) => {
        if (!isPaymentError(error)) {
          res.writeHead(500).end(String(error));
          return;
        }
        const corrective = error.details.corrective as Parameters<typeof paymentRequirements>[1];
        const again = paymentRequirements(
          {
            chainId,
            token,
            amount: price,
            payTo: receiver().address,
            receiverAuthorizer: receiverAuthorizer().address,
            withdrawDelay,
            resource: url,
            description: 'Inference on mlp@1',
          },
          corrective ?? { error: error.details.x402Code },
        );
        send402(again.header, error.toBody());
      },
    );
  });
  return server;
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/infer`;
}

async function tokenBalance(owner: Address): Promise<bigint> {
  return pub.readContract({ address: token, abi: VerityToken.abi, functionName: 'balanceOf', args: [owner] });
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
  chainId = anvil.chainId;
  const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId });
  pub = clients.publicClient;
  testClient = createTestClient({ mode: 'anvil', chain: clients.chain, transport: http(anvil.rpcUrl) });
  for (let i = 0; i < 8; i++) {
    wallets.push(clients.walletFor(anvilPrivateKeys[i] as Hex));
    accounts.push(privateKeyToAccount(anvilPrivateKeys[i] as Hex));
  }
  const owner = wallets[0] as WalletClient<Transport, Chain, Account>;
  token = (await deployVerity(owner)).contracts.token;
  for (const i of [1, 4, 5, 6, 7])
    await mintTokens(owner, token, { to: (accounts[i] as PrivateKeyAccount).address, amount: 10n ** 21n });
  await installBatchSettlement(owner);
  await installMulticall3(owner);
  facilitator = createFacilitator({ publicClient: pub, wallet: owner, receiverAuthorizer: receiverAuthorizer() });
  dir = mkdtempSync(join(tmpdir(), 'verity-payments-'));
});

afterAll(async () => {
  await anvil?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('requirements and vouchers', () => {
  it('PAYMENT-REQUIRED is base64 JSON of x402 v2 with one batch-settlement requirement, and a price in words', () => {
    const { header, price: words } = requirementsFor('http://127.0.0.1:7070/v1/infer');
    const decoded = decodePaymentRequiredHeader(header);
    expect(decoded.x402Version).toBe(2);
    expect(decoded.resource.url).toBe('http://127.0.0.1:7070/v1/infer');
    expect(decoded.accepts).toEqual([
      {
        scheme: 'batch-settlement',
        network: `eip155:${chainId}`,
        asset: getAddress(token),
        amount: '1000',
        payTo: receiver().address,
        maxTimeoutSeconds: 300,
        extra: {
          name: 'Verity',
          version: '1',
          receiverAuthorizer: receiverAuthorizer().address,
          withdrawDelay,
          assetTransferMethod: 'eip3009',
        },
      },
    ]);
    expect(words).toContain('0.000000000000001 VRT per request');
    expect(() => paymentRequirements({ ...baseParameters(), withdrawDelay: 60 })).toThrow(/withdrawDelay/);
  });

  it('the voucher digest equals viem hashTypedData and recovers the signer', async () => {
    const channelId = toHex(7n, { size: 32 });
    for (const max of [0n, 1n, 123_456_789n, (1n << 128n) - 1n]) {
      const expected = hashTypedData({
        domain: batchSettlementDomain(chainId),
        types: voucherTypes,
        primaryType: 'Voucher',
        message: { channelId, maxClaimableAmount: max },
      });
      expect(toHex(voucherDigest(chainId, channelId, max))).toBe(expected);
    }
    const signature = await (accounts[1] as PrivateKeyAccount).signTypedData({
      domain: batchSettlementDomain(chainId),
      types: voucherTypes,
      primaryType: 'Voucher',
      message: { channelId, maxClaimableAmount: 5n },
    });
    expect(
      await recoverTypedDataAddress({
        domain: batchSettlementDomain(chainId),
        types: voucherTypes,
        primaryType: 'Voucher',
        message: { channelId, maxClaimableAmount: 5n },
        signature,
      }),
    ).toBe((accounts[1] as PrivateKeyAccount).address);
  });

  it('Multicall3 answers at its canonical address (aggregate3 through viem, tryAggregate through x402)', async () => {
    const [balance, name] = await pub.multicall({
      contracts: [
        { address: token, abi: VerityToken.abi, functionName: 'balanceOf', args: [(accounts[1] as PrivateKeyAccount).address] },
        { address: token, abi: VerityToken.abi, functionName: 'name' },
      ],
      multicallAddress: multicall3Address,
      allowFailure: false,
    });
    expect(balance).toBe(10n ** 21n);
    expect(name).toBe('Verity');
  });
});

function baseParameters() {
  return {
    chainId,
    token,
    amount: price,
    payTo: receiver().address,
    receiverAuthorizer: receiverAuthorizer().address,
    withdrawDelay,
    resource: 'http://127.0.0.1/v1/infer',
    description: 'Inference on mlp@1',
  };
}

describe('paid requests with the official x402 client', () => {
  let store: PaymentStore;
  let gate: PaymentGate;
  let server: Server;
  let url: string;
  let failNext = false;
  let dropNext = false;
  const scheme = () => clientScheme(accounts[1] as PrivateKeyAccount);
  let payerScheme: BatchSettlementEvmScheme;

  beforeAll(async () => {
    store = new PaymentStore(join(dir, 'e2e.sqlite'));
    gate = gateFor(store);
    server = serve(gate, { failAnswer: () => failNext });
    url = await listen(server);
    payerScheme = scheme();
  });

  afterAll(() => {
    server?.close();
  });

  it('answers 402 with PAYMENT-REQUIRED and the price in the body without a payment', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(402);
    expect(decodePaymentRequiredHeader(response.headers.get('payment-required') as string).accepts[0]?.scheme).toBe(
      'batch-settlement',
    );
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/VRT per request/);
  });

  it('the first request deposits, later ones only sign vouchers, claims and settle land on chain', async () => {
    const pay = payingFetch(payerScheme);
    const first = await pay(url);
    expect(first.status).toBe(200);
    const response = decodePaymentResponseHeader(first.headers.get('payment-response') as string);
    expect(response.success).toBe(true);
    expect(response.transaction).toMatch(/^0x[0-9a-f]{64}$/);
    const channelId = (response.extra as { channelState: { channelId: Hex } }).channelState.channelId;
    const afterDeposit = await getChannel(pub, batchSettlementAddress, { channelId });
    expect(afterDeposit.balance).toBe(5n * price);

    for (let i = 0; i < 3; i++) {
      const next = await pay(url);
      expect(next.status).toBe(200);
      expect(decodePaymentResponseHeader(next.headers.get('payment-response') as string).transaction).toBe('');
    }
    expect((await getChannel(pub, batchSettlementAddress, { channelId })).balance).toBe(5n * price);
    expect(store.channel(channelId)?.charged).toBe(4n * price);

    // An unanswered request costs nothing, and the client's next voucher still fits.
    failNext = true;
    expect((await pay(url)).status).toBe(500);
    failNext = false;
    expect(store.channel(channelId)?.charged).toBe(4n * price);
    expect(store.pending(channelId)).toEqual([]);
    expect((await pay(url)).status).toBe(200);
    expect(store.channel(channelId)?.charged).toBe(5n * price);

    // The deposit covered five requests; the sixth tops up with a new deposit.
    const topUp = await pay(url);
    expect(topUp.status).toBe(200);
    expect(decodePaymentResponseHeader(topUp.headers.get('payment-response') as string).transaction).toMatch(/^0x/);
    expect(store.channel(channelId)?.charged).toBe(6n * price);

    const before = await tokenBalance(receiver().address);
    const claimer = new Claimer({ chainId, receiver: receiver().address, token }, { store, facilitator, publicClient: pub });
    const round = await claimer.claimAndSettle();
    expect(round.claims).toHaveLength(1);
    expect(round.claims[0]?.amount).toBe(6n * price);
    expect(round.settle?.amount).toBe(6n * price);
    expect((await getChannel(pub, batchSettlementAddress, { channelId })).totalClaimed).toBe(6n * price);
    expect(await tokenBalance(receiver().address)).toBe(before + 6n * price);
    expect(store.channel(channelId)?.claimed).toBe(6n * price);
    expect(await claimer.claimAndSettle()).toEqual({ claims: [], settle: null });
  });

  it('survives a restart: the store keeps charged totals and vouchers, and the client keeps paying', async () => {
    store.close();
    store = new PaymentStore(join(dir, 'e2e.sqlite'));
    const restarted = gateFor(store);
    server.close();
    server = serve(restarted, { dropAfterCommit: () => dropNext });
    url = await listen(server);
    const pay = payingFetch(payerScheme);
    expect((await pay(url)).status).toBe(200);
    const [channel] = store.channels();
    expect(channel?.charged).toBe(7n * price);
    expect(channel?.claimed).toBe(6n * price);
  });

  it('a response lost after its commit is counted once; the official client resyncs from the corrective 402', async () => {
    const pay = payingFetch(payerScheme);
    dropNext = true;
    await expect(pay(url)).rejects.toThrow();
    dropNext = false;
    const [channel] = store.channels();
    expect(channel?.charged).toBe(8n * price);
    // The client still thinks 7 were charged: its voucher is refused with the corrective state, it recovers and pays 9.
    const next = await pay(url);
    expect(next.status).toBe(200);
    expect(store.channels()[0]?.charged).toBe(9n * price);
  });

  it('the Claimer claims and settles on its schedule', async () => {
    const claimer = new Claimer(
      { chainId, receiver: receiver().address, token, tickMs: 20, claimIntervalMs: 0 },
      { store, facilitator, publicClient: pub },
    );
    claimer.start();
    const deadline = Date.now() + 10_000;
    while (store.channels()[0]?.claimed !== 9n * price && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await claimer.stop({ flush: true });
    const channel = store.channels()[0];
    expect(channel?.claimed).toBe(9n * price);
    expect((await getChannel(pub, batchSettlementAddress, { channelId: channel?.channelId as Hex })).totalClaimed).toBe(
      9n * price,
    );
    expect(store.claimHistory().at(-1)?.amount).toBe(3n * price);
  });
});

describe('attacks', () => {
  let store: PaymentStore;
  let gate: PaymentGate;
  let config: ChannelConfig;
  let channelId: Hex;
  const payer = () => accounts[5] as PrivateKeyAccount;

  beforeAll(async () => {
    store = new PaymentStore(join(dir, 'attacks.sqlite'));
    gate = gateFor(store, 'attacks', 0);
    // A funded channel through the official client's first (deposit) payload.
    const scheme = clientScheme(payer());
    const required = requirementsFor();
    const client = payerClient(scheme);
    const payload = await client.createPaymentPayload(required.paymentRequired);
    const charge = await gate.charge(Buffer.from(JSON.stringify(payload)).toString('base64'), required.requirements);
    expect(charge.depositTransaction).toMatch(/^0x/);
    charge.commit();
    config = (payload.payload as { channelConfig: ChannelConfig }).channelConfig;
    channelId = charge.channelId;
    expect(store.channel(channelId)?.balance).toBe(5n * price);
  });

  it('accepts a correct next voucher (charged + price)', async () => {
    const charge = await gate.charge(
      await voucherHeader({ config, max: 2n * price, signer: payer() }),
      requirementsFor().requirements,
    );
    charge.commit();
    expect(store.channel(channelId)?.charged).toBe(2n * price);
  });

  it('refuses a voucher signed by the wrong key', async () => {
    await refused(
      gate.charge(
        await voucherHeader({ config, max: 3n * price, signer: accounts[4] as PrivateKeyAccount }),
        requirementsFor().requirements,
      ),
      x402Codes.voucherSignature,
    );
  });

  it('refuses a voucher for another chain or another contract (domain separation)', async () => {
    await refused(
      gate.charge(
        await voucherHeader({ config, max: 3n * price, signer: payer(), domainChainId: 1 }),
        requirementsFor().requirements,
      ),
      x402Codes.voucherSignature,
    );
    await refused(
      gate.charge(
        await voucherHeader({ config, max: 3n * price, signer: payer(), verifyingContract: token }),
        requirementsFor().requirements,
      ),
      x402Codes.voucherSignature,
    );
  });

  it('refuses a channel config whose hash is not the channel id', async () => {
    await refused(
      gate.charge(
        await voucherHeader({
          config: { ...config, salt: toHex(1n, { size: 32 }) },
          channelId,
          max: 3n * price,
          signer: payer(),
        }),
        requirementsFor().requirements,
      ),
      x402Codes.channelIdMismatch,
    );
    await refused(
      gate.charge(await voucherHeader({ config, channelId, max: 3n * price, signer: payer() }), {
        ...requirementsFor().requirements,
        payTo: (accounts[4] as PrivateKeyAccount).address,
      }),
      x402Codes.receiverMismatch,
    );
  });

  it('refuses a voucher below the charged total, with the corrective state the client resyncs from', async () => {
    const error = await refused(
      gate.charge(await voucherHeader({ config, max: 2n * price, signer: payer() }), requirementsFor().requirements),
      x402Codes.cumulativeAmountMismatch,
    );
    const corrective = error.details.corrective as { channelState: Record<string, string>; voucherState: Record<string, string> };
    expect(corrective.channelState.chargedCumulativeAmount).toBe(String(2n * price));
    expect(corrective.voucherState.signedMaxClaimable).toBe(String(2n * price));
  });

  it('refuses a voucher above the channel balance', async () => {
    await refused(
      gate.charge(await voucherHeader({ config, max: 5n * price + 1n, signer: payer() }), requirementsFor().requirements),
      x402Codes.cumulativeExceedsBalance,
    );
  });

  it('two gates racing on one channel (one SQLite file): one serves, the other is refused', async () => {
    const other = gateFor(new PaymentStore(join(dir, 'attacks.sqlite')), 'attacks-2', 0);
    const header = await voucherHeader({ config, max: 3n * price, signer: payer() });
    const results = await Promise.allSettled([
      gate.charge(header, requirementsFor().requirements),
      other.charge(header, requirementsFor().requirements),
    ]);
    const served = results.filter((r) => r.status === 'fulfilled');
    const refusedOnes = results.filter((r) => r.status === 'rejected');
    expect(served).toHaveLength(1);
    expect(refusedOnes).toHaveLength(1);
    expect([x402Codes.channelBusy, x402Codes.cumulativeAmountMismatch]).toContain(
      ((refusedOnes[0] as PromiseRejectedResult).reason as { details: { x402Code: string } }).details.x402Code,
    );
    (served[0] as PromiseFulfilledResult<Awaited<ReturnType<PaymentGate['charge']>>>).value.commit();
    // The same cumulative amount cannot be spent again on either gate.
    await refused(other.charge(header, requirementsFor().requirements), x402Codes.cumulativeAmountMismatch);
    expect(store.channel(channelId)?.charged).toBe(3n * price);
  });

  it('a crash between serving and commit charges nothing; the restarted gate accepts the same voucher once', async () => {
    const header = await voucherHeader({ config, max: 4n * price, signer: payer() });
    await gate.charge(header, requirementsFor().requirements); // served, never committed: the process "dies"
    expect(store.pending(channelId)).toHaveLength(1);
    const restarted = gateFor(store, 'attacks', 0);
    expect(store.pending(channelId)).toEqual([]);
    expect(store.channel(channelId)?.charged).toBe(3n * price);
    const charge = await restarted.charge(header, requirementsFor().requirements);
    charge.commit();
    expect(store.channel(channelId)?.charged).toBe(4n * price);
    await refused(restarted.charge(header, requirementsFor().requirements), x402Codes.cumulativeAmountMismatch);
    gate = restarted;
  });

  it('refuses a voucher replayed after a refund', async () => {
    const header = await voucherHeader({ config, max: 5n * price, signer: payer() });
    // The receiver side refunds what is unclaimed (a claim of the charged total goes first).
    const claimer = new Claimer({ chainId, receiver: receiver().address, token }, { store, facilitator, publicClient: pub });
    await claimer.claim();
    const refundHash = await (wallets[3] as WalletClient<Transport, Chain, Account>).writeContract({
      address: batchSettlementAddress,
      abi: BatchSettlement.abi,
      functionName: 'refund',
      args: [config, 10n * price],
    });
    await pub.waitForTransactionReceipt({ hash: refundHash });
    const state = await getChannel(pub, batchSettlementAddress, { channelId });
    // Only answered (committed) requests were claimed: not the one lost to the crash.
    expect(state.totalClaimed).toBe(4n * price);
    expect(state.balance).toBe(4n * price);
    await refused(gate.charge(header, requirementsFor().requirements), x402Codes.cumulativeExceedsBalance);
    await refused(
      gate.charge(await voucherHeader({ config, max: 4n * price, signer: payer() }), requirementsFor().requirements),
      x402Codes.cumulativeAmountMismatch,
    );
  });
});

describe('cooperative refunds', () => {
  it("serves the official client's refund: claims the charged total and refunds the rest at once; older vouchers are refused", async () => {
    const payer = accounts[7] as PrivateKeyAccount;
    const store = new PaymentStore(':memory:');
    const gate = gateFor(store, 'refund');
    const server = serve(gate);
    const url = await listen(server);
    try {
      const scheme = clientScheme(payer);
      const paying = wrapFetchWithPayment(fetch, payerClient(scheme));
      for (let i = 0; i < 2; i++) expect((await paying(url)).status).toBe(200);
      const channel = store.channels()[0] as ChannelRecord;
      const { channelId, config } = channel;
      const before = await getChannel(pub, batchSettlementAddress, { channelId });
      expect(before.totalClaimed).toBe(0n);
      const wallet = await tokenBalance(payer.address);

      const settled = await scheme.refund(url);
      expect(settled).toMatchObject({ success: true, amount: String(before.balance - 2n * price) });
      expect(await getChannel(pub, batchSettlementAddress, { channelId })).toMatchObject({
        balance: 2n * price,
        totalClaimed: 2n * price,
      });
      expect(await tokenBalance(payer.address)).toBe(wallet + before.balance - 2n * price);
      expect(store.channel(channelId)).toMatchObject({ charged: 2n * price, claimed: 2n * price, balance: 2n * price });
      expect(store.pending(channelId)).toEqual([]);

      // A voucher for the refunded funds is refused at once (the gate recorded the refund), and so is one at the old base.
      await refused(
        gate.charge(await voucherHeader({ config, max: 3n * price, signer: payer }), requirementsFor().requirements),
        x402Codes.cumulativeExceedsBalance,
      );
      await refused(
        gate.charge(await voucherHeader({ config, max: 2n * price, signer: payer }), requirementsFor().requirements),
        x402Codes.cumulativeAmountMismatch,
      );
      // The official client deposits again on its next request.
      expect((await paying(url)).status).toBe(200);
      expect((await getChannel(pub, batchSettlementAddress, { channelId })).balance).toBeGreaterThan(2n * price);
      expect(store.channel(channelId)?.charged).toBe(3n * price);
    } finally {
      server.close();
    }
  });
});

describe('bench', () => {
  it('measures what checking a voucher adds (p50)', async () => {
    const payer = accounts[4] as PrivateKeyAccount;
    const store = new PaymentStore(':memory:');
    const gate = gateFor(store, 'bench');
    const client = payerClient(clientScheme(payer), 1_000n * price);
    const requirements = paymentRequirements({ ...baseParameters(), minDeposit: 1_000n * price });
    const payload = await client.createPaymentPayload(requirements.paymentRequired);
    const first = await gate.charge(Buffer.from(JSON.stringify(payload)).toString('base64'), requirements.requirements);
    first.commit();
    const config = (payload.payload as { channelConfig: ChannelConfig }).channelConfig;
    const headers: string[] = [];
    for (let i = 2n; i < 202n; i++) headers.push(await voucherHeader({ config, max: i * price, signer: payer }));
    const result = await measureVoucherCheck(gate, requirements.requirements, headers);
    expect(result.requests).toBe(200);
    console.log(`voucher check p50 ${result.p50Us} µs, p90 ${result.p90Us} µs`);
    expect(result.p50Us).toBeGreaterThan(0);
  });
});

describe('a client that starts a withdrawal and keeps spending', () => {
  it('is served until the margin before finalization, and its channel is claimed at the next tick', async () => {
    const payer = accounts[6] as PrivateKeyAccount;
    const store = new PaymentStore(':memory:');
    const gate = gateFor(store, 'withdraw', 0);
    const client = payerClient(clientScheme(payer));
    const payload = await client.createPaymentPayload(requirementsFor().paymentRequired);
    const first = await gate.charge(Buffer.from(JSON.stringify(payload)).toString('base64'), requirementsFor().requirements);
    first.commit();
    const config = (payload.payload as { channelConfig: ChannelConfig }).channelConfig;

    const hash = await (wallets[6] as WalletClient<Transport, Chain, Account>).writeContract({
      address: batchSettlementAddress,
      abi: BatchSettlement.abi,
      functionName: 'initiateWithdraw',
      args: [config, 4n * price],
    });
    await pub.waitForTransactionReceipt({ hash });
    // Finalization is 900 s away: still served.
    (await gate.charge(await voucherHeader({ config, max: 2n * price, signer: payer }), requirementsFor().requirements)).commit();

    const claimer = new Claimer(
      { chainId, receiver: receiver().address, token, claimIntervalMs: 3_600_000 },
      { store, facilitator, publicClient: pub },
    );
    const round = await claimer.tick();
    expect(round?.claims[0]?.amount).toBe(2n * price);
    expect((await getChannel(pub, batchSettlementAddress, { channelId: first.channelId })).totalClaimed).toBe(2n * price);

    await testClient.increaseTime({ seconds: 700 });
    await testClient.mine({ blocks: 1 });
    // The gate judges by its own clock; move it as far as the chain's.
    const realNow = Date.now;
    Date.now = () => realNow() + 700_000;
    try {
      await refused(
        gate.charge(await voucherHeader({ config, max: 3n * price, signer: payer }), requirementsFor().requirements),
        x402Codes.withdrawalPending,
      );
    } finally {
      Date.now = realNow;
    }
  });
});
