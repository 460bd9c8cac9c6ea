/**
 * Text generation through the router: POST /v1/chat/completions and /v1/completions, in OpenAI's shapes.
 *
 * Every node answer is verified before any of it is passed on as verified: its receipt must be signed by that
 * node's operator, for this requestId and model, over the inputHash the router computes from the request and the
 * outputHash of the text it carries.
 * - `none`, whole answers: the best node answers; a node that fails is replaced (failover).
 * - `none`, streams: the node's stream is opened and, until its first piece of text, a failing node is replaced.
 *   After that, pieces are relayed as they come and the node's last chunk is checked against the text relayed; a
 *   node that fails or whose receipt does not hold ends the stream with an error event and no `[DONE]`, so the
 *   client never takes a truncated or unverified answer for a whole one (and holds no receipt to be charged by).
 * - `replicate:k`: k operators answer whole and a strict majority must have the same outputHash (exact text and
 *   finish reason); a stream then carries the agreed answer, so its first piece comes once the quorum is reached.
 * Tool calls are verified like text (the outputHash covers them) and relayed as they come in `delta.tool_calls`.
 */
import { randomBytes } from 'node:crypto';
import { postJsonEvents, postJsonText, routeUrl } from '@verity/http/client';
import { errorBodyOf, sseHeaders } from '@verity/http/server';
import {
  type ChatCompletion,
  ChatCompletionChunkSchema,
  type ChatCompletionRequest,
  ChatCompletionSchema,
  type CompletionRequest,
  type Hex,
  type ModelEntry,
  type SignedReceipt,
  type TextCompletion,
  TextCompletionChunkSchema,
  TextCompletionSchema,
  type TextKind,
  type ToolCallDelta,
  VerityError,
  answerToolCalls,
  assembleToolCalls,
  chatHashedFields,
  chatInputHash,
  checkRelayPolicy,
  closingChunk,
  completionHashedFields,
  completionInputHash,
  formatPolicy,
  generatedText,
  openingChunk,
  sseData,
  sseDone,
  textAnswerId,
  textChunk,
  textOutputHash,
  routes,
  toHex,
  toolCallsChunk,
} from '@verity/protocol';
import type { FastifyReply } from 'fastify';
import { type Forwarding, attempt, forwardOptions, forwardedExpectations, isNodeFault } from './forward.js';
import type { NodeSet, NodeState } from './node-set.js';
import { type PolicyContext, type PolicyRequest, execute, failover, routablePolicy } from './policies.js';
import { checkNodeReceipt } from './receipt-check.js';

type TextAnswer = ChatCompletion | TextCompletion;

/** A text request as the router forwards it. */
export interface TextRequest extends PolicyRequest {
  kind: TextKind;
  /** The request as parsed (for the inputHash). */
  parsed: ChatCompletionRequest | CompletionRequest;
  /** The request as the client sent it, to be forwarded with the model, requestId and policy set by the router. */
  raw: Record<string, unknown>;
  inputHash: Hex;
  /** The most tokens it may generate (null: the rest of the context), as its inputHash covers it. */
  maxTokens: number | null;
}

export function textRequest(
  kind: TextKind,
  entry: ModelEntry,
  parsed: ChatCompletionRequest | CompletionRequest,
  raw: Record<string, unknown>,
): TextRequest {
  if (entry.format === 'onnx') {
    throw new VerityError('INVALID_REQUEST', `${entry.id} is not a language model: use POST /v1/infer`, {
      details: { model: parsed.model, format: entry.format, param: 'model' },
    });
  }
  const policy = routablePolicy(parsed.verity?.policy);
  checkRelayPolicy(entry.id, entry.format === 'relay', policy);
  const inputHash =
    kind === 'chat' ? chatInputHash(parsed as ChatCompletionRequest) : completionInputHash(parsed as CompletionRequest);
  const maxTokens =
    kind === 'chat'
      ? chatHashedFields(parsed as ChatCompletionRequest).max_tokens
      : completionHashedFields(parsed as CompletionRequest).max_tokens;
  return {
    kind,
    entry,
    parsed,
    raw,
    policy,
    policyName: formatPolicy(policy),
    requestId: (parsed.verity?.requestId?.toLowerCase() as Hex | undefined) ?? toHex(randomBytes(32)),
    inputHash,
    maxTokens,
  };
}

const textRoutes = { chat: routes.chatCompletions, completion: routes.completions } as const;

function nodeBody(request: TextRequest, stream: boolean): string {
  return JSON.stringify({
    ...request.raw,
    model: request.entry.modelId,
    stream,
    verity: { policy: request.policyName, requestId: request.requestId },
  });
}

