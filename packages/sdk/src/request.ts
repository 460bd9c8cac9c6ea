/** Internal plumbing shared by the actions: URLs, request options, and parsing answers with protocol schemas. */
import { type RequestOptions, postJson } from '@verity/http/client';
import { VerityError } from '@verity/protocol';
import type { Client } from './client.js';
import { paidRequest } from './payment.js';

/** The part of a zod schema used here (zod itself stays a dependency of protocol only). */
interface Schema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export function endpoint(client: Client, path: string): string {
  return `${client.url}${path}`;
}

export function requestOptions(client: Client, headers?: Record<string, string>): RequestOptions {
  const options: RequestOptions = { timeoutMs: client.timeoutMs };
  if (client.dispatcher) options.dispatcher = client.dispatcher;
  if (headers) options.headers = headers;
  return options;
}

/** POSTs JSON and returns the answer's body; a client with a payment key pays when the server answers 402. */
export async function postAnswer(client: Client, path: string, body: unknown): Promise<unknown> {
  if (!client.payment) return postJson(endpoint(client, path), body, requestOptions(client));
  const answer = await paidRequest(client, path, JSON.stringify(body), false);
  return answer.kind === 'json' ? answer.body : undefined;
}

function summary(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): {
  text: string;
  issues: { path: string; message: string }[];
} {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return { text: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues };
}

/** Parses what a server answered; a body that breaks Protocol v1 is the server's fault, not the caller's. */
export function parseAnswer<T>(schema: Schema<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const { text, issues } = summary(result.error);
  throw new VerityError('NODE_UNAVAILABLE', `${what} answered with a body that breaks Protocol v1: ${text}`, {
    details: { issues },
  });
}

/** Checks what the caller passed before it goes on the wire. */
export function parseParameters<T>(schema: Schema<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { text, issues } = summary(result.error);
  throw new VerityError('INVALID_REQUEST', `invalid ${what}: ${text}`, { details: { issues } });
}
