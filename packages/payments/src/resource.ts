/**
 * An x402 resource server (`batch-settlement`, EVM), as the router and the nodes run it: a priced request without a
 * valid payment gets 402 with a PAYMENT-REQUIRED header and the price in words; a paid one is charged only once it
 * was answered.
 *
 * Pricing: the caller quotes a price per executor answer (from the prices on chain) and reserves the request's
 * ceiling: one answer under `none` and `relay`, k under `replicate:k` (the router). It commits what it got: for each
 * agreeing executor's receipt, the fee that receipt signs, never more than the quote. Dissenting or failed executors
 * and unanswered requests cost nothing, and the client can check every charge against the receipts it holds. The
 * commit happens before the answer leaves (see PaymentGate's crash rule): with a whole answer as the PAYMENT-RESPONSE
 * header, in a stream as `verity.payment` in the last chunk (the headers are long gone by then).
 *
 * Refunds: a GET with the official client's `refund` payload on a priced route returns what the channel holds beyond
 * what was charged, at once (the charged part is claimed in the same transaction).
 *
 * Settled funds go to `payTo`: a FeeSplitter, which pays each charge against its executor's settled receipt and
 * splits it by the rules on chain (fee-ledger.ts).
 */
import { join } from 'node:path';
import { type Deployment, type FeeCharge, batchSettlementAddress, createChainClients } from '@verity/chain';
import {
  type ApiKey,
  type ApiKeyRevoked,
  type ApiKeyState,
  type ChargeList,
  type Hex,
  type SignedReceipt,
  VerityError,
  addressPattern,
  apiKeyAuthorizer,
  apiKeyPrefix,
  bearerToken,
  parseApiKey,
} from '@verity/protocol';
import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { Claimer } from './claimer.js';
import { isPaymentError, paymentError, x402Codes } from './errors.js';
import { createFacilitator } from './facilitator.js';
import { FeeLedger, type ReceiptSource, claimSettledCharges, postPendingCharges } from './fee-ledger.js';
import { type Charge, PaymentGate } from './gate.js';
import { type PaymentRequirementsReturnType, paymentRequirements } from './requirements.js';
import type { Refund } from './refunds.js';
import { PaymentStore } from './store.js';
import { TransactionQueue, queuedWallet, transactionQueueOf } from './transactions.js';