/** Checks a node's whole answer against the request; RECEIPT_INVALID (a node fault) when anything does not hold. */
function verifyAnswer(request: TextRequest, node: NodeState, answer: TextAnswer, forwarding: Forwarding): void {
  checkNodeReceipt(
    node,
    answer.verity.receipts,
    {
      requestId: request.requestId,
      modelId: request.entry.modelId,
      inputHash: request.inputHash,
      outputHash: textOutputHash(generatedText(answer)),
      policy: request.policyName,
      ...forwardedExpectations(forwarding),
    },
    { requestId: answer.verity.requestId, modelId: answer.verity.modelId },
  );
}

function parseAnswer(request: TextRequest, node: NodeState, text: string): TextAnswer {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new VerityError('RECEIPT_INVALID', `node ${node.url} answered with a body that is not JSON`);
  }
  const parsed = (request.kind === 'chat' ? ChatCompletionSchema : TextCompletionSchema).safeParse(raw);
  if (!parsed.success) throw new VerityError('RECEIPT_INVALID', `node ${node.url} answered with a malformed response`);
  // A node's answer never carries the router's own statements.
  const answer = parsed.data as TextAnswer;
  delete answer.verity.dissent;
  return answer;
}

interface NodeTextAnswer {
  node: NodeState;
  answer: TextAnswer;
  outputHash: Hex;
  executor: string;
}

async function askWhole(
  nodeSet: NodeSet,
  node: NodeState,
  request: TextRequest,
  forwarding: Forwarding,
): Promise<NodeTextAnswer> {
  return attempt(nodeSet, node, async () => {
    const body = nodeBody(request, false);
    const text = await postJsonText(routeUrl(node.url, textRoutes[request.kind]), body, forwardOptions(forwarding, node, body));
    const answer = parseAnswer(request, node, text);
    verifyAnswer(request, node, answer, forwarding);
    const message = answer.verity.receipts[0]?.typedData.message;
    return {
      node,
      answer,
      outputHash: (message?.outputHash.toLowerCase() ?? '0x') as Hex,
      executor: message?.executor ?? '',
    };
  });
}

/** The answer to a whole (unstreamed) text request under the request's policy. */
export async function runText(ctx: PolicyContext, request: TextRequest): Promise<TextAnswer> {
  const { winners, dissent } = await execute(ctx, request, (node) => askWhole(ctx.nodeSet, node, request, ctx));
  const first = (winners[0] as NodeTextAnswer).answer;
  if (request.policy.kind !== 'replicate') return first;
  return {
    ...first,
    verity: {
      requestId: request.requestId,
      modelId: request.entry.modelId,
      policy: request.policyName,
      receipts: winners.map((w) => w.answer.verity.receipts[0]).filter((r) => r !== undefined),
      ...(dissent.length > 0 ? { dissent } : {}),
    },
  };
}

/** A reserved payment, committed for the receipts the client gets just before they are sent (see payments.ts). */
export interface StreamPayment {
  commit(receipts: readonly SignedReceipt[]): string;
  release(): void;
}

/** The closing chunk, with the payment committed and its PAYMENT-RESPONSE under `verity.payment`. */
function closingWithPayment(kind: TextKind, answer: TextAnswer, payment: StreamPayment | undefined) {
  const closing = closingChunk(kind, answer);
  if (payment && closing.verity) closing.verity = { ...closing.verity, payment: payment.commit(answer.verity.receipts) };
  return closing;
}

/** Writes a whole answer as a stream: the opening chunk, the text in one piece, the closing chunk, `[DONE]`. */
function streamWhole(reply: FastifyReply, request: TextRequest, answer: TextAnswer, payment?: StreamPayment): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { ...sseHeaders, 'x-verity-request-id': request.requestId });
  const header = { id: answer.id, created: answer.created, model: answer.model };
  raw.write(sseData(openingChunk(request.kind, header)));
  const { text } = generatedText(answer);
  if (text.length > 0) raw.write(sseData(textChunk(request.kind, header, text)));
  const calls = answerToolCalls(answer);
  if (calls.length > 0) raw.write(sseData(toolCallsChunk(header, calls)));
  raw.write(sseData(closingWithPayment(request.kind, answer, payment)));
  raw.end(sseDone);
}

