/** Offline verification of an infer response's receipts: no network, no trust in whoever relayed it. */
import { type InferResponse, type VerificationReport, type VerifyResponseOptions, verifyInferResponse } from '@verity/protocol';
import type { Client } from '../client.js';

export interface VerifyParameters extends VerifyResponseOptions {
  /** An infer response, parsed or as read from JSON. */
  response: InferResponse | Record<string, unknown>;
}

export type VerifyReturnType = VerificationReport;

export function verify(_client: Client, parameters: VerifyParameters): VerifyReturnType {
  const { response, ...options } = parameters;
  return verifyInferResponse(response, options);
}
