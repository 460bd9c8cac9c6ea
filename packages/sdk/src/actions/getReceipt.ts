/**
 * GET /v1/receipts/<requestId>: the answer a node stored for a request (outputs and signed receipts, in the shape
 * of an infer response). Checked offline like `infer`'s answer when the client verifies.
 */
import { getJson } from '@verity/http/client';
import { type Hex, type InferResponse, VerityError, bytes32Pattern, routes } from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';
import { checkResponse, receiptInvalid } from '../verified.js';

export interface GetReceiptParameters {
  /** 0x and 64 hex digits. */
  requestId: Hex | string;
  /** Overrides the client's `verify` setting for this call. */
  verify?: boolean;
}

export type GetReceiptReturnType = InferResponse;

export async function getReceipt(client: Client, parameters: GetReceiptParameters): Promise<GetReceiptReturnType> {
  const { requestId, verify = client.verifyResponses } = parameters;
  if (!bytes32Pattern.test(requestId)) {
    throw new VerityError('INVALID_REQUEST', `requestId must be 0x and 64 hex digits, got "${requestId.slice(0, 80)}"`, {
      details: { requestId: requestId.slice(0, 80) },
    });
  }
  const path = `/v1/receipts/${requestId.toLowerCase()}`;
  const body = await getJson(endpoint(client, path), requestOptions(client));
  const response = parseAnswer(routes.infer.response, body, `GET ${path}`);
  if (!verify) return response;
  const report = checkResponse(response, { requestId });
  if (!report.ok) throw receiptInvalid(report, response);
  return response;
}