/** Streams a text request to the client under its policy (see the module comment). */
export async function streamText(
  ctx: PolicyContext,
  request: TextRequest,
  reply: FastifyReply,
  payment?: StreamPayment,
): Promise<void> {
  if (request.policy.kind === 'replicate') {
    streamWhole(reply, request, await runText(ctx, request), payment);
    return;
  }
  const chunkSchema = request.kind === 'chat' ? ChatCompletionChunkSchema : TextCompletionChunkSchema;
  // Failover holds until a node's stream has begun (the node sends its headers with the first piece of text).
  const opened = await failover(ctx, request.entry, async (node) => {
    node.inFlight += 1;
    try {
      const body = nodeBody(request, true);
      const stream = await postJsonEvents(routeUrl(node.url, textRoutes[request.kind]), body, forwardOptions(ctx, node, body));
      return { node, stream };
    } catch (error) {
      node.inFlight -= 1;
      if (isNodeFault(error)) ctx.nodeSet.recordFailure(node);
      throw error;
    }
  });
  const { node, stream } = opened;
  const started = performance.now();
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { ...sseHeaders, 'x-verity-request-id': request.requestId });
  const header = {
    id: textAnswerId(request.kind, request.requestId),
    created: Math.floor(Date.now() / 1000),
    model: request.entry.id,
  };
  let text = '';
  const callDeltas: ToolCallDelta[] = [];
  let finished = false;
  let paid = false;
  try {
    for await (const data of stream.events) {
      if (raw.destroyed) return;
      if (data === '[DONE]') {
        if (!finished) throw new VerityError('RECEIPT_INVALID', `node ${node.url} ended its stream without a receipt`);
        raw.end(sseDone);
        ctx.nodeSet.recordSuccess(node, performance.now() - started);
        return;
      }
      const value = parseEvent(node, data);
      if ('error' in value) throw nodeStreamError(node, value.error);
      const parsed = chunkSchema.safeParse(value);
      if (!parsed.success) throw new VerityError('RECEIPT_INVALID', `node ${node.url} sent a malformed chunk`);
      const chunk = parsed.data;
      const choice = chunk.choices[0];
      if (chunk.verity) {
        // The last chunk: its receipt must cover exactly the text relayed.
        const finishReason = choice?.finish_reason ?? 'stop';
        let toolCalls: ReturnType<typeof assembleToolCalls>;
        try {
          toolCalls = assembleToolCalls(callDeltas);
        } catch (cause) {
          throw new VerityError('RECEIPT_INVALID', `node ${node.url} sent malformed tool calls: ${(cause as Error).message}`);
        }
        const message =
          toolCalls.length > 0
            ? { role: 'assistant', content: text.length > 0 ? text : null, tool_calls: toolCalls }
            : { role: 'assistant', content: text };
        const answer = {
          ...chunk,
          object: request.kind === 'chat' ? 'chat.completion' : 'text_completion',
          choices: [
            request.kind === 'chat'
              ? { index: 0, message, finish_reason: finishReason }
              : { index: 0, text, logprobs: null, finish_reason: finishReason },
          ],
          usage: chunk.usage ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          verity: chunk.verity,
        } as TextAnswer;
        // The answer was assembled from the text relayed, so its outputHash check is against exactly that text.
        verifyAnswer(request, node, answer, ctx);
        finished = true;
        paid = true;
        raw.write(
          sseData(
            closingWithPayment(request.kind, { ...answer, id: header.id, created: header.created, model: header.model }, payment),
          ),
        );
        continue;
      }
      if (finished) throw new VerityError('RECEIPT_INVALID', `node ${node.url} sent text after its receipt`);
      const deltas = choice && 'delta' in choice ? choice.delta.tool_calls : undefined;
      if (deltas && deltas.length > 0) {
        callDeltas.push(...deltas);
        raw.write(
          sseData({
            ...header,
            object: 'chat.completion.chunk',
            choices: [{ index: 0, delta: { tool_calls: deltas }, finish_reason: null }],
          }),
        );
        continue;
      }
      const piece = choice ? ('delta' in choice ? (choice.delta.content ?? '') : choice.text) : '';
      text += piece;
      raw.write(
        sseData(
          piece.length === 0 && text.length === 0 ? openingChunk(request.kind, header) : textChunk(request.kind, header, piece),
        ),
      );
    }
    throw new VerityError('NODE_UNAVAILABLE', `node ${node.url} ended its stream before the answer was complete`);
  } catch (error) {
    if (isNodeFault(error)) ctx.nodeSet.recordFailure(node);
    const failure =
      error instanceof VerityError
        ? new VerityError(error.code, `the stream failed after it began: ${error.message}; the text so far is not an answer`, {
            details: { ...error.details, node: node.url, partial: true },
          })
        : error;
    if (!raw.destroyed) raw.end(sseData(errorBodyOf(failure)));
  } finally {
    // Nothing is charged for a stream that did not end with its receipts.
    if (!paid) payment?.release();
    node.inFlight -= 1;
    await stream.events.return();
  }
}

function parseEvent(node: NodeState, data: string): Record<string, unknown> {
  try {
    const value = JSON.parse(data) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new VerityError('RECEIPT_INVALID', `node ${node.url} sent an event that is not a JSON object`);
}

function nodeStreamError(node: NodeState, error: unknown): VerityError {
  const message = (error as { message?: unknown } | null)?.message;
  return new VerityError('NODE_UNAVAILABLE', `node ${node.url} failed mid-stream: ${String(message ?? 'unknown error')}`);
}
