/**
 * HTTP for language models: POST /v1/chat/completions in OpenAI's shape, with the signed receipts under `verity`.
 * Errors keep the Protocol v1 body `{"error": {"code", "message", "details"}}`, which OpenAI's clients also read.
 */
import { ChatCompletionRequestSchema, VerityError, chatRoutes as chatRouteDefs } from '@verity/protocol';
import { parseBody } from '@verity/http/server';
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../executor.js';
import type { InFlight } from '../in-flight.js';

const jsonType = 'application/json; charset=utf-8';

export function chatRoutes(executor: Executor, inFlight: InFlight) {
  return async function chatRoutesPlugin(app: FastifyInstance): Promise<void> {
    app.post(chatRouteDefs.chatCompletions.path, {
      onRequest: (_request, reply, done) => {
        const leave = inFlight.enter();
        reply.raw.once('close', leave);
        done();
      },
      handler: async (request, reply) => {
        const body = parseBody(ChatCompletionRequestSchema, request.body);
        if (body.stream === true) {
          throw new VerityError('INVALID_REQUEST', 'streaming is not supported by this node yet; send stream: false', {
            details: { stream: true },
          });
        }
        return reply.type(jsonType).send(await executor.chat(body));
      },
    });
  };
}
