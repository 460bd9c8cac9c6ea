/**
 * Payments: revokes an API key (`DELETE /v1/key`). The router refunds what its channel holds beyond what was
 * charged to the payer, at once, so the key can spend nothing more; a later deposit into it (createApiKey with
 * `key`) would make it usable again.
 */
import { deleteJson } from '@verity/http/client';
import { type ApiKeyRevoked, routes } from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';

export interface RevokeApiKeyParameters {
  key: string;
}

export type RevokeApiKeyReturnType = ApiKeyRevoked;

export async function revokeApiKey(client: Client, parameters: RevokeApiKeyParameters): Promise<RevokeApiKeyReturnType> {
  const answer = await deleteJson(
    endpoint(client, routes.revokeApiKey.path),
    requestOptions(client, { authorization: `Bearer ${parameters.key}` }),
  );
  return parseAnswer(routes.revokeApiKey.response, answer, `DELETE ${routes.revokeApiKey.path}`);
}
