/**
 * PaymentGate: the resource server's check of an x402 `batch-settlement` payment (the PAYMENT-SIGNATURE header)
 * against the price of one request, and the charge that follows the answer. It owns charging; the wire formats are
 * wire.ts's, the payload checks payload-checks.ts's, the on-chain state channel-mirror.ts's, and refunds (served
 * through this gate) refunds.ts's.
 *
 * `charge()` decodes and checks the payload (x402 version, scheme, network, the channel config against the
 * requirements and its hash against the channel id, the voucher's signer under this chain's and this contract's
 * domain), performs the deposit through the facilitator when the payload carries one, and reserves the price on
 * the channel: the voucher's ceiling must cover what was charged before plus this price, and stay within the
 * channel's balance. It returns a Charge: `commit()` once the request was answered, `release()` when it was not.
 * `refund()` serves the payer's cooperative refund request: it claims the charged total and refunds the rest.
 *
 * Rules:
 * - One request at a time per channel: a reservation is a pending row, and a second request on a channel with a
 *   live pending row is refused (channel_busy), as the official server does; the x402 client signs each voucher
 *   on the last charged total, so two in flight would carry the same cumulative amount. Gates sharing one SQLite
 *   file serialize on it (BEGIN IMMEDIATE), so two routers cannot both spend one base.
 * - Crash rule: commit BEFORE the response is released. A crash before commit leaves a pending row and no answer
 *   went out: the row is dropped when a gate with the same `owner` starts again (or when it expires), so nothing is
 *   charged and the client's voucher base is unchanged. A crash after commit but before the bytes left leaves the
 *   fee counted once (the voucher authorizes it); the client resyncs from the corrective 402 (channelState and
 *   voucherState). Never lost, never counted twice.
 * - A pending withdrawal: charges continue while the withdrawal finalizes more than `withdrawalMarginSeconds`
 *   from now (the Claimer claims such channels at once), and stop after.
 * - On-chain state is mirrored in SQLite and re-read when older than `onchainStateTtlMs` (channel-mirror.ts).
 */
import { randomUUID } from 'node:crypto';
import { type ChannelConfig, type ReadClient, batchSettlementAddress, keyChannelConfig } from '@verity/chain';
import { type ApiKey, VerityError, apiKeyLabel } from '@verity/protocol';
import { encodePaymentResponseHeader } from '@x402/core/http';
import type { PaymentPayload, PaymentRequirements } from '@x402/core/types';
import { type Address, type Hex, getAddress } from 'viem';
import { ChannelMirror, normalizeConfig } from './channel-mirror.js';
import { paymentError, x402Codes } from './errors.js';
import type { Facilitator } from './facilitator.js';
import { Turns } from './key-turns.js';
import { PayloadChecks, staleError } from './payload-checks.js';
import { type Refund, Refunds } from './refunds.js';
import type { ChannelRecord, OnchainChannelState, PaymentStore, ReserveOutcome } from './store.js';
import { signVoucher } from './voucher.js';
import { BatchPayloadSchema, channelStateOf, decodePaymentEnvelope } from './wire.js';

export const defaultPaymentGateOptions = {
  /** How long mirrored on-chain channel state is trusted before a re-read. */
  onchainStateTtlMs: 5_000,
  /** A reservation not committed or released by then is dropped (longer than any request may take). */
  pendingTtlMs: 600_000,
  /** Stop charging a channel this long before its pending withdrawal can finalize. */
  withdrawalMarginSeconds: 300,
} as const;

export interface PaymentGateOptions {
  chainId: number;
  /** Names this gate's pending rows; a gate restarted with the same owner drops its predecessor's (crash rule). */
  owner: string;
  /** The settlement contract (the canonical address unless a chain has it elsewhere). */
  batchSettlement?: Address;
  onchainStateTtlMs?: number;
  pendingTtlMs?: number;
  withdrawalMarginSeconds?: number;
}

export interface PaymentGateModules {
  store: PaymentStore;
  facilitator: Facilitator;
  publicClient: ReadClient;
}

/** An API key's channel as `keyState` reads it. */
export interface KeyState {
  channelId: Hex;
  payer: Address;
  /** Deposited, minus refunded and withdrawn (on chain). */
  balance: bigint;
  /** Charged (or claimed, when more) so far. */
  charged: bigint;
  /** What further requests may still spend. */
  remaining: bigint;
  /** Unix seconds of a pending timed withdrawal, or null. */
  withdrawInitiatedAt: number | null;
}

