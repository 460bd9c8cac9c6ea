/**
 * Payments: an API key's channel as the router sees it (`GET /v1/key`): deposited (`limit`), charged (`usage`) and
 * what is left (`limit_remaining`), in token base units. Needs only the key and the router's URL.
 */
import { getJson } from '@verity/http/client';
import { type ApiKeyState, routes } from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';

export interface GetApiKeyParameters {
  key: string;
}

export type GetApiKeyReturnType = ApiKeyState['data'];

export async function getApiKey(client: Client, parameters: GetApiKeyParameters): Promise<GetApiKeyReturnType> {
  const answer = await getJson(
    endpoint(client, routes.apiKey.path),
    requestOptions(client, { authorization: `Bearer ${parameters.key}` }),
  );
  return parseAnswer(routes.apiKey.response, answer, `GET ${routes.apiKey.path}`).data;
}
