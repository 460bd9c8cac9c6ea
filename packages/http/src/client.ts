/**
 * JSON over HTTP with undici's keep-alive pools, for the router (talking to nodes) and the SDK.
 * Protocol v1 error bodies come back as VerityError; network failures as NODE_UNAVAILABLE or TIMEOUT. Answers are
 * read up to a size limit (defaultResponseLimits): a server that sends more is cut off, never buffered.
 */
import { type RouteDef, VerityError, endpointPath, errorFromBody, routePath } from '@verity/protocol';
import { createParser } from 'eventsource-parser';
import { Agent, type Dispatcher, request } from 'undici';
import type { z } from 'zod';

export const sharedAgent: Dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 128, pipelining: 1 });

export interface RequestOptions {
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Largest answer read, in bytes (a whole body, or a whole event stream); default defaultResponseLimits'. */
  maxResponseBytes?: number;
  /** Largest single server-sent event read, in bytes; default defaultResponseLimits'. */
  maxEventBytes?: number;
}

export const defaultTimeoutMs = 30_000;

/** How much of an answer is read before the request is aborted as NODE_UNAVAILABLE (details.reason RESPONSE_TOO_LARGE). */
export interface ResponseLimits {
  maxResponseBytes: number;
  maxEventBytes: number;
}

export const defaultResponseLimits: ResponseLimits = { maxResponseBytes: 64 * 1024 * 1024, maxEventBytes: 8 * 1024 * 1024 };

function tooLarge(what: string, url: string, limitBytes: number): VerityError {
  return new VerityError('NODE_UNAVAILABLE', `${what} is larger than ${limitBytes} bytes; the request was aborted`, {
    details: { url, reason: 'RESPONSE_TOO_LARGE', limitBytes },
  });
}

interface Answer {
  status: number;
  text: string;
}

/**
 * Sends one request and waits for the answer's headers, whatever its status; network failures become
 * NODE_UNAVAILABLE or TIMEOUT. For callers that read the headers of any answer (an x402 402, say).
 */
export async function openRequest(
  method: Dispatcher.HttpMethod,
  url: string,
  body: string | Uint8Array | NodeJS.ReadableStream | undefined,
  options: RequestOptions,
  contentType?: string,
): Promise<Dispatcher.ResponseData> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const headers: Record<string, string> = { ...options.headers };
  if (contentType) headers['content-type'] = contentType;
  try {
    return await request(url, {
      method,
      headers,
      body: body as never,
      dispatcher: options.dispatcher ?? sharedAgent,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      throw new VerityError('TIMEOUT', `${method} ${url} timed out after ${timeoutMs} ms`, { cause, details: { url } });
    }
    throw new VerityError('NODE_UNAVAILABLE', `${method} ${url} failed: ${(cause as Error).message}`, {
      cause,
      details: { url, reason: code },
    });
  }
}

/** Sends one request and returns the answer's status and body text; 4xx/5xx answers become VerityError. */
async function exchange(
  method: Dispatcher.HttpMethod,
  url: string,
  body: string | Uint8Array | NodeJS.ReadableStream | undefined,
  options: RequestOptions,
  contentType?: string,
): Promise<Answer> {
  const response = await openRequest(method, url, body, options, contentType);
  const text = await readResponseText(method, url, response, options.maxResponseBytes);
  if (response.statusCode >= 400) throw errorFromBody(response.statusCode, parseText(method, url, response.statusCode, text));
  return { status: response.statusCode, text };
}

/**
 * An opened answer's body as text, read up to `maxBytes` (beyond it the request is aborted: NODE_UNAVAILABLE with
 * details.reason RESPONSE_TOO_LARGE); a connection lost on the way becomes NODE_UNAVAILABLE.
 */
