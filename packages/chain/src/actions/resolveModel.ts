import { ModelRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import { revertErrorName } from '../errors.js';
import type { ReadClient } from '../types.js';

export interface ResolveModelParameters {
  name: string;
  /** Absent: the latest published version that is not deprecated. */
  version?: string;
}

/** The model id of name@version (or of the latest usable version), or null when there is none. */
export type ResolveModelReturnType = Hex | null;

export async function resolveModel(
  client: ReadClient,
  modelRegistry: Address,
  parameters: ResolveModelParameters,
): Promise<ResolveModelReturnType> {
  const contract = { address: modelRegistry, abi: ModelRegistry.abi } as const;
  if (parameters.version !== undefined) {
    try {
      return await readContract(client, { ...contract, functionName: 'resolve', args: [parameters.name, parameters.version] });
    } catch (error) {
      if (revertErrorName(error) === 'UnknownVersion') return null;
      throw error;
    }
  }
  const versions = await readContract(client, { ...contract, functionName: 'versionsOf', args: [parameters.name] });
  for (let i = versions.length - 1; i >= 0; i--) {
    const modelId = versions[i] as Hex;
    if (await readContract(client, { ...contract, functionName: 'isUsable', args: [modelId] })) return modelId;
  }
  return null;
}