/** A reserved payment: exactly one of commit() or release() must follow. */
export interface Charge {
  channelId: Hex;
  payer: Address;
  /** The price reserved (base units). */
  amount: bigint;
  /** The charged total before this request, and after a commit. */
  chargedBefore: bigint;
  chargedAfter: bigint;
  /** The voucher's ceiling. */
  maxClaimableAmount: bigint;
  /** The deposit transaction, on a channel's first request (or a top-up). */
  depositTransaction: Hex | null;
  /**
   * Records the charge (the reserved amount, or a smaller `amount` when the request cost less than its ceiling)
   * and the voucher (one SQLite transaction) and returns the PAYMENT-RESPONSE header value. Call it before
   * releasing the response (the crash rule); throws if the reservation was dropped meanwhile.
   */
  commit(amount?: bigint): string;
  /** Drops the reservation: nothing is charged. */
  release(): void;
}

export class PaymentGate {
  readonly options: Required<PaymentGateOptions>;
  private readonly keyTurns = new Turns();

  private readonly mirror: ChannelMirror;
  private readonly checks: PayloadChecks;
  private readonly refunds: Refunds;

  constructor(
    options: PaymentGateOptions,
    private readonly modules: PaymentGateModules,
  ) {
    this.options = { ...defaultPaymentGateOptions, batchSettlement: batchSettlementAddress, ...options };
    this.mirror = new ChannelMirror(modules.store, modules.publicClient, this.options);
    this.checks = new PayloadChecks(this.mirror, modules.publicClient, this.options);
    this.refunds = new Refunds(this.options, {
      store: modules.store,
      facilitator: modules.facilitator,
      mirror: this.mirror,
      checks: this.checks,
      keyTurns: this.keyTurns,
    });
    // Crash recovery: this owner's earlier reservations never reached a commit, so their answers never went out.
    modules.store.releaseStale(this.options.owner, Date.now());
  }

  /**
   * Checks the PAYMENT-SIGNATURE header against `requirements` (accepts[0] of paymentRequirements()) and reserves
   * its price. Throws a payment error (details.x402Code; corrective state under details.corrective) when refused.
   */
  async charge(header: string | undefined, requirements: PaymentRequirements): Promise<Charge> {
    const { store } = this.modules;
    const envelope = decodePaymentEnvelope(header, requirements);
    const parsed = BatchPayloadSchema.safeParse(envelope.payload);
    if (!parsed.success) throw paymentError(x402Codes.payloadType, 'not a batch-settlement voucher or deposit payload');
    const payload = parsed.data;
    const config = payload.channelConfig;
    const channelId = payload.voucher.channelId.toLowerCase() as Hex;
    this.checks.config(config, channelId, requirements);

    const price = BigInt(requirements.amount);
    const maxClaimableAmount = BigInt(payload.voucher.maxClaimableAmount);
    await this.checks.voucherSigner(config, channelId, maxClaimableAmount, payload.voucher.signature);

    // A stale base is refused before any deposit, so a client that must resync does not deposit first.
    const known = store.channel(channelId);
    if (known && maxClaimableAmount < known.charged + price) throw staleError(known, requirements);

    let onchain: OnchainChannelState | undefined;
    let depositTransaction: Hex | null = null;
    if (payload.type === 'deposit') {
      const deposited = await this.deposit(envelope as unknown as PaymentPayload, requirements);
      depositTransaction = deposited.transaction;
      onchain = deposited.state ?? (await this.mirror.read(channelId));
    } else if (
      !known ||
      this.mirror.isOld(known) ||
      // A voucher above the known balance: the payer may have deposited on its own since (SDK `deposit`).
      maxClaimableAmount > known.balance
    ) {
      onchain = await this.mirror.read(channelId);
    }

    const outcome = this.reserve({ config, channelId, price, maxClaimableAmount, signature: payload.voucher.signature, onchain });
    if (outcome.status === 'stale') {
      if (outcome.channel) throw staleError(outcome.channel, requirements);
      throw paymentError(x402Codes.channelNotFound, 'no deposit in this channel', { channelId });
    }
    return this.chargeOf(outcome, { config, channelId, price, maxClaimableAmount, depositTransaction, requirements });
  }