export async function readResponseText(
  method: string,
  url: string,
  response: Dispatcher.ResponseData,
  maxBytes: number = defaultResponseLimits.maxResponseBytes,
): Promise<string> {
  const { body } = response;
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) {
    body.destroy();
    throw tooLarge(`the answer to ${method} ${url}`, url, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Uint8Array).length;
      if (size > maxBytes) throw tooLarge(`the answer to ${method} ${url}`, url, maxBytes);
      chunks.push(chunk as Uint8Array);
    }
  } catch (cause) {
    if (cause instanceof VerityError) throw cause;
    throw new VerityError('NODE_UNAVAILABLE', `${method} ${url}: connection lost while reading the answer`, {
      cause,
      details: { url },
    });
  } finally {
    if (!body.readableEnded) body.destroy();
  }
  return utf8.decode(Buffer.concat(chunks, size));
}

const utf8 = new TextDecoder();

/** An answer's text as JSON (undefined when empty); text that is not JSON becomes NODE_UNAVAILABLE. */
export function parseText(method: string, url: string, status: number, text: string): unknown {
  try {
    return text.length > 0 ? JSON.parse(text) : undefined;
  } catch (cause) {
    throw new VerityError('NODE_UNAVAILABLE', `${method} ${url} answered ${status} with a body that is not JSON`, {
      cause,
      details: { url },
    });
  }
}

async function send(
  method: Dispatcher.HttpMethod,
  url: string,
  body: string | Uint8Array | NodeJS.ReadableStream | undefined,
  options: RequestOptions,
  contentType?: string,
): Promise<unknown> {
  const { status, text } = await exchange(method, url, body, options, contentType);
  return parseText(method, url, status, text);
}

export function getJson(url: string, options: RequestOptions = {}): Promise<unknown> {
  return send('GET', url, undefined, options);
}

export function deleteJson(url: string, options: RequestOptions = {}): Promise<unknown> {
  return send('DELETE', url, undefined, options);
}

export function postJson(url: string, body: unknown, options: RequestOptions = {}): Promise<unknown> {
  return send('POST', url, JSON.stringify(body), options, 'application/json');
}

/**
 * POSTs JSON that is already text and returns the answer's text as received, unparsed: for a caller that checks
 * the exact bytes it passes on, or that sends one body to several servers. Error answers still become VerityError.
 */
export async function postJsonText(url: string, bodyText: string, options: RequestOptions = {}): Promise<string> {
  return (await exchange('POST', url, bodyText, options, 'application/json')).text;
}

export function putBytes(url: string, body: Uint8Array | NodeJS.ReadableStream, options: RequestOptions = {}): Promise<unknown> {
  return send('PUT', url, body, options, 'application/octet-stream');
}

/** A server-sent-events answer: its headers, and its events' `data` fields in order. */
export interface EventStream {
  headers: Record<string, string | string[] | undefined>;
  /**
   * Yields each event's data. Ends when the server ends the stream; a connection lost midway (or a stalled one,
   * after the timeout) throws NODE_UNAVAILABLE or TIMEOUT. Return early to close the connection.
   */
  events: AsyncGenerator<string, void, void>;
}

/**
 * POSTs JSON text and opens the answer as server-sent events. An error answer (4xx/5xx, which comes as JSON) or
 * an answer that is not `text/event-stream` throws before any event, so a caller can still try elsewhere.
 */
export async function postJsonEvents(url: string, bodyText: string, options: RequestOptions = {}): Promise<EventStream> {
  const response = await openRequest('POST', url, bodyText, options, 'application/json');
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode >= 400 || !type.startsWith('text/event-stream')) {
    const text = await readResponseText('POST', url, response, options.maxResponseBytes);
    if (response.statusCode >= 400) throw errorFromBody(response.statusCode, parseText('POST', url, response.statusCode, text));
    throw new VerityError('NODE_UNAVAILABLE', `POST ${url} answered ${type || 'no content type'}, expected an event stream`, {
      details: { url },
    });
  }
  const limits: ResponseLimits = {
    maxResponseBytes: options.maxResponseBytes ?? defaultResponseLimits.maxResponseBytes,
    maxEventBytes: options.maxEventBytes ?? defaultResponseLimits.maxEventBytes,
  };
  return { headers: response.headers, events: readEvents(url, response.body, options.timeoutMs ?? defaultTimeoutMs, limits) };
}

