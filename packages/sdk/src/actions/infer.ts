/**
 * POST /v1/infer: runs a model and returns its outputs with every receipt. By default the receipts are checked
 * offline before the outputs are handed over, and a failed check throws RECEIPT_INVALID with the whole report.
 */
import { type Hex, type InferResponse, type TensorMap, type VerificationReport, routes } from '@verity/protocol';
import { resolveModelId } from '../chain.js';
import type { Client } from '../client.js';
import { parseAnswer, parseParameters, postAnswer } from '../request.js';
import { checkResponse, receiptInvalid } from '../verified.js';

export interface InferParameters {
  /** "name@version", "name" (latest version) or "0x<sha256 of the model file>". */
  model: string;
  inputs: TensorMap;
  /** "none" (default), "replicate:<k>" or "spot-check:<p>". */
  policy?: string;
  /** 0x and 64 hex digits; chosen by the server when absent. */
  requestId?: Hex;
  /** Overrides the client's `verify` setting for this call. */
  verify?: boolean;
}

export type InferReturnType = InferResponse;

/**
 * The checks `infer` runs: every receipt valid and committing to these inputs and the returned outputs, enough
 * distinct executors for the policy, and the requestId and model id the caller asked for (a name means the model
 * id the chain resolves it to, when the client has a chain).
 */
export function checkInferResponse(parameters: InferParameters, response: InferResponse, modelId?: Hex): VerificationReport {
  return checkResponse(response, modelId === undefined ? parameters : { ...parameters, modelId });
}

export async function infer(client: Client, parameters: InferParameters): Promise<InferReturnType> {
  const { verify = client.verifyResponses, ...request } = parameters;
  const body = parseParameters(routes.infer.body, request, 'infer request');
  const answer = await postAnswer(client, routes.infer.path, body);
  const response = parseAnswer(routes.infer.response, answer, 'POST /v1/infer');
  if (!verify) return response;
  const report = checkInferResponse(parameters, response, await resolveModelId(client, parameters.model));
  if (!report.ok) throw receiptInvalid(report, response);
  return response;
}
