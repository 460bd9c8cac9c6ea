/**
 * Sends one inference to one node and accepts the answer only if its receipt holds: signed by that node's
 * operator, for this request and model, committing to exactly the outputs returned.
 */
import { postJson } from '@verity/http/client';
import {
  type ErrorCode,
  type Hex,
  type InferResponse,
  InferResponseSchema,
  type TensorMap,
  VerityError,
  verifyReceipt,
} from '@verity/protocol';
import type { NodeSet, NodeState } from './node-set.js';

export interface NodeRequest {
  model: Hex;
  inputs: TensorMap;
  policy: string;
  requestId: Hex;
}

export interface NodeAnswer {
  node: NodeState;
  response: InferResponse;
  outputHash: Hex;
}

/** Errors that say the node, not the caller, failed: the router tries elsewhere. */
const nodeFaults = new Set<ErrorCode>(['NODE_UNAVAILABLE', 'TIMEOUT', 'INTERNAL', 'ENGINE_ERROR', 'UNKNOWN_MODEL', 'RECEIPT_INVALID', 'NO_QUORUM']);

export function isNodeFault(error: unknown): boolean {
  return !(error instanceof VerityError) || nodeFaults.has(error.code);
}

export async function forwardInfer(nodeSet: NodeSet, node: NodeState, request: NodeRequest, timeoutMs: number): Promise<NodeAnswer> {
  const started = performance.now();
  node.inFlight += 1;
  try {
    const raw = await postJson(`${node.url}/v1/infer`, request, { timeoutMs });
    const parsed = InferResponseSchema.safeParse(raw);
    if (!parsed.success) throw new VerityError('RECEIPT_INVALID', `node ${node.url} answered with a malformed response`);
    const response = parsed.data;
    const receipt = response.receipts[0];
    if (response.receipts.length !== 1 || !receipt) {
      throw new VerityError('RECEIPT_INVALID', `node ${node.url} answered with ${response.receipts.length} receipts, expected 1`);
    }
    const report = verifyReceipt(receipt, {
      outputs: response.outputs,
      requestId: request.requestId,
      modelId: request.model,
      ...(node.address ? { trustedExecutors: [node.address] } : {}),
    });
    if (!report.ok) {
      const failed = report.checks.filter((c) => !c.ok).map((c) => c.message);
      throw new VerityError('RECEIPT_INVALID', `node ${node.url} returned a receipt that does not hold: ${failed.join('; ')}`, {
        details: { node: node.url, checks: report.checks },
      });
    }
    if (receipt.typedData.message.policy !== request.policy) {
      throw new VerityError('RECEIPT_INVALID', `node ${node.url} signed policy "${receipt.typedData.message.policy}", expected "${request.policy}"`);
    }
    nodeSet.recordSuccess(node, performance.now() - started);
    return { node, response, outputHash: receipt.typedData.message.outputHash.toLowerCase() as Hex };
  } catch (error) {
    if (isNodeFault(error)) nodeSet.recordFailure(node);
    throw error;
  } finally {
    node.inFlight -= 1;
  }
}
