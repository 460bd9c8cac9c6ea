import type { Address, Hex } from 'viem';
import { getBlockNumber } from 'viem/actions';
import type { NodeRecord, ReadClient } from '../types.js';
import { type ListNodesParameters, listNodes } from './listNodes.js';

export interface ListActiveNodesParameters extends ListNodesParameters {
  /** Only nodes that announce this model. */
  modelId?: Hex;
}

export type ListActiveNodesReturnType = NodeRecord[];

/** The routing set: registered, staked at least minStake, not unstaking, heartbeat within the liveness window. */
export async function listActiveNodes(
  client: ReadClient,
  nodeRegistry: Address,
  parameters: ListActiveNodesParameters = {},
): Promise<ListActiveNodesReturnType> {
  const blockNumber = parameters.blockNumber ?? (await getBlockNumber(client, { cacheTime: 0 }));
  const nodes = await listNodes(client, nodeRegistry, { ...parameters, blockNumber });
  const modelId = parameters.modelId?.toLowerCase();
  return nodes.filter(
    (node) => node.active && (modelId === undefined || node.modelIds.some((id) => id.toLowerCase() === modelId)),
  );
}
