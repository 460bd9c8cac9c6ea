/**
 * HTTP for the blob store: PUT /v1/blobs takes raw bytes of any content type (once the upload policy admits them),
 * GET /v1/blobs/:sha256 streams them back.
 */
import { routes, uploadGrantHeader, VerityError } from '@verity/protocol';
import { refuseUnreadBody, serve } from '@verity/http/server';
import type { FastifyInstance } from 'fastify';
import { type BlobStore, parseBlobHash } from '../blob-store.js';
import type { UploadPolicy } from '../upload-policy.js';

const hashHeader = 'x-verity-sha256';

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function blobRoutes(blobs: BlobStore, admitUpload: UploadPolicy) {
  return async function blobRoutesPlugin(app: FastifyInstance): Promise<void> {
    // In this plugin's scope only: every body, whatever its content type (JSON too), is raw bytes for the store.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    // Refused while the client may still be sending (by the route, or before it, e.g. a malformed content type):
    // the rest is discarded first (up to a bound), then the error goes to the server's handler.
    app.setErrorHandler(async (error, request, reply) => {
      await refuseUnreadBody(request, reply);
      throw error;
    });

    serve(app, routes.putBlob, async ({ request }) => {
      const declared = Number(request.headers['content-length']);
      try {
        const header = headerOf(request.headers[hashHeader]);
        const expected = header === undefined ? undefined : parseBlobHash(header, hashHeader);
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
        throw error;
      }
    });

    serve(app, routes.getBlob, async ({ params, reply }) => {
      const { size, stream } = await blobs.read(parseBlobHash(params.sha256));
      return reply.header('content-length', size).type('application/octet-stream').send(stream);
    });
  };
}
