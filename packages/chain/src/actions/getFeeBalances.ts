import { FeeSplitter } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetFeeBalancesParameters {
  payee: Address;
}

export interface GetFeeBalancesReturnType {
  /** Withdrawable now. */
  owed: bigint;
  /** Credited all-time, withdrawn or not. */
  earned: bigint;
}

export async function getFeeBalances(
  client: ReadClient,
  feeSplitter: Address,
  parameters: GetFeeBalancesParameters,
): Promise<GetFeeBalancesReturnType> {
  const read = { address: feeSplitter, abi: FeeSplitter.abi, args: [parameters.payee] } as const;
  const [owed, earned] = await Promise.all([
    readContract(client, { ...read, functionName: 'owed' }),
    readContract(client, { ...read, functionName: 'earned' }),
  ]);
  return { owed, earned };
}
