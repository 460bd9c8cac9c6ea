/**
 * GET /health: liveness and load, read by routers to pick nodes; in chain mode, the node's standing on chain. GET
 * /openapi.json: the API as an OpenAPI 3.1 document, generated from protocol's route table.
 */
import type { Hex } from '@verity/protocol';
import { openApiDocument, routes } from '@verity/protocol';
import { serve } from '@verity/http/server';
import type { FastifyInstance } from 'fastify';
import type { ChainHealth } from '../chain/agent.js';
import type { InFlight } from '../in-flight.js';
import type { ModelRegistry } from '../models.js';

export interface NodeHealth {
  ok: true;
  address: Hex;
  engine: string;
  /** Registered model versions this node serves. */
  models: number;
  /** Inference requests in progress. */
  inFlight: number;
  /** Chain mode only. */
  chain?: ChainHealth;
}

export function healthRoutes(address: Hex, engine: string, models: ModelRegistry, inFlight: InFlight, chain?: () => ChainHealth) {
  return async function healthRoutesPlugin(app: FastifyInstance): Promise<void> {
    const openApi = openApiDocument();
    serve(app, routes.openApi, () => openApi);
    serve(app, routes.health, (): NodeHealth => {
      const health: NodeHealth = { ok: true, address, engine, models: models.size, inFlight: inFlight.size };
      if (chain) health.chain = chain();
      return health;
    });
  };
}
