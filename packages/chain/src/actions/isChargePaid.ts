import { FeeSplitter } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface IsChargePaidParameters {
  requestId: Hex;
  executor: Address;
}

export type IsChargePaidReturnType = boolean;

/** True once `executor`'s charge for `requestId` was claimed, under any charge root. */
export async function isChargePaid(
  client: ReadClient,
  feeSplitter: Address,
  parameters: IsChargePaidParameters,
): Promise<IsChargePaidReturnType> {
  return readContract(client, {
    address: feeSplitter,
    abi: FeeSplitter.abi,
    functionName: 'isChargePaid',
    args: [parameters.requestId, parameters.executor],
  });
}