/** What a paid route needs of an HTTP request: the resource URL and the PAYMENT-SIGNATURE header, if any. */
export interface PaidHttpRequest {
  protocol: string;
  hostname: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** What a 402 needs of an HTTP reply (fastify's reply has it). */
export interface PaymentReply {
  status(code: number): PaymentReply;
  header(name: string, value: string): PaymentReply;
  send(body: unknown): unknown;
}

export interface ResourcePaymentOptions {
  /** The operator's key: signs claim batches (the channels' receiverAuthorizer) and pays claim gas. */
  privateKey: Hex;
  /**
   * The FeeSplitter the channels pay into, which splits the fees on chain (see fee-ledger.ts); default the
   * deployment's. Without one, settled funds go to the key's address.
   */
  feeSplitter?: Address;
  /** The least one executor's answer costs, in the token's base units (the prices on chain may ask more). */
  minPricePerAnswer: bigint;
  /** A payer's timed-withdrawal delay, in seconds (the scheme allows 900 s .. 30 days). */
  withdrawDelay?: number;
  /** How often committed vouchers are claimed and settled on chain. */
  claimIntervalMs?: number;
  /**
   * Whether the server also claims the executors' charges from the FeeSplitter once their receipts are settled
   * (default true). Otherwise each executor claims its own (`verity node claim`), paying the gas.
   */
  claimCharges?: boolean;
  /**
   * A priced request with neither a payment nor an API key whose body is larger (or of unknown length) is answered
   * 402 before its body is read (see `refusesUnread`); smaller ones are read, and quoted at their model's price.
   */
  maxUnpaidBodyBytes?: number;
}

export const defaultPaymentOptions = { withdrawDelay: 900, claimIntervalMs: 30_000, maxUnpaidBodyBytes: 64 * 1024 } as const;

export class ResourcePayments {
  private constructor(
    private readonly gate: PaymentGate,
    readonly claimer: Claimer,
    private readonly store: PaymentStore,
    private readonly fees: { ledger: FeeLedger; timer: NodeJS.Timeout } | undefined,
    private readonly base: {
      chainId: number;
      token: Address;
      payTo: Address;
      receiverAuthorizer: Address;
      withdrawDelay: number;
      minPricePerAnswer: bigint;
      maxUnpaidBodyBytes: number;
      owner: string;
    },
  ) {}

  /**
   * `chain.owner` names this server in the payment store (e.g. `router:<address>`); `chain.receipts` finds the
   * executors' settled receipts, to claim their charges; `chain.serialize` runs each transaction's send in the queue
   * of the key's other transactions, when it has any (see transactions.ts).
   */
  static create(
    options: ResourcePaymentOptions,
    chain: {
      deployment: Deployment;
      rpcUrl: string;
      dataDir?: string;
      receipts: ReceiptSource;
      owner: string;
      serialize?: <T>(run: () => Promise<T>) => Promise<T>;
    },
  ): ResourcePayments {
    const { deployment, rpcUrl } = chain;
    const clients = createChainClients({ chainId: deployment.chainId, rpcUrl });
    // Every transaction of the key (deposits, claims, settles, refunds, charge roots and claims) takes its nonce
    // from one queue: in the key's other queue when it has one (a node's), else in the process's one for the key.
    const own = clients.walletFor(options.privateKey);
    const queue = chain.serialize ? new TransactionQueue(own, { serialize: chain.serialize }) : transactionQueueOf(own);
    const wallet = queuedWallet(own, queue);
    const receiverAuthorizer = privateKeyToAccount(options.privateKey);
    const facilitator = createFacilitator({ publicClient: clients.publicClient, wallet, receiverAuthorizer });
    const store = new PaymentStore(chain.dataDir ? join(chain.dataDir, 'payments.sqlite') : ':memory:');
    const splitter = options.feeSplitter ?? (deployment.contracts.feeSplitter as Address | undefined);
    const payTo = splitter ?? receiverAuthorizer.address;
    const token = deployment.contracts.token as Address;
    const modules = { store, facilitator, publicClient: clients.publicClient };
    const gate = new PaymentGate({ chainId: deployment.chainId, owner: chain.owner }, modules);
    const claimer = new Claimer(
      {
        chainId: deployment.chainId,
        receiver: payTo,
        token,
        claimIntervalMs: options.claimIntervalMs ?? defaultPaymentOptions.claimIntervalMs,
      },
      {
        ...modules,
        onError: (error) => console.error(`[${chain.owner}] claim failed:`, error),
      },
    );
    claimer.start();
    let fees: { ledger: FeeLedger; timer: NodeJS.Timeout } | undefined;
    if (splitter) {
      const ledger = new FeeLedger(chain.dataDir);
      let running = false;
      const round = async () => {
        await postPendingCharges(wallet, splitter, ledger);
        await claimSettledCharges(wallet, splitter, ledger, options.claimCharges === false ? undefined : chain.receipts);
      };
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        // In the Claimer's turns, so a round never claims a channel a refund is claiming (the nonces are the
        // transaction queue's).
        claimer
          .exclusive(round)
          .catch((error: unknown) => console.error(`[${chain.owner}] fee split round failed:`, error))
          .finally(() => {
            running = false;
          });
      }, options.claimIntervalMs ?? defaultPaymentOptions.claimIntervalMs);
      timer.unref();
      fees = { ledger, timer };
    }
    return new ResourcePayments(gate, claimer, store, fees, {
      chainId: deployment.chainId,
      token,
      payTo,
      receiverAuthorizer: receiverAuthorizer.address,
      withdrawDelay: options.withdrawDelay ?? defaultPaymentOptions.withdrawDelay,
      minPricePerAnswer: options.minPricePerAnswer,
      maxUnpaidBodyBytes: options.maxUnpaidBodyBytes ?? defaultPaymentOptions.maxUnpaidBodyBytes,
      owner: chain.owner,
    });
  }

  /** Where the channels' settled funds go. */
  get payTo(): Address {
    return this.base.payTo;
  }

  get minPricePerAnswer(): bigint {
    return this.base.minPricePerAnswer;
  }

  /** The charges recorded for the fee split (undefined when the channels do not pay into a FeeSplitter). */
  get ledger(): FeeLedger | undefined {
    return this.fees?.ledger;
  }

  get settlementContract(): Address {
    return batchSettlementAddress;
  }

