/** Shared test fixtures: temp data dirs, operator keys, test models, and typed-error assertions. */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson, postJson, putBytes } from '@verity/http/client';
import {
  type BlobPutResponse,
  type Hex,
  type InferResponse,
  type ModelEntry,
  type TensorMap,
  VerityError,
  addressOf,
  signUploadGrant,
  uploadGrantHeader,
} from '@verity/protocol';
import { randomMlp } from '@verity/fixtures';
import { expect } from 'vitest';
import { type RunningNode, type NodeStartOptions, startNode } from '../src/index.js';

export const keys = {
  a: `0x${'11'.repeat(32)}` as Hex,
  b: `0x${'22'.repeat(32)}` as Hex,
  c: `0x${'33'.repeat(32)}` as Hex,
};

export const modelBytes = randomMlp('m', [4, 8, 3], 1);
export const otherModelBytes = randomMlp('m', [4, 8, 3], 2);

export function sha256Of(bytes: Uint8Array): Hex {
  return `0x${createHash('sha256').update(bytes).digest('hex')}`;
}

export const sampleInputs: TensorMap = { x: { dtype: 'float32', shape: [2, 4], data: [0.5, -1, 2, 0.25, 1, 1, -0.5, 3] } };

/** Temp dirs made by a test file, removed by cleanup(). */
export class TempDirs {
  private readonly dirs: string[] = [];

  async make(prefix = 'verity-node-'): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

export async function startTestNode(dirs: TempDirs, options: Partial<NodeStartOptions> = {}): Promise<RunningNode> {
  return startNode({ dataDir: options.dataDir ?? (await dirs.make()), privateKey: keys.a, ...options });
}

/** The header of an upload grant for `bytes`, signed by `signer` for the node operated by `node` (default: the signer's). */
export function uploadGrant(
  signer: Hex,
  bytes: Uint8Array,
  node: Hex = addressOf(signer),
  ttlSeconds = 600,
): Record<string, string> {
  const grant = { node, sha256: sha256Of(bytes), size: bytes.length, expiresAt: Math.floor(Date.now() / 1000) + ttlSeconds };
  return { [uploadGrantHeader]: signUploadGrant(signer, grant) };
}

/** Uploads naming the hash (x-verity-sha256), as the SDK does; `headers` adds others (an upload grant). */
export async function upload(
  node: RunningNode,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): Promise<BlobPutResponse> {
  return (await putBytes(`${node.url}/v1/blobs`, bytes, {
    headers: { 'x-verity-sha256': sha256Of(bytes), ...headers },
  })) as BlobPutResponse;
}

export async function uploadAndRegister(
  node: RunningNode,
  bytes: Uint8Array,
  name = 'm',
  version = '1',
  headers: Record<string, string> = {},
): Promise<ModelEntry> {
  const { sha256 } = await upload(node, bytes, headers);
  return (await postJson(`${node.url}/v1/models`, { name, version, format: 'onnx', blob: sha256 })) as ModelEntry;
}

export async function infer(node: RunningNode, body: Record<string, unknown>): Promise<InferResponse> {
  return (await postJson(`${node.url}/v1/infer`, body)) as InferResponse;
}

export async function health(
  node: RunningNode,
): Promise<{ ok: true; address: Hex; engine: string; models: number; inFlight: number }> {
  return (await getJson(`${node.url}/health`)) as { ok: true; address: Hex; engine: string; models: number; inFlight: number };
}

/** Awaits a promise that must fail with a Protocol v1 error of this code and HTTP status. */
export async function expectError(promise: Promise<unknown>, code: string, status: number): Promise<VerityError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(VerityError);
  const error = caught as VerityError;
  expect({ code: error.code, status: error.details.status }).toEqual({ code, status });
  return error;
}
