/**
 * Fee split, per model: what the FeeSplitter allocated for a model's answers (gross) and the part of it credited
 * to the model's publisher (royalty). The model is resolved on the ModelRegistry, so the figures are the chain's,
 * whichever router served the answers.
 */
import { type Hex, VerityError, parseModelRef } from '@verity/protocol';
import type { Address } from 'viem';
import { chainModule, chainOf, onChain } from '../chain.js';
import type { Client } from '../client.js';

export interface GetModelEarningsParameters {
  /** "name@version", "name" (the latest usable version) or the 0x model id. */
  model: string;
}

export interface GetModelEarningsReturnType {
  modelId: Hex;
  name: string;
  version: string;
  publisher: Address;
  royaltyBps: number;
  feeSplitter: Address;
  /** All fees allocated to the model's answers, in token base units. */
  gross: bigint;
  /** The part of `gross` credited to the publisher. */
  royalty: bigint;
}

export async function getModelEarnings(
  client: Client,
  parameters: GetModelEarningsParameters,
): Promise<GetModelEarningsReturnType> {
  const chain = await chainOf(client, 'getModelEarnings');
  const feeSplitter = chain.deployment.contracts.feeSplitter as Address | undefined;
  if (!feeSplitter) {
    throw new VerityError('INVALID_REQUEST', 'getModelEarnings: the deployment has no FeeSplitter (contracts.feeSplitter)');
  }
  const { getModel, getModelEarnings: readEarnings, resolveModel } = await chainModule();
  const registry = chain.deployment.contracts.modelRegistry as Address;
  const ref = parseModelRef(parameters.model);
  const modelId =
    ref.kind === 'id'
      ? ref.modelId
      : await onChain('resolving the model', () =>
          resolveModel(chain.publicClient, registry, {
            name: ref.name,
            ...(ref.version === undefined ? {} : { version: ref.version }),
          }),
        );
  const model =
    modelId === null ? null : await onChain('reading the model', () => getModel(chain.publicClient, registry, { modelId }));
  if (model === null) {
    throw new VerityError('UNKNOWN_MODEL', `getModelEarnings: no model ${parameters.model} on the ModelRegistry`, {
      details: { model: parameters.model },
    });
  }
  const { gross, royalty } = await onChain('reading the model earnings', () =>
    readEarnings(chain.publicClient, feeSplitter, { modelId: model.modelId }),
  );
  return {
    modelId: model.modelId,
    name: model.name,
    version: model.version,
    publisher: model.publisher,
    royaltyBps: model.royaltyBps,
    feeSplitter,
    gross,
    royalty,
  };
}
