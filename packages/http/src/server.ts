/**
 * Server plumbing shared by the node and the router: a fastify instance whose every error leaves as a
 * Protocol v1 error body with the status its code maps to, and zod parsing of request bodies.
 */
import { type ErrorBody, type ErrorCode, VerityError } from '@verity/protocol';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { z } from 'zod';

export interface ServerOptions {
  /** Largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Called with errors that are the server's own fault (5xx), for logging. */
  onInternalError?: (error: unknown) => void;
}

export const defaultServerOptions: ServerOptions = { bodyLimitBytes: 32 * 1024 * 1024 };

function toVerityError(error: FastifyError | Error): VerityError {
  if (error instanceof VerityError) return error;
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  const code = fastifyError.code;
  let mapped: ErrorCode = 'INTERNAL';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) mapped = 'BODY_TOO_LARGE';
  else if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError)
    mapped = 'BAD_JSON';
  else if (status >= 400 && status < 500) mapped = 'INVALID_REQUEST';
  const message = mapped === 'INTERNAL' ? 'internal error' : error.message;
  return new VerityError(mapped, message, { cause: error, details: code ? { reason: code } : {} });
}

/** The Protocol v1 error body for any error (errors that are not VerityErrors become INTERNAL, say no more). */
export function errorBodyOf(error: unknown): ErrorBody {
  return toVerityError(error instanceof Error ? error : new Error(String(error))).toBody();
}

export function createServer(options: Partial<ServerOptions> = {}): FastifyInstance {
  const { bodyLimitBytes, onInternalError } = { ...defaultServerOptions, ...options };
  const app = Fastify({ bodyLimit: bodyLimitBytes, logger: false, keepAliveTimeout: 65_000, return503OnClosing: true });
  app.setErrorHandler((error, _request, reply) => {
    const verityError = toVerityError(error as FastifyError);
    if (verityError.status >= 500) onInternalError?.(error);
    void reply.status(verityError.status).send(verityError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new VerityError('NOT_FOUND', `no route ${request.method} ${request.url}`);
    void reply.status(404).send(error.toBody());
  });
  return app;
}

/** Parses a request body with a zod schema; failures become INVALID_REQUEST naming each bad field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new VerityError('INVALID_REQUEST', `invalid request body: ${summary}`, { details: { issues } });
}

/** Starts listening and returns the base URL (port 0 picks a free port). */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return `http://${host}:${address.port}`;
}
