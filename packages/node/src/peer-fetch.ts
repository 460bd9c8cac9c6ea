/**
 * Fetches a blob this node lacks from peer nodes by its hash, trying each source in order and checking the hash
 * while streaming; a peer that serves other bytes is refused and the next one is tried.
 */
import { errorFromBody, type Hex, VerityError } from '@verity/protocol';
import { sharedAgent } from '@verity/http/client';
import { request } from 'undici';
import type { BlobStore, StoredBlob } from './blob-store.js';

export interface PeerFetchOptions {
  /** Time allowed for a peer to answer and between chunks of its body. */
  timeoutMs: number;
}

export const defaultPeerFetchOptions: PeerFetchOptions = { timeoutMs: 30_000 };

interface SourceFailure {
  source: string;
  code: string;
  message: string;
}

async function fetchFrom(store: BlobStore, source: string, sha256: Hex, options: PeerFetchOptions): Promise<StoredBlob> {
  const base = new URL(source);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new VerityError('INVALID_REQUEST', `source ${source} is not an http(s) URL`);
  }
  const url = `${source.replace(/\/+$/, '')}/v1/blobs/${sha256}`;
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, {
      method: 'GET',
      dispatcher: sharedAgent,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  } catch (cause) {
    throw new VerityError('NODE_UNAVAILABLE', `GET ${url} failed: ${(cause as Error).message}`, { cause });
  }
  if (response.statusCode !== 200) {
    const text = await response.body.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text.slice(0, 200);
    }
    throw errorFromBody(response.statusCode, body);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > store.maxBlobBytes) {
    response.body.destroy();
    throw new VerityError('MODEL_TOO_LARGE', `source offers ${declared} bytes, the limit is ${store.maxBlobBytes}`, {
      details: { size: declared, limit: store.maxBlobBytes },
    });
  }
  try {
    return await store.put(response.body, sha256);
  } finally {
    // put leaves a cut-off stream open; a peer connection has nothing more worth reading.
    if (!response.body.readableEnded) response.body.destroy();
  }
}

/**
 * Stores blob `sha256` from the first source that serves it with the right hash. Every source failing gives
 * HASH_MISMATCH when each one served wrong bytes, BLOB_NOT_FOUND otherwise, with each source's error in details.
 */
export async function fetchBlobFromPeers(
  store: BlobStore,
  sha256: Hex,
  sources: readonly string[],
  options: PeerFetchOptions = defaultPeerFetchOptions,
): Promise<StoredBlob> {
  const failures: SourceFailure[] = [];
  for (const source of sources) {
    try {
      return await fetchFrom(store, source, sha256, options);
    } catch (error) {
      const verityError = error instanceof VerityError ? error : new VerityError('NODE_UNAVAILABLE', (error as Error).message);
      failures.push({ source, code: verityError.code, message: verityError.message });
    }
  }
  const details = { sha256, sources: failures };
  if (failures.length > 0 && failures.every((f) => f.code === 'HASH_MISMATCH')) {
    throw new VerityError('HASH_MISMATCH', `every source served bytes that do not hash to ${sha256}`, { details });
  }
  throw new VerityError(
    'BLOB_NOT_FOUND',
    failures.length === 0 ? `no blob ${sha256} on this node and no sources to fetch it from` : `no source served blob ${sha256}`,
    { details },
  );
}
