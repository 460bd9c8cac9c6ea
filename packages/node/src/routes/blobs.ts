/**
 * HTTP for the blob store: PUT /v1/blobs takes raw bytes of any content type (once the upload policy admits them),
 * GET /v1/blobs/:sha256 streams them back.
 */
import { routes, uploadGrantHeader, VerityError } from '@verity/protocol';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type BlobStore, parseBlobHash } from '../blob-store.js';
import type { UploadPolicy } from '../upload-policy.js';

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

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function blobRoutes(blobs: BlobStore, admitUpload: UploadPolicy) {
  return async function blobRoutesPlugin(app: FastifyInstance): Promise<void> {
    // In this plugin's scope only: every body, whatever its content type (JSON too), is raw bytes for the store.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));

    app.put(routes.putBlob.path, async (request, reply) => {
      const header = headerOf(request.headers[hashHeader]);
      const expected = header === undefined ? undefined : parseBlobHash(header, hashHeader);
      const declared = Number(request.headers['content-length']);
      try {
        const grant = headerOf(request.headers[uploadGrantHeader]);
        const admission = await admitUpload({
          ...(expected !== undefined ? { sha256: expected } : {}),
          ...(grant !== undefined ? { grant } : {}),
        });
        return await blobs.put(request.raw, expected, {
          ...(Number.isFinite(declared) ? { declaredBytes: declared } : {}),
          ...(admission.by === 'grant' ? { maxBytes: admission.maxBytes } : {}),
        });
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