  /**
   * Reserves the price of a request on an API key's channel (see protocol's api-key.ts): the channel is rebuilt from
   * the key and these requirements, and the voucher is signed here, with the key, at the charged total plus the
   * price, only once the channel is known to hold that much: no voucher is ever signed beyond the deposit. Requests
   * on one key take turns (the next one waits for the commit or release of the one before), so concurrent requests
   * of one client queue rather than fail. INVALID_API_KEY when the channel holds no deposit; PAYMENT_REQUIRED when
   * what is left does not cover the price.
   */
  async chargeWithKey(key: ApiKey, requirements: PaymentRequirements): Promise<Charge> {
    const config = keyChannelConfig(key, requirements);
    const channelId = this.mirror.idOf(config);
    const done = await this.keyTurns.take(channelId);
    try {
      const charge = await this.reserveWithKey(key, config, channelId, requirements);
      const { commit, release } = charge;
      charge.commit = (amount) => {
        try {
          return commit(amount);
        } finally {
          done();
        }
      };
      charge.release = () => {
        release();
        done();
      };
      return charge;
    } catch (error) {
      done();
      throw error;
    }
  }

  /** What the router knows of an API key's channel, read from the chain when its mirror is old (`GET /v1/key`). */
  async keyState(key: ApiKey, requirements: PaymentRequirements): Promise<KeyState> {
    const channelId = this.mirror.idOf(keyChannelConfig(key, requirements));
    const { state, spent } = await this.mirror.funds(channelId, 0n);
    return {
      channelId,
      payer: getAddress(key.payer),
      balance: state.balance,
      charged: spent,
      remaining: state.balance > spent ? state.balance - spent : 0n,
      withdrawInitiatedAt: state.withdrawInitiatedAt === 0 ? null : state.withdrawInitiatedAt,
    };
  }

  private async reserveWithKey(
    key: ApiKey,
    config: ChannelConfig,
    channelId: Hex,
    requirements: PaymentRequirements,
  ): Promise<Charge> {
    const price = BigInt(requirements.amount);
    // Twice at most: a second router on the same database may have charged the channel since it was read.
    for (let attempt = 0; ; attempt++) {
      const { onchain, state, spent: base } = await this.mirror.funds(channelId, price);
      const { balance } = state;
      if (balance === 0n) {
        throw new VerityError(
          'INVALID_API_KEY',
          'this API key has no deposit: it was never funded with this router, or it was revoked or withdrawn',
          { details: { key: apiKeyLabel(key), channelId } },
        );
      }
      if (base + price > balance) {
        const left = balance > base ? balance - base : 0n;
        throw paymentError(
          x402Codes.cumulativeExceedsBalance,
          `this API key's deposit is spent: ${left} left of ${balance}, and this request costs up to ${price} (token base units); deposit more into it (\`verity key create --deposit <VRT> --top-up <name>\`) or create another`,
          { key: apiKeyLabel(key), channelId, limit: String(balance), usage: String(base), remaining: String(left) },
        );
      }
      const maxClaimableAmount = base + price;
      const signature = signVoucher(
        key.authorizerKey,
        this.options.chainId,
        channelId,
        maxClaimableAmount,
        this.options.batchSettlement,
      );
      const outcome = this.reserve({ config, channelId, price, maxClaimableAmount, signature, onchain });
      if (outcome.status === 'stale' && attempt === 0) continue;
      if (outcome.status === 'stale') {
        throw paymentError(x402Codes.cumulativeAmountMismatch, "the key's channel changed while it was charged; retry", {
          channelId,
        });
      }
      return this.chargeOf(outcome, {
        config,
        channelId,
        price,
        maxClaimableAmount,
        depositTransaction: null,
        requirements,
      });
    }
  }

  private reserve(input: {
    config: ChannelConfig;
    channelId: Hex;
    price: bigint;
    maxClaimableAmount: bigint;
    signature: Hex;
    onchain: OnchainChannelState | undefined;
  }): Exclude<ReserveOutcome, { status: 'busy' }> {
    const now = Date.now();
    const outcome = this.modules.store.reserve({
      channelId: input.channelId,
      config: normalizeConfig(input.config),
      owner: this.options.owner,
      id: randomUUID(),
      amount: input.price,
      voucherMax: input.maxClaimableAmount,
      voucherSignature: input.signature,
      now,
      expiresAt: now + this.options.pendingTtlMs,
      ...(input.onchain ? { onchain: input.onchain } : {}),
      check: (channel) => this.checkChannel(channel, input.maxClaimableAmount, now),
    });
    if (outcome.status === 'busy') {
      throw paymentError(x402Codes.channelBusy, 'another request on this channel is being served; retry when it is answered', {
        channelId: input.channelId,
      });
    }
    return outcome;
  }

