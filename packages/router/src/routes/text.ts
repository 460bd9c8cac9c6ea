/**
 * POST /v1/chat/completions and /v1/completions, in OpenAI's shapes: routed under the request's policy within its
 * paid quote (the quote's ceiling is for its max_tokens), whole or streamed (text.ts), and charged for the receipts
 * the client gets.
 */
import { parseBody, serve } from '@verity/http/server';
import { type ChatCompletionRequest, type CompletionRequest, routes } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import { resolveModel } from '../catalog.js';
import type { RouterParts } from '../parts.js';
import { answersOf } from '../policies.js';
import { runText, streamText, textRequest } from '../text.js';

export function textRoutes(app: FastifyInstance, { chain, nodeSet, policyContext, charging }: RouterParts): void {
  for (const kind of ['chat', 'completion'] as const) {
    const route = kind === 'chat' ? routes.chatCompletions : routes.completions;
    serve(app, route, async ({ request, reply }) => {
      const parsed: ChatCompletionRequest | CompletionRequest = parseBody(route.body, request.body);
      const entry = await resolveModel(nodeSet.catalog(), parsed.model, chain);
      const routed = textRequest(kind, entry, parsed, request.body as Record<string, unknown>);
      const priced = { entry, answers: answersOf(routed.policy), maxTokens: routed.maxTokens };
      return charging.routePaid(policyContext, request, reply, priced, async (ctx, paid) => {
        if (parsed.stream === true) return await streamText(ctx, routed, reply, paid);
        const answer = await runText(ctx, routed);
        if (paid) void reply.header('PAYMENT-RESPONSE', paid.commit(answer.verity.receipts));
        return answer;
      });
    });
  }
}
