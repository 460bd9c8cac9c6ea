/**
 * The content-addressed blob store: model files under <dataDir>/blobs/<64 hex sha256>, written through a temp
 * file and hashed while streaming, so a blob is visible under its name only once its bytes are known to match it.
 * It keeps the store under its quota: stored blobs plus the bytes of uploads in progress, counted as they come.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type Hex, VerityError, bytes32Pattern } from '@verity/protocol';

export interface StoredBlob {
  sha256: Hex;
  size: number;
}

/** A stored blob as the collector sees it: `usedMs` is when it was last written or looked up (a file's mtime at start). */
export interface BlobInfo extends StoredBlob {
  usedMs: number;
}

export interface BlobStoreOptions {
  /** Largest blob accepted; a longer stream is cut off with MODEL_TOO_LARGE. */
  maxBlobBytes: number;
  /** Quota of the whole store: stored blobs plus uploads in progress. A write that would pass it gets STORE_FULL. */
  maxStoreBytes: number;
  /** Called once when a write would pass the quota, to free room (delete unused blobs) before refusing it. */
  reclaim?: () => Promise<unknown>;
}

export interface PutOptions {
  /** The size the sender announced (content-length): checked against the quota before a byte is written. */
  declaredBytes?: number;
  /** A limit below maxBlobBytes for this write (an upload grant's size). */
  maxBytes?: number;
}

const tempPrefix = '.tmp-';
const blobName = /^[0-9a-f]{64}$/;

/** Normalizes a 0x sha256 to lowercase, or throws INVALID_REQUEST naming `what`. */
export function parseBlobHash(value: unknown, what = 'sha256'): Hex {
  if (typeof value !== 'string' || !bytes32Pattern.test(value)) {
    throw new VerityError('INVALID_REQUEST', `${what} must be 0x followed by 64 hex digits`, {
      details: { [what]: String(value).slice(0, 80) },
    });
  }
  return value.toLowerCase() as Hex;
}

export class BlobStore {
  /** Every stored blob, by lowercase sha256: the quota's account, kept in step with each rename and unlink. */
  private readonly blobs = new Map<Hex, BlobInfo>();
  private storedBytes = 0;
  /** Bytes of writes in progress, counted as they arrive. */
  private reservedBytes = 0;
  /** Blobs being deleted: absent to readers from the moment their deletion is decided. */
  private readonly removing = new Map<Hex, Promise<void>>();

  private constructor(
    readonly dir: string,
    private readonly options: BlobStoreOptions,
  ) {}

  /** Opens (creating) the store, removes temp files left by a crash mid-upload and counts the blobs it holds. */
  static async open(dir: string, options: BlobStoreOptions): Promise<BlobStore> {
    await mkdir(dir, { recursive: true });
    const store = new BlobStore(dir, options);
    for (const name of await readdir(dir)) {
      if (name.startsWith(tempPrefix)) await unlink(join(dir, name)).catch(() => undefined);
      else if (blobName.test(name)) {
        const info = await stat(join(dir, name));
        if (info.isFile()) store.account({ sha256: `0x${name}`, size: info.size, usedMs: info.mtimeMs });
      }
    }
    return store;
  }

  get maxBlobBytes(): number {
    return this.options.maxBlobBytes;
  }

  get maxStoreBytes(): number {
    return this.options.maxStoreBytes;
  }

  /** Stored blobs plus writes in progress: what the quota holds against. */
  get usedBytes(): number {
    return this.storedBytes + this.reservedBytes;
  }

  /** The stored blobs, without those being deleted. */
  list(): BlobInfo[] {
    return [...this.blobs.values()].map((info) => ({ ...info }));
  }