/**
 * The `data` fields of an opened event-stream body, in order; a connection lost midway (or stalled past the
 * timeout) throws NODE_UNAVAILABLE or TIMEOUT, and so does a stream or a single event larger than its limit
 * (details.reason RESPONSE_TOO_LARGE). Returning early closes the connection.
 */
export async function* readEvents(
  url: string,
  body: Dispatcher.ResponseData['body'],
  timeoutMs: number,
  limits: ResponseLimits = defaultResponseLimits,
): AsyncGenerator<string> {
  const queue: string[] = [];
  // Bytes received since the last event or comment ended: what the parser may be holding of an unfinished event
  // (give or take the one read in which an event ended).
  let pending = 0;
  let total = 0;
  const parser = createParser({
    onEvent: (event) => {
      queue.push(event.data);
      pending = 0;
    },
    onComment: () => {
      pending = 0;
    },
  });
  const decoder = new TextDecoder();
  try {
    for await (const chunk of body) {
      const bytes = chunk as Uint8Array;
      total += bytes.length;
      if (total > limits.maxResponseBytes) throw tooLarge(`the event stream of POST ${url}`, url, limits.maxResponseBytes);
      pending += bytes.length;
      parser.feed(decoder.decode(bytes, { stream: true }));
      if (pending > limits.maxEventBytes) throw tooLarge(`an event of POST ${url}`, url, limits.maxEventBytes);
      while (queue.length > 0) yield queue.shift() as string;
    }
  } catch (cause) {
    if (cause instanceof VerityError) throw cause;
    const code = (cause as { code?: string }).code;
    if (code === 'UND_ERR_BODY_TIMEOUT')
      throw new VerityError('TIMEOUT', `POST ${url}: no event for ${timeoutMs} ms`, { cause, details: { url } });
    throw new VerityError('NODE_UNAVAILABLE', `POST ${url}: connection lost in the middle of the stream`, {
      cause,
      details: { url },
    });
  } finally {
    if (!body.readableEnded) body.destroy();
  }
  parser.feed(decoder.decode());
  while (queue.length > 0) yield queue.shift() as string;
}

/**
 * The URL of a route of the table (protocol's `routes`) under a base URL (a node's or router's, a path kept as the
 * base of its API), with its parameters and query filled in.
 */
export function routeUrl(
  base: string,
  route: Pick<RouteDef, 'path'>,
  params?: Record<string, string>,
  query?: Record<string, string | undefined>,
): string {
  const path = routePath(route, params, query);
  const at = path.indexOf('?');
  const url = endpointPath(new URL(base), at === -1 ? path : path.slice(0, at));
  if (at !== -1) url.search = path.slice(at);
  return url.href;
}

/** What `call` sends: the route's parameters, query and JSON body. */
export interface CallArgs {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

type ResponseOf<R extends RouteDef> = R['response'] extends z.ZodType ? z.infer<R['response']> : unknown;

/**
 * Calls a JSON route of the table on a base URL and parses its answer with the route's response schema (an answer
 * that does not hold throws NODE_UNAVAILABLE naming the route: the server is not what it claims to be). Error answers become VerityError, as with getJson.
 */
export async function call<R extends RouteDef>(
  base: string,
  route: R,
  args: CallArgs = {},
  options: RequestOptions = {},
): Promise<ResponseOf<R>> {
  const url = routeUrl(base, route, args.params, args.query);
  const answer =
    args.body === undefined
      ? await send(route.method, url, undefined, options)
      : await send(route.method, url, JSON.stringify(args.body), options, 'application/json');
  if (!route.response) return answer as ResponseOf<R>;
  const parsed = route.response.safeParse(answer);
  if (!parsed.success) {
    throw new VerityError('NODE_UNAVAILABLE', `${route.method} ${url} answered with a body that is not ${route.path}'s answer`, {
      details: { url, issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  return parsed.data as ResponseOf<R>;
}
