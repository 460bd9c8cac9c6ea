/**
 * The content-addressed blob store: model files under <dataDir>/blobs/<64 hex sha256>, written through a temp
 * file and hashed while streaming, so a blob is visible under its name only once its bytes are known to match it.
 */
import { createHash, randomBytes } from 'node:crypto';
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

export interface BlobStoreOptions {
  /** Largest blob accepted; a longer stream is cut off with MODEL_TOO_LARGE. */
  maxBlobBytes: number;
}

const tempPrefix = '.tmp-';

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
  private constructor(
    readonly dir: string,
    private readonly options: BlobStoreOptions,
  ) {}

  /** Opens (creating) the store and removes temp files left by a crash mid-upload. */
  static async open(dir: string, options: BlobStoreOptions): Promise<BlobStore> {
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) {
      if (name.startsWith(tempPrefix)) await unlink(join(dir, name)).catch(() => undefined);
    }
    return new BlobStore(dir, options);
  }

  get maxBlobBytes(): number {
    return this.options.maxBlobBytes;
  }

  pathOf(sha256: Hex): string {
    return join(this.dir, sha256.slice(2).toLowerCase());
  }

  /** The blob's size, or null when the store does not hold it. */
  async sizeOf(sha256: Hex): Promise<number | null> {
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
   * and nothing is stored. On MODEL_TOO_LARGE the source is left undestroyed and unread past the limit: the
   * caller decides whether to drain it (an HTTP request, so the 413 reaches the client) or destroy it.
   */
  async put(source: Readable, expected?: Hex): Promise<StoredBlob> {
    const { maxBlobBytes } = this.options;
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
        if (size > maxBlobBytes) {
          throw new VerityError('MODEL_TOO_LARGE', `blob is larger than the limit of ${maxBlobBytes} bytes`, {
            details: { limit: maxBlobBytes },
          });
        }
        hash.update(chunk);
        if (fileError) throw fileError;
        if (!file.write(chunk)) await waitForDrain(file);
      }
      file.end();
      await finished(file);
    } catch (error) {
      file.destroy();
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
    // rename is atomic: a reader sees either no blob or the whole blob; the same bytes twice just replace each other.
    await rename(temp, this.pathOf(sha256));
    return { sha256, size };
  }
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
