/** GET /health: whether the node or router answers, with whatever it says about itself. */
import { getJson } from '@verity/http/client';
import { HealthSchema, routes } from '@verity/protocol';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';

export type HealthReturnType = { ok: true; [key: string]: unknown };

export async function health(client: Client): Promise<HealthReturnType> {
  const body = await getJson(endpoint(client, routes.health.path), requestOptions(client));
  return parseAnswer(HealthSchema, body, 'GET /health') as HealthReturnType;
}
