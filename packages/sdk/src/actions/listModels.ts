/** GET /v1/models: the models a node or router serves, in OpenAI's list shape. */
import { getJson } from '@verity/http/client';
import { type ModelList, routes } from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';

export type ListModelsReturnType = ModelList;

export async function listModels(client: Client): Promise<ListModelsReturnType> {
  const body = await getJson(endpoint(client, routes.listModels.path), requestOptions(client));
  return parseAnswer(routes.listModels.response, body, 'GET /v1/models');
}
