import { FeeSplitter } from '@verity/contracts';
import type { Address, BlockNumber, BlockTag, Hex } from 'viem';
import { getContractEvents } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface FindChargeRootParameters {
  /** The Merkle root posted (buildChargeTree(charges).root). */
  root: Hex;
  /** Default: the earliest block (pass the deployment's deployBlock on a long chain). */
  fromBlock?: BlockNumber | BlockTag;
  toBlock?: BlockNumber | BlockTag;
}

/** The id of the first charge root posted with this Merkle root, or null when none was (mined). */
export type FindChargeRootReturnType = bigint | null;

/**
 * Finds a posted charge root by its Merkle root, from FeeSplitter's ChargesPosted events: how a distributor that
 * crashed after posting learns the root's id instead of posting it twice.
 */
export async function findChargeRoot(
  client: ReadClient,
  feeSplitter: Address,
  parameters: FindChargeRootParameters,
): Promise<FindChargeRootReturnType> {
  const logs = await getContractEvents(client, {
    address: feeSplitter,
    abi: FeeSplitter.abi,
    eventName: 'ChargesPosted',
    fromBlock: parameters.fromBlock ?? 'earliest',
    toBlock: parameters.toBlock ?? 'latest',
    strict: true,
  });
  const root = parameters.root.toLowerCase();
  const found = logs.find((log) => log.blockNumber !== null && log.args.root.toLowerCase() === root);
  return found ? found.args.rootId : null;
}
