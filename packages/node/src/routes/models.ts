/**
 * HTTP for the model registry: POST /v1/models registers a version (in chain mode, announcing it on chain before
 * answering when it is published there), GET /v1/models lists them in OpenAI's shape.
 */
import { type ModelList, RegisterModelRequestSchema, routes } from '@verity/protocol';
import { parseBody, serve } from '@verity/http/server';
import type { FastifyInstance } from 'fastify';
import type { ModelRegistry } from '../models.js';

export function modelRoutes(models: ModelRegistry, onRegistered?: () => Promise<void>) {
  return async function modelRoutesPlugin(app: FastifyInstance): Promise<void> {
    serve(app, routes.registerModel, async ({ request }) => {
      const entry = await models.register(parseBody(RegisterModelRequestSchema, request.body));
      await onRegistered?.();
      return entry;
    });

    serve(app, routes.listModels, (): ModelList => ({ object: 'list', data: models.list() }));
  };
}
