/**
 * HTTP for execution: POST /v1/infer runs a request, GET /v1/receipts/:requestId returns a stored answer (in
 * chain mode with its `settlement`: epoch, leaf index, status, and root, proof and transaction once known).
 */
import { type Hex, type InferRequest, routes } from '@verity/protocol';
import { parseBody, serve } from '@verity/http/server';
import type { FastifyInstance } from 'fastify';
import type { Settlement } from '../chain/settlement.js';
import type { Executor } from '../executor.js';
import { answerPaid } from '../paid.js';
import type { NodePayments } from '../payments.js';
import type { InFlight } from '../in-flight.js';

const jsonType = 'application/json; charset=utf-8';

export function inferRoutes(
  executor: Executor,
  inFlight: InFlight,
  settlementOf?: (requestId: Hex) => Settlement | null,
  payments?: NodePayments,
) {
  return async function inferRoutesPlugin(app: FastifyInstance): Promise<void> {
    serve(
      app,
      routes.infer,
      async ({ request, reply }) => {
        // Tensor data checked for form only: decodeTensorMap checks every element (INVALID_TENSOR) before the run.
        const body = parseBody(routes.infer.body, request.body) as InferRequest;
        const paid = payments ? await payments.admit(request, reply, executor.modelIdOf(body.model)) : undefined;
        if (paid === false) return reply;
        const answer = await answerPaid(paid, reply, () => executor.infer(body));
        // Already JSON text (the exact bytes stored for replays): fastify sends a string as is.
        return reply.type(jsonType).send(answer);
      },
      {
        // Counted from the headers on, so a large body still being received or parsed holds up shutdown too.
        onRequest: (_request, reply, done) => {
          const leave = inFlight.enter();
          reply.raw.once('close', leave);
          done();
        },
      },
    );

    serve(app, routes.getReceipt, async ({ params, reply }) => {
      const { requestId } = params;
      const stored = executor.storedResponse(requestId as Hex);
      const settlement = settlementOf?.(requestId.toLowerCase() as Hex);
      // The stored bytes stay as they are (they are what was signed for and sent); the settlement is appended.
      return reply
        .type(jsonType)
        .send(settlement ? `${stored.slice(0, -1)},"settlement":${JSON.stringify(settlement)}}` : stored);
    });
  };
}
