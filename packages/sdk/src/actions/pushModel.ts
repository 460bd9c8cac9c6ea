/** Uploads a model file and registers it as name@version: putBlob then registerModel. */
import { extname } from 'node:path';
import { VerityError } from '@verity/protocol';
import type { Client } from '../client.js';
import { type ProgressCallback, putBlob } from './putBlob.js';
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
}

export type PushModelReturnType = RegisterModelReturnType;

const formatsByExtension: Record<string, ModelFormat> = { '.onnx': 'onnx', '.gguf': 'gguf' };

export function modelFormatOf(path: string): ModelFormat | undefined {
  return formatsByExtension[extname(path).toLowerCase()];
}

export async function pushModel(client: Client, parameters: PushModelParameters): Promise<PushModelReturnType> {
  const { path, name, version, description, license, onProgress } = parameters;
  const format = parameters.format ?? modelFormatOf(path);
  if (!format) {
    throw new VerityError('INVALID_REQUEST', `cannot tell the format of ${path} from its extension: pass format ("onnx" or "gguf")`, {
      details: { path },
    });
  }
  const blob = await putBlob(client, onProgress ? { source: path, onProgress } : { source: path });
  const registration: RegisterModelParameters = { name, version, format, blob: blob.sha256 };
  if (description !== undefined) registration.description = description;
  if (license !== undefined) registration.license = license;
  return registerModel(client, registration);
}
