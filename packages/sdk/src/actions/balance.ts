/**
 * Payments: the client's batch-settlement channel with the router as the chain holds it (balance, what the
 * router claimed, a pending withdrawal), what this client knows the router charged (claimed or not yet), and the
 * payer's token balance outside the channel.
 */
import type { Hex } from '@verity/protocol';
import type { Address } from 'viem';
import { chainModule, onChain } from '../chain.js';
import { payerChannel, readChannel } from '../channel.js';
import type { Client } from '../client.js';

export interface BalanceReturnType {
  payer: Address;
  channelId: Hex;
  receiver: Address;
  token: Address;
  /** On chain: deposited, minus refunded and withdrawn. */
  balance: bigint;
  /** On chain: what the router has claimed from the channel. */
  totalClaimed: bigint;
  /** balance - totalClaimed. */
  unclaimed: bigint;
  /**
   * What the router charged in total (claimed, and charged but not claimed yet), as this client's payment scheme
   * recorded it; null when this client has not paid on the channel yet.
   */
  charged: bigint | null;
  /** What further requests can still spend: balance minus the larger of charged and totalClaimed. */
  available: bigint;
  /** A pending timed withdrawal: unix seconds; finalize with `withdraw({ finalize: true })` after finalizeAfter. */
  withdrawal: { amount: bigint; initiatedAt: number; finalizeAfter: number } | null;
  /** The payer's balance of the token, outside the channel. */
  tokenBalance: bigint;
}

export async function balance(client: Client): Promise<BalanceReturnType> {
  const channel = await payerChannel(client, 'balance');
  const { getTokenBalance } = await chainModule();
  const { config } = channel;
  const [state, tokenBalance, record] = await Promise.all([
    readChannel(channel),
    onChain('reading the token balance', () =>
      getTokenBalance(channel.payment.chain.publicClient, config.token, { owner: config.payer }),
    ),
    channel.payment.storage.get(channel.channelId),
  ]);
  const charged = record?.chargedCumulativeAmount === undefined ? null : BigInt(record.chargedCumulativeAmount);
  const spent = charged !== null && charged > state.totalClaimed ? charged : state.totalClaimed;
  return {
    payer: config.payer,
    channelId: channel.channelId,
    receiver: config.receiver,
    token: config.token,
    balance: state.balance,
    totalClaimed: state.totalClaimed,
    unclaimed: state.unclaimed,
    charged,
    available: state.balance > spent ? state.balance - spent : 0n,
    withdrawal: state.withdrawal
      ? { ...state.withdrawal, finalizeAfter: state.withdrawal.initiatedAt + config.withdrawDelay }
      : null,
    tokenBalance,
  };
}
