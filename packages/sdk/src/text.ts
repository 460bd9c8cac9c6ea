/**
 * Internal: what the text actions (chat, chatStream, complete, completeStream, verifyText) share. The request body
 * (OpenAI's fields as given, Verity's options under `verity`), checked with the protocol's schema before it goes on
 * the wire; and the reading of a server-sent-event stream into text pieces and one answer, checked like a whole one.
 *
 * A stream counts as an answer only when it ends as Protocol v1 ends one: a closing chunk (finish reason, usage,
 * receipts) and then `[DONE]`. An error event, a lost connection or a stream that just stops throws instead, so
 * text cut short is never handed over as complete.
 */
import { postJsonEvents } from '@verity/http/client';
import {
  type ChatCompletion,
  ChatCompletionChunkSchema,
  type ToolCall,
  type ToolCallDelta,
  ChatCompletionRequestSchema,
  type ChatCompletionRequest,
  ChatCompletionSchema,
  type CompletionRequest,
  CompletionRequestSchema,
  type Hex,
  type TextCompletion,
  TextCompletionChunkSchema,
  TextCompletionSchema,
  type TextFinishReason,
  type TextKind,
  type Usage,
  type VerityTextField,
  VerityError,
  bytes32Pattern,
  assembleToolCalls,
  isErrorCode,
  routes,
} from '@verity/protocol';
import { resolveModelId } from './chain.js';
import type { Client } from './client.js';
import { paidRequest } from './payment.js';
import { endpoint, parseAnswer, parseParameters, postAnswer, requestOptions } from './request.js';
import { type ExpectedText, checkTextAnswer, receiptInvalid } from './verified.js';

/** The request fields chat and completions share: OpenAI's sampling fields, and Verity's options. */
export interface TextParameters {
  /** "name@version", "name" (latest version) or "0x<sha256 of the GGUF file>". */
  model: string;
  /** The most tokens to generate (chat: default the rest of the context; completions: default 16). */
  max_tokens?: number;
  /** 0 to 2; 0 (the default) always picks the most likely token. */
  temperature?: number;
  /** Nucleus sampling, in (0, 1]; default 1. */
  top_p?: number;
  /** Up to 4 sequences that end the text. */
  stop?: string | readonly string[];
  /** Sampling seed, default 0: the same request with the same seed gives the same text. */
  seed?: number;
  /** "none" (default) or "replicate:<k>": how many independent executors must sign the same text. */
  policy?: string;
  /** 0x and 64 hex digits; chosen by the server when absent. */
  requestId?: Hex;
  /** Overrides the client's `verify` setting for this call. */
  verify?: boolean;
}

export type TextAnswer = ChatCompletion | TextCompletion;
export type TextAnswerOf<K extends TextKind> = K extends 'chat' ? ChatCompletion : TextCompletion;

/**
 * A streamed answer: iterate it for the text as it is generated, then ask for the whole answer. Read it once (a
 * second loop gets nothing more); stopping early closes the connection.
 */
export interface TextStream<T extends TextAnswer> extends AsyncIterable<string> {
  /** The request's id, as the server announced it before the first piece (it is also in the answer). */
  readonly requestId: Hex | undefined;
  /**
   * The whole answer, assembled from the stream and (unless verification is off) its receipts checked against the
   * assembled text, the request and the model. Called before any loop, it reads the stream itself (the pieces are
   * then only in the answer); during a loop, it settles when the loop ends. Rejects as the loop
   * throws: an error event, a stream that ends before its closing chunk and `[DONE]`, a lost connection
   * (NODE_UNAVAILABLE, or the event's code), receipts that do not verify (RECEIPT_INVALID), or a loop stopped early.
   */
  completion(): Promise<T>;
}

const what = (kind: TextKind) => `POST ${kind === 'chat' ? routes.chatCompletions.path : routes.completions.path}`;

/**
 * The body as sent: the caller's fields as given (OpenAI's shape), `policy` and `requestId` moved under `verity`.
 * A body already in that shape (e.g. a request file) passes through unchanged.
 */
export function textBody(parameters: Record<string, unknown>, stream?: boolean): Record<string, unknown> {
  const { verify: _verify, policy, requestId, ...fields } = parameters;
  const verity = { ...(policy === undefined ? {} : { policy }), ...(requestId === undefined ? {} : { requestId }) };
  return {
    ...fields,
    ...(Object.keys(verity).length > 0 ? { verity: { ...(fields.verity as object | undefined), ...verity } } : {}),
    ...(stream === undefined ? {} : { stream }),
  };
}

/** A body checked with the protocol's request schema: what its inputHash is computed from. */
export function parseTextRequest(kind: TextKind, body: unknown): ChatCompletionRequest | CompletionRequest {
  return kind === 'chat'
    ? parseParameters(ChatCompletionRequestSchema, body, 'chat request')
    : parseParameters(CompletionRequestSchema, body, 'completion request');
}

