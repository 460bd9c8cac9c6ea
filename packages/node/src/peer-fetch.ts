/**
 * Fetches a blob this node lacks from peer nodes by its hash, trying each source in order and checking the hash
 * while streaming; a peer that serves other bytes is refused and the next one is tried. Only sources that the
 * node's PeerSources admit are fetched from (see peer-sources.ts), and nothing a failed source returned (its bytes,
 * their hash or size, its status or error text) is reported: the caller may have named an internal service.
 */
import type { Readable } from 'node:stream';
import { type Hex, VerityError } from '@verity/protocol';
import { request } from 'undici';
import type { BlobStore, StoredBlob } from './blob-store.js';
import { describeError, logEvent } from './log.js';
import { PeerSourceRefused, type PeerSources, blobUrl } from './peer-sources.js';

export interface PeerFetchOptions {
  /** Time allowed for a peer to answer and between chunks of its body. */
  timeoutMs: number;
}

export const defaultPeerFetchOptions: PeerFetchOptions = { timeoutMs: 30_000 };

/** Why a source failed, as the caller is told: fixed words, nothing taken from the source's answer. */
export type SourceFailureReason = 'refused' | 'unreachable' | 'not-found' | 'bad-status' | 'too-large' | 'hash-mismatch';

export interface SourceFailure {
  source: string;
  reason: SourceFailureReason;
}

class SourceFailed extends Error {
  constructor(
    readonly reason: SourceFailureReason,
    /** For the operator's log. */
    readonly logged: string,
  ) {
    super(reason);
  }
}

async function fetchFrom(
  store: BlobStore,
  source: string,
  sha256: Hex,
  peers: PeerSources,
  timeoutMs: number,
): Promise<StoredBlob> {
  let base: URL;
  try {
    base = await peers.check(source);
  } catch (error) {
    if (error instanceof PeerSourceRefused) throw new SourceFailed('refused', error.because);
    throw error;
  }
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(blobUrl(base, sha256), {
      method: 'GET',
      dispatcher: peers.dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (cause) {
    // The connection's own lookup refuses a name that now resolves to a private address.
    if (cause instanceof PeerSourceRefused) throw new SourceFailed('refused', `${cause.because} at connect`);
    throw new SourceFailed('unreachable', describeError(cause));
  }
  if (response.statusCode !== 200) {
    discard(response.body);
    throw new SourceFailed(response.statusCode === 404 ? 'not-found' : 'bad-status', `HTTP ${response.statusCode}`);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > store.maxBlobBytes) {
    discard(response.body);
    throw new SourceFailed('too-large', 'content-length over the limit');
  }
  try {
    return await store.put(response.body, sha256);
  } catch (error) {
    // put's HASH_MISMATCH names the hash and size of what was read: neither may reach the caller.
    if (error instanceof VerityError && error.code === 'HASH_MISMATCH') throw new SourceFailed('hash-mismatch', 'hash mismatch');
    if (error instanceof VerityError && error.code === 'MODEL_TOO_LARGE') throw new SourceFailed('too-large', 'over the limit');
    if (error instanceof VerityError) {
      // The node's own refusal (its store full, say) stands for every source; its details may count what was read.
      throw new VerityError(error.code, `this node cannot store blob ${sha256} now`, { details: { sha256 }, cause: error });
    }
    throw new SourceFailed('unreachable', describeError(error));
  } finally {
    // put leaves a cut-off stream open; a peer connection has nothing more worth reading.
    if (!response.body.readableEnded) discard(response.body);
  }
}

/** Drops a peer's answer unread; the abort error destroying it raises has nowhere to go. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/**
 * Stores blob `sha256` from the first source that serves it with the right hash. When every source fails, the error
 * is INVALID_REQUEST when each one was refused, HASH_MISMATCH when each one served wrong bytes, MODEL_TOO_LARGE when
 * each one offered too many, BLOB_NOT_FOUND otherwise; its details list `{source, reason}` per source.
 */
export async function fetchBlobFromPeers(
  store: BlobStore,
  peers: PeerSources,
  sha256: Hex,
  sources: readonly string[],
  options: PeerFetchOptions = defaultPeerFetchOptions,
): Promise<StoredBlob> {
  const failures: SourceFailure[] = [];
  for (const source of sources) {
    try {
      return await fetchFrom(store, source, sha256, peers, options.timeoutMs);
    } catch (error) {
      if (!(error instanceof SourceFailed)) throw error;
      failures.push({ source, reason: error.reason });
      // A refused source may carry anything; the log names only the reason.
      logEvent('peer-fetch-failed', {
        sha256,
        reason: error.reason,
        detail: error.logged,
        ...(error.reason === 'refused' ? {} : { source }),
      });
    }
  }
  const details = { sha256, sources: failures };
  const reasons = new Set(failures.map((f) => f.reason));
  const only = reasons.size === 1 ? failures[0]?.reason : undefined;
  if (only === 'refused') {
    throw new VerityError('INVALID_REQUEST', 'no source is a peer this node may fetch blobs from', {
      details: { ...details, param: 'sources' },
    });
  }
  if (only === 'hash-mismatch') {
    throw new VerityError('HASH_MISMATCH', `every source served bytes that do not hash to ${sha256}`, { details });
  }
  if (only === 'too-large') {
    throw new VerityError('MODEL_TOO_LARGE', `every source offered more than the limit of ${store.maxBlobBytes} bytes`, {
      details: { ...details, limit: store.maxBlobBytes },
    });
  }
  throw new VerityError(
    'BLOB_NOT_FOUND',
    failures.length === 0 ? `no blob ${sha256} on this node and no sources to fetch it from` : `no source served blob ${sha256}`,
    { details },
  );
}
