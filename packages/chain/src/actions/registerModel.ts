import { ModelRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface RegisterModelParameters {
  /** 0x + sha256 of the model file. */
  modelId: Hex;
  name: string;
  version: string;
  format: string;
  /** Hash of the model's metadata (input/output signature, tolerance, license). */
  metadataHash: Hex;
  /** Per answer, in token base units. */
  priceWei: bigint;
  /** Per prompt token of a language model's answer (default 0). */
  inputTokenPriceWei?: bigint;
  /** Per generated token of a language model's answer (default 0). */
  outputTokenPriceWei?: bigint;
  royaltyBps: number;
}

export type RegisterModelReturnType = WriteResult;

/** Publishes a model version; the client's account becomes its publisher (and owns the name if it is new). */
export async function registerModel(
  client: WriteClient,
  modelRegistry: Address,
  parameters: RegisterModelParameters,
): Promise<RegisterModelReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: modelRegistry,
    abi: ModelRegistry.abi,
    functionName: 'register',
    args: [
      parameters.modelId,
      parameters.name,
      parameters.version,
      parameters.format,
      parameters.metadataHash,
      parameters.priceWei,
      parameters.inputTokenPriceWei ?? 0n,
      parameters.outputTokenPriceWei ?? 0n,
      parameters.royaltyBps,
    ],
  });
  return confirm(client, hash);
}
