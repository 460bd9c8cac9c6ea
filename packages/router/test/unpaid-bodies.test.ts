/**
 * Large unpaid bodies are refused before they are read: on a router that charges (in-process, on a devnet with a
 * chain, a paid node serving iris), a priced request with neither a payment nor an API key whose body is over
 * `maxUnpaidBodyBytes` (or chunked) is answered 402 with the router's terms before its body is read, and its
 * connection is closed; /health answers meanwhile. Small unpaid bodies are read and quoted exactly, as before; a
 * paying x402 client (@x402/fetch) sending a large body is answered; and the node refuses the same way.
 */
import { type ClientRequest, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { LocalNetwork, devKeys, repoRoot, routerKey } from '@verity/devnet';
import type { Hex } from '@verity/protocol';
import { createClient } from '@verity/sdk';
import { x402Client } from '@x402/core/client';
import { decodePaymentRequiredHeader, decodePaymentResponseHeader } from '@x402/core/http';
import { toClientEvmSigner } from '@x402/evm';
import { BatchSettlementEvmScheme } from '@x402/evm/batch-settlement/client';
import { wrapFetchWithPayment } from '@x402/fetch';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRouter, startRouter } from '../src/index.js';

/** What a node asks per answer: above the router's own minimum, so the router's quote is the node's price. */
const price = 10n ** 15n;
const minPricePerAnswer = price / 10n;
const mib = 1024 * 1024;

let network: LocalNetwork;
let router: RunningRouter;
const sockets = new Set<Socket>();
/** Bytes the router received on every connection so far. */
const received = () => [...sockets].reduce((sum, socket) => sum + socket.bytesRead, 0);

interface Early {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/**
 * POSTs a body of `bytes` (a content-length), or an endless chunked one (`bytes` undefined), as fast as the server
 * takes it, and resolves with the answer as soon as it comes, whatever was sent by then.
 */
function postUnpaid(url: string, bytes: number | undefined, headers: Record<string, string> = {}): Promise<Early> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    const req: ClientRequest = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        ...(bytes === undefined ? {} : { 'content-length': String(bytes) }),
        ...headers,
      },
    });
    const pump = () => {
      while (!answered && (bytes === undefined || sent < bytes)) {
        const piece = bytes === undefined ? chunk : chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && bytes !== undefined) req.end();
    };
    req.on('response', (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        body += text;
      });
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, ms: performance.now() - started });
        req.destroy();
      });
      response.on('error', reject);
    });
    // Writing into a connection the server closed after answering: the answer is what counts.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    pump();
  });
}

/** An iris request padded with whitespace to about `bytes` (still valid JSON). */
function paddedInfer(bytes: number): string {
  const body = JSON.stringify({ model: 'iris', inputs: { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } } });
  return `${body}${' '.repeat(Math.max(0, bytes - body.length))}`;
}

