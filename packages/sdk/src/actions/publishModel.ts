/**
 * Publishes a model version on chain (ModelRegistry.register, signed with the client's key): model id = the
 * sha256 of the file, name, version, format, the hash of its metadata, price per request and royalty. Versions are
 * immutable, so publishing is idempotent: the same id already published under the same name@version is returned
 * as it is (nothing is sent), and VERSION_EXISTS says when the version, or the file, is already taken otherwise.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  type Hex,
  RegisterModelRequestSchema,
  VerityError,
  bytes32Pattern,
  canonicalJson,
  keccak256,
  toHex,
} from '@verity/protocol';
import type { Address } from 'viem';
import { chainFailure, chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';
import { parseParameters } from '../request.js';

export interface ModelMetadata {
  name: string;
  version: string;
  format: 'onnx' | 'gguf';
  description?: string;
  license?: string;
}

export interface PublishModelParameters extends ModelMetadata {
  /** 0x + the sha256 of the model file; computed from `path` when absent. */
  modelId?: Hex;
  /** The model file, to compute its id from. */
  path?: string;
  /** Price per answer, in wei of VRT (default 0). */
  priceWei?: bigint;
  /** A language model's price per prompt token, in wei of VRT (default 0). */
  inputTokenPriceWei?: bigint;
  /** A language model's price per generated token, in wei of VRT (default 0). */
  outputTokenPriceWei?: bigint;
  /** Publisher's share of each fee, in basis points (default 0, at most 10000). */
  royaltyBps?: number;
}

export interface PublishModelReturnType {
  modelId: Hex;
  name: string;
  version: string;
  format: string;
  metadataHash: Hex;
  priceWei: bigint;
  inputTokenPriceWei: bigint;
  outputTokenPriceWei: bigint;
  royaltyBps: number;
  publisher: Address;
  /** Unix seconds of the block that published it. */
  publishedAt: number;
  deprecated: boolean;
  /** True when this version was already on chain with this model id (then nothing was sent). */
  alreadyPublished: boolean;
  /** The publishing transaction, when one was sent. */
  txHash?: Hex;
}

/** ModelRegistry's metadataHash: keccak256 of the canonical JSON of {name, version, format, description?, license?}. */
export function modelMetadataHash(metadata: ModelMetadata): Hex {
  const { name, version, format, description, license } = metadata;
  return toHex(keccak256(new TextEncoder().encode(canonicalJson({ name, version, format, description, license }))));
}

async function sha256File(path: string): Promise<Hex> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) hash.update(chunk as Buffer);
  } catch (cause) {
    throw new VerityError('INVALID_REQUEST', `cannot read ${path}: ${(cause as Error).message}`, { cause, details: { path } });
  }
  return `0x${hash.digest('hex')}`;
}

const MetadataSchema = RegisterModelRequestSchema.pick({
  name: true,
  version: true,
  format: true,
  description: true,
  license: true,
});

export async function publishModel(client: Client, parameters: PublishModelParameters): Promise<PublishModelReturnType> {
  const { path, priceWei = 0n, inputTokenPriceWei = 0n, outputTokenPriceWei = 0n, royaltyBps = 0 } = parameters;
  const metadata = parseParameters(
    MetadataSchema,
    {
      name: parameters.name,
      version: parameters.version,
      format: parameters.format,
      description: parameters.description,
      license: parameters.license,
    },
    'model metadata',
  ) as ModelMetadata;
  for (const [field, value] of Object.entries({ priceWei, inputTokenPriceWei, outputTokenPriceWei }))
    if (value < 0n) throw new VerityError('INVALID_REQUEST', `${field} must not be negative`);
  if (!Number.isInteger(royaltyBps) || royaltyBps < 0 || royaltyBps > 10_000) {
    throw new VerityError('INVALID_REQUEST', `royaltyBps must be an integer from 0 to 10000, got ${royaltyBps}`);
  }
  let modelId: Hex;
  if (parameters.modelId !== undefined) {
    if (!bytes32Pattern.test(parameters.modelId))
      throw new VerityError('INVALID_REQUEST', 'modelId must be 0x and 64 hex digits (the sha256 of the file)');
    modelId = parameters.modelId.toLowerCase() as Hex;
  } else if (path !== undefined) {
    modelId = await sha256File(path);
  } else {
    throw new VerityError('INVALID_REQUEST', 'publishModel needs the model file (path) or its modelId');
  }
  const chain = await walletOf(client, 'publishModel');
  const { getModel, registerModel, resolveModel } = await chainModule();
  const registry = chain.deployment.contracts.modelRegistry;
  const { name, version } = metadata;

  const recorded = async (alreadyPublished: boolean, txHash?: Hex): Promise<PublishModelReturnType | undefined> => {
    const model = await onChain('reading the model from ModelRegistry', () =>
      getModel(chain.publicClient, registry, { modelId }),
    );
    if (!model) return undefined;
    if (model.name !== name || model.version !== version) {
      throw new VerityError('VERSION_EXISTS', `model id ${modelId} is already published as ${model.name}@${model.version}`, {
        details: { modelId, published: { name: model.name, version: model.version, publisher: model.publisher } },
      });
    }
    const { modelId: _id, ...rest } = model;
    return { modelId, ...rest, alreadyPublished, ...(txHash ? { txHash } : {}) };
  };

  const existing = await recorded(true);
  if (existing) return existing;
  const taken = await onChain('resolving the version on ModelRegistry', () =>
    resolveModel(chain.publicClient, registry, { name, version }),
  );
  if (taken) {
    throw new VerityError(
      'VERSION_EXISTS',
      `${name}@${version} is already published with another model id (${taken}); versions are immutable: publish this file as a new version`,
      {
        details: { name, version, modelId: taken, requested: modelId },
      },
    );
  }
  let txHash: Hex;
  try {
    ({ hash: txHash } = await registerModel(chain.walletClient, registry, {
      modelId,
      name,
      version,
      format: metadata.format,
      metadataHash: modelMetadataHash(metadata),
      priceWei,
      inputTokenPriceWei,
      outputTokenPriceWei,
      royaltyBps,
    }));
  } catch (error) {
    const failure = await chainFailure(error, `publishing ${name}@${version}`);
    // Someone published this very version meanwhile: that is the outcome wanted.
    if (failure.code === 'VERSION_EXISTS') {
      const raced = await recorded(true);
      if (raced) return raced;
    }
    throw failure;
  }
  const published = await recorded(false, txHash);
  if (!published) throw new VerityError('INTERNAL', `${name}@${version} was published (tx ${txHash}) but cannot be read back`);
  return published;
}
