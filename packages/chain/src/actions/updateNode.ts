import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface UpdateNodeParameters {
  endpoint: string;
  /** Per answer, in token base units. */
  priceWei: bigint;
  /** Per prompt token of a language model's answer (default 0). */
  inputTokenPriceWei?: bigint;
  /** Per generated token of a language model's answer (default 0). */
  outputTokenPriceWei?: bigint;
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
    args: [parameters.endpoint, parameters.priceWei, parameters.inputTokenPriceWei ?? 0n, parameters.outputTokenPriceWei ?? 0n],
  });
  return confirm(client, hash);
}
