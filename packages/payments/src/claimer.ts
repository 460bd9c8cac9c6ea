/**
 * Claimer: turns committed charges into money. On a schedule it batches each channel's latest voucher at its
 * charged total into claimWithSignature transactions (the facilitator's receiverAuthorizer signs the ClaimBatch),
 * then calls settle(receiver, token), which pays everything claimed in one transfer; the claimed totals go into
 * the store. A channel whose payer started a withdrawal is claimed at the next tick, whatever the schedule, so the
 * claim lands before the withdrawal can finalize.
 */
import { type ReadClient, batchSettlementAddress, getChannel } from '@verity/chain';
import type { PaymentRequirements } from '@x402/core/types';
import { type Address, type Hex, isAddressEqual } from 'viem';
import type { Facilitator } from './facilitator.js';
import { batchSettlementScheme, networkOf, x402Version } from './requirements.js';
import type { ChannelRecord, PaymentStore } from './store.js';

export const defaultClaimerOptions = {
  /** Claim at least this often when something is unclaimed. */
  claimIntervalMs: 60_000,
  /** How often the schedule is checked and at-risk channels are re-read for pending withdrawals. */
  tickMs: 5_000,
  /** Vouchers per claimWithSignature transaction. */
  maxClaimsPerBatch: 200,
  /** Settle after each claim round that claimed something. */
  settleAfterClaim: true,
} as const;

export interface ClaimerOptions {
  chainId: number;
  /** The receiver (payTo) whose channels are claimed. */
  receiver: Address;
  token: Address;
  claimIntervalMs?: number;
  tickMs?: number;
  maxClaimsPerBatch?: number;
  settleAfterClaim?: boolean;
}

export interface ClaimerModules {
  store: PaymentStore;
  facilitator: Facilitator;
  publicClient: ReadClient;
  /** Called with each error of a scheduled run (the schedule keeps going). */
  onError?: (error: unknown) => void;
}

export interface ClaimBatchResult {
  transaction: Hex;
  vouchers: number;
  /** What this batch added to the claimed totals. */
  amount: bigint;
}

export interface ClaimRoundResult {
  claims: ClaimBatchResult[];
  settle: { transaction: Hex; amount: bigint } | null;
}

export class Claimer {
  readonly options: Required<ClaimerOptions>;
  private timer: NodeJS.Timeout | undefined;
  private lastClaimAt = Date.now();
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    options: ClaimerOptions,
    private readonly modules: ClaimerModules,
  ) {
    this.options = { ...defaultClaimerOptions, ...options };
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick()).catch((error: unknown) => this.modules.onError?.(error));
    }, this.options.tickMs);
    this.timer.unref();
  }

  /**
   * Runs `run` between scheduled rounds, for other work on the channels (a refund claims the channel it refunds, a
   * fee split round spends what settles paid), so a round never claims what it is claiming. Nonces are not the
   * reason: every transaction of the key takes its nonce from one queue (transactions.ts), which a client's deposit
   * joins between any two of these transactions, never behind a whole round.
   */
  exclusive<T>(run: () => Promise<T>): Promise<T> {
    const result = this.running.catch(() => undefined).then(run);
    this.running = result.catch(() => undefined);
    return result;
  }

  /** Stops the schedule; with `flush`, claims and settles what is left first. */
  async stop(options: { flush?: boolean } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running.catch(() => undefined);
    if (options.flush) await this.claimAndSettle();
  }

  /** One scheduled step: claims when the interval has passed or an unclaimed channel is being withdrawn. */
  async tick(now = Date.now()): Promise<ClaimRoundResult | null> {
    const unclaimed = this.unclaimed();
    if (unclaimed.length === 0) return null;
    const due = now - this.lastClaimAt >= this.options.claimIntervalMs || (await this.anyWithdrawing(unclaimed));
    return due ? this.claimAndSettle() : null;
  }

  async claimAndSettle(): Promise<ClaimRoundResult> {
    const claims = await this.claim();
    const settle = claims.length > 0 && this.options.settleAfterClaim ? await this.settle() : null;
    return { claims, settle };
  }

  /** Claims every channel whose charged total is above its claimed total, in batches. */
  async claim(): Promise<ClaimBatchResult[]> {
    this.lastClaimAt = Date.now();
    const channels = this.unclaimed();
    const results: ClaimBatchResult[] = [];
    for (let i = 0; i < channels.length; i += this.options.maxClaimsPerBatch) {
      const batch = channels.slice(i, i + this.options.maxClaimsPerBatch);
      const claims = batch.map((channel) => ({
        voucher: { channel: channel.config, maxClaimableAmount: String(channel.voucherMax) },
        signature: channel.voucherSignature as Hex,
        totalClaimed: String(channel.charged),
      }));
      const result = await this.modules.facilitator.settle(
        { x402Version, accepted: this.requirements(), payload: { type: 'claim', claims } },
        this.requirements(),
      );
      if (!result.success) {
        throw new Error(`claim of ${batch.length} vouchers failed: ${result.errorReason} ${result.errorMessage ?? ''}`.trim());
      }
      const transaction = result.transaction as Hex;
      const amount = batch.reduce((sum, channel) => sum + channel.charged - channel.claimed, 0n);
      this.modules.store.recordClaim(
        transaction,
        Date.now(),
        batch.map((channel) => ({ channelId: channel.channelId, totalClaimed: channel.charged })),
      );
      results.push({ transaction, vouchers: batch.length, amount });
    }
    return results;
  }

  /** settle(receiver, token): pays out everything claimed and not yet paid. Null when nothing was due. */
  async settle(): Promise<{ transaction: Hex; amount: bigint } | null> {
    const { receiver, token } = this.options;
    const result = await this.modules.facilitator.settle(
      { x402Version, accepted: this.requirements(), payload: { type: 'settle', receiver, token } },
      this.requirements(),
    );
    if (!result.success) {
      if (result.errorReason === 'invalid_batch_settlement_evm_nothing_to_settle') return null;
      throw new Error(`settle failed: ${result.errorReason} ${result.errorMessage ?? ''}`.trim());
    }
    return { transaction: result.transaction as Hex, amount: BigInt(result.amount || '0') };
  }

  /** Channels of this receiver and token with charges not yet claimed. */
  unclaimed(): ChannelRecord[] {
    const { receiver, token } = this.options;
    return this.modules.store
      .channels()
      .filter(
        (channel) =>
          channel.charged > channel.claimed &&
          channel.voucherMax !== null &&
          channel.voucherSignature !== null &&
          isAddressEqual(channel.config.receiver, receiver) &&
          isAddressEqual(channel.config.token, token),
      );
  }

  private async anyWithdrawing(channels: readonly ChannelRecord[]): Promise<boolean> {
    let withdrawing = false;
    for (const channel of channels) {
      const state = await getChannel(this.modules.publicClient, batchSettlementAddress, { channelId: channel.channelId });
      this.modules.store.recordOnchain(channel.channelId, channel.config, {
        balance: state.balance,
        totalClaimed: state.totalClaimed,
        withdrawInitiatedAt: state.withdrawal?.initiatedAt ?? 0,
        refundNonce: state.refundNonce,
        syncedAt: Date.now(),
      });
      if (state.withdrawal) withdrawing = true;
    }
    return withdrawing;
  }

  private requirements(): PaymentRequirements {
    return {
      scheme: batchSettlementScheme,
      network: networkOf(this.options.chainId),
      asset: this.options.token,
      amount: '0',
      payTo: this.options.receiver,
      maxTimeoutSeconds: 300,
      extra: {},
    };
  }
}
