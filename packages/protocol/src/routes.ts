/**
 * The one route table: every HTTP route of Protocol v1, of the OpenAI-compatible text API and of the payments beside
 * them, with its method, path, parameters, query, body and response schemas. Nodes and the router serve from it
 * (`serve` in @verity/http/server), clients call through it (`call` in @verity/http/client, `routePath`), and the
 * OpenAPI document is generated from it (openapi.ts): no path is written anywhere else.
 *
 * A body schema is what servers parse on the wire (tensor data checked for form only; every element is checked when
 * decoded). Routes without a `response` answer bytes (`bytes`) or server-sent events (`events`) when so marked.
 */
import { z } from 'zod';
import {
  BlobPutResponseSchema,
  InferRequestFormSchema,
  InferResponseSchema,
  ModelEntrySchema,
  ModelListSchema,
  RegisterModelRequestSchema,
  StoredInferResponseSchema,
} from './api.js';
import { ChatCompletionRequestSchema, CompletionRequestSchema } from './chat.js';
import { addressPattern, bytes32Pattern } from './hex.js';
import { ChatCompletionSchema, TextCompletionSchema } from './openai.js';
import { ApiKeyRevokedSchema, ApiKeyStateSchema, ChargeListSchema } from './payments.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** The path; `:name` marks a parameter (fastify's and the router's syntax). */
  path: string;
  /** One line for people (and the OpenAPI document). */
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The JSON answer's schema, when the answer is JSON. */
  response?: z.ZodType;
  /** `bytes`: an octet stream (up or down); `events`: a JSON answer, or server-sent events when `stream` is true. */
  content?: 'bytes' | 'events';
  /** Whether a payment (x402 or an API key) may be asked for (402). */
  priced?: boolean;
}

function route<const R extends RouteDef>(definition: R): R {
  return definition;
}

const Bytes32Param = z.string().regex(bytes32Pattern, 'expected 0x and 64 hex digits');
const AddressParam = z.string().regex(addressPattern, 'expected 0x and 40 hex digits');

/** What any node or router answers on GET /health. */
export const HealthSchema = z.object({ ok: z.literal(true) }).loose();
/** A node's /health: its operator address, what it runs, its load (and in chain mode its standing). */
export const NodeHealthSchema = HealthSchema.extend({
  address: AddressParam,
  engine: z.string().optional(),
  models: z.number().int().nonnegative().optional(),
  inFlight: z.number().int().nonnegative().optional(),
});

export const routes = {
  health: route({ method: 'GET', path: '/health', summary: 'liveness, load and chain standing', response: HealthSchema }),
  openApi: route({ method: 'GET', path: '/openapi.json', summary: 'this API as an OpenAPI 3.1 document' }),
  listModels: route({ method: 'GET', path: '/v1/models', summary: 'the models served', response: ModelListSchema }),
  registerModel: route({
    method: 'POST',
    path: '/v1/models',
    summary: 'serve a stored blob as name@version',
    body: RegisterModelRequestSchema,
    response: ModelEntrySchema,
  }),
  putBlob: route({
    method: 'PUT',
    path: '/v1/blobs',
    summary: 'store a model file (raw bytes; x-verity-sha256 names its hash)',
    content: 'bytes',
    response: BlobPutResponseSchema,
  }),
  getBlob: route({
    method: 'GET',
    path: '/v1/blobs/:sha256',
    summary: 'a stored model file, by its sha256',
    params: z.object({ sha256: Bytes32Param }),
    content: 'bytes',
  }),
  infer: route({
    method: 'POST',
    path: '/v1/infer',
    summary: 'run a tensor model under a verification policy',
    body: InferRequestFormSchema,
    response: InferResponseSchema,
    priced: true,
  }),
  getReceipt: route({
    method: 'GET',
    path: '/v1/receipts/:requestId',
    summary: 'a stored answer with its receipts and settlement (?executor= asks that operator first)',
    params: z.object({ requestId: Bytes32Param }),
    query: z.object({ executor: AddressParam.optional() }),
    response: StoredInferResponseSchema,
  }),
  chatCompletions: route({
    method: 'POST',
    path: '/v1/chat/completions',
    summary: 'a chat answer, whole or streamed, with receipts (OpenAI-compatible)',
    body: ChatCompletionRequestSchema,
    response: ChatCompletionSchema,
    content: 'events',
    priced: true,
  }),
  completions: route({
    method: 'POST',
    path: '/v1/completions',
    summary: 'a prompt continued, whole or streamed, with receipts (OpenAI-compatible)',
    body: CompletionRequestSchema,
    response: TextCompletionSchema,
    content: 'events',
    priced: true,
  }),
  apiKey: route({
    method: 'GET',
    path: '/v1/key',
    summary: "the bearer API key's channel: deposited, charged and left",
    response: ApiKeyStateSchema,
  }),
  revokeApiKey: route({
    method: 'DELETE',
    path: '/v1/key',
    summary: 'revoke the bearer API key: its unspent deposit goes back to the payer',
    response: ApiKeyRevokedSchema,
  }),
  charges: route({
    method: 'GET',
    path: '/v1/charges',
    summary: "an executor's charges in the fee split, newest first",
    query: z.object({ executor: AddressParam }),
    response: ChargeListSchema,
  }),
} as const;

export type RouteName = keyof typeof routes;

/** The x402 cooperative refund: a GET with the official client's `refund` payload on each priced route. */
export const refundRoutes: readonly RouteDef[] = Object.values(routes)
  .filter((r: RouteDef) => r.priced === true)
  .map((r) => ({ method: 'GET', path: r.path, summary: `refund a payment channel (the x402 refund payload, on ${r.path})` }));

/**
 * The path of a route with its parameters filled in (URI-encoded) and its query appended (undefined values left
 * out), e.g. routePath(routes.getBlob, { sha256 }).
 */
export function routePath(
  definition: Pick<RouteDef, 'path'>,
  params: Record<string, string> = {},
  query: Record<string, string | undefined> = {},
): string {
  const path = definition.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${definition.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
