/**
 * PUT /v1/blobs: uploads a model file, streamed from disk when given a path. The sha256 is computed first and sent
 * as `x-verity-sha256`, so the server can refuse bytes that changed on the way; the answer is checked against it too.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback, pipeline } from 'node:stream';
import { putBytes } from '@verity/http/client';
import { type BlobPutResponse, type Hex, VerityError, routes, uploadGrantHeader } from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';

/** Called as bytes leave for the server: first with 0, last with totalBytes. */
export type ProgressCallback = (sentBytes: number, totalBytes: number) => void;

export interface PutBlobParameters {
  /** The bytes, or the path of a file to stream. */
  source: Uint8Array | string;
  onProgress?: ProgressCallback;
  /**
   * The file's sha256 and size when the caller already computed them (saves reading a large file twice). The
   * server still checks the bytes it receives against this hash.
   */
  known?: { sha256: Hex; size: number };
  /**
   * A `Verity-Upload-Grant` (signUploadGrant) for a node on a chain that would not take the blob on its own: a node
   * there stores only blobs of published models, or blobs its operator granted.
   */
  grant?: string;
}

export type PutBlobReturnType = BlobPutResponse;

export const sha256Header = 'x-verity-sha256';

const chunkBytes = 256 * 1024;

function readError(path: string, cause: unknown): VerityError {
  return new VerityError('INVALID_REQUEST', `cannot read ${path}: ${(cause as Error).message}`, {
    cause,
    details: { path },
  });
}

export async function hashFile(path: string): Promise<{ sha256: Hex; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (cause) {
    throw readError(path, cause);
  }
  return { sha256: `0x${hash.digest('hex')}`, size };
}

function countingTransform(totalBytes: number, onProgress: ProgressCallback): Transform {
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      sent += chunk.length;
      onProgress(sent, totalBytes);
      callback(null, chunk);
    },
  });
}

function* chunksOf(bytes: Uint8Array): Generator<Buffer> {
  for (let offset = 0; offset < bytes.byteLength; offset += chunkBytes) {
    const end = Math.min(offset + chunkBytes, bytes.byteLength);
    yield Buffer.from(bytes.buffer, bytes.byteOffset + offset, end - offset);
  }
}

export async function putBlob(client: Client, parameters: PutBlobParameters): Promise<PutBlobReturnType> {
  const { source, onProgress, known, grant } = parameters;
  const expected = known
    ? { sha256: known.sha256.toLowerCase() as Hex, size: known.size }
    : typeof source === 'string'
      ? await hashFile(source)
      : { sha256: `0x${createHash('sha256').update(source).digest('hex')}` as Hex, size: source.byteLength };

  let body: Uint8Array | NodeJS.ReadableStream;
  if (typeof source !== 'string' && !onProgress) body = source;
  else {
    const from =
      typeof source === 'string' ? createReadStream(source, { highWaterMark: chunkBytes }) : Readable.from(chunksOf(source));
    // pipeline destroys the counter when the file fails mid-way, which aborts the upload.
    body = onProgress ? pipeline(from, countingTransform(expected.size, onProgress), () => {}) : from;
    onProgress?.(0, expected.size);
  }

  const headers = {
    [sha256Header]: expected.sha256,
    'content-length': String(expected.size),
    ...(grant !== undefined ? { [uploadGrantHeader]: grant } : {}),
  };
  const answer = await putBytes(endpoint(client, routes.putBlob.path), body, requestOptions(client, headers));
  const stored = parseAnswer(routes.putBlob.response, answer, 'PUT /v1/blobs');
  if (stored.sha256.toLowerCase() !== expected.sha256 || stored.size !== expected.size) {
    throw new VerityError(
      'HASH_MISMATCH',
      `the server stored ${stored.sha256} (${stored.size} bytes), but ${expected.sha256} (${expected.size} bytes) was sent`,
      { details: { expected, stored } },
    );
  }
  return stored;
}
