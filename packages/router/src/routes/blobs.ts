/**
 * PUT /v1/blobs streams an upload, untouched, to the best node (the router never buffers model files); GET
 * /v1/blobs/<sha256> streams a blob back from the first node that holds it.
 */
import { putBytes, routeUrl, sharedAgent } from '@verity/http/client';
import { refuseUnreadBody, serve } from '@verity/http/server';
import { BlobPutResponseSchema, type Hex, VerityError, routes } from '@verity/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { request as undiciRequest } from 'undici';
import type { RouterParts } from '../parts.js';
import { rankNodes } from '../select.js';

export async function blobRoutes(app: FastifyInstance, { opts, nodeSet, distributor }: RouterParts): Promise<void> {
  // In its own scope: every upload, whatever its content type (JSON too), is raw bytes streamed to a node.
  await app.register(async function blobUploads(scope) {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    // Refused while the client may still be sending (by the route, or before it, e.g. a malformed content type):
    // the rest is discarded first, then the error goes to the server's handler.
    scope.setErrorHandler(async (error, request, reply) => {
      await refuseUnreadBody(request, reply);
      throw error;
    });
    serve(scope, routes.putBlob, ({ request }) => forwardUpload(request));
  });

  /** Streams an upload to the best node, untouched. */
  async function forwardUpload(request: FastifyRequest) {
    const target = rankNodes(nodeSet.available())[0];
    if (!target) throw new VerityError('NODE_UNAVAILABLE', 'no healthy node to store the blob on');
    const headers: Record<string, string> = {};
    const expected = request.headers['x-verity-sha256'];
    if (typeof expected === 'string') headers['x-verity-sha256'] = expected;
    const length = request.headers['content-length'];
    if (typeof length === 'string') {
      if (Number(length) > opts.maxModelBytes) {
        throw new VerityError('MODEL_TOO_LARGE', `blob is ${length} bytes (limit ${opts.maxModelBytes})`, {
          details: { size: Number(length), limit: opts.maxModelBytes },
        });
      }
      headers['content-length'] = length;
    }
    const result = BlobPutResponseSchema.parse(
      await putBytes(routeUrl(target.url, routes.putBlob), request.body as NodeJS.ReadableStream, {
        headers,
        timeoutMs: opts.requestTimeoutMs,
      }),
    );
    distributor.noteBlob(result.sha256.toLowerCase() as Hex, target.url);
    return result;
  }

  serve(app, routes.getBlob, async ({ params, reply }) => {
    const sha256 = params.sha256.toLowerCase();
    for (const node of nodeSet.available()) {
      try {
        const upstream = await undiciRequest(routeUrl(node.url, routes.getBlob, { sha256 }), { dispatcher: sharedAgent });
        if (upstream.statusCode !== 200) {
          await upstream.body.dump();
          continue;
        }
        const length = upstream.headers['content-length'];
        if (typeof length === 'string') void reply.header('content-length', length);
        return reply.type('application/octet-stream').send(upstream.body);
      } catch {
        // try the next node
      }
    }
    throw new VerityError('BLOB_NOT_FOUND', `no node holds blob ${sha256}`, { details: { sha256 } });
  });
}
