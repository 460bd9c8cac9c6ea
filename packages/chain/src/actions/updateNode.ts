import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface UpdateNodeParameters {
  endpoint: string;
  priceWei: bigint;
}

export type UpdateNodeReturnType = WriteResult;

export async function updateNode(
  client: WriteClient,
  nodeRegistry: Address,
  parameters: UpdateNodeParameters,
): Promise<UpdateNodeReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: nodeRegistry,
    abi: NodeRegistry.abi,
    functionName: 'update',
    args: [parameters.endpoint, parameters.priceWei],
  });
  return confirm(client, hash);
}
