import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetNodeRegistryParametersParameters {
  /** Read at this block; default the latest. */
  blockNumber?: bigint;
}

/** The rules a node lives by, named as deployVerity takes them. */
export interface GetNodeRegistryParametersReturnType {
  /** The least stake of an active node, in token base units. */
  minStakeWei: bigint;
  /** How long a heartbeat keeps a node active. */
  livenessWindowSeconds: number;
  /** How long after requestUnstake the stake can be withdrawn. */
  unstakeDelaySeconds: number;
}

export async function getNodeRegistryParameters(
  client: ReadClient,
  nodeRegistry: Address,
  parameters: GetNodeRegistryParametersParameters = {},
): Promise<GetNodeRegistryParametersReturnType> {
  const at = parameters.blockNumber !== undefined ? { blockNumber: parameters.blockNumber } : { blockTag: 'latest' as const };
  const contract = { address: nodeRegistry, abi: NodeRegistry.abi, ...at } as const;
  const [minStake, livenessWindow, unstakeDelay] = await Promise.all([
    readContract(client, { ...contract, functionName: 'minStake' }),
    readContract(client, { ...contract, functionName: 'livenessWindow' }),
    readContract(client, { ...contract, functionName: 'unstakeDelay' }),
  ]);
  return { minStakeWei: minStake, livenessWindowSeconds: Number(livenessWindow), unstakeDelaySeconds: Number(unstakeDelay) };
}
