/**
 * Tensor inference through the router (POST /v1/infer): the request, checked and decoded once at the edge, is sent
 * to nodes as one serialized body and run under its policy (policies.ts). One node's answer under `none` is passed
 * on as the exact text it was verified on; under `replicate:k` the answer carries the agreeing receipts and the
 * dissent.
 */
import type { DecodedTensorMap, Hex, InferResponse } from '@verity/protocol';
import { type NodeAnswer, forwardInfer, nodeRequestBody } from './forward.js';
import { type PolicyContext, type PolicyRequest, execute } from './policies.js';

export interface InferRouted extends PolicyRequest {
  /** Decoded, so every element was checked before any node is asked. */
  inputs: DecodedTensorMap;
  /** hashDecodedTensorMap(inputs), computed once. */
  inputHash: Hex;
}

/**
 * What the router answers: the response, and when it is one node's answer passed on unchanged, that answer's text
 * (verified on those very bytes), so it can be sent without serializing it again.
 */
export interface InferAnswer {
  response: InferResponse;
  text?: string;
}

export async function runInfer(ctx: PolicyContext, request: InferRouted): Promise<InferAnswer> {
  const modelId = request.entry.modelId;
  const nodeRequest = {
    model: modelId,
    policy: request.policyName,
    requestId: request.requestId,
    inputHash: request.inputHash,
    bodyText: nodeRequestBody(modelId, request.inputs, request.policyName, request.requestId),
  };
  const { winners, dissent } = await execute(ctx, request, (node) => forwardInfer(ctx.nodeSet, node, nodeRequest, ctx));
  const first = winners[0] as NodeAnswer;
  if (request.policy.kind !== 'replicate')
    return first.exact ? { response: first.response, text: first.text } : { response: first.response };
  const response: InferResponse = {
    requestId: request.requestId,
    modelId,
    outputs: first.response.outputs,
    policy: request.policyName,
    receipts: winners.map((a) => a.response.receipts[0]).filter((r) => r !== undefined),
  };
  if (dissent.length > 0) response.dissent = dissent;
  return { response };
}
