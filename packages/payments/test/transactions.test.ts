/**
 * One transaction queue per key, against a real anvil: many payers' first requests deposit at once (each deposit is
 * a transaction of the resource server's key) while the Claimer claims and settles every 100 ms from the same key,
 * and no deposit is refused; a gate and Claimer started again on the key (a restart: a new queue that knows
 * nothing) send without "nonce too low", and so does the old queue after them (its counter is only a floor).
 */
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Anvil,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  installBatchSettlement,
  installMulticall3,
  mintTokens,
  startAnvil,
} from '@verity/chain';
import { x402Client } from '@x402/core/client';
import { toClientEvmSigner } from '@x402/evm';
import { BatchSettlementEvmScheme } from '@x402/evm/batch-settlement/client';
import { wrapFetchWithPayment } from '@x402/fetch';
import type { Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Claimer,
  PaymentGate,
  PaymentStore,
  TransactionQueue,
  createFacilitator,
  isPaymentError,
  paymentRequirements,
  queuedWallet,
} from '../src/index.js';

const price = 1_000n;

let anvil: Anvil;
let chainId: number;
let pub: PublicClient<Transport, Chain>;
let token: Address;
let server: WalletClient<Transport, Chain, Account>;
const receiver = privateKeyToAccount(anvilPrivateKeys[2] as Hex);
const receiverAuthorizer = privateKeyToAccount(anvilPrivateKeys[3] as Hex);

function requirementsFor(url: string) {
  return paymentRequirements({
    chainId,
    token,
    amount: price,
    payTo: receiver.address,
    receiverAuthorizer: receiverAuthorizer.address,
    withdrawDelay: 900,
    resource: url,
    description: 'one answer',
  });
}

