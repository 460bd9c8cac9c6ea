import { NodeRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm, sortedModelIds } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface SetNodeModelsParameters {
  /** The full new list (any order: sent sorted). */
  modelIds: readonly Hex[];
}

export type SetNodeModelsReturnType = WriteResult;

export async function setNodeModels(
  client: WriteClient,
  nodeRegistry: Address,
  parameters: SetNodeModelsParameters,
): Promise<SetNodeModelsReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: nodeRegistry,
    abi: NodeRegistry.abi,
    functionName: 'setModels',
    args: [sortedModelIds(parameters.modelIds)],
  });
  return confirm(client, hash);
}