  /** What a request with at most `answers` executor answers, at `perAnswer` each, must be paid with. */
  requirements(
    resource: string,
    answers: number,
    perAnswer: bigint,
    corrective?: Parameters<typeof paymentRequirements>[1],
  ): PaymentRequirementsReturnType {
    return paymentRequirements(
      {
        chainId: this.base.chainId,
        token: this.base.token,
        amount: perAnswer * BigInt(answers),
        payTo: this.base.payTo,
        receiverAuthorizer: this.base.receiverAuthorizer,
        withdrawDelay: this.base.withdrawDelay,
        resource,
        description: answers === 1 ? 'one verified answer' : `up to ${answers} verified answers (one per agreeing executor)`,
        minDeposit: perAnswer * BigInt(answers) * 10n,
      },
      corrective,
    );
  }

  /**
   * Reserves the price of a request with at most `answers` executor answers at `perAnswer` each, or answers 402:
   * with no payment, or one the gate refuses (then with the scheme's reason and, for a stale voucher base, the state
   * to resync from).
   */
  async reserve(request: PaidHttpRequest, answers: number, perAnswer: bigint): Promise<PaidRequest> {
    const resource = `${request.protocol}://${request.hostname}${request.url}`;
    const required = this.requirements(resource, answers, perAnswer);
    const header = request.headers['payment-signature'];
    // An x402 payment when there is one; otherwise an API key (OpenAI's clients send `Authorization: Bearer`).
    const key = typeof header === 'string' ? undefined : apiKeyOf(request);
    try {
      const charge = key
        ? await this.gate.chargeWithKey(key, required.requirements)
        : await this.gate.charge(typeof header === 'string' ? header : undefined, required.requirements);
      return new PaidRequest(charge, perAnswer, this.fees?.ledger);
    } catch (error) {
      if (!isPaymentError(error)) throw error;
      const corrective = error.details.corrective as Parameters<typeof paymentRequirements>[1] | undefined;
      const answer = corrective ? this.requirements(resource, answers, perAnswer, corrective) : required;
      throw new PaymentRequiredError(answer, error);
    }
  }

  /**
   * Whether a priced request is to be answered 402 before its body is read (with `unreadRefusal`): it carries
   * neither a PAYMENT-SIGNATURE nor an `Authorization: Bearer` key, and its body is over `maxUnpaidBodyBytes` by its
   * content-length, or of unknown length (chunked). Receiving, parsing and decoding such a body only to answer 402 is
   * work an unpaying client could make the server do at will.
   */
  refusesUnread(request: Pick<PaidHttpRequest, 'headers'>): boolean {
    const { headers } = request;
    if (typeof headers['payment-signature'] === 'string' || bearerToken(headers.authorization) !== undefined) return false;
    const length = headers['content-length'];
    if (length === undefined) return headers['transfer-encoding'] !== undefined;
    return typeof length === 'string' && Number(length) > this.base.maxUnpaidBodyBytes;
  }

  /**
   * The 402 of a request `refusesUnread` refuses. Its model is in the unread body, so `perAnswer` is the most one
   * answer of any model costs there; a paid request is charged its model's price, never more. An x402 client that
   * pays this amount (a voucher's ceiling) is served: the official clients, after a corrective 402, pay again what
   * the first 402 asked, so a price below the model's would leave a large request unanswerable.
   */
  unreadRefusal(request: PaidHttpRequest, perAnswer: bigint): PaymentRequiredError {
    const limit = this.base.maxUnpaidBodyBytes;
    const length = request.headers['content-length'];
    const resource = `${request.protocol}://${request.hostname}${request.url}`;
    const required = this.requirements(resource, 1, perAnswer > 0n ? perAnswer : 1n);
    const size = typeof length === 'string' ? `of ${length} bytes` : 'of unknown length';
    return new PaymentRequiredError(
      required,
      paymentError(
        x402Codes.bodyNotRead,
        `a body ${size} is not read without a payment (over ${limit} bytes): this quotes the most one answer costs here, and the price of each model is quoted on a request under ${limit} bytes; a paid request is charged its model's price, never more`,
        { maxUnpaidBodyBytes: limit },
      ),
    );
  }

