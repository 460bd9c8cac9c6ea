/**
 * GET /v1/models: the catalog (with payments, each model's `pricing` in OpenRouter's habit); POST /v1/models: a
 * registration spread to nodes. With a chain, only models published in ModelRegistry under the name given are taken
 * (MODEL_NOT_PUBLISHED, saying how to publish), as nodes serve nothing else.
 */
import { requirePublished } from '@verity/chain';
import { parseBody, serve } from '@verity/http/server';
import { routes } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import type { RouterParts } from '../parts.js';

export function modelRoutes(app: FastifyInstance, { chain, nodeSet, distributor, charging }: RouterParts): void {
  serve(app, routes.listModels, () => {
    const catalog = nodeSet.catalog();
    if (!charging.payments) return { object: 'list' as const, data: catalog };
    const data = catalog.map((entry) => {
      const pricing = charging.pricingOf(entry);
      return pricing ? { ...entry, pricing } : entry;
    });
    return { object: 'list' as const, data };
  });

  serve(app, routes.registerModel, async ({ request }) => {
    const body = parseBody(routes.registerModel.body, request.body);
    if (chain) await requirePublished(chain.models, body);
    return distributor.register(body);
  });
}
