import { FeeSplitter } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

/** FeeSplitter.Allocation: `amount` of the undistributed funds, earned by `executor` serving `modelId`. */
export interface FeeAllocation {
  /** A registered node operator. */
  executor: Address;
  /** A published model (deprecated ones included). */
  modelId: Hex;
  /** Token units; at most 2^128 - 1. */
  amount: bigint;
}

export interface DistributeFeesParameters {
  allocations: readonly FeeAllocation[];
}

export type DistributeFeesReturnType = WriteResult;

/**
 * Splits funds the FeeSplitter received and has not allocated yet into royalty, verifier, treasury and executor
 * shares (the client's account must be its distributor). Reverts when the amounts exceed what is undistributed.
 */
export async function distributeFees(
  client: WriteClient,
  feeSplitter: Address,
  parameters: DistributeFeesParameters,
): Promise<DistributeFeesReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: feeSplitter,
    abi: FeeSplitter.abi,
    functionName: 'distribute',
    args: [parameters.allocations.map(({ executor, modelId, amount }) => ({ executor, modelId, amount }))],
  });
  return confirm(client, hash);
}
