/**
 * PaymentGate: the resource server's check of an x402 `batch-settlement` payment (the PAYMENT-SIGNATURE header)
 * against the price of one request, and the charge that follows the answer.
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
 * - On-chain state is mirrored in SQLite and re-read when older than `onchainStateTtlMs`; it can only shrink by
 *   a withdrawal, which takes `withdrawDelay` (>= 900 s) after an initiateWithdraw that the re-read sees, or by
 *   our own refunds.
 */
import { randomUUID } from 'node:crypto';
import {
  type ChannelConfig,
  type ReadClient,
  batchSettlementAddress,
  batchSettlementDomain,
  channelIdOf,
  getChannel,
  keyChannelConfig,
  voucherTypes,
} from '@verity/chain';
import { type ApiKey, VerityError, apiKeyLabel } from '@verity/protocol';
import { decodePaymentSignatureHeader, encodePaymentResponseHeader, encodePaymentSignatureHeader } from '@x402/core/http';
import type { PaymentPayload, PaymentRequirements } from '@x402/core/types';
import { type Address, type Hex, getAddress, isAddressEqual, zeroAddress } from 'viem';
import { getCode, verifyTypedData } from 'viem/actions';
import { z } from 'zod';
import { paymentError, x402Codes } from './errors.js';
import type { Facilitator } from './facilitator.js';
import type { ChannelRecord, OnchainChannelState, PaymentStore, ReserveOutcome } from './store.js';
import { recoverVoucherSigner, signVoucher } from './voucher.js';
import type { CorrectiveState } from './requirements.js';

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

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/) as unknown as z.ZodType<Hex>;
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/) as unknown as z.ZodType<Address>;
const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/) as unknown as z.ZodType<Hex>;
const uint = z.string().regex(/^\d{1,39}$/);

const ChannelConfigSchema = z.object({
  payer: address,
  payerAuthorizer: address,
  receiver: address,
  receiverAuthorizer: address,
  token: address,
  withdrawDelay: z.number().int().nonnegative(),
  salt: bytes32,
});
const VoucherSchema = z.object({ channelId: bytes32, maxClaimableAmount: uint, signature: hex });
const BatchPayloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('voucher'), channelConfig: ChannelConfigSchema, voucher: VoucherSchema }),
  z.object({
    type: z.literal('deposit'),
    channelConfig: ChannelConfigSchema,
    voucher: VoucherSchema,
    deposit: z.object({ amount: uint, authorization: z.record(z.string(), z.unknown()) }),
  }),
]);
/** The official client's cooperative refund request: a zero-charge voucher at the charged total (@x402/evm refundChannel). */
const RefundPayloadSchema = z.object({
  type: z.literal('refund'),
  channelConfig: ChannelConfigSchema,
  voucher: VoucherSchema,
  amount: uint.optional(),
});
const PaymentPayloadSchema = z.object({
  x402Version: z.number(),
  accepted: z.object({ scheme: z.string(), network: z.string() }).loose(),
  payload: z.record(z.string(), z.unknown()),
});

/** A cooperative refund that landed on chain. */
export interface Refund {
  channelId: Hex;
  payer: Address;
  /** Returned to the payer. */
  amount: bigint;
  /** What the same transaction claimed first (the charged total minus what was claimed before). */
  claimed: bigint;
  /** The claim-then-refund transaction. */
  transaction: Hex;
  /** The PAYMENT-RESPONSE header value. */
  header: string;
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

/** One turn at a time per key: each `take` resolves when the turns taken before it are done. */
class Turns {
  private readonly tails = new Map<string, Promise<void>>();

  async take(id: string): Promise<() => void> {
    const before = this.tails.get(id) ?? Promise.resolve();
    let done: () => void = () => {};
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const tail = before.then(() => mine);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    await before;
    return done;
  }
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

  constructor(
    options: PaymentGateOptions,
    private readonly modules: PaymentGateModules,
  ) {
    this.options = { ...defaultPaymentGateOptions, batchSettlement: batchSettlementAddress, ...options };
    // Crash recovery: this owner's earlier reservations never reached a commit, so their answers never went out.
    modules.store.releaseStale(this.options.owner, Date.now());
  }

