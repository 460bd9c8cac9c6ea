/**
 * The OpenAPI 3.1 document of the route table (routes.ts), generated from its zod schemas: served by nodes and
 * routers at GET /openapi.json and checked into docs/openapi.json (a test keeps the file equal to what this makes).
 */
import { z } from 'zod';
import { ErrorBodySchema } from './api.js';
import { type RouteDef, refundRoutes, routes } from './routes.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _draft, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return rest as JsonSchema;
}

const errorResponse = {
  description: 'a Protocol v1 error: `error.code` is stable (packages/protocol/src/errors.ts)',
  content: { 'application/json': { schema: jsonSchema(ErrorBodySchema, 'output') } },
};

function parametersOf(definition: RouteDef): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', definition.params],
    ['query', definition.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      const optional = (field as z.ZodType).safeParse(undefined).success;
      out.push({ name, in: where, required: where === 'path' || !optional, schema: jsonSchema(field as z.ZodType, 'input') });
    }
  }
  return out;
}

function operationOf(name: string, definition: RouteDef): JsonSchema {
  const responses: JsonSchema = {};
  if (definition.response) {
    const content: JsonSchema = { 'application/json': { schema: jsonSchema(definition.response, 'output') } };
    if (definition.content === 'events') content['text/event-stream'] = { schema: { type: 'string' } };
    responses['200'] = { description: definition.summary, content };
  } else if (definition.content === 'bytes') {
    responses['200'] = {
      description: definition.summary,
      content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    };
  } else {
    responses['200'] = { description: definition.summary };
  }
  if (definition.priced) responses['402'] = { ...errorResponse, description: 'payment required (x402 PAYMENT-REQUIRED)' };
  responses.default = errorResponse;
  const operation: JsonSchema = { operationId: name, summary: definition.summary, responses };
  const parameters = parametersOf(definition);
  if (parameters.length > 0) operation.parameters = parameters;
  if (definition.body) {
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(definition.body, 'input') } },
    };
  } else if (definition.content === 'bytes' && definition.method === 'PUT') {
    operation.requestBody = {
      required: true,
      content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    };
  }
  return operation;
}

/** `:name` as OpenAPI writes it: `{name}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, '{$1}');
}

/** The OpenAPI 3.1 document of every route in the table, refunds included. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const add = (name: string, definition: RouteDef) => {
    const path = openApiPath(definition.path);
    paths[path] ??= {};
    (paths[path] as Record<string, JsonSchema>)[definition.method.toLowerCase()] = operationOf(name, definition);
  };
  for (const [name, definition] of Object.entries(routes)) add(name, definition);
  for (const definition of refundRoutes)
    add(`refund${definition.path.replace(/[^A-Za-z]+(.)/g, (_m, c: string) => c.toUpperCase())}`, definition);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Verity Protocol v1',
      version: '1',
      description:
        'Verifiable inference: every answer carries EIP-712 receipts (see the project DESIGN.md, docs/protocol-v1-text.md and docs/payments.md).',
    },
    paths,
  };
}