  /**
   * A payer's cooperative refund: the official client's `refund` payload (@x402/evm `refundChannel`), sent with
   * GET to a priced route after a probe that answers 402. The gate claims what was charged on the channel and
   * refunds the rest in one transaction; the claimed part is settled into `payTo` right after.
   */
  async refund(request: PaidHttpRequest): Promise<Refund> {
    const resource = `${request.protocol}://${request.hostname}${request.url}`;
    // A refund names no model: the 402 around it only tells the client the channel's terms, so any positive price.
    const perAnswer = this.base.minPricePerAnswer > 0n ? this.base.minPricePerAnswer : 1n;
    const required = this.requirements(resource, 1, perAnswer);
    const header = request.headers['payment-signature'];
    if (typeof header !== 'string') throw new PaymentRequiredError(required);
    try {
      const refunded = await this.claimer.exclusive(() => this.gate.refund(header, required.requirements));
      if (refunded.claimed > 0n) {
        void this.claimer
          .exclusive(() => this.claimer.settle())
          .catch((error: unknown) => console.error(`[${this.base.owner}] settle after refund failed:`, error));
      }
      return refunded;
    } catch (error) {
      if (!isPaymentError(error)) throw error;
      // The official client stops at once on a refusal it cannot resync from, which it reads from the 402's error.
      const corrective = (error.details.corrective as Parameters<typeof paymentRequirements>[1] | undefined) ?? {
        error: error.details.x402Code,
      };
      throw new PaymentRequiredError(this.requirements(resource, 1, perAnswer, corrective), error);
    }
  }

  /**
   * The handler of a refund route (protocol's `refundRoutes`): the refund, with PAYMENT-RESPONSE, or a 402.
   */
  async answerRefund(request: PaidHttpRequest, reply: PaymentReply): Promise<unknown> {
    let refunded: Refund;
    try {
      refunded = await this.refund(request);
    } catch (error) {
      if (error instanceof PaymentRequiredError) return error.send(reply);
      throw error;
    }
    reply.header('PAYMENT-RESPONSE', refunded.header);
    return {
      message: 'Refund acknowledged',
      channelId: refunded.channelId,
      amount: String(refunded.amount),
      claimed: String(refunded.claimed),
      transaction: refunded.transaction,
    };
  }

  /** The handler of `GET /v1/key`: the bearer key's channel (deposited, charged, left). */
  async keyState(request: PaidHttpRequest): Promise<ApiKeyState> {
    const key = requireApiKey(request);
    const state = await this.gate.keyState(key, this.termsOfKeys(request).requirements);
    return {
      data: {
        label: apiKeyAuthorizer(key),
        payer: state.payer,
        channelId: state.channelId,
        limit: String(state.balance),
        usage: String(state.charged),
        limit_remaining: String(state.remaining),
        withdrawal_initiated_at: state.withdrawInitiatedAt,
      },
    };
  }

  /**
   * The handler of `DELETE /v1/key`: revokes the bearer key by refunding its channel's unspent deposit to the payer
   * at once (the cooperative refund, signed with the key; what was charged is claimed in the same transaction).
   * Anyone holding the key may do it: the money only goes back to the payer.
   */
  async revokeKey(request: PaidHttpRequest): Promise<ApiKeyRevoked> {
    const key = requireApiKey(request);
    const { requirements } = this.termsOfKeys(request);
    const state = await this.gate.keyState(key, requirements);
    if (state.remaining === 0n) return { revoked: true, channelId: state.channelId, refunded: '0', transaction: null };
    const refunded = await this.claimer.exclusive(() => this.gate.refundWithKey(key, requirements));
    if (refunded.claimed > 0n) {
      void this.claimer
        .exclusive(() => this.claimer.settle())
        .catch((error: unknown) => console.error(`[${this.base.owner}] settle after refund failed:`, error));
    }
    return { revoked: true, channelId: refunded.channelId, refunded: String(refunded.amount), transaction: refunded.transaction };
  }

  /** The channel terms API keys are rebuilt under (any positive price: the terms do not depend on it). */
  private termsOfKeys(request: PaidHttpRequest): PaymentRequirementsReturnType {
    const resource = `${request.protocol}://${request.hostname}${request.url}`;
    return this.requirements(resource, 1, this.base.minPricePerAnswer > 0n ? this.base.minPricePerAnswer : 1n);
  }

