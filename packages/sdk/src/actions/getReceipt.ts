/**
 * GET /v1/receipts/<requestId>: the answer a node stored for a request (an infer response, or a chat or text
 * completion with its receipts under `verity`), with the settlement of the node's receipt when the node settles on
 * chain. Checked offline like the original answer when the client verifies (for text, against its text and finish
 * reason; the request itself is not stored, so the inputHash is not recomputed).
 */
import { getJson } from '@verity/http/client';
import {
  type ChatCompletion,
  ChatCompletionSchema,
  type Hex,
  type InferResponse,
  type TextCompletion,
  TextCompletionSchema,
  VerityError,
  addressPattern,
  bytes32Pattern,
  routePath,
  routes,
} from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';
import { type Settlement, parseSettlement } from '../settlement.js';
import { checkResponse, checkTextAnswer, receiptInvalid } from '../verified.js';

export interface GetReceiptParameters {
  /** 0x and 64 hex digits. */
  requestId: Hex | string;
  /**
   * The operator whose stored answer is wanted (0x and 40 hex digits): under replication each executor keeps its
   * own receipt and settlement; a router asks that operator's node first.
   */
  executor?: Hex | string;
  /** Overrides the client's `verify` setting for this call. */
  verify?: boolean;
}

/** The stored answer; `settlement` is there when the node settles its receipts on chain. */
export type GetReceiptReturnType = (InferResponse | ChatCompletion | TextCompletion) & { settlement?: Settlement };

/** Whether a stored answer is a chat or text completion (its receipts under `verity`). */
export function isTextAnswer(
  answer: GetReceiptReturnType,
): answer is (ChatCompletion | TextCompletion) & { settlement?: Settlement } {
  return 'verity' in answer;
}

export async function getReceipt(client: Client, parameters: GetReceiptParameters): Promise<GetReceiptReturnType> {
  const { requestId, executor, verify = client.verifyResponses } = parameters;
  if (!bytes32Pattern.test(requestId)) {
    throw new VerityError('INVALID_REQUEST', `requestId must be 0x and 64 hex digits, got "${requestId.slice(0, 80)}"`, {
      details: { requestId: requestId.slice(0, 80) },
    });
  }
  if (executor !== undefined && !addressPattern.test(executor)) {
    throw new VerityError('INVALID_REQUEST', `executor must be 0x and 40 hex digits, got "${executor.slice(0, 80)}"`);
  }
  const path = routePath(routes.getReceipt, { requestId: requestId.toLowerCase() }, { executor: executor?.toLowerCase() });
  const body = await getJson(endpoint(client, path), requestOptions(client));
  const kind = (body as { object?: unknown } | null)?.object;
  const response: GetReceiptReturnType =
    kind === 'chat.completion'
      ? parseAnswer(ChatCompletionSchema, body, `GET ${path}`)
      : kind === 'text_completion'
        ? parseAnswer(TextCompletionSchema, body, `GET ${path}`)
        : parseAnswer(routes.infer.response, body, `GET ${path}`);
  const settlement = parseSettlement((body as { settlement?: unknown } | null)?.settlement, `GET ${path}`);
  if (settlement) response.settlement = settlement;
  if (!verify) return response;
  const report = isTextAnswer(response) ? checkTextAnswer(response, { requestId }) : checkResponse(response, { requestId });
  if (!report.ok) throw receiptInvalid(report, response);
  return response;
}
