import { FeeSplitter } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

/**
 * Token units the FeeSplitter received and neither owes nor reserves for a charge root: the most `postCharges` can
 * reserve now.
 */
export type GetUndistributedFeesReturnType = bigint;

export async function getUndistributedFees(client: ReadClient, feeSplitter: Address): Promise<GetUndistributedFeesReturnType> {
  return readContract(client, { address: feeSplitter, abi: FeeSplitter.abi, functionName: 'undistributed' });
}
