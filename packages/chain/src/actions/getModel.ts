import { ModelRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import { revertErrorName } from '../errors.js';
import type { ModelRecord, ReadClient } from '../types.js';

export interface GetModelParameters {
  modelId: Hex;
}

/** The model, or null when no such model id was published. */
export type GetModelReturnType = ModelRecord | null;

export async function getModel(
  client: ReadClient,
  modelRegistry: Address,
  parameters: GetModelParameters,
): Promise<GetModelReturnType> {
  try {
    const raw = await readContract(client, {
      address: modelRegistry,
      abi: ModelRegistry.abi,
      functionName: 'getModel',
      args: [parameters.modelId],
    });
    return {
      modelId: raw.modelId,
      publisher: raw.publisher,
      name: raw.name,
      version: raw.version,
      format: raw.format,
      metadataHash: raw.metadataHash,
      priceWei: raw.priceWei,
      inputTokenPriceWei: raw.inputTokenPriceWei,
      outputTokenPriceWei: raw.outputTokenPriceWei,
      royaltyBps: raw.royaltyBps,
      publishedAt: Number(raw.publishedAt),
      deprecated: raw.deprecated,
    };
  } catch (error) {
    if (revertErrorName(error) === 'UnknownModel') return null;
    throw error;
  }
}
