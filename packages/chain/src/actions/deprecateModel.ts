import { ModelRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface DeprecateModelParameters {
  modelId: Hex;
}

export type DeprecateModelReturnType = WriteResult;

/** Deprecates a model version (its publisher only): nodes can no longer announce it. */
export async function deprecateModel(
  client: WriteClient,
  modelRegistry: Address,
  parameters: DeprecateModelParameters,
): Promise<DeprecateModelReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: modelRegistry,
    abi: ModelRegistry.abi,
    functionName: 'deprecate',
    args: [parameters.modelId],
  });
  return confirm(client, hash);
}
