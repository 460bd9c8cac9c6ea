/**
 * JSON over HTTP with undici's keep-alive pools, for the router (talking to nodes) and the SDK.
 * Protocol v1 error bodies come back as VerityError; network failures as NODE_UNAVAILABLE or TIMEOUT.
 */
import { errorFromBody, VerityError } from '@verity/protocol';
import { createParser } from 'eventsource-parser';
import { Agent, type Dispatcher, request } from 'undici';

export const sharedAgent: Dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 128, pipelining: 1 });

export interface RequestOptions {
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export const defaultTimeoutMs = 30_000;

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
  const text = await readResponseText(method, url, response);
  if (response.statusCode >= 400) throw errorFromBody(response.statusCode, parseText(method, url, response.statusCode, text));
  return { status: response.statusCode, text };
}

/** An opened answer's body as text; a connection lost on the way becomes NODE_UNAVAILABLE. */
export async function readResponseText(method: string, url: string, response: Dispatcher.ResponseData): Promise<string> {
  try {
    return await response.body.text();
  } catch (cause) {
    throw new VerityError('NODE_UNAVAILABLE', `${method} ${url}: connection lost while reading the answer`, {
      cause,
      details: { url },
    });
  }
}

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
    const text = await readResponseText('POST', url, response);
    if (response.statusCode >= 400) throw errorFromBody(response.statusCode, parseText('POST', url, response.statusCode, text));
    throw new VerityError('NODE_UNAVAILABLE', `POST ${url} answered ${type || 'no content type'}, expected an event stream`, {
      details: { url },
    });
  }
  return { headers: response.headers, events: readEvents(url, response.body, options.timeoutMs ?? defaultTimeoutMs) };
}

/**
 * The `data` fields of an opened event-stream body, in order; a connection lost midway (or stalled past the
 * timeout) throws NODE_UNAVAILABLE or TIMEOUT. Returning early closes the connection.
 */
export async function* readEvents(url: string, body: Dispatcher.ResponseData['body'], timeoutMs: number): AsyncGenerator<string> {
  const queue: string[] = [];
  const parser = createParser({ onEvent: (event) => queue.push(event.data) });
  const decoder = new TextDecoder();
  try {
    for await (const chunk of body) {
      parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
      while (queue.length > 0) yield queue.shift() as string;
    }
  } catch (cause) {
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
