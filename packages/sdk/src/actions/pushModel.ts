/**
 * Uploads a model file and registers it as name@version: with a chain and a key, first publishes the version on
 * chain (publishModel: nodes that settle on chain serve only published models), then putBlob and registerModel.
 */
import { extname } from 'node:path';
import { VerityError } from '@verity/protocol';
import type { Client } from '../client.js';
import { type PublishModelReturnType, publishModel } from './publishModel.js';
import { type ProgressCallback, hashFile, putBlob } from './putBlob.js';
import { type RegisterModelParameters, type RegisterModelReturnType, registerModel } from './registerModel.js';

type ModelFormat = RegisterModelParameters['format'];

export interface PushModelParameters {
  /** Path of the model file. */
  path: string;
  name: string;
  version: string;
  /** Defaults from the file's extension: .onnx → onnx, .gguf → gguf. */
  format?: ModelFormat;
  description?: string;
  license?: string;
  onProgress?: ProgressCallback;
  /** Publish the version on chain first. Default: when the client has a chain and a key. */
  publish?: boolean;
  /** On chain: price per answer in wei of VRT (default 0). */
  priceWei?: bigint;
  /** On chain: a language model's price per prompt token in wei of VRT (default 0). */
  inputTokenPriceWei?: bigint;
  /** On chain: a language model's price per generated token in wei of VRT (default 0). */
  outputTokenPriceWei?: bigint;
  /** On chain: the publisher's royalty in basis points (default 0). */
  royaltyBps?: number;
}

/** The model entry the router or node registered; `published` is the on-chain record when it was published. */
export type PushModelReturnType = RegisterModelReturnType & { published?: PublishModelReturnType };

const formatsByExtension: Record<string, ModelFormat> = { '.onnx': 'onnx', '.gguf': 'gguf' };

export function modelFormatOf(path: string): ModelFormat | undefined {
  return formatsByExtension[extname(path).toLowerCase()];
}

export async function pushModel(client: Client, parameters: PushModelParameters): Promise<PushModelReturnType> {
  const { path, name, version, description, license, onProgress } = parameters;
  const format = parameters.format ?? modelFormatOf(path);
  if (!format) {
    throw new VerityError(
      'INVALID_REQUEST',
      `cannot tell the format of ${path} from its extension: pass format ("onnx" or "gguf")`,
      {
        details: { path },
      },
    );
  }
  const publish = parameters.publish ?? client.chain?.account !== undefined;
  let published: PublishModelReturnType | undefined;
  let known: { sha256: `0x${string}`; size: number } | undefined;
  if (publish) {
    known = await hashFile(path);
    published = await publishModel(client, {
      modelId: known.sha256,
      name,
      version,
      format,
      ...(description !== undefined ? { description } : {}),
      ...(license !== undefined ? { license } : {}),
      ...(parameters.priceWei !== undefined ? { priceWei: parameters.priceWei } : {}),
      ...(parameters.inputTokenPriceWei !== undefined ? { inputTokenPriceWei: parameters.inputTokenPriceWei } : {}),
      ...(parameters.outputTokenPriceWei !== undefined ? { outputTokenPriceWei: parameters.outputTokenPriceWei } : {}),
      ...(parameters.royaltyBps !== undefined ? { royaltyBps: parameters.royaltyBps } : {}),
    });
  }
  const blob = await putBlob(client, { source: path, ...(onProgress ? { onProgress } : {}), ...(known ? { known } : {}) });
  const registration: RegisterModelParameters = { name, version, format, blob: blob.sha256 };
  if (description !== undefined) registration.description = description;
  if (license !== undefined) registration.license = license;
  const entry = await registerModel(client, registration);
  return published ? { ...entry, published } : entry;
}