/** A resource server on one key: its gate answers 402 or charges; `refusals` collects every payment refused. */
async function resourceServer(wallet: WalletClient<Transport, Chain, Account>, store: PaymentStore, owner: string) {
  const facilitator = createFacilitator({ publicClient: pub, wallet, receiverAuthorizer });
  const gate = new PaymentGate({ chainId, owner }, { store, facilitator, publicClient: pub });
  const claimErrors: unknown[] = [];
  const claimer = new Claimer(
    { chainId, receiver: receiver.address, token, claimIntervalMs: 100, tickMs: 100 },
    { store, facilitator, publicClient: pub, onError: (error) => claimErrors.push(error) },
  );
  const refusals: string[] = [];
  const http: Server = createServer((req, res) => {
    const required = requirementsFor(`http://${req.headers.host}${req.url}`);
    const header = req.headers['payment-signature'];
    if (typeof header !== 'string') {
      res.writeHead(402, { 'payment-required': required.header }).end('{}');
      return;
    }
    gate.charge(header, required.requirements).then(
      (charge) => res.writeHead(200, { 'payment-response': charge.commit() }).end('{}'),
      (error: unknown) => {
        refusals.push(isPaymentError(error) ? `${error.details.x402Code}: ${error.message}` : String(error));
        res.writeHead(402, { 'payment-required': required.header }).end('{}');
      },
    );
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1/infer`;
  return { gate, claimer, claimErrors, refusals, url, close: () => http.close() };
}

/** Fresh payers (no ETH: the server's key pays the deposits' gas), each with its own official client. */
async function payers(count: number) {
  const keys = Array.from({ length: count }, () => generatePrivateKey());
  for (const key of keys) await mintTokens(server, token, { to: privateKeyToAccount(key).address, amount: 10n ** 18n });
  return keys.map((key) => {
    const scheme = new BatchSettlementEvmScheme(toClientEvmSigner(privateKeyToAccount(key), pub), {
      depositPolicy: { depositMultiplier: 3 },
    });
    const client = new x402Client().register(`eip155:${chainId}`, scheme).setSpendControls({
      allowedAssets: [{ network: `eip155:${chainId}`, asset: token, maxAmountPerPayment: String(10n * price) }],
    });
    return wrapFetchWithPayment(fetch, client);
  });
}

/** Each payer sends `requests` paid requests one after another, all payers at once; the statuses. */
async function payAll(pays: ((url: string) => Promise<Response>)[], url: string, requests: number): Promise<number[]> {
  const statuses = await Promise.all(
    pays.map(async (pay) => {
      const mine: number[] = [];
      for (let i = 0; i < requests; i++) mine.push((await pay(url)).status);
      return mine;
    }),
  );
  return statuses.flat();
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
  chainId = anvil.chainId;
  const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId });
  pub = clients.publicClient;
  server = clients.walletFor(anvilPrivateKeys[0] as Hex);
  token = (await deployVerity(server)).contracts.token;
  await installBatchSettlement(server);
  await installMulticall3(server);
});

afterAll(async () => {
  await anvil?.stop();
});

describe('one transaction queue per key', () => {
  it('concurrent deposits from many payers while the Claimer claims every 100 ms: none is refused', async () => {
    const store = new PaymentStore(':memory:');
    const resource = await resourceServer(server, store, 'queue-1');
    const pays = await payers(12);
    resource.claimer.start();
    try {
      const started = performance.now();
      // 12 first requests deposit at once; with a deposit policy of 3 requests, the 4th of each deposits again.
      const statuses = await payAll(pays, resource.url, 5);
      const elapsedMs = performance.now() - started;
      expect(resource.refusals).toEqual([]);
      expect(statuses.every((s) => s === 200)).toBe(true);
      await resource.claimer.stop({ flush: true });
      expect(resource.claimErrors).toEqual([]);
      const channels = store.channels();
      expect(channels).toHaveLength(12);
      expect(channels.every((c) => c.charged === 5n * price && c.claimed === 5n * price)).toBe(true);
      console.info(
        `[transactions] 24 deposits and 60 requests of 12 payers with claims every 100 ms: ${Math.round(elapsedMs)} ms`,
      );
    } finally {
      await resource.claimer.stop();
      resource.close();
      store.close();
    }
  });

  it('a gate and Claimer started again on the key (a new queue) send without "nonce too low"; so does the old queue', async () => {
    const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId });
    // A process of its own: a wallet and a queue that know nothing of the transactions sent before.
    const before = clients.walletFor(anvilPrivateKeys[0] as Hex);
    const oldQueue = new TransactionQueue(before);
    const oldWallet = queuedWallet(before, oldQueue);
    const store = new PaymentStore(':memory:');
    const first = await resourceServer(oldWallet, store, 'router:restart');
    const pays = await payers(4);
    first.claimer.start();
    expect(await payAll(pays, first.url, 2)).toEqual(Array(8).fill(200));
    // The crash: the old Claimer stops mid-schedule, with charges unclaimed.
    await first.claimer.stop();
    first.close();

    const after = clients.walletFor(anvilPrivateKeys[0] as Hex);
    const newQueue = new TransactionQueue(after);
    const second = await resourceServer(queuedWallet(after, newQueue), store, 'router:restart');
    second.claimer.start();
    try {
      const more = await payers(4);
      expect(await payAll([...pays, ...more], second.url, 4)).toEqual(Array(32).fill(200));
      await second.claimer.stop({ flush: true });
      expect(second.refusals).toEqual([]);
      expect(second.claimErrors).toEqual([]);
      // No send of the new queue met a nonce already taken: it started from the chain's pending count.
      expect(newQueue.retries).toBe(0);
      // The old queue, behind the chain by then, sends again from the chain's count, not from its own.
      const hash = await oldWallet.sendTransaction({ to: receiver.address, value: 1n });
      expect((await pub.waitForTransactionReceipt({ hash })).status).toBe('success');
      expect(oldQueue.retries).toBe(0);
      expect(store.channels().every((c) => c.charged === c.claimed)).toBe(true);
    } finally {
      await second.claimer.stop();
      second.close();
      store.close();
    }
  });
});
