import { FeeSplitter } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetModelEarningsParameters {
  modelId: Hex;
}

export interface GetModelEarningsReturnType {
  /** All fees ever paid for the model's charges. */
  gross: bigint;
  /** The part of `gross` credited to the model's publisher. */
  royalty: bigint;
}

export async function getModelEarnings(
  client: ReadClient,
  feeSplitter: Address,
  parameters: GetModelEarningsParameters,
): Promise<GetModelEarningsReturnType> {
  const [gross, royalty] = await readContract(client, {
    address: feeSplitter,
    abi: FeeSplitter.abi,
    functionName: 'modelEarnings',
    args: [parameters.modelId],
  });
  return { gross, royalty };
}