interface Prepared {
  body: Record<string, unknown>;
  verify: boolean;
  expected: ExpectedText;
}

function prepare(client: Client, kind: TextKind, parameters: TextParameters, stream: boolean): Prepared {
  const body = textBody({ ...parameters }, stream);
  const request = parseTextRequest(kind, body);
  const expected: ExpectedText = { request, model: parameters.model };
  if (parameters.requestId !== undefined) expected.requestId = parameters.requestId;
  return { body, verify: parameters.verify ?? client.verifyResponses, expected };
}

async function checked<T extends TextAnswer>(client: Client, prepared: Prepared, answer: T): Promise<T> {
  if (!prepared.verify) return answer;
  const modelId = prepared.expected.model === undefined ? undefined : await resolveModelId(client, prepared.expected.model);
  const report = checkTextAnswer(answer, modelId === undefined ? prepared.expected : { ...prepared.expected, modelId });
  if (!report.ok) throw receiptInvalid(report, answer);
  return answer;
}

function parseTextAnswer<K extends TextKind>(kind: K, body: unknown, where: string): TextAnswerOf<K> {
  return (
    kind === 'chat' ? parseAnswer(ChatCompletionSchema, body, where) : parseAnswer(TextCompletionSchema, body, where)
  ) as TextAnswerOf<K>;
}

/** The whole answer in one response. */
export async function requestText<K extends TextKind>(
  client: Client,
  kind: K,
  parameters: TextParameters,
): Promise<TextAnswerOf<K>> {
  const prepared = prepare(client, kind, parameters, false);
  const path = kind === 'chat' ? routes.chatCompletions.path : routes.completions.path;
  const body = await postAnswer(client, path, prepared.body);
  return checked(client, prepared, parseTextAnswer(kind, body, what(kind)));
}

/**
 * Opens the stream: errors before the first piece (bad request, unknown model, no node) throw here, as for a whole
 * answer; later ones come out of the loop and `completion()`.
 */
export async function streamText<K extends TextKind>(
  client: Client,
  kind: K,
  parameters: TextParameters,
): Promise<TextStream<TextAnswerOf<K>>> {
  const prepared = prepare(client, kind, parameters, true);
  const path = kind === 'chat' ? routes.chatCompletions.path : routes.completions.path;
  const bodyText = JSON.stringify(prepared.body);
  let opened: Awaited<ReturnType<typeof postJsonEvents>>;
  // A paid stream's charge comes in its closing chunk (`verity.payment`), fed back to the payment scheme at the end.
  let settle: (payment: string | undefined) => Promise<void> = async () => {};
  if (client.payment) {
    const answer = await paidRequest(client, path, bodyText, true);
    if (answer.kind !== 'events') throw new VerityError('NODE_UNAVAILABLE', `${what(kind)} did not answer with a stream`);
    opened = answer;
    settle = answer.settle;
  } else {
    opened = await postJsonEvents(endpoint(client, path), bodyText, requestOptions(client));
  }
  const { headers, events } = opened;
  const announced = headers['x-verity-request-id'];
  const requestId = typeof announced === 'string' && bytes32Pattern.test(announced) ? (announced as Hex) : undefined;

  let resolveAnswer: (answer: TextAnswerOf<K>) => void = () => {};
  let rejectAnswer: (error: unknown) => void = () => {};
  const answer = new Promise<TextAnswerOf<K>>((resolve, reject) => {
    resolveAnswer = resolve;
    rejectAnswer = reject;
  });
  // A failure reaches the loop as a throw; the promise keeps it for completion() and is not left unhandled.
  answer.catch(() => {});

  async function* pieces(): AsyncGenerator<string, void, void> {
    let settled = false;
    try {
      const assembled = yield* readStream(kind, events);
      await settle((assembled as { verity?: { payment?: string } }).verity?.payment);
      resolveAnswer(await checked(client, prepared, parseTextAnswer(kind, assembled, what(kind))));
      settled = true;
    } catch (error) {
      rejectAnswer(error);
      settled = true;
      throw error;
    } finally {
      if (!settled) {
        // The loop stopped early: the connection is closed and there is no answer.
        await events.return();
        rejectAnswer(
          new VerityError('INVALID_REQUEST', 'the stream was closed before its end: there is no answer', {
            details: { cancelled: true },
          }),
        );
      }
      // Nothing was charged for a stream that did not end (no-op once settled above).
      await settle(undefined);
    }
  }

  const generator = pieces();
  let started = false;
  return {
    requestId,
    [Symbol.asyncIterator]() {
      started = true;
      return generator;
    },
    completion() {
      if (!started) {
        started = true;
        void drain(generator);
      }
      return answer;
    },
  };
}

