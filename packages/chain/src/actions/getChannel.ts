import { BatchSettlement } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetChannelParameters {
  /** The channel id (channelIdOf of its config). */
  channelId: Hex;
}

/** A batch-settlement channel's on-chain state; all zero for a channel that never had a deposit. */
export interface GetChannelReturnType {
  /** Deposited minus refunded and withdrawn. */
  balance: bigint;
  /** Cumulative amount the receiver side has claimed. */
  totalClaimed: bigint;
  /** balance - totalClaimed: what a refund or a withdrawal can still return to the payer. */
  unclaimed: bigint;
  /** The pending timed withdrawal, or null. `initiatedAt` in unix seconds. */
  withdrawal: { amount: bigint; initiatedAt: number } | null;
  /** The nonce the next refundWithSignature must carry. */
  refundNonce: bigint;
}

/** Reads a channel (three calls: anvil has no Multicall3). */
export async function getChannel(
  client: ReadClient,
  batchSettlement: Address,
  parameters: GetChannelParameters,
): Promise<GetChannelReturnType> {
  const common = { address: batchSettlement, abi: BatchSettlement.abi, args: [parameters.channelId] } as const;
  const [[balance, totalClaimed], [withdrawAmount, initiatedAt], refundNonce] = await Promise.all([
    readContract(client, { ...common, functionName: 'channels' }),
    readContract(client, { ...common, functionName: 'pendingWithdrawals' }),
    readContract(client, { ...common, functionName: 'refundNonce' }),
  ]);
  return {
    balance,
    totalClaimed,
    unclaimed: balance - totalClaimed,
    withdrawal: initiatedAt === 0 ? null : { amount: withdrawAmount, initiatedAt },
    refundNonce,
  };
}
