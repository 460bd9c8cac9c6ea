/** HTTP for execution: POST /v1/infer runs a request, GET /v1/receipts/:requestId returns a stored answer. */
import { type Hex, type InferRequest, InferRequestSchema, TensorSchema, VerityError, bytes32Pattern, routes } from '@verity/protocol';
import { parseBody } from '@verity/http/server';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Executor } from '../executor.js';
import type { InFlight } from '../in-flight.js';

/**
 * InferRequestSchema with tensor data checked only for its form (array or "b64:" string): zod would check and
 * copy every element, which costs more than running a small model, and decodeTensorMap checks each element
 * against its dtype anyway (INVALID_TENSOR).
 */
const InferBodySchema = InferRequestSchema.extend({
  inputs: z.record(
    z.string().min(1).max(256),
    TensorSchema.extend({ data: z.union([z.custom<unknown[]>((value) => Array.isArray(value), 'expected an array'), z.string().startsWith('b64:')]) }),
  ),
});

const jsonType = 'application/json; charset=utf-8';

export function inferRoutes(executor: Executor, inFlight: InFlight) {
  return async function inferRoutesPlugin(app: FastifyInstance): Promise<void> {
    app.post(routes.infer.path, {
      // Counted from the headers on, so a large body still being received or parsed holds up shutdown too.
      onRequest: (request, reply, done) => {
        const leave = inFlight.enter();
        reply.raw.once('close', leave);
        done();
      },
      handler: async (request, reply) => {
        const body = parseBody(InferBodySchema, request.body) as InferRequest;
        // Already JSON text (the exact bytes stored for replays): fastify sends a string as is.
        return reply.type(jsonType).send(await executor.infer(body));
      },
    });

    app.get<{ Params: { requestId: string } }>(routes.getReceipt.path, async (request, reply) => {
      const { requestId } = request.params;
      if (!bytes32Pattern.test(requestId)) {
        throw new VerityError('INVALID_REQUEST', 'requestId must be 0x followed by 64 hex digits', { details: { requestId: requestId.slice(0, 80) } });
      }
      return reply.type(jsonType).send(executor.storedResponse(requestId as Hex));
    });
  };
}
