/**
 * POST /v1/infer: a tensor request, checked and decoded once here (malformed tensors fail fast with a typed error,
 * before any node is bothered), routed under its policy within its paid quote, and charged for the receipts the
 * client gets.
 */
import { randomBytes } from 'node:crypto';
import { parseBody, serve } from '@verity/http/server';
import {
  type TensorMap,
  VerityError,
  decodeTensorMap,
  formatPolicy,
  hashDecodedTensorMap,
  routes,
  toHex,
} from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import { resolveModel } from '../catalog.js';
import { runInfer } from '../infer.js';
import type { RouterParts } from '../parts.js';
import { answersOf, routablePolicy } from '../policies.js';

export function inferRoutes(app: FastifyInstance, { chain, nodeSet, policyContext, charging }: RouterParts): void {
  serve(app, routes.infer, async ({ request, reply }) => {
    // Tensor data checked for form only: decodeTensorMap below checks every element.
    const body = parseBody(routes.infer.body, request.body);
    const policy = routablePolicy(body.policy);
    const entry = await resolveModel(nodeSet.catalog(), body.model, chain);
    const inputs = decodeTensorMap(body.inputs as TensorMap);
    if (policy.kind === 'relay' || entry.format !== 'onnx') {
      throw new VerityError('INVALID_REQUEST', `${entry.id} takes text: use POST /v1/chat/completions or /v1/completions`, {
        details: { model: body.model, format: entry.format, policy: body.policy ?? 'none' },
      });
    }
    const routed = {
      entry,
      inputs,
      inputHash: hashDecodedTensorMap(inputs),
      requestId: body.requestId ?? toHex(randomBytes(32)),
      policy,
      policyName: formatPolicy(policy),
    };
    return charging.routePaid(policyContext, request, reply, { entry, answers: answersOf(policy) }, async (ctx, paid) => {
      const answer = await runInfer(ctx, routed);
      if (paid) void reply.header('PAYMENT-RESPONSE', paid.commit(answer.response.receipts));
      // One node's answer, verified on its exact text and carrying no unknown field, goes out as that text.
      if (answer.text !== undefined) return reply.type('application/json; charset=utf-8').send(answer.text);
      return answer.response;
    });
  });
}
