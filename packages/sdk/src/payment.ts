/**
 * Internal: paying for requests with x402 v2 `batch-settlement`, invisibly. A client given a payment key sends
 * every priced request (infer, chat, complete and their streams) through `paidRequest`: on a 402 it reads
 * PAYMENT-REQUIRED, has the official client (@x402/core's x402Client with @x402/evm's BatchSettlementEvmScheme)
 * build the payload — a deposit with the first voucher, then vouchers only — retries with PAYMENT-SIGNATURE, and
 * feeds the answer's PAYMENT-RESPONSE (or a stream's `verity.payment`) back through x402HTTPClient.processPaymentResult,
 * so the scheme's cumulative base follows what the server charged. A corrective 402 (stale base) is handed to the
 * scheme's recovery and retried once, as @x402/fetch does.
 *
 * Why not @verity/http or @x402/fetch: the first throws a 402 away with its headers, the second is fetch, not the
 * undici pool the SDK uses. The request code here mirrors @verity/http's error mapping.
 *
 * Paid requests of one client run one at a time: the server serves one request per channel at a time
 * (channel_busy), and each voucher is signed on the total charged before it. A paid stream holds its turn until it
 * is read to its end or stopped (a stream opened and never read blocks the client's next paid request).
 *
 * The x402 packages and viem are loaded on first payment, not when the SDK is imported.
 */
import { type Hex, VerityError, addressOf, errorFromBody, routes } from '@verity/protocol';
import type { x402Client, x402HTTPClient } from '@x402/core/client';
import type { PaymentPayload, PaymentRequired, PaymentRequirements } from '@x402/core/types';
import type { BatchSettlementEvmScheme, InMemoryClientChannelStorage } from '@x402/evm/batch-settlement/client';
import type { Dispatcher } from 'undici';
import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from 'viem';
import type { Deployment } from '@verity/chain';
import { openRequest, parseText, readEvents, readResponseText } from '@verity/http/client';
import type { Client } from './client.js';
import { chainModule } from './chain.js';

export interface PaymentConfig {
  /**
   * The payer's key (0x and 64 hex digits): signs deposits and vouchers, and withdrawals. Kept inside a viem
   * account; never logged, returned or put in an error.
   */
  privateKey: Hex;
  /** Spending cap: the most one request may cost, in the token's base units. A dearer request is refused unpaid. */
  maxPerRequest?: bigint;
  /**
   * A deposit brings this many times the price (an integer >= 3; the scheme's default 5). The server's
   * `minDeposit` hint wins when it asks for more; with a cap, a deposit never exceeds multiplier x maxPerRequest.
   */
  depositMultiplier?: number;
}

/** The x402 parts, once loaded. */
export interface LoadedPayment {
  scheme: BatchSettlementEvmScheme;
  x402: x402Client;
  http: x402HTTPClient;
  /** The scheme's channel records (charged total and balance per channel id), shared with the wallet actions. */
  storage: InMemoryClientChannelStorage;
  /** Present when the client has a chain: reads for the scheme, transactions for deposit and withdraw. */
  chain?: {
    deployment: Deployment;
    publicClient: PublicClient<Transport, Chain>;
    walletClient: WalletClient<Transport, Chain, Account>;
  };
}

export interface PaymentContext {
  /** The payer's address. */
  readonly account: Address;
  readonly maxPerRequest?: bigint;
  load(): Promise<LoadedPayment>;
  /** Waits for this client's other paid request to finish; call the returned function when done. */
  lock(): Promise<() => void>;
  /** The router's batch-settlement terms, from the last 402 seen. */
  terms?: PaymentRequirements;
}

const privateKeyPattern = /^0x[0-9a-fA-F]{64}$/;

