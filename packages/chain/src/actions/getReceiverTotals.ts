import { BatchSettlement } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetReceiverTotalsParameters {
  receiver: Address;
  token: Address;
}

/** What the batch-settlement contract holds for a receiver in a token, all-time; both zero for a stranger. */
export interface GetReceiverTotalsReturnType {
  /** Claimed from payers' channels. */
  totalClaimed: bigint;
  /** Of that, transferred to the receiver. */
  totalSettled: bigint;
}

export async function getReceiverTotals(
  client: ReadClient,
  batchSettlement: Address,
  parameters: GetReceiverTotalsParameters,
): Promise<GetReceiverTotalsReturnType> {
  const [totalClaimed, totalSettled] = await readContract(client, {
    address: batchSettlement,
    abi: BatchSettlement.abi,
    functionName: 'receivers',
    args: [parameters.receiver, parameters.token],
  });
  return { totalClaimed, totalSettled };
}
