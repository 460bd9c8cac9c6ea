import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import { revertErrorName } from '../errors.js';
import { toNodeRecord } from '../internal.js';
import type { NodeRecord, ReadClient } from '../types.js';

export interface GetNodeParameters {
  operator: Address;
}

/** The node, or null when the operator never registered. */
export type GetNodeReturnType = NodeRecord | null;

export async function getNode(
  client: ReadClient,
  nodeRegistry: Address,
  parameters: GetNodeParameters,
): Promise<GetNodeReturnType> {
  try {
    const raw = await readContract(client, {
      address: nodeRegistry,
      abi: NodeRegistry.abi,
      functionName: 'getNode',
      args: [parameters.operator],
    });
    return toNodeRecord(raw);
  } catch (error) {
    if (revertErrorName(error) === 'UnknownOperator') return null;
    throw error;
  }
}