export function createPaymentContext(
  config: PaymentConfig,
  chain: { deployment: Deployment; rpcUrl: string } | undefined,
): PaymentContext {
  const { privateKey } = config;
  if (typeof privateKey !== 'string' || !privateKeyPattern.test(privateKey)) {
    throw new VerityError('INVALID_REQUEST', 'payment.privateKey must be 0x followed by 64 hex digits');
  }
  if (config.maxPerRequest !== undefined && (typeof config.maxPerRequest !== 'bigint' || config.maxPerRequest <= 0n)) {
    throw new VerityError('INVALID_REQUEST', 'payment.maxPerRequest must be a positive bigint (token base units)');
  }
  const multiplier = config.depositMultiplier;
  if (multiplier !== undefined && (!Number.isInteger(multiplier) || multiplier < 3)) {
    throw new VerityError('INVALID_REQUEST', 'payment.depositMultiplier must be an integer >= 3');
  }
  let loaded: Promise<LoadedPayment> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const create = async (): Promise<LoadedPayment> => {
    const [{ x402Client, x402HTTPClient }, { toClientEvmSigner }, batch, { privateKeyToAccount }] = await Promise.all([
      import('@x402/core/client'),
      import('@x402/evm'),
      import('@x402/evm/batch-settlement/client'),
      import('viem/accounts'),
    ]);
    const account = privateKeyToAccount(privateKey);
    let chainParts: LoadedPayment['chain'];
    if (chain) {
      const clients = (await chainModule()).createChainClients({ rpcUrl: chain.rpcUrl, chainId: chain.deployment.chainId });
      chainParts = {
        deployment: chain.deployment,
        publicClient: clients.publicClient,
        walletClient: clients.walletFor(privateKey),
      };
    }
    const storage = new batch.InMemoryClientChannelStorage();
    const signer = toClientEvmSigner(account, chainParts?.publicClient);
    const scheme = new batch.BatchSettlementEvmScheme(signer, {
      storage,
      ...(multiplier === undefined ? {} : { depositPolicy: { depositMultiplier: multiplier } }),
    });
    const network = chain ? `eip155:${chain.deployment.chainId}` : 'eip155:*';
    const x402 = new x402Client().register(network as `${string}:${string}`, scheme);
    return { scheme, x402, http: new x402HTTPClient(x402), storage, ...(chainParts ? { chain: chainParts } : {}) };
  };

  return {
    account: addressOf(privateKey),
    ...(config.maxPerRequest === undefined ? {} : { maxPerRequest: config.maxPerRequest }),
    load: () => {
      loaded ??= create();
      return loaded;
    },
    lock: async () => {
      let release: () => void = () => {};
      const previous = queue;
      queue = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
  };
}

/** The client's payment context; INVALID_REQUEST when it has none. */
export function paymentOf(client: Client, what: string): PaymentContext {
  if (!client.payment) {
    throw new VerityError('INVALID_REQUEST', `${what} needs a payment key: createClient({ url, payment: { privateKey } })`);
  }
  return client.payment;
}

// ---- HTTP ----

type Headers = Dispatcher.ResponseData['headers'];

function header(headers: Headers, name: string): string | null {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

function open(client: Client, url: string, bodyText: string, headers: Record<string, string>) {
  return openRequest(
    'POST',
    url,
    bodyText,
    {
      timeoutMs: client.timeoutMs,
      headers,
      ...(client.dispatcher ? { dispatcher: client.dispatcher } : {}),
    },
    'application/json',
  );
}

// ---- paying ----

const batchSettlement = 'batch-settlement';

/** The batch-settlement requirement of a 402, or PAYMENT_REQUIRED when the server offers none. */
export function batchRequirement(paymentRequired: PaymentRequired): PaymentRequirements {
  const accepted = paymentRequired.accepts.find((a) => a.scheme === batchSettlement);
  if (!accepted) {
    throw new VerityError('PAYMENT_REQUIRED', `the server asks for payment but offers no ${batchSettlement} option`, {
      details: { schemes: paymentRequired.accepts.map((a) => a.scheme) },
    });
  }
  return accepted;
}

/** The 402 as the x402 client reads it, and as a Protocol v1 error (the reason, in words). */
async function read402(url: string, http: x402HTTPClient, response: Dispatcher.ResponseData) {
  const text = await readResponseText('POST', url, response);
  const body = parseText('POST', url, 402, text);
  const error = errorFromBody(402, body);
  let paymentRequired: PaymentRequired;
  try {
    paymentRequired = http.getPaymentRequiredResponse((name) => header(response.headers, name), body);
  } catch (cause) {
    throw new VerityError('PAYMENT_REQUIRED', `${error.message} (and its PAYMENT-REQUIRED header cannot be read)`, {
      cause,
      details: error.details,
    });
  }
  return { paymentRequired, error };
}

/** Builds the payment for a 402 after checking the spending cap and the token; nothing is signed when refused. */
async function createPayment(
  payment: PaymentContext,
  loaded: LoadedPayment,
  paymentRequired: PaymentRequired,
): Promise<PaymentPayload> {
  const accepted = batchRequirement(paymentRequired);
  payment.terms = accepted;
  const price = BigInt(accepted.amount);
  const details = { price: accepted.amount, asset: accepted.asset, network: accepted.network, payTo: accepted.payTo };
  const cap = payment.maxPerRequest;
  if (cap !== undefined && price > cap) {
    throw new VerityError(
      'PAYMENT_REQUIRED',
      `the request costs ${price} base units of ${accepted.asset}, above the spending cap of ${cap} (maxPerRequest): nothing was paid`,
      { details: { ...details, maxPerRequest: cap.toString(), refused: 'spending_cap' } },
    );
  }
  const token = loaded.chain?.deployment.contracts.token;
  if (token !== undefined && token.toLowerCase() !== accepted.asset.toLowerCase()) {
    throw new VerityError(
      'PAYMENT_REQUIRED',
      `the server asks to be paid in ${accepted.asset}, not in the deployment's token ${token}: nothing was paid`,
      { details: { ...details, refused: 'token' } },
    );
  }
  loaded.x402.setSpendControls({
    allowedAssets: [
      {
        network: accepted.network,
        asset: accepted.asset,
        ...(cap === undefined ? {} : { maxAmountPerPayment: cap.toString() }),
      },
    ],
  });
  try {
    return await loaded.x402.createPaymentPayload({ ...paymentRequired, accepts: [accepted] });
  } catch (cause) {
    throw new VerityError('PAYMENT_REQUIRED', `the payment could not be made: ${(cause as Error).message}`, {
      cause,
      details: { ...details, refused: 'client' },
    });
  }
}

/** A paid (or unpriced) answer: the whole body, or its events. */
export type PaidAnswer =
  | { kind: 'json'; body: unknown }
  | {
      kind: 'events';
      headers: Headers;
      events: AsyncGenerator<string, void, void>;
      /**
       * Call once the stream ended: with the closing chunk's `verity.payment` when it was read to its end (fed to
       * the scheme), with undefined when it failed or was stopped (nothing was charged). Idempotent.
       */
      settle(payment: string | undefined): Promise<void>;
    };

/**
 * POSTs JSON text to `path`, paying when the server answers 402. Errors as @verity/http's: Protocol v1 bodies as
 * VerityError, a refused payment as PAYMENT_REQUIRED with the scheme's reason (details.x402Code).
 */
export async function paidRequest(client: Client, path: string, bodyText: string, stream: boolean): Promise<PaidAnswer> {
  const payment = paymentOf(client, 'a paid request');
  const url = `${client.url}${path}`;
  const release = await payment.lock();
  let handedOver = false;
  try {
    const loaded = await payment.load();
    let response = await open(client, url, bodyText, {});
    let paid: PaymentPayload | undefined;
    if (response.statusCode === 402) {
      const first = await read402(url, loaded.http, response);
      paid = await createPayment(payment, loaded, first.paymentRequired);
      response = await open(client, url, bodyText, loaded.http.encodePaymentSignatureHeader(paid));
      if (response.statusCode === 402) {
        const refused = await read402(url, loaded.http, response);
        const result = await loaded.http.processPaymentResult(paid, (name) => header(response.headers, name), 402);
        if (!result.recovered) throw refusal(refused);
        // The scheme resynced its base from the corrective 402: pay again, once.
        paid = await createPayment(payment, loaded, first.paymentRequired);
        response = await open(client, url, bodyText, loaded.http.encodePaymentSignatureHeader(paid));
        if (response.statusCode === 402) throw refusal(await read402(url, loaded.http, response));
      }
    }
    const status = response.statusCode;
    const type = header(response.headers, 'content-type') ?? '';
    if (!stream || status >= 400 || !type.startsWith('text/event-stream')) {
      const text = await readResponseText('POST', url, response);
      if (status >= 400) throw errorFromBody(status, parseText('POST', url, status, text));
      if (stream) {
        throw new VerityError('NODE_UNAVAILABLE', `POST ${url} answered ${type || 'no content type'}, expected an event stream`, {
          details: { url },
        });
      }
      if (paid) await loaded.http.processPaymentResult(paid, (name) => header(response.headers, name), status);
      return { kind: 'json', body: parseText('POST', url, status, text) };
    }
    const payload = paid;
    let settled = false;
    handedOver = true;
    return {
      kind: 'events',
      headers: response.headers,
      events: readEvents(url, response.body, client.timeoutMs),
      settle: async (paymentResponse) => {
        if (settled) return;
        settled = true;
        try {
          if (payload && paymentResponse !== undefined) {
            await loaded.http.processPaymentResult(
              payload,
              (name) => (name.toUpperCase() === 'PAYMENT-RESPONSE' ? paymentResponse : null),
              200,
            );
          }
        } finally {
          release();
        }
      },
    };
  } finally {
    if (!handedOver) release();
  }
}

function refusal({ paymentRequired, error }: { paymentRequired: PaymentRequired; error: VerityError }): VerityError {
  const reason = paymentRequired.error;
  return new VerityError('PAYMENT_REQUIRED', `the payment was refused: ${error.message}`, {
    details: { ...error.details, ...(reason && error.details.x402Code === undefined ? { x402Code: reason } : {}) },
  });
}

/**
 * The router's payment terms (payTo, token, receiverAuthorizer, withdrawDelay) for the wallet actions: from the
 * last 402 this client saw, else asked for with an unpaid request on one of its models, which a charging router
 * answers 402 before running anything.
 */
export async function paymentTerms(client: Client, what: string): Promise<PaymentRequirements> {
  const payment = paymentOf(client, what);
  if (payment.terms) return payment.terms;
  const { listModels } = await import('./actions/listModels.js');
  const models = (await listModels(client)).data;
  const model = models.find((m) => m.format === 'onnx') ?? models[0];
  if (!model) {
    throw new VerityError('INVALID_REQUEST', `${what}: ${client.url} serves no model to ask its payment terms with`);
  }
  const [path, body] =
    model.format === 'onnx'
      ? [routes.infer.path, { model: model.id, inputs: { x: { dtype: 'float32', shape: [1], data: [0] } } }]
      : [routes.completions.path, { model: model.id, prompt: 'x', max_tokens: 1 }];
  const url = `${client.url}${path}`;
  const response = await open(client, url, JSON.stringify(body), {});
  if (response.statusCode !== 402) {
    await response.body.dump();
    throw new VerityError('INVALID_REQUEST', `${what}: ${client.url} does not ask for payment, so there is no channel to use`, {
      details: { url: client.url, status: response.statusCode },
    });
  }
  const loaded = await payment.load();
  const { paymentRequired } = await read402(url, loaded.http, response);
  payment.terms = batchRequirement(paymentRequired);
  return payment.terms;
}