beforeAll(async () => {
  network = await LocalNetwork.start({
    nodes: 1,
    routerPort: 0,
    nodeBasePort: 0,
    routerTimeoutMs: 20_000,
    chain: { port: 0, payments: { priceWei: price, claimIntervalMs: 600_000 } },
  });
  const deployment = network.chain?.deployment;
  if (!deployment) throw new Error('no chain');
  const publisher = createClient({ url: network.routerUrl, chain: { deployment, privateKey: devKeys[0] as Hex } });
  await publisher.pushModel(join(repoRoot, 'models/iris.onnx'), { name: 'iris', version: '1' });
  // The devnet's router key: the node serves only that router's forwards unpaid. The devnet's own router stays idle.
  router = await startRouter({
    port: 0,
    deployment,
    refreshIntervalMs: 200,
    payments: { privateKey: routerKey, minPricePerAnswer, claimIntervalMs: 600_000 },
  });
  router.app.server.on('connection', (socket: Socket) => sockets.add(socket));
  for (let i = 0; i < 100 && !router.nodeSet.catalog().some((entry) => entry.id.startsWith('iris')); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
});

afterAll(async () => {
  await router?.close();
  await network?.stop();
});

describe('unpaid bodies', () => {
  it('eight concurrent 32 MB unpaid bodies are answered 402 before they are read; /health answers meanwhile', async () => {
    const before = received();
    const started = performance.now();
    const answers = Promise.all(Array.from({ length: 8 }, () => postUnpaid(`${router.url}/v1/infer`, 32 * mib)));
    const health = await fetch(`${router.url}/health`);
    const healthMs = performance.now() - started;
    expect(health.status).toBe(200);
    const early = await answers;
    const elapsedMs = performance.now() - started;
    const read = received() - before;
    console.info(
      `[unpaid-bodies] 8 x 32 MiB unpaid: all 402 in ${Math.round(elapsedMs)} ms (slowest ${Math.round(Math.max(...early.map((e) => e.ms)))} ms), /health in ${Math.round(healthMs)} ms, router received ${(read / mib).toFixed(2)} MiB`,
    );
    for (const answer of early) {
      expect(answer.status).toBe(402);
      expect(answer.headers.connection).toBe('close');
      const required = decodePaymentRequiredHeader(answer.headers['payment-required'] as string);
      // The most one answer costs here (the node's price), not the router's minimum: a client paying it is served.
      expect(required.accepts[0]?.amount).toBe(String(price));
      expect(required.accepts[0]?.scheme).toBe('batch-settlement');
      const body = JSON.parse(answer.body) as { error: { code: string; message: string; details: { x402Code: string } } };
      expect(body.error.code).toBe('PAYMENT_REQUIRED');
      expect(body.error.details.x402Code).toBe('payment_required_before_body');
      expect(body.error.message).toMatch(/not read without a payment/);
    }
    // 256 MiB were offered: the router took in a few socket buffers' worth.
    expect(read).toBeLessThan(16 * mib);
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('a chunked unpaid body of no stated length is answered 402 without waiting for its end', async () => {
    const answer = await postUnpaid(`${router.url}/v1/chat/completions`, undefined);
    expect(answer.status).toBe(402);
    expect(JSON.parse(answer.body).error.details.x402Code).toBe('payment_required_before_body');
  });

  it('a small unpaid body is read as before: 402 at its model’s exact price', async () => {
    const response = await fetch(`${router.url}/v1/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: paddedInfer(1_000),
    });
    expect(response.status).toBe(402);
    const body = (await response.json()) as { error: { message: string; details: { x402Code?: string } } };
    expect(body.error.details.x402Code).toBe('invalid_payload');
    expect(body.error.message).not.toMatch(/not read/);
    expect(decodePaymentRequiredHeader(response.headers.get('payment-required') as string).accepts[0]?.amount).toBe(
      String(price),
    );
  });

  it('a large body with an API key is read as before (here: a bearer token that is no key, 401)', async () => {
    const response = await fetch(`${router.url}/v1/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-key' },
      body: paddedInfer(256 * 1024),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_API_KEY');
  });

  it('a paying x402 client (@x402/fetch) sending a large body is answered', async () => {
    const deployment = network.chain?.deployment;
    if (!deployment) throw new Error('no chain');
    const payer = privateKeyToAccount(devKeys[5] as Hex);
    const { createChainClients } = await import('@verity/chain');
    const { publicClient } = createChainClients({ rpcUrl: deployment.rpcUrl, chainId: deployment.chainId });
    const scheme = new BatchSettlementEvmScheme(toClientEvmSigner(payer, publicClient));
    const client = new x402Client().register(`eip155:${deployment.chainId}`, scheme).setSpendControls({
      allowedAssets: [
        { network: `eip155:${deployment.chainId}`, asset: deployment.contracts.token, maxAmountPerPayment: String(10n * price) },
      ],
    });
    const pay = wrapFetchWithPayment(fetch, client);
    for (let i = 0; i < 2; i++) {
      const response = await pay(`${router.url}/v1/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: paddedInfer(512 * 1024),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      const paid = decodePaymentResponseHeader(response.headers.get('payment-response') as string);
      expect(paid.success).toBe(true);
      expect(paid.amount).toBe(String(price));
      expect(((await response.json()) as { receipts: unknown[] }).receipts).toHaveLength(1);
    }
  });

  it('a paid node refuses a large unpaid body the same way', async () => {
    const node = network.nodes[0];
    if (!node) throw new Error('no node');
    const answer = await postUnpaid(`${node.url}/v1/infer`, undefined);
    expect(answer.status).toBe(402);
    expect(JSON.parse(answer.body).error.details.x402Code).toBe('payment_required_before_body');
    expect(decodePaymentRequiredHeader(answer.headers['payment-required'] as string).accepts[0]?.amount).toBe(String(price));
  });
});
