import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { toNodeRecord } from '../internal.js';
import type { NodeRecord, ReadClient } from '../types.js';

export interface ListNodesParameters {
  /** Nodes per call (NodeRegistry.getNodes page size). */
  pageSize?: number;
  /** Read at this block (all pages at the same one, so the list is consistent). */
  blockNumber?: bigint;
}

export type ListNodesReturnType = NodeRecord[];

/** Every node that ever registered, in registration order, read a page at a time at one block. */
export async function listNodes(
  client: ReadClient,
  nodeRegistry: Address,
  parameters: ListNodesParameters = {},
): Promise<ListNodesReturnType> {
  const pageSize = BigInt(parameters.pageSize ?? 100);
  const at = parameters.blockNumber !== undefined ? { blockNumber: parameters.blockNumber } : { blockTag: 'latest' as const };
  const contract = { address: nodeRegistry, abi: NodeRegistry.abi, ...at } as const;
  const count = await readContract(client, { ...contract, functionName: 'operatorCount' });
  const nodes: NodeRecord[] = [];
  for (let offset = 0n; offset < count; offset += pageSize) {
    const page = await readContract(client, { ...contract, functionName: 'getNodes', args: [offset, pageSize] });
    for (const raw of page) nodes.push(toNodeRecord(raw));
  }
  return nodes;
}
