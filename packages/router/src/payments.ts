/**
 * The router as an x402 resource server (`batch-settlement`, EVM): a priced request without a valid payment gets
 * 402 with a PAYMENT-REQUIRED header and the price in words; a paid one is charged only once it was answered.
 *
 * Pricing: the prices are on chain. A request is quoted a price per executor answer (see `quote` in server.ts: the
 * highest of the model's published price and the prices of the nodes that serve it, at least
 * `minPricePerAnswer`) and reserves its ceiling: one answer under `none` and `relay`, k under `replicate:k`. It
 * commits what it got: for each agreeing executor's receipt, the fee that receipt signs, never more than the quote.
 * Dissenting or failed executors and unanswered requests cost nothing, and the client can check every charge
 * against the receipts it holds. The commit happens before the
 * answer leaves (see PaymentGate's crash rule): with a whole answer as the PAYMENT-RESPONSE header, in a stream
 * as `verity.payment` in the last chunk (the headers are long gone by then).
 *
 * Refunds: a GET with the official client's `refund` payload on a priced route returns what the channel holds beyond
 * what was charged, at once (the charged part is claimed in the same transaction).
 *
 * Settled funds go to `payTo`: the deployment's FeeSplitter, which splits them by the rules on chain (fees.ts).
 */
import { join } from 'node:path';
import { type Deployment, batchSettlementAddress, createChainClients } from '@verity/chain';
import { type Hex, type SignedReceipt, VerityError } from '@verity/protocol';
import {
  type Charge,
  Claimer,
  PaymentGate,
  PaymentStore,
  type PaymentRequirementsReturnType,
  type Refund,
  createFacilitator,
  isPaymentError,
  paymentRequirements,
} from '@verity/payments';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { type Allocation, FeeLedger, type ReceiptSource, claimSettledCharges, postPendingCharges } from './fees.js';

export interface RouterPaymentOptions {
  /** The router operator's key: signs claim batches (the channels' receiverAuthorizer) and pays claim gas. */
  privateKey: Hex;
  /**
   * Where settled funds go (the channels' receiver): the deployment's FeeSplitter when it has one (the fees are then
   * split on chain, see fees.ts), else the key's address.
   */
  payTo?: Address;
  /** The least one executor's answer costs, in the token's base units (the prices on chain may ask more). */
  minPricePerAnswer: bigint;
  /** A payer's timed-withdrawal delay, in seconds (the scheme allows 900 s .. 30 days). */
  withdrawDelay?: number;
  /** How often committed vouchers are claimed and settled on chain. */
  claimIntervalMs?: number;
  /**
   * Whether the router also claims its executors' charges from the FeeSplitter once their receipts are settled
   * (default true). Otherwise each executor claims its own (`verity node claim`), paying the gas.
   */
  claimCharges?: boolean;
}

export const defaultPaymentOptions = { withdrawDelay: 900, claimIntervalMs: 30_000 } as const;

export class RouterPayments {
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
    },
  ) {}

  static create(
    options: RouterPaymentOptions,
    chain: { deployment: Deployment; rpcUrl: string; dataDir?: string; receipts: ReceiptSource },
  ): RouterPayments {
    const { deployment, rpcUrl } = chain;
    const clients = createChainClients({ chainId: deployment.chainId, rpcUrl });
    const wallet = clients.walletFor(options.privateKey);
    const receiverAuthorizer = privateKeyToAccount(options.privateKey);
    const facilitator = createFacilitator({ publicClient: clients.publicClient, wallet, receiverAuthorizer });
    const store = new PaymentStore(chain.dataDir ? join(chain.dataDir, 'payments.sqlite') : ':memory:');
    const splitter = deployment.contracts.feeSplitter as Address | undefined;
    const payTo = options.payTo ?? splitter ?? receiverAuthorizer.address;
    const token = deployment.contracts.token as Address;
    const modules = { store, facilitator, publicClient: clients.publicClient };
    const gate = new PaymentGate({ chainId: deployment.chainId, owner: `router:${receiverAuthorizer.address}` }, modules);
    const claimer = new Claimer(
      {
        chainId: deployment.chainId,
        receiver: payTo,
        token,
        claimIntervalMs: options.claimIntervalMs ?? defaultPaymentOptions.claimIntervalMs,
      },
      { ...modules, onError: (error) => console.error('[router] claim failed:', error) },
    );
    claimer.start();
    let fees: { ledger: FeeLedger; timer: NodeJS.Timeout } | undefined;
    if (splitter && payTo.toLowerCase() === splitter.toLowerCase()) {
      const ledger = new FeeLedger(chain.dataDir);
      let running = false;
      const round = async () => {
        await postPendingCharges(wallet, splitter, ledger);
        await claimSettledCharges(wallet, splitter, ledger, options.claimCharges === false ? undefined : chain.receipts);
      };
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        // In the Claimer's queue: one key sends voucher claims, refunds, charge roots and charge claims, so they
        // never race for a nonce.
        claimer
          .exclusive(round)
          .catch((error: unknown) => console.error('[router] fee split round failed:', error))
          .finally(() => {
            running = false;
          });
      }, options.claimIntervalMs ?? defaultPaymentOptions.claimIntervalMs);
      timer.unref();
      fees = { ledger, timer };
    }
    return new RouterPayments(gate, claimer, store, fees, {
      chainId: deployment.chainId,
      token,
      payTo,
      receiverAuthorizer: receiverAuthorizer.address,
      withdrawDelay: options.withdrawDelay ?? defaultPaymentOptions.withdrawDelay,
      minPricePerAnswer: options.minPricePerAnswer,
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
  async reserve(request: FastifyRequest, answers: number, perAnswer: bigint): Promise<PaidRequest> {
    const resource = `${request.protocol}://${request.hostname}${request.url}`;
    const required = this.requirements(resource, answers, perAnswer);
    const header = request.headers['payment-signature'];
    try {
      const charge = await this.gate.charge(typeof header === 'string' ? header : undefined, required.requirements);
      return new PaidRequest(charge, perAnswer, this.fees?.ledger);
    } catch (error) {
      if (!isPaymentError(error)) throw error;
      const corrective = error.details.corrective as Parameters<typeof paymentRequirements>[1] | undefined;
      const answer = corrective ? this.requirements(resource, answers, perAnswer, corrective) : required;
      throw new PaymentRequiredError(answer, error);
    }
  }

  /**
   * A payer's cooperative refund: the official client's `refund` payload (@x402/evm `refundChannel`), sent with
   * GET to a priced route after a probe that answers 402. The gate claims what was charged on the channel and
   * refunds the rest in one transaction; the claimed part is settled into `payTo` right after.
   */
  async refund(request: FastifyRequest): Promise<Refund> {
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
          .catch((error: unknown) => console.error('[router] settle after refund failed:', error));
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

  async close(): Promise<void> {
    if (this.fees) clearInterval(this.fees.timer);
    await this.claimer.stop({ flush: false });
    this.store.close();
    this.fees?.ledger.close();
  }
}

/** A reserved payment: commit what the request got once it is answered, release it otherwise. */
export class PaidRequest {
  constructor(
    private readonly charge: Charge,
    private readonly perAnswer: bigint,
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
export function chargeOf(receipt: SignedReceipt, perAnswer: bigint): Allocation {
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
  send(reply: FastifyReply): FastifyReply {
    return reply.status(402).header('PAYMENT-REQUIRED', this.required.header).send(this.toBody());
  }
}
