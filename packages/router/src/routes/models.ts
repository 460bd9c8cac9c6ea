/**
 * GET /v1/models: the catalog (with payments, each model's `pricing` in OpenRouter's habit); POST /v1/models: a
 * registration spread to nodes. With a chain, only models published in ModelRegistry under the name given are taken
 * (MODEL_NOT_PUBLISHED, saying how to publish), as nodes serve nothing else.
 */
import { requirePublished } from '@verity/chain';
import { parseBody } from '@verity/http/server';
import { RegisterModelRequestSchema } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import type { RouterParts } from '../parts.js';

export function modelRoutes(app: FastifyInstance, { chain, nodeSet, distributor, charging }: RouterParts): void {
  app.get('/v1/models', async () => {
    const catalog = nodeSet.catalog();
    if (!charging.payments) return { object: 'list' as const, data: catalog };
    const data = catalog.map((entry) => {
      const pricing = charging.pricingOf(entry);
      return pricing ? { ...entry, pricing } : entry;
    });
    return { object: 'list' as const, data };
  });

  app.post('/v1/models', async (request) => {
    const body = parseBody(RegisterModelRequestSchema, request.body);
    if (chain) await requirePublished(chain.models, body);
    return distributor.register(body);
  });
}
