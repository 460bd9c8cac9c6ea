/**
 * The channel mirror: a channel's id (the hash of its config on this chain and contract, remembered per config) and
 * its on-chain state, read from the chain and mirrored in SQLite (PaymentStore), re-read when older than
 * `onchainStateTtlMs`. The mirror can only overstate a balance by a withdrawal, which takes `withdrawDelay`
 * (>= 900 s) after an initiateWithdraw that the re-read sees, or by our own refunds (recorded as they land).
 */
import { type ChannelConfig, type ReadClient, channelIdOf, getChannel } from '@verity/chain';
import { VerityError } from '@verity/protocol';
import { type Address, type Hex, getAddress } from 'viem';
import { x402Codes } from './errors.js';
import type { ChannelRecord, OnchainChannelState, PaymentStore } from './store.js';

export interface ChannelMirrorOptions {
  chainId: number;
  batchSettlement: Address;
  /** How long mirrored on-chain channel state is trusted before a re-read. */
  onchainStateTtlMs: number;
}

export class ChannelMirror {
  /** channelIdOf through viem costs ~0.3 ms; a client reuses one config for its channel's life, so ids are remembered. */
  private readonly channelIds = new Map<string, Hex>();

  constructor(
    private readonly store: PaymentStore,
    private readonly publicClient: ReadClient,
    private readonly options: ChannelMirrorOptions,
  ) {}

  /** The channel id of a config on this chain and contract, lowercase. */
  idOf(config: ChannelConfig): Hex {
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

  /** Whether a mirrored channel is older than the TTL, so its state should be read again. */
  isOld(known: ChannelRecord): boolean {
    return Date.now() - known.syncedAt > this.options.onchainStateTtlMs;
  }

  /** Reads a channel's state from the chain (CHAIN_UNAVAILABLE when it cannot). */
  async read(channelId: Hex): Promise<OnchainChannelState> {
    try {
      const state = await getChannel(this.publicClient, this.options.batchSettlement, { channelId });
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

  /**
   * A key channel's on-chain state (the mirror, read again from the chain when older than its TTL or short of
   * `need` more) and what was spent on it: charged, or claimed when that is more. `onchain` is set when it was read.
   */
  async funds(channelId: Hex, need: bigint) {
    const known = this.store.channel(channelId);
    const onchain = !known || this.isOld(known) || known.charged + need > known.balance ? await this.read(channelId) : undefined;
    const state: OnchainChannelState = onchain ?? (known as ChannelRecord);
    const charged = known?.charged ?? 0n;
    return { onchain, state, spent: charged > state.totalClaimed ? charged : state.totalClaimed };
  }
}

/** A channel config with checksummed addresses, as the store keeps it and channel ids hash it. */
export function normalizeConfig(config: ChannelConfig): ChannelConfig {
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
