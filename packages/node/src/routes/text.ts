/**
 * HTTP for language models, in OpenAI's shapes with the signed receipts under `verity`: POST /v1/chat/completions
 * and POST /v1/completions, answered whole or streamed as server-sent events (see protocol's openai.ts). A stream
 * begins only once the first piece of text exists, so bad input and engine failures before it get an ordinary
 * error response; a failure after it ends the stream with an error event and no `[DONE]`. An answer that is tool
 * calls has no text: its stream begins once the calls are generated and carries them in one chunk.
 */
import {
  type ChatCompletion,
  ChatCompletionRequestSchema,
  CompletionRequestSchema,
  type TextCompletion,
  type TextKind,
  answerToolCalls,
  costCeiling,
  closingChunk,
  openingChunk,
  sseData,
  sseDone,
  textAnswerId,
  textChunk,
  routes,
  toolCallsChunk,
} from '@verity/protocol';
import { errorBodyOf, parseBody, serve as serveRoute, sseHeaders } from '@verity/http/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../executor.js';
import type { InFlight } from '../in-flight.js';
import { answerPaid } from '../paid.js';
import type { NodePayments } from '../payments.js';

const jsonType = 'application/json; charset=utf-8';

export function textRoutes(executor: Executor, inFlight: InFlight, payments?: NodePayments) {
  async function serve(kind: TextKind, request: FastifyRequest, reply: FastifyReply) {
    const body =
      kind === 'chat' ? parseBody(ChatCompletionRequestSchema, request.body) : parseBody(CompletionRequestSchema, request.body);
    const job = executor.prepareText(kind, body);
    const paid = payments
      ? await payments.admit(request, reply, job.modelId, (price) =>
          costCeiling(price, job.contextLength, job.llmRequest.maxTokens),
        )
      : undefined;
    if (paid === false) return reply;
    if (body.stream !== true) return reply.type(jsonType).send(await answerPaid(paid, reply, () => executor.completeText(job)));

    const pieces = executor.streamText(job);
    // Bad input (a prompt too long for the context, a schema the grammar cannot follow) throws here, before any byte.
    let next: IteratorResult<string, string>;
    try {
      next = await pieces.next();
    } catch (error) {
      paid?.release();
      throw error;
    }
    // Charged only once the whole answer is signed: a stream that breaks, or a client that leaves, costs nothing.
    reply.raw.once('close', () => paid?.release());
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { ...sseHeaders, 'x-verity-request-id': job.requestId });
    const header = { id: textAnswerId(kind, job.requestId), created: job.created, model: job.modelName };
    raw.write(sseData(openingChunk(kind, header)));
    try {
      while (!next.done) {
        if (raw.destroyed) {
          // The client left: generation stops and nothing is signed or recorded.
          await pieces.return(undefined as never);
          return;
        }
        raw.write(sseData(textChunk(kind, header, next.value)));
        next = await pieces.next();
      }
      const answer = JSON.parse(next.value) as ChatCompletion | TextCompletion;
      // The headers are long gone: the payment's PAYMENT-RESPONSE rides in the last chunk, as the router's does.
      if (paid) answer.verity = { ...answer.verity, payment: paid.commit(answer.verity.receipts) };
      // Tool calls come whole in one chunk, once generated (the engine streams no text for them).
      const calls = answerToolCalls(answer);
      if (calls.length > 0) raw.write(sseData(toolCallsChunk(header, calls)));
      raw.write(sseData(closingChunk(kind, answer)));
      raw.end(sseDone);
    } catch (error) {
      raw.end(sseData(errorBodyOf(error)));
    }
  }

  return async function textRoutesPlugin(app: FastifyInstance): Promise<void> {
    const track = (_request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const leave = inFlight.enter();
      reply.raw.once('close', leave);
      done();
    };
    serveRoute(app, routes.chatCompletions, ({ request, reply }) => serve('chat', request, reply), { onRequest: track });
    serveRoute(app, routes.completions, ({ request, reply }) => serve('completion', request, reply), { onRequest: track });
  };
}
