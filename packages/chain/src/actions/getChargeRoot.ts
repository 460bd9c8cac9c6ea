import { FeeSplitter } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetChargeRootParameters {
  rootId: bigint;
}

export interface GetChargeRootReturnType {
  root: Hex;
  /** Reserved when the root was posted. */
  total: bigint;
  /** Claimed so far. */
  paid: bigint;
  /** Unix seconds. */
  postedAt: number;
  /** True once the distributor returned the unclaimed rest to the undistributed funds (no more claims). */
  released: boolean;
}

/** A posted charge root; reverts with UnknownChargeRoot for an id never posted. */
export async function getChargeRoot(
  client: ReadClient,
  feeSplitter: Address,
  parameters: GetChargeRootParameters,
): Promise<GetChargeRootReturnType> {
  const [root, total, paid, postedAt, released] = await readContract(client, {
    address: feeSplitter,
    abi: FeeSplitter.abi,
    functionName: 'chargeRoot',
    args: [parameters.rootId],
  });
  return { root, total, paid, postedAt: Number(postedAt), released };
}
