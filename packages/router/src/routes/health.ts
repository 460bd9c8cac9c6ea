/**
 * GET /health: the router's role, its chain's state, and what it knows of each node (never why in detail); GET
 * /openapi.json: the API as an OpenAPI 3.1 document, generated from protocol's route table.
 */
import { serve } from '@verity/http/server';
import { openApiDocument, routes } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import type { RouterParts } from '../parts.js';

export function healthRoutes(app: FastifyInstance, { chain, nodeSet }: RouterParts): void {
  const openApi = openApiDocument();
  serve(app, routes.openApi, () => openApi);
  serve(app, routes.health, () => ({
    ok: true as const,
    role: 'router',
    ...(chain ? { chain: chain.health() } : {}),
    nodes: nodeSet.nodes.map((n) => ({
      url: n.url,
      address: n.address ?? null,
      healthy: n.healthy,
      models: n.models.size,
      inFlight: n.inFlight,
      latencyMs: Math.round(n.latencyMs * 1000) / 1000,
      dissents: n.dissents,
      ...(n.chain
        ? {
            priceWei: n.chain.price.request.toString(),
            inputTokenPriceWei: n.chain.price.inputToken.toString(),
            outputTokenPriceWei: n.chain.price.outputToken.toString(),
            stakeWei: n.chain.stakeWei.toString(),
          }
        : {}),
      ...(n.problem ? { problem: n.problem } : {}),
    })),
  }));
}