  /**
   * Checks the PAYMENT-SIGNATURE header against `requirements` (accepts[0] of paymentRequirements()) and reserves
   * its price. Throws a payment error (details.x402Code; corrective state under details.corrective) when refused.
   */
  async charge(header: string | undefined, requirements: PaymentRequirements): Promise<Charge> {
    const { store } = this.modules;
    const envelope = this.decode(header, requirements);
    const parsed = BatchPayloadSchema.safeParse(envelope.payload);
    if (!parsed.success) throw paymentError(x402Codes.payloadType, 'not a batch-settlement voucher or deposit payload');
    const payload = parsed.data;
    const config = payload.channelConfig;
    const channelId = payload.voucher.channelId.toLowerCase() as Hex;
    this.checkConfig(config, channelId, requirements);

    const price = BigInt(requirements.amount);
    const maxClaimableAmount = BigInt(payload.voucher.maxClaimableAmount);
    await this.checkVoucherSigner(config, channelId, maxClaimableAmount, payload.voucher.signature);

    // A stale base is refused before any deposit, so a client that must resync does not deposit first.
    const known = store.channel(channelId);
    if (known && maxClaimableAmount < known.charged + price) throw this.stale(known, requirements);

    let onchain: OnchainChannelState | undefined;
    let depositTransaction: Hex | null = null;
    if (payload.type === 'deposit') {
      const deposited = await this.deposit(envelope as unknown as PaymentPayload, requirements);
      depositTransaction = deposited.transaction;
      onchain = deposited.state ?? (await this.readOnchain(channelId));
    } else if (
      !known ||
      Date.now() - known.syncedAt > this.options.onchainStateTtlMs ||
      // A voucher above the known balance: the payer may have deposited on its own since (SDK `deposit`).
      maxClaimableAmount > known.balance
    ) {
      onchain = await this.readOnchain(channelId);
    }

    const outcome = this.reserve({ config, channelId, price, maxClaimableAmount, signature: payload.voucher.signature, onchain });
    if (outcome.status === 'stale') {
      if (outcome.channel) throw this.stale(outcome.channel, requirements);
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
    const channelId = this.channelIdOf(config);
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
    const channelId = this.channelIdOf(keyChannelConfig(key, requirements));
    const { state, spent } = await this.keyFunds(channelId, 0n);
    return {
      channelId,
      payer: getAddress(key.payer),
      balance: state.balance,
      charged: spent,
      remaining: state.balance > spent ? state.balance - spent : 0n,
      withdrawInitiatedAt: state.withdrawInitiatedAt === 0 ? null : state.withdrawInitiatedAt,
    };
  }

  /**
   * A key channel's on-chain state (the mirror, read again from the chain when older than its TTL or short of
   * `need` more) and what was spent on it: charged, or claimed when that is more. `onchain` is set when it was read.
   */
  private async keyFunds(channelId: Hex, need: bigint) {
    const known = this.modules.store.channel(channelId);
    const onchain =
      !known || Date.now() - known.syncedAt > this.options.onchainStateTtlMs || known.charged + need > known.balance
        ? await this.readOnchain(channelId)
        : undefined;
    const state: OnchainChannelState = onchain ?? (known as ChannelRecord);
    const charged = known?.charged ?? 0n;
    return { onchain, state, spent: charged > state.totalClaimed ? charged : state.totalClaimed };
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
      const { onchain, state, spent: base } = await this.keyFunds(channelId, price);
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

  /** Decodes PAYMENT-SIGNATURE and checks the envelope (version, scheme, network) against `requirements`. */
  private decode(header: string | undefined, requirements: PaymentRequirements): z.infer<typeof PaymentPayloadSchema> {
    if (!header) throw paymentError(x402Codes.invalidPayload, 'payment required: no PAYMENT-SIGNATURE header');
    let decoded: unknown;
    try {
      decoded = decodePaymentSignatureHeader(header);
    } catch (cause) {
      throw paymentError(x402Codes.invalidPayload, 'PAYMENT-SIGNATURE is not base64 JSON', {}, cause);
    }
    const envelope = PaymentPayloadSchema.safeParse(decoded);
    if (!envelope.success) throw paymentError(x402Codes.invalidPayload, 'PAYMENT-SIGNATURE is not an x402 payment payload');
    if (envelope.data.x402Version !== 2) {
      throw paymentError(x402Codes.invalidVersion, `x402Version ${envelope.data.x402Version} is not supported (2 is)`);
    }
    if (envelope.data.accepted.scheme !== requirements.scheme) {
      throw paymentError(x402Codes.invalidScheme, `scheme ${envelope.data.accepted.scheme} is not ${requirements.scheme}`);
    }
    if (envelope.data.accepted.network !== requirements.network) {
      throw paymentError(x402Codes.networkMismatch, `network ${envelope.data.accepted.network} is not ${requirements.network}`);
    }
    return envelope.data;
  }

  /**
   * Serves the payer's cooperative refund request (the official client's `refund` payload: a voucher signed at the
   * charged total, and optionally an amount): in one transaction, claims the charged total (so nothing charged is
   * refunded) and refunds the rest, or `amount` if smaller, with this side's Refund signature (refundWithSignature
   * through the facilitator). The channel is held like a request meanwhile, and its mirrored state is updated
   * after, so vouchers signed before the refund are refused until the payer deposits again.
   */
  async refund(header: string | undefined, requirements: PaymentRequirements): Promise<Refund> {
    const { store, facilitator } = this.modules;
    const envelope = this.decode(header, requirements);
    const parsed = RefundPayloadSchema.safeParse(envelope.payload);
    if (!parsed.success) throw paymentError(x402Codes.payloadType, 'not a batch-settlement refund payload');
    const payload = parsed.data;
    const config = normalizeConfig(payload.channelConfig);
    const channelId = payload.voucher.channelId.toLowerCase() as Hex;
    this.checkConfig(config, channelId, requirements);
    // The payer's signature at the charged total is its consent; no one else can return its funds early.
    const charged = BigInt(payload.voucher.maxClaimableAmount);
    await this.checkVoucherSigner(config, channelId, charged, payload.voucher.signature);
    if (payload.amount !== undefined && BigInt(payload.amount) === 0n) {
      throw paymentError(x402Codes.refundAmountInvalid, 'a refund amount must be positive');
    }

    const onchain = await this.readOnchain(channelId);
    const now = Date.now();
    const outcome = store.reserve({
      channelId,
      config,
      owner: this.options.owner,
      id: randomUUID(),
      amount: 0n,
      voucherMax: charged,
      voucherSignature: payload.voucher.signature,
      now,
      expiresAt: now + this.options.pendingTtlMs,
      onchain,
      check: (channel) => {
        if (channel.charged !== charged)
          throw this.stale(channel, requirements, `the refund voucher must be at the charged total ${channel.charged}`);
        if (channel.balance <= channel.charged) {
          throw paymentError(x402Codes.refundNoBalance, 'nothing to refund: the channel holds no more than was charged', {
            channelId,
          });
        }
      },
    });
    if (outcome.status === 'busy') {
      throw paymentError(x402Codes.channelBusy, 'a request on this channel is being served; retry when it is answered', {
        channelId,
      });
    }
    if (outcome.status === 'stale') {
      if (outcome.channel)
        throw this.stale(
          outcome.channel,
          requirements,
          `the refund voucher must be at the charged total ${outcome.channel.charged}`,
        );
      throw paymentError(x402Codes.channelNotFound, 'no deposit in this channel', { channelId });
    }
    const { pending, channel } = outcome;
    try {
      const remainder = channel.balance - charged;
      const requested = payload.amount === undefined ? remainder : BigInt(payload.amount);
      const amount = requested < remainder ? requested : remainder;
      const claims =
        charged > channel.totalClaimed
          ? [
              {
                voucher: { channel: config, maxClaimableAmount: String(charged) },
                signature: payload.voucher.signature,
                totalClaimed: String(charged),
              },
            ]
          : [];
      const enriched = {
        ...envelope,
        payload: {
          type: 'refund',
          channelConfig: config,
          voucher: payload.voucher,
          amount: String(amount),
          refundNonce: String(channel.refundNonce),
          claims,
        },
      } as unknown as PaymentPayload;
      const result = await facilitator.settle(enriched, requirements).catch((cause: unknown) => {
        throw paymentError(x402Codes.refundTransactionFailed, 'the refund failed', { channelId }, cause);
      });
      if (!result.success) {
        throw paymentError(
          result.errorReason ?? x402Codes.refundTransactionFailed,
          `the refund was refused: ${result.errorReason}`,
          {
            channelId,
            ...(result.errorMessage ? { reason: result.errorMessage.slice(0, 300) } : {}),
          },
        );
      }
      const transaction = result.transaction as Hex;
      if (claims.length > 0) store.recordClaim(transaction, Date.now(), [{ channelId, totalClaimed: charged }]);
      const after = await this.readOnchain(channelId).catch(() => ({
        balance: channel.balance - amount,
        totalClaimed: charged > channel.totalClaimed ? charged : channel.totalClaimed,
        withdrawInitiatedAt: channel.withdrawInitiatedAt,
        refundNonce: channel.refundNonce + 1n,
        syncedAt: Date.now(),
      }));
      store.recordOnchain(channelId, config, after);
      const refunded = channel.balance - after.balance;
      const record = store.channel(channelId) as ChannelRecord;
      const payer = getAddress(config.payer);
      return {
        channelId,
        payer,
        amount: refunded,
        claimed: claims.length > 0 ? charged - channel.totalClaimed : 0n,
        transaction,
        header: encodePaymentResponseHeader({
          success: true,
          transaction,
          network: requirements.network as PaymentRequirements['network'],
          payer,
          amount: String(refunded),
          extra: { channelState: channelStateOf(record) },
        }),
      };
    } finally {
      store.release(pending.id);
    }
  }

  /** revoke: the cooperative refund of an API key's channel, its consent signed here with the key (see refund). */
  async refundWithKey(key: ApiKey, requirements: PaymentRequirements): Promise<Refund> {
    const channelConfig = keyChannelConfig(key, requirements);
    const channelId = this.channelIdOf(channelConfig);
    const done = await this.keyTurns.take(channelId);
    try {
      const charged = this.modules.store.channel(channelId)?.charged ?? 0n;
      const signature = signVoucher(key.authorizerKey, this.options.chainId, channelId, charged, this.options.batchSettlement);
      const header = encodePaymentSignatureHeader({
        x402Version: 2,
        accepted: requirements,
        payload: {
          type: 'refund',
          channelConfig,
          voucher: { channelId, maxClaimableAmount: String(charged), signature },
        },
      } as unknown as PaymentPayload);
      return await this.refund(header, requirements);
    } finally {
      done();
    }
  }

  /** channelIdOf through viem costs ~0.3 ms; a client reuses one config for its channel's life, so ids are remembered. */
  private readonly channelIds = new Map<string, Hex>();

  private channelIdOf(config: ChannelConfig): Hex {
    const key =
      `${config.payer}${config.payerAuthorizer}${config.receiver}${config.receiverAuthorizer}${config.token}${config.withdrawDelay}${config.salt}`.toLowerCase();
    let id = this.channelIds.get(key);
    if (!id) {
      id = channelIdOf(normalizeConfig(config), this.options.chainId, this.options.batchSettlement).toLowerCase() as Hex;
      if (this.channelIds.size >= 4096) this.channelIds.clear();
      this.channelIds.set(key, id);
    }
    return id;
  }

  private checkConfig(config: ChannelConfig, channelId: Hex, requirements: PaymentRequirements): void {
    const extra = requirements.extra;
    if (this.channelIdOf(config) !== channelId) {
      throw paymentError(x402Codes.channelIdMismatch, 'the channel id is not the hash of the channel config on this chain');
    }
    if (!isAddressEqual(config.receiver, requirements.payTo as Address)) {
      throw paymentError(x402Codes.receiverMismatch, 'the channel pays another receiver');
    }
    const receiverAuthorizer = extra.receiverAuthorizer;
    if (typeof receiverAuthorizer !== 'string' || !isAddressEqual(config.receiverAuthorizer, receiverAuthorizer as Address)) {
      throw paymentError(x402Codes.receiverAuthorizerMismatch, 'the channel names another receiverAuthorizer');
    }
    if (!isAddressEqual(config.token, requirements.asset as Address)) {
      throw paymentError(x402Codes.tokenMismatch, 'the channel holds another token');
    }
    if (extra.withdrawDelay !== undefined && config.withdrawDelay !== Number(extra.withdrawDelay)) {
      throw paymentError(x402Codes.withdrawDelayMismatch, `withdrawDelay must be ${String(extra.withdrawDelay)}`);
    }
  }

  private async checkVoucherSigner(config: ChannelConfig, channelId: Hex, max: bigint, signature: Hex): Promise<void> {
    const { chainId, batchSettlement } = this.options;
    const expected = config.payerAuthorizer === zeroAddress ? config.payer : config.payerAuthorizer;
    const recovered = recoverVoucherSigner(chainId, channelId, max, signature, batchSettlement);
    if (recovered && isAddressEqual(recovered, expected)) return;
    // No payerAuthorizer: the payer may be a contract wallet (EIP-1271), which only a call can check.
    if (config.payerAuthorizer === zeroAddress) {
      const client = this.modules.publicClient;
      const ok = await getCode(client, { address: config.payer })
        .then(
          (code) =>
            code !== undefined &&
            code !== '0x' &&
            verifyTypedData(client, {
              address: config.payer,
              domain: batchSettlementDomain(chainId, batchSettlement),
              types: voucherTypes,
              primaryType: 'Voucher',
              message: { channelId, maxClaimableAmount: max },
              signature,
            }),
        )
        .catch(() => false);
      if (ok) return;
    }
    throw paymentError(
      x402Codes.voucherSignature,
      'the voucher is not signed by the channel payer (or its payerAuthorizer) for this channel, chain and contract',
    );
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

  private stale(
    channel: ChannelRecord,
    requirements: PaymentRequirements,
    message = `the voucher must cover the charged total ${channel.charged} plus the price ${requirements.amount}`,
  ): VerityError {
    const corrective: CorrectiveState = {
      error: x402Codes.cumulativeAmountMismatch,
      channelState: channelStateOf(channel),
      ...(channel.voucherMax !== null && channel.voucherSignature !== null
        ? { voucherState: { signedMaxClaimable: String(channel.voucherMax), signature: channel.voucherSignature } }
        : {}),
    };
    return paymentError(x402Codes.cumulativeAmountMismatch, message, { channelId: channel.channelId, corrective });
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

  private async readOnchain(channelId: Hex): Promise<OnchainChannelState> {
    try {
      const state = await getChannel(this.modules.publicClient, this.options.batchSettlement, { channelId });
      return {
        balance: state.balance,
        totalClaimed: state.totalClaimed,
        withdrawInitiatedAt: state.withdrawal?.initiatedAt ?? 0,
        refundNonce: state.refundNonce,
        syncedAt: Date.now(),
      };
    } catch (cause) {
      throw new VerityError('CHAIN_UNAVAILABLE', 'cannot read the payment channel from the chain', {
        details: { x402Code: x402Codes.rpcReadFailed, channelId },
        cause,
      });
    }
  }
}

/** The channel state a PAYMENT-RESPONSE (and a corrective 402) carries, in the scheme's shape. */
export function channelStateOf(channel: ChannelRecord): Record<string, unknown> {
  return {
    channelId: channel.channelId,
    balance: String(channel.balance),
    totalClaimed: String(channel.totalClaimed),
    withdrawRequestedAt: channel.withdrawInitiatedAt,
    refundNonce: String(channel.refundNonce),
    chargedCumulativeAmount: String(channel.charged),
  };
}

function normalizeConfig(config: ChannelConfig): ChannelConfig {
  return {
    payer: getAddress(config.payer),
    payerAuthorizer: getAddress(config.payerAuthorizer),
    receiver: getAddress(config.receiver),
    receiverAuthorizer: getAddress(config.receiverAuthorizer),
    token: getAddress(config.token),
    withdrawDelay: config.withdrawDelay,
    salt: config.salt,
  };
}