  /**
   * Deletes a blob. From the call on (synchronously) readers no longer see it, so a caller that checks a blob is
   * unused and removes it in one synchronous step cannot race a reader that would start using it; a write of the
   * same blob waits for the deletion, then stores it again.
   */
  remove(sha256: Hex): Promise<void> {
    const key = sha256.toLowerCase() as Hex;
    const pending = this.removing.get(key);
    if (pending) return pending;
    const info = this.blobs.get(key);
    if (info) {
      this.blobs.delete(key);
      this.storedBytes -= info.size;
    }
    const removal = unlink(this.pathOf(key))
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return;
        // Still on disk, so still counted.
        if (info) this.account(info);
        throw error;
      })
      .finally(() => this.removing.delete(key));
    this.removing.set(key, removal);
    return removal;
  }

  /** Checks `bytes` more fit under the quota (reclaiming room once if they do not) and counts them as in progress. */
  private async reserve(bytes: number, size: number): Promise<void> {
    const { maxStoreBytes, reclaim } = this.options;
    if (bytes === 0) return;
    // A failed reclaim frees nothing: the check below refuses the write as it would have.
    if (this.usedBytes + bytes > maxStoreBytes && reclaim) await reclaim().catch(() => undefined);
    if (this.usedBytes + bytes > maxStoreBytes) {
      throw new VerityError(
        'STORE_FULL',
        `the node's blob store is full: ${this.usedBytes} of ${maxStoreBytes} bytes used, a blob of ${size} bytes does not fit`,
        { details: { used: this.usedBytes, limit: maxStoreBytes, size } },
      );
    }
    this.reservedBytes += bytes;
  }

  private account(info: BlobInfo): void {
    const key = info.sha256.toLowerCase() as Hex;
    this.storedBytes += info.size - (this.blobs.get(key)?.size ?? 0);
    this.blobs.set(key, { ...info, sha256: key });
  }

  pathOf(sha256: Hex): string {
    return join(this.dir, sha256.slice(2).toLowerCase());
  }

  /** The blob's size, or null when the store does not hold it. */
  async sizeOf(sha256: Hex): Promise<number | null> {
    const key = sha256.toLowerCase() as Hex;
    if (this.removing.has(key)) return null;
    // A lookup is a use: a blob being registered, loaded or fetched by a peer is not collected as idle under it.
    const known = this.blobs.get(key);
    if (known) known.usedMs = Date.now();
    try {
      const info = await stat(this.pathOf(sha256));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Opens the blob for reading with its size, or throws BLOB_NOT_FOUND. */
  async read(sha256: Hex): Promise<{ size: number; stream: ReadStream }> {
    const size = await this.sizeOf(sha256);
    if (size === null) throw new VerityError('BLOB_NOT_FOUND', `no blob ${sha256} on this node`, { details: { sha256 } });
    // Blobs are never rewritten with other bytes, so the size read above still holds for the stream.
    return { size, stream: createReadStream(this.pathOf(sha256)) };
  }

  /** Re-hashes a stored blob; throws HASH_MISMATCH when the file no longer holds the bytes its name promises. */
  async verify(sha256: Hex): Promise<void> {
    const { stream } = await this.read(sha256);
    const hash = createHash('sha256');
    for await (const chunk of stream) hash.update(chunk as Buffer);
    const actual = `0x${hash.digest('hex')}`;
    if (actual !== sha256.toLowerCase()) {
      throw new VerityError('HASH_MISMATCH', `blob ${sha256} on disk hashes to ${actual}`, {
        details: { expected: sha256, actual },
      });
    }
  }

  /**
   * Streams `source` into the store. With `expected`, bytes hashing to anything else are refused (HASH_MISMATCH)
   * and nothing is stored. On MODEL_TOO_LARGE or STORE_FULL the source is left undestroyed and unread past the
   * limit: the caller decides whether to drain it (an HTTP request, so the error reaches the client) or destroy it.
   * Whatever fails, no partial file stays.
   */
  async put(source: Readable, expected?: Hex, options: PutOptions = {}): Promise<StoredBlob> {
    const { declaredBytes } = options;
    const maxBlobBytes = Math.min(this.options.maxBlobBytes, options.maxBytes ?? Number.POSITIVE_INFINITY);
    if (declaredBytes !== undefined && declaredBytes > maxBlobBytes) throw tooLarge(maxBlobBytes, declaredBytes);
    // The announced size is held before any byte is written; bytes beyond it are counted as they come.
    let reserved = declaredBytes ?? 0;
    await this.reserve(reserved, reserved);
    try {
      return await this.write(source, expected, maxBlobBytes, async (size) => {
        if (size <= reserved) return;
        await this.reserve(size - reserved, size);
        reserved = size;
      });
    } finally {
      this.reservedBytes -= reserved;
    }
  }

  private async write(
    source: Readable,
    expected: Hex | undefined,
    maxBlobBytes: number,
    grow: (size: number) => Promise<void>,
  ): Promise<StoredBlob> {
    const temp = join(this.dir, `${tempPrefix}${randomBytes(8).toString('hex')}`);
    const file = createWriteStream(temp, { flags: 'wx' });
    // Kept from the first moment: an 'error' event with no listener would crash the process.
    let fileError: Error | undefined;
    file.on('error', (error) => {
      fileError = error;
    });
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBlobBytes) throw tooLarge(maxBlobBytes);
        await grow(size);
        hash.update(chunk);
        if (fileError) throw fileError;
        if (!file.write(chunk)) await waitForDrain(file);
      }
      file.end();
      await finished(file);
    } catch (error) {
      file.destroy();
      // The file may still be opening (a write refused at its first chunk): unlinked before it exists, it would stay.
      if (!file.closed) await once(file, 'close').catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw fileError ?? error;
    }
    const sha256 = `0x${hash.digest('hex')}` as Hex;
    if (expected !== undefined && expected.toLowerCase() !== sha256) {
      await unlink(temp).catch(() => undefined);
      throw new VerityError('HASH_MISMATCH', `the bytes hash to ${sha256}, expected ${expected.toLowerCase()}`, {
        details: { expected: expected.toLowerCase(), actual: sha256, size },
      });
    }
    // A deletion of this blob decided before it arrived must not take the new copy with it.
    await this.removing.get(sha256)?.catch(() => undefined);
    // rename is atomic: a reader sees either no blob or the whole blob; the same bytes twice just replace each other.
    try {
      await rename(temp, this.pathOf(sha256));
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    this.account({ sha256, size, usedMs: Date.now() });
    return { sha256, size };
  }
}

function tooLarge(limit: number, size?: number): VerityError {
  return size === undefined
    ? new VerityError('MODEL_TOO_LARGE', `blob is larger than the limit of ${limit} bytes`, { details: { limit } })
    : new VerityError('MODEL_TOO_LARGE', `blob of ${size} bytes is larger than the limit of ${limit} bytes`, {
        details: { size, limit },
      });
}

function waitForDrain(file: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      file.off('close', onClose);
      resolve();
    };
    // A failed write stream closes without draining; the caller's next check sees the error.
    const onClose = () => {
      file.off('drain', onDrain);
      reject(new Error('the blob file closed while writing'));
    };
    file.once('drain', onDrain);
    file.once('close', onClose);
  });
}
