import { BatchSettlement } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import type { ChannelConfig } from '../batch-settlement.js';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface FinalizeChannelWithdrawParameters {
  config: ChannelConfig;
}

export type FinalizeChannelWithdrawReturnType = WriteResult;

/** Pays the payer what is still unclaimed of a withdrawal whose delay has passed. */
export async function finalizeChannelWithdraw(
  client: WriteClient,
  batchSettlement: Address,
  parameters: FinalizeChannelWithdrawParameters,
): Promise<FinalizeChannelWithdrawReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: batchSettlement,
    abi: BatchSettlement.abi,
    functionName: 'finalizeWithdraw',
    args: [parameters.config],
  });
  return confirm(client, hash);
}