  /** The handler of `GET /v1/charges?executor=0x..`: that executor's charges, for it to claim them itself. */
  chargeList(query: { executor?: unknown }): ChargeList {
    const { executor } = query;
    const ledger = this.fees?.ledger;
    if (!ledger) throw new VerityError('NOT_FOUND', 'this server splits no fees: its channels pay no FeeSplitter');
    if (typeof executor !== 'string' || !addressPattern.test(executor))
      throw new VerityError('INVALID_REQUEST', 'give ?executor=0x and 40 hex digits (an operator address)', {
        details: { param: 'executor' },
      });
    return {
      object: 'list',
      feeSplitter: this.base.payTo,
      data: ledger.chargesOf(executor as Hex).map((c) => ({
        requestId: c.requestId,
        modelId: c.modelId,
        executor: c.executor,
        amount: String(c.amount),
        rootId: c.rootId === null ? null : String(c.rootId),
        proof: c.proof,
        paid: c.paidIn !== null,
      })),
    };
  }

  async close(): Promise<void> {
    if (this.fees) clearInterval(this.fees.timer);
    await this.claimer.stop({ flush: false });
    this.store.close();
    this.fees?.ledger.close();
  }
}

/**
 * The API key a request carries as `Authorization: Bearer`, or undefined when it has no bearer token. A bearer
 * token that is not a Verity key is INVALID_API_KEY (401), never echoed: an OpenAI client cannot answer a 402.
 */
function apiKeyOf(request: PaidHttpRequest): ApiKey | undefined {
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) return undefined;
  const key = parseApiKey(token);
  if (!key) {
    throw new VerityError(
      'INVALID_API_KEY',
      `the bearer token is not a Verity API key (${apiKeyPrefix}…): create one with \`verity key create --deposit <VRT>\`, or pay each request with x402`,
    );
  }
  return key;
}

function requireApiKey(request: PaidHttpRequest): ApiKey {
  const key = apiKeyOf(request);
  if (!key) throw new VerityError('INVALID_API_KEY', 'give the API key as `Authorization: Bearer <key>`');
  return key;
}

/** A reserved payment: commit what the request got once it is answered, release it otherwise. */
export class PaidRequest {
  constructor(
    private readonly charge: Charge,
    /** The price per answer quoted and reserved: no answer is charged more. */
    readonly perAnswer: bigint,
    private readonly ledger: FeeLedger | undefined,
  ) {}

  /**
   * Charges, for each receipt the client gets (each agreeing executor's), the fee it signs up to the quoted price,
   * and records who earned it; returns the PAYMENT-RESPONSE value.
   */
  commit(receipts: readonly SignedReceipt[]): string {
    const charges = receipts.map((r) => chargeOf(r, this.perAnswer));
    const header = this.charge.commit(charges.reduce((sum, c) => sum + c.amount, 0n));
    this.ledger?.record(charges.filter((c) => c.amount > 0n));
    return header;
  }

  release(): void {
    this.charge.release();
  }
}

/** What one agreeing executor's answer costs: the fee its receipt signs, at most the quoted price per answer. */
export function chargeOf(receipt: SignedReceipt, perAnswer: bigint): FeeCharge {
  const { requestId, executor, modelId, fee } = receipt.typedData.message;
  const signed = BigInt(fee);
  return {
    requestId: requestId as Hex,
    executor: executor as Address,
    modelId: modelId as Hex,
    amount: signed < perAnswer ? signed : perAnswer,
  };
}

/** A 402: the requirements to pay by, and why the payment (if any) was refused. */
export class PaymentRequiredError extends VerityError {
  constructor(
    readonly required: PaymentRequirementsReturnType,
    cause?: VerityError,
  ) {
    super(
      'PAYMENT_REQUIRED',
      cause && cause.details.x402Code !== 'invalid_payload' ? `${cause.message}. ${required.price}` : required.price,
      {
        details: {
          ...(cause ? { x402Code: cause.details.x402Code } : {}),
          price: required.requirements.amount,
          asset: required.requirements.asset,
          network: required.requirements.network,
          payTo: required.requirements.payTo,
        },
        ...(cause ? { cause } : {}),
      },
    );
  }

  /** Sends the 402 with its PAYMENT-REQUIRED header. */
  send(reply: PaymentReply): unknown {
    return reply.status(402).header('PAYMENT-REQUIRED', this.required.header).send(this.toBody());
  }
}