  private chargeOf(
    outcome: Extract<ReserveOutcome, { status: 'reserved' }>,
    terms: {
      config: ChannelConfig;
      channelId: Hex;
      price: bigint;
      maxClaimableAmount: bigint;
      depositTransaction: Hex | null;
      requirements: PaymentRequirements;
    },
  ): Charge {
    const { store } = this.modules;
    const { config, channelId, price, maxClaimableAmount, depositTransaction, requirements } = terms;
    const { pending, channel } = outcome;
    let settled = false;
    const charge: Charge = {
      channelId,
      payer: getAddress(config.payer),
      amount: price,
      chargedBefore: channel.charged,
      chargedAfter: channel.charged,
      maxClaimableAmount,
      depositTransaction,
      commit: (amount = price) => {
        if (settled) throw new VerityError('INTERNAL', 'this charge was already committed or released');
        settled = true;
        const after = store.commit(pending.id, amount);
        if (!after) {
          throw new VerityError('INTERNAL', 'the payment reservation expired before the commit: do not release the response', {
            details: { channelId },
          });
        }
        charge.chargedAfter = after.charged;
        return encodePaymentResponseHeader({
          success: true,
          transaction: depositTransaction ?? '',
          network: requirements.network as PaymentRequirements['network'],
          payer: charge.payer,
          amount: String(amount),
          extra: { chargedAmount: String(amount), channelState: channelStateOf(after) },
        });
      },
      release: () => {
        if (settled) return;
        settled = true;
        store.release(pending.id);
      },
    };
    return charge;
  }

  /**
   * Serves the payer's cooperative refund request: claims the charged total and refunds the rest, or `amount` if
   * smaller, in one transaction (see Refunds.refund).
   */
  refund(header: string | undefined, requirements: PaymentRequirements): Promise<Refund> {
    return this.refunds.refund(header, requirements);
  }

  /** revoke: the cooperative refund of an API key's channel, its consent signed here with the key (see refund). */
  refundWithKey(key: ApiKey, requirements: PaymentRequirements): Promise<Refund> {
    return this.refunds.refundWithKey(key, requirements);
  }

  private checkChannel(channel: ChannelRecord, max: bigint, now: number): void {
    if (channel.balance === 0n)
      throw paymentError(x402Codes.channelNotFound, 'no deposit in this channel', { channelId: channel.channelId });
    if (max > channel.balance) {
      throw paymentError(
        x402Codes.cumulativeExceedsBalance,
        `the voucher (${max}) exceeds the channel balance (${channel.balance})`,
        {
          channelId: channel.channelId,
        },
      );
    }
    if (max <= channel.totalClaimed) {
      throw paymentError(
        x402Codes.cumulativeBelowClaimed,
        `the voucher (${max}) is not above what was claimed (${channel.totalClaimed})`,
        {
          channelId: channel.channelId,
        },
      );
    }
    if (channel.withdrawInitiatedAt !== 0) {
      const finalizeAt = channel.withdrawInitiatedAt + channel.config.withdrawDelay;
      if (now / 1000 + this.options.withdrawalMarginSeconds >= finalizeAt) {
        throw paymentError(x402Codes.withdrawalPending, 'the payer is withdrawing this channel; deposit into a new one', {
          channelId: channel.channelId,
          finalizeAt,
        });
      }
    }
  }

  private async deposit(payment: PaymentPayload, requirements: PaymentRequirements) {
    const { facilitator } = this.modules;
    const result = await facilitator.settle(payment, requirements).catch((cause: unknown) => {
      throw paymentError(x402Codes.depositTransactionFailed, 'the deposit failed', {}, cause);
    });
    if (!result.success) {
      throw paymentError(
        result.errorReason ?? x402Codes.depositTransactionFailed,
        `the deposit was refused: ${result.errorReason}`,
        {
          ...(result.errorMessage ? { reason: result.errorMessage.slice(0, 300) } : {}),
        },
      );
    }
    const state = result.extra?.channelState as Record<string, unknown> | undefined;
    return {
      transaction: result.transaction as Hex,
      state:
        state && typeof state.balance === 'string'
          ? {
              balance: BigInt(state.balance),
              totalClaimed: BigInt(String(state.totalClaimed ?? '0')),
              withdrawInitiatedAt: Number(state.withdrawRequestedAt ?? 0),
              refundNonce: BigInt(String(state.refundNonce ?? '0')),
              syncedAt: Date.now(),
            }
          : undefined,
    };
  }
}
