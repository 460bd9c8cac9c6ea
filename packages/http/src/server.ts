/**
 * Server plumbing shared by the node and the router: a fastify instance whose every error leaves as a
 * Protocol v1 error body with the status its code maps to, one JSON body parser (bounded in size and nesting
 * depth), the timeouts and connection cap that keep slow or idle clients from holding the server, zod parsing
 * of request bodies, and `serve`, which serves a route of protocol's table.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { type ErrorBody, type ErrorCode, type RouteDef, VerityError, stripUndefined } from '@verity/protocol';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteOptions,
} from 'fastify';
import type { z } from 'zod';

export interface ServerOptions {
  /** Largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  /**
   * Deepest nesting of arrays and objects accepted in a JSON body: deeper bodies are refused (BAD_JSON) before they
   * are parsed, so no handler, schema or hash ever recurses through a caller's thousands of levels.
   */
  maxJsonDepth: number;
  /** Time to receive a request's headers, from its first byte (or the connection's opening). */
  headersTimeoutMs: number;
  /**
   * Time to receive a request's body, beyond what its size earns at `minBodyBytesPerSecond`: a client trickling
   * bytes is cut after this, while a large upload arriving at a normal rate is not. Time the server itself spends
   * not reading (holding unread data: backpressure) is not counted.
   */
  bodyTimeoutMs: number;
  /** The slowest rate at which a body keeps earning time past `bodyTimeoutMs`. */
  minBodyBytesPerSecond: number;
  /** How long an idle keep-alive connection is kept open between requests. */
  keepAliveTimeoutMs: number;
  /** Requests served on one connection before it is closed (0: no limit). */
  maxRequestsPerSocket: number;
  /** Open connections at once; connections beyond it are closed as they arrive. */
  maxConnections: number;
  /** Keeps each JSON body's text for `jsonBodyText` (for checking a signature over the exact bytes received). */
  keepJsonText: boolean;
  /** Called with errors that are the server's own fault (5xx), for logging. */
  onInternalError?: (error: unknown) => void;
}

/** The limits a node's or router's operator may set (`serverLimits`), besides its body size limit. */
export type ServerLimits = Pick<
  ServerOptions,
  | 'maxJsonDepth'
  | 'headersTimeoutMs'
  | 'bodyTimeoutMs'
  | 'minBodyBytesPerSecond'
  | 'keepAliveTimeoutMs'
  | 'maxRequestsPerSocket'
  | 'maxConnections'
>;

export const defaultServerOptions: Omit<ServerOptions, 'onInternalError'> = {
  bodyLimitBytes: 32 * 1024 * 1024,
  maxJsonDepth: 64,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 60_000,
  minBodyBytesPerSecond: 64 * 1024,
  keepAliveTimeoutMs: 65_000,
  maxRequestsPerSocket: 10_000,
  maxConnections: 4_096,
  keepJsonText: false,
};

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
  const opts = { ...defaultServerOptions, ...stripUndefined(options) };
  const app = Fastify({
    bodyLimit: opts.bodyLimitBytes,
    logger: false,
    keepAliveTimeout: opts.keepAliveTimeoutMs,
    maxRequestsPerSocket: opts.maxRequestsPerSocket,
    // Node's requestTimeout covers the whole request, so it would cut a large upload: bodies are timed below.
    requestTimeout: 0,
    return503OnClosing: true,
    // A path fastify cannot route (a malformed escape, a parameter too long) is the caller's mistake, in our shape.
    frameworkErrors: (error, _request, reply) => {
      const message =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is too long' : 'the request path is malformed';
      const body = new VerityError('INVALID_REQUEST', message, { details: { reason: error.code } }).toBody();
      void (reply as unknown as FastifyReply).status(400).send(body);
    },
    http: {
      headersTimeout: opts.headersTimeoutMs,
      // How often headers timeouts are checked (Node's default, 30 s, would let a slow client stay 30 s longer).
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(opts.headersTimeoutMs / 4))),
    },
  });
  app.server.maxConnections = opts.maxConnections;
  app.setErrorHandler((error, _request, reply) => {
    const verityError = toVerityError(error as FastifyError);
    if (verityError.status >= 500) opts.onInternalError?.(error);
    void reply.status(verityError.status).send(verityError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new VerityError('NOT_FOUND', `no route ${request.method} ${request.url}`);
    void reply.status(404).send(error.toBody());
  });
  app.addHook('onRequest', (request, _reply, done) => {
    timeBody(request.raw, opts);
    done();
  });
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, function jsonBody(request, body, done) {
    const text = body as string;
    if (jsonDepthBeyond(text, opts.maxJsonDepth)) {
      done(
        new VerityError('BAD_JSON', `the JSON body nests deeper than ${opts.maxJsonDepth} levels of arrays and objects`, {
          details: { maxDepth: opts.maxJsonDepth },
        }),
        undefined,
      );
      return;
    }
    if (opts.keepJsonText) jsonTexts.set(request, text);
    parseJson(request, text, done);
  });
  return app;
}

const jsonTexts = new WeakMap<FastifyRequest, string>();

