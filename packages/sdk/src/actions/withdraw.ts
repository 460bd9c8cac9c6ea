/**
 * Payments: the payer's timed withdrawal from its batch-settlement channel. `withdraw()` starts it (initiateWithdraw
 * of the unclaimed escrow); the router may still claim what it charged until the delay has passed, and stops
 * accepting vouchers on the channel shortly before. `withdraw({ finalize: true })` then pays out what is still
 * unclaimed (finalizeWithdraw). Later requests need a fresh deposit.
 */
import { type Hex, VerityError } from '@verity/protocol';
import { chainModule, onChain } from '../chain.js';
import { payerChannel, readChannel, sendToSettlement } from '../channel.js';
import type { Client } from '../client.js';

export interface WithdrawParameters {
  /** Complete a withdrawal whose delay has passed, rather than start one. */
  finalize?: boolean;
  /** Starting: token base units to withdraw; default all that is unclaimed. */
  amount?: bigint;
}

export interface WithdrawReturnType {
  status: 'initiated' | 'finalized';
  txHash: Hex;
  blockNumber: bigint;
  channelId: Hex;
  /** Initiated: the amount requested. Finalized: what was paid back to the payer. */
  amount: bigint;
  /** Initiated: when it can be finalized (unix seconds). */
  finalizeAfter?: number;
}

export async function withdraw(client: Client, parameters: WithdrawParameters = {}): Promise<WithdrawReturnType> {
  const channel = await payerChannel(client, 'withdraw');
  const state = await readChannel(channel);
  const delay = channel.config.withdrawDelay;
  if (parameters.finalize) {
    if (!state.withdrawal) {
      throw new VerityError('INVALID_REQUEST', 'withdraw: no withdrawal is pending on this channel; start one with withdraw()', {
        details: { channelId: channel.channelId },
      });
    }
    const finalizeAfter = state.withdrawal.initiatedAt + delay;
    const { getBlock } = await import('viem/actions');
    const block = await onChain('reading the latest block', () => getBlock(channel.payment.chain.publicClient));
    if (Number(block.timestamp) < finalizeAfter) {
      throw new VerityError(
        'INVALID_REQUEST',
        `withdraw: the withdrawal can be finalized after ${new Date(finalizeAfter * 1000).toISOString()} (the ${delay}-second delay)`,
        { details: { channelId: channel.channelId, finalizeAfter } },
      );
    }
    const { finalizeChannelWithdraw } = await chainModule();
    const sent = await sendToSettlement(channel, 'finalizing the withdrawal', (wallet, batchSettlement) =>
      finalizeChannelWithdraw(wallet, batchSettlement, { config: channel.config }),
    );
    const after = await readChannel(channel);
    // The channel changed under the scheme: the next payment reads it from the chain again.
    await channel.payment.storage.delete(channel.channelId);
    return { status: 'finalized', ...sent, channelId: channel.channelId, amount: state.balance - after.balance };
  }
  if (state.withdrawal) {
    throw new VerityError(
      'INVALID_REQUEST',
      `withdraw: a withdrawal is already pending; finalize it after ${new Date((state.withdrawal.initiatedAt + delay) * 1000).toISOString()}`,
      { details: { channelId: channel.channelId, finalizeAfter: state.withdrawal.initiatedAt + delay } },
    );
  }
  const amount = parameters.amount ?? state.unclaimed;
  if (amount <= 0n || amount > state.unclaimed) {
    throw new VerityError(
      'INVALID_REQUEST',
      state.unclaimed === 0n
        ? 'withdraw: nothing to withdraw (the channel holds no unclaimed funds)'
        : `withdraw: the amount must be 1..${state.unclaimed} (the unclaimed funds)`,
      { details: { channelId: channel.channelId, unclaimed: state.unclaimed.toString() } },
    );
  }
  const { initiateChannelWithdraw } = await chainModule();
  const sent = await sendToSettlement(channel, 'starting the withdrawal', (wallet, batchSettlement) =>
    initiateChannelWithdraw(wallet, batchSettlement, { config: channel.config, amount }),
  );
  const after = await readChannel(channel);
  const initiatedAt = after.withdrawal?.initiatedAt ?? Math.floor(Date.now() / 1000);
  return { status: 'initiated', ...sent, channelId: channel.channelId, amount, finalizeAfter: initiatedAt + delay };
}
