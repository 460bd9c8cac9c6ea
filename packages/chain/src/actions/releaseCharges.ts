import { FeeSplitter } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface ReleaseChargesParameters {
  rootId: bigint;
}

export type ReleaseChargesReturnType = WriteResult;

/**
 * Returns what a charge root reserved and nobody claimed to the undistributed funds (the client's account must be
 * the distributor), once the root's claim window is over (ClaimWindowOpen before). Later claims under it revert.
 */
export async function releaseCharges(
  client: WriteClient,
  feeSplitter: Address,
  parameters: ReleaseChargesParameters,
): Promise<ReleaseChargesReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: feeSplitter,
    abi: FeeSplitter.abi,
    functionName: 'releaseCharges',
    args: [parameters.rootId],
  });
  return confirm(client, hash);
}