async function drain(generator: AsyncGenerator<string, void, void>): Promise<void> {
  try {
    for (;;) if ((await generator.next()).done) return;
  } catch {
    // The answer's promise carries the failure.
  }
}

function incomplete(kind: TextKind, problem: string, text: string, extra: Record<string, unknown> = {}): VerityError {
  return new VerityError('NODE_UNAVAILABLE', `${what(kind)}: ${problem}; the text so far is not an answer`, {
    details: { ...extra, partial: true, receivedChars: text.length },
  });
}

/** An `{"error": {...}}` event: its code when Protocol v1 knows it, else NODE_UNAVAILABLE. */
function streamFailure(kind: TextKind, error: unknown, text: string): VerityError {
  const { code, message, details } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const said = typeof message === 'string' && message.length > 0 ? message : 'the stream failed after it began';
  const all = {
    ...(typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {}),
    partial: true,
    receivedChars: text.length,
  };
  if (isErrorCode(code)) return new VerityError(code, said, { details: all });
  return incomplete(kind, `the stream failed: ${said}`, text, { ...all, code });
}

/** The events, with a connection lost or stalled midway (NODE_UNAVAILABLE, TIMEOUT) said to leave no answer. */
async function* transportChecked(
  events: AsyncGenerator<string, void, void>,
  received: () => string,
): AsyncGenerator<string, void, void> {
  try {
    yield* events;
  } catch (error) {
    if (!(error instanceof VerityError)) throw error;
    const text = received();
    throw new VerityError(error.code, `${error.message}; the text so far is not an answer`, {
      cause: error,
      details: { ...error.details, partial: true, receivedChars: text.length },
    });
  }
}

/**
 * Yields each piece of text; returns the answer assembled from the chunks (not yet checked against its schema).
 * Exported for the SDK's own tests, not from the package.
 */
export async function* readStream(
  kind: TextKind,
  events: AsyncGenerator<string, void, void>,
): AsyncGenerator<string, object, void> {
  let text = '';
  let head: { id: string; created: number; model: string } | undefined;
  let finishReason: TextFinishReason | undefined;
  let usage: Usage | undefined;
  let verity: VerityTextField | undefined;
  const callDeltas: ToolCallDelta[] = [];
  let done = false;
  for await (const data of transportChecked(events, () => text)) {
    if (done) throw incomplete(kind, 'the server sent an event after [DONE]', text);
    if (data === '[DONE]') {
      done = true;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      throw incomplete(kind, 'the server sent an event that is not JSON', text);
    }
    if (typeof value === 'object' && value !== null && 'error' in value) throw streamFailure(kind, value.error, text);
    const where = `${what(kind)} (a chunk of the stream)`;
    const chunk =
      kind === 'chat'
        ? parseAnswer(ChatCompletionChunkSchema, value, where)
        : parseAnswer(TextCompletionChunkSchema, value, where);
    head ??= { id: chunk.id, created: chunk.created, model: chunk.model };
    const choice = chunk.choices[0];
    const piece = choice === undefined ? '' : 'delta' in choice ? (choice.delta.content ?? '') : choice.text;
    if (choice !== undefined && 'delta' in choice && choice.delta.tool_calls) {
      if (finishReason !== undefined) throw incomplete(kind, 'the server sent a tool call after the closing chunk', text);
      callDeltas.push(...choice.delta.tool_calls);
    }
    if (piece.length > 0) {
      if (finishReason !== undefined) throw incomplete(kind, 'the server sent text after the closing chunk', text);
      text += piece;
      yield piece;
    }
    finishReason = choice?.finish_reason ?? finishReason;
    usage = chunk.usage ?? usage;
    verity = chunk.verity ?? verity;
  }
  if (!done) throw incomplete(kind, 'the stream ended before [DONE]', text);
  if (head === undefined || finishReason === undefined || usage === undefined || verity === undefined) {
    throw incomplete(kind, 'the stream ended without its closing chunk (finish reason, usage and receipts)', text);
  }
  let toolCalls: ToolCall[] = [];
  try {
    toolCalls = assembleToolCalls(callDeltas);
  } catch (error) {
    throw incomplete(kind, `the server sent a malformed tool call: ${(error as Error).message}`, text);
  }
  // An answer that is tool calls has null content, as OpenAI's; its receipts cover the calls.
  const message =
    toolCalls.length > 0
      ? { role: 'assistant', content: text.length > 0 ? text : null, tool_calls: toolCalls }
      : { role: 'assistant', content: text };
  const choice =
    kind === 'chat'
      ? { index: 0, message, finish_reason: finishReason }
      : { index: 0, text, logprobs: null, finish_reason: finishReason };
  return {
    ...head,
    object: kind === 'chat' ? 'chat.completion' : 'text_completion',
    choices: [choice],
    usage,
    verity,
  };
}
