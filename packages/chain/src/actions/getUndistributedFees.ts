import { FeeSplitter } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

/** Token units the FeeSplitter received and has not allocated yet: the most `distributeFees` can split now. */
export type GetUndistributedFeesReturnType = bigint;

export async function getUndistributedFees(client: ReadClient, feeSplitter: Address): Promise<GetUndistributedFeesReturnType> {
  return readContract(client, { address: feeSplitter, abi: FeeSplitter.abi, functionName: 'undistributed' });
}
