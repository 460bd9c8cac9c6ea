import { BatchSettlement } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import type { ChannelConfig } from '../batch-settlement.js';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface InitiateChannelWithdrawParameters {
  config: ChannelConfig;
  /** Token base units to withdraw, at most the channel's unclaimed funds. */
  amount: bigint;
}

export type InitiateChannelWithdrawReturnType = WriteResult;

/** The payer starts a timed withdrawal from its channel: finalizeChannelWithdraw pays it after config.withdrawDelay. */
export async function initiateChannelWithdraw(
  client: WriteClient,
  batchSettlement: Address,
  parameters: InitiateChannelWithdrawParameters,
): Promise<InitiateChannelWithdrawReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: batchSettlement,
    abi: BatchSettlement.abi,
    functionName: 'initiateWithdraw',
    args: [parameters.config, parameters.amount],
  });
  return confirm(client, hash);
}
