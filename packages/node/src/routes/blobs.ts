/** HTTP for the blob store: PUT /v1/blobs takes raw bytes of any content type, GET /v1/blobs/:sha256 streams them back. */
import { routes, VerityError } from '@verity/protocol';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type BlobStore, parseBlobHash } from '../blob-store.js';

const hashHeader = 'x-verity-sha256';
/**
 * What a refused upload may still send: read and discarded, so its client reads the error rather than a reset
 * connection. Beyond it the connection is cut: a client must not make the node read gigabytes it already refused.
 */
const drainLimitBytes = 4 * 1024 * 1024;

function discardUpTo(stream: Readable, limit: number): void {
  let seen = 0;
  stream.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) stream.destroy();
  });
  stream.resume();
}

export function blobRoutes(blobs: BlobStore) {
  return async function blobRoutesPlugin(app: FastifyInstance): Promise<void> {
    // In this plugin's scope only: every body, whatever its content type (JSON too), is raw bytes for the store.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));

    app.put(routes.putBlob.path, async (request, reply) => {
      const header = request.headers[hashHeader];
      const expected = header === undefined ? undefined : parseBlobHash(Array.isArray(header) ? header[0] : header, hashHeader);
      const declared = Number(request.headers['content-length']);
      try {
        if (Number.isFinite(declared) && declared > blobs.maxBlobBytes) {
          throw new VerityError(
            'MODEL_TOO_LARGE',
            `blob of ${declared} bytes is larger than the limit of ${blobs.maxBlobBytes} bytes`,
            {
              details: { size: declared, limit: blobs.maxBlobBytes },
            },
          );
        }
        return await blobs.put(request.raw, expected);
      } catch (error) {
        // A client that hangs up mid-upload is its own fault, not the node's (which would log it as internal).
        if (request.raw.destroyed && !(error instanceof VerityError)) {
          throw new VerityError('INVALID_REQUEST', 'the upload was cut off before its end', { cause: error });
        }
        // Discard what the client still sends (up to a bound), so it reads our error instead of a reset connection;
        // the connection is not kept for another request.
        if (!request.raw.readableEnded) {
          void reply.header('connection', 'close');
          discardUpTo(request.raw, drainLimitBytes);
        }
        throw error;
      }
    });

    app.get<{ Params: { sha256: string } }>(routes.getBlob.path, async (request, reply) => {
      const { size, stream } = await blobs.read(parseBlobHash(request.params.sha256));
      return reply.header('content-length', size).type('application/octet-stream').send(stream);
    });
  };
}
