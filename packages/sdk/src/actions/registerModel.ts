/** POST /v1/models: registers a version of a model whose file is already stored as a blob. */
import { postJson } from '@verity/http/client';
import { type ModelEntry, type RegisterModelRequest, routes } from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, parseParameters, requestOptions } from '../request.js';

export type RegisterModelParameters = RegisterModelRequest;
export type RegisterModelReturnType = ModelEntry;

export async function registerModel(client: Client, parameters: RegisterModelParameters): Promise<RegisterModelReturnType> {
  const body = parseParameters(routes.registerModel.body, parameters, 'model registration');
  const answer = await postJson(endpoint(client, routes.registerModel.path), body, requestOptions(client));
  return parseAnswer(routes.registerModel.response, answer, 'POST /v1/models');
}
