/**
 * Cooperative refunds: the payer's `refund` request (a voucher signed at the charged total, and optionally an
 * amount), served in one transaction through the facilitator that claims the charged total and refunds the rest,
 * and an API key's revoke, whose consent is signed here with the key. The channel is held like a request meanwhile
 * (a pending row of zero), and the mirror is updated after.
 */
import { keyChannelConfig } from '@verity/chain';
import type { ApiKey } from '@verity/protocol';
import { encodePaymentResponseHeader, encodePaymentSignatureHeader } from '@x402/core/http';
import type { PaymentPayload, PaymentRequirements } from '@x402/core/types';
import { type Address, type Hex, getAddress } from 'viem';
import { randomUUID } from 'node:crypto';
import { type ChannelMirror, normalizeConfig } from './channel-mirror.js';
import { paymentError, x402Codes } from './errors.js';
import type { Facilitator } from './facilitator.js';
import type { Turns } from './key-turns.js';
import { type PayloadChecks, staleError } from './payload-checks.js';
import type { ChannelRecord, PaymentStore } from './store.js';
import { signVoucher } from './voucher.js';
import { RefundPayloadSchema, channelStateOf, decodePaymentEnvelope } from './wire.js';

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

export interface RefundOptions {
  chainId: number;
  /** Names the pending rows that hold a channel while it is refunded. */
  owner: string;
  batchSettlement: Address;
  pendingTtlMs: number;
}

export interface RefundModules {
  store: PaymentStore;
  facilitator: Facilitator;
  mirror: ChannelMirror;
  checks: PayloadChecks;
  /** The gate's turns per key channel, shared with its key charges. */
  keyTurns: Turns;
}

export class Refunds {
  constructor(
    private readonly options: RefundOptions,
    private readonly modules: RefundModules,
  ) {}

  /**
   * Serves the payer's cooperative refund request (the official client's `refund` payload: a voucher signed at the
   * charged total, and optionally an amount): in one transaction, claims the charged total (so nothing charged is
   * refunded) and refunds the rest, or `amount` if smaller, with this side's Refund signature (refundWithSignature
   * through the facilitator). The channel is held like a request meanwhile, and its mirrored state is updated
   * after, so vouchers signed before the refund are refused until the payer deposits again.
   */
  async refund(header: string | undefined, requirements: PaymentRequirements): Promise<Refund> {
    const { store, facilitator, mirror, checks } = this.modules;
    const envelope = decodePaymentEnvelope(header, requirements);
    const parsed = RefundPayloadSchema.safeParse(envelope.payload);
    if (!parsed.success) throw paymentError(x402Codes.payloadType, 'not a batch-settlement refund payload');
    const payload = parsed.data;
    const config = normalizeConfig(payload.channelConfig);
    const channelId = payload.voucher.channelId.toLowerCase() as Hex;
    checks.config(config, channelId, requirements);
    // The payer's signature at the charged total is its consent; no one else can return its funds early.
    const charged = BigInt(payload.voucher.maxClaimableAmount);
    await checks.voucherSigner(config, channelId, charged, payload.voucher.signature);
    if (payload.amount !== undefined && BigInt(payload.amount) === 0n) {
      throw paymentError(x402Codes.refundAmountInvalid, 'a refund amount must be positive');
    }

    const onchain = await mirror.read(channelId);
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
          throw staleError(channel, requirements, `the refund voucher must be at the charged total ${channel.charged}`);
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
        throw staleError(
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
      const after = await mirror.read(channelId).catch(() => ({
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
    const channelId = this.modules.mirror.idOf(channelConfig);
    const done = await this.modules.keyTurns.take(channelId);
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
}