/** The exact text of a request's JSON body, when the server keeps it (`keepJsonText`). */
export function jsonBodyText(request: FastifyRequest): string | undefined {
  return jsonTexts.get(request);
}

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth` (brackets inside strings do not count). A scan
 * of the text, before parsing: text that is not JSON is left to the parser to refuse.
 */
export function jsonDepthBeyond(text: string, maxDepth: number): boolean {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string: to its closing quote, stepping over escapes.
      for (i++; i < length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

type BodyTiming = Pick<ServerOptions, 'bodyTimeoutMs' | 'minBodyBytesPerSecond'>;

/**
 * Cuts the connection of a request whose body is not received in time: `bodyTimeoutMs`, plus the time its bytes
 * so far earn at `minBodyBytesPerSecond`. Bytes are counted on the socket, never by reading the body (which belongs
 * to the parser or the handler), and time the server holds unread data is not counted against the client.
 */
function timeBody(raw: IncomingMessage, timing: BodyTiming): void {
  const socket = raw.socket;
  // In-process requests (app.inject) have no real socket to time.
  if (raw.complete || timing.bodyTimeoutMs <= 0 || typeof socket?.bytesRead !== 'number') return;
  const startBytes = socket.bytesRead;
  const tickMs = Math.max(10, Math.min(1_000, Math.floor(timing.bodyTimeoutMs / 4)));
  let waitedMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (raw.complete || socket.destroyed) {
      clearInterval(timer);
      return;
    }
    // Unread data held by the server: the client is not the slow one.
    if (raw.readableLength === 0) waitedMs += now - last;
    last = now;
    const earnedMs = ((socket.bytesRead - startBytes) / timing.minBodyBytesPerSecond) * 1000;
    if (waitedMs > timing.bodyTimeoutMs + earnedMs) {
      clearInterval(timer);
      socket.destroy();
    }
  }, tickMs);
  timer.unref();
  raw.once('close', () => clearInterval(timer));
}

/** Sends a request's answer (a 402, say) in place of its route's. */
export type EarlyAnswer = (reply: FastifyReply) => unknown;

/** How long a connection answered before its body was read stays half-open, unread, before it is closed. */
const earlyAnswerLingerMs = 2_000;

/**
 * Answers a request before its body is read when `decide` returns an answer for it (an unpaid request to a priced
 * route with a large body: work that would be thrown away). The body is never parsed, and the connection is closed
 * after the answer, so nothing more of it is read: Node would otherwise drain the rest to reuse the connection.
 *
 * The close is in two steps: our side ends once the answer is flushed, and reading stops; the socket is destroyed
 * `earlyAnswerLingerMs` later. Destroying it at once with body bytes still arriving resets the connection, and a
 * client still writing its body could see the reset before the answer (a 402 it must read to pay).
 */
export function answerBeforeBody(
  app: FastifyInstance,
  decide: (request: FastifyRequest) => EarlyAnswer | undefined | Promise<EarlyAnswer | undefined>,
): void {
  app.addHook('onRequest', async function answerBeforeBody(request, reply) {
    const answer = await decide(request);
    if (!answer) return;
    void reply.header('connection', 'close');
    const socket = request.raw.socket;
    // Node calls destroySoon on a `Connection: close` socket once the answer is flushed.
    if (socket) socket.destroySoon = () => lingeringClose(socket);
    return answer(reply);
  });
}

function lingeringClose(socket: Socket): void {
  socket.end();
  socket.pause();
  // Node resumes a request's socket to drain the body it left unread: this one is read no further.
  socket.resume = () => socket;
  setTimeout(() => socket.destroy(), earlyAnswerLingerMs).unref();
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

/** The response headers of a server-sent event stream (a streamed completion). */
export const sseHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
} as const;

/**
 * What a refused upload may still send: read and discarded before the error is answered, so the client has finished
 * writing when it reads the error (no reset, and a kept-alive connection stays usable). Beyond it the connection is
 * cut: a client must not make a server read gigabytes it already refused.
 */
export const refusedBodyDrainBytes = 4 * 1024 * 1024;

/**
 * For a request refused while its body is still arriving (a raw upload): discards the rest of the body up to
 * `limitBytes` and resolves once it ended; beyond the limit, the answer closes the connection and the socket is cut.
 */
export async function refuseUnreadBody(
  request: FastifyRequest,
  reply: FastifyReply,
  limitBytes = refusedBodyDrainBytes,
): Promise<void> {
  const stream = request.raw;
  if (stream.readableEnded || stream.destroyed) return;
  const drained = await new Promise<boolean>((resolve) => {
    let seen = 0;
    const finish = (ended: boolean) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limitBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(stream.readableEnded);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('close', onClose);
    stream.resume();
  });
  if (!drained) {
    void reply.header('connection', 'close');
    reply.raw.once('finish', () => stream.destroy());
  }
}

/** What a route's handler gets from `serve`: its parameters and query parsed by the table's schemas. */
export interface Served<R extends RouteDef> {
  params: R['params'] extends z.ZodObject ? z.infer<R['params']> : Record<string, never>;
  query: R['query'] extends z.ZodObject ? z.infer<R['query']> : Record<string, never>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Serves a route of the table (protocol's `routes`) at its method and path: its parameters and query are parsed
 * with its schemas first (INVALID_REQUEST naming what is wrong); the handler parses the body, as it knows when to
 * (after a payment check, say). `hooks` are fastify's route-level hooks and options (onRequest, bodyLimit, …).
 */
export function serve<R extends RouteDef>(
  app: FastifyInstance,
  route: R,
  handler: (served: Served<R>) => unknown,
  hooks: Omit<RouteOptions, 'method' | 'url' | 'handler'> = {},
): void {
  app.route({
    ...hooks,
    method: route.method,
    url: route.path,
    handler: async (request, reply) =>
      handler({
        params: parsePart(route.params, request.params, 'path parameter') as Served<R>['params'],
        query: parsePart(route.query, request.query, 'query parameter') as Served<R>['query'],
        request,
        reply,
      }),
  });
}

function parsePart(schema: z.ZodObject | undefined, value: unknown, what: string): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.path.join('.') ?? '';
  throw new VerityError('INVALID_REQUEST', `invalid ${what} ${param}: ${issue?.message ?? 'not valid'}`, { details: { param } });
}
