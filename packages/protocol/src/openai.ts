/**
 * OpenAI's response shapes for text generation as Protocol v1 serves them, with Verity's receipts under `verity`:
 * chat completions, completions, and their server-sent-event chunks. Pure (no I/O).
 *
 * A stream is `data: <chunk JSON>\n\n` events and then `data: [DONE]\n\n`. The first chat chunk carries the role,
 * each following one a piece of the text; the last chunk carries `finish_reason`, `usage` and `verity` (the
 * receipts, which cover the whole text). A failure after the stream began is an event `data: {"error": {...}}`
 * with no `[DONE]` after it: the answer is incomplete and must not be used (nor is it charged).
 *
 * A chat answer that is tool calls has `tool_calls: [{id, type: "function", function: {name, arguments}}]`,
 * `finish_reason: "tool_calls"` and `content: null`, or with `tool_choice` `"auto"` the text the model wrote before
 * the calls; streamed, that text comes as it is generated and the calls come whole in one chunk
 * (`delta.tool_calls: [{index, id, type, function: {name, arguments}}]`) just before the closing chunk.
 */
import { z } from 'zod';
import type { TextFinishReason, ToolCallOutput } from './chat.js';
import { SignedReceiptSchema } from './receipt.js';

/** Why a completion ended (POST /v1/completions). */
export const TextFinishReasonSchema = z.enum(['stop', 'length']);
/** Why a chat answer ended: also `tool_calls` when it is calls. */
export const ChatFinishReasonSchema = z.enum(['stop', 'length', 'tool_calls']);

export const ToolCallSchema = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;

/** A streamed piece of a tool call: OpenAI sends `index` always and the rest as it comes. */
export const ToolCallDeltaSchema = z.object({
  index: z.number().int().min(0).max(63),
  id: z.string().optional(),
  type: z.literal('function').optional(),
  function: z.object({ name: z.string().optional(), arguments: z.string().optional() }).optional(),
});
export type ToolCallDelta = z.infer<typeof ToolCallDeltaSchema>;

export const UsageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
});
export type Usage = z.infer<typeof UsageSchema>;

export const VerityTextFieldSchema = z.object({
  requestId: z.string(),
  modelId: z.string(),
  policy: z.string(),
  receipts: z.array(SignedReceiptSchema),
  dissent: z.array(z.record(z.string(), z.unknown())).optional(),
  /** In a paid stream's last chunk: the x402 PAYMENT-RESPONSE value (a whole answer carries it as that header). */
  payment: z.string().optional(),
});
export type VerityTextField = z.infer<typeof VerityTextFieldSchema>;

export const ChatCompletionSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z
    .array(
      z.object({
        index: z.number().int(),
        message: z.object({
          role: z.literal('assistant'),
          content: z.string().nullable(),
          tool_calls: z.array(ToolCallSchema).min(1).optional(),
        }),
        finish_reason: ChatFinishReasonSchema,
      }),
    )
    .length(1),
  usage: UsageSchema,
  verity: VerityTextFieldSchema,
});
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

export const TextCompletionSchema = z.object({
  id: z.string(),
  object: z.literal('text_completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z
    .array(
      z.object({
        index: z.number().int(),
        text: z.string(),
        logprobs: z.null(),
        finish_reason: TextFinishReasonSchema,
      }),
    )
    .length(1),
  usage: UsageSchema,
  verity: VerityTextFieldSchema,
});
export type TextCompletion = z.infer<typeof TextCompletionSchema>;

/** Either answer: the text, finish reason and tool calls its receipts commit to (text `""` for null content). */
export function generatedText(answer: ChatCompletion | TextCompletion): {
  text: string;
  finishReason: TextFinishReason;
  toolCalls: ToolCallOutput[] | null;
} {
  const choice = answer.choices[0] as ChatCompletion['choices'][number] | TextCompletion['choices'][number];
  if (!('message' in choice)) return { text: choice.text, finishReason: choice.finish_reason, toolCalls: null };
  const calls = choice.message.tool_calls ?? [];
  return {
    text: choice.message.content ?? '',
    finishReason: choice.finish_reason,
    toolCalls: calls.length > 0 ? calls.map((c) => ({ name: c.function.name, arguments: c.function.arguments })) : null,
  };
}

/** A chat answer's tool calls as sent (with their ids), or none. */
export function answerToolCalls(answer: ChatCompletion | TextCompletion): ToolCall[] {
  const choice = answer.choices[0];
  return choice && 'message' in choice ? (choice.message.tool_calls ?? []) : [];
}

export const ChatCompletionChunkSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({
        role: z.literal('assistant').optional(),
        content: z.string().nullish(),
        tool_calls: z.array(ToolCallDeltaSchema).optional(),
      }),
      finish_reason: ChatFinishReasonSchema.nullable(),
    }),
  ),
  usage: UsageSchema.nullish(),
  verity: VerityTextFieldSchema.optional(),
});
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>;

export const TextCompletionChunkSchema = z.object({
  id: z.string(),
  object: z.literal('text_completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      text: z.string(),
      logprobs: z.null(),
      finish_reason: TextFinishReasonSchema.nullable(),
    }),
  ),
  usage: UsageSchema.nullish(),
  verity: VerityTextFieldSchema.optional(),
});
export type TextCompletionChunk = z.infer<typeof TextCompletionChunkSchema>;

export type TextKind = 'chat' | 'completion';

/** An answer's `id`: `chatcmpl-` or `cmpl-` and the requestId's hex digits. */
export function textAnswerId(kind: TextKind, requestId: string): string {
  return `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${requestId.slice(2)}`;
}

/** The header of every chunk of one stream. */
export interface StreamHeader {
  id: string;
  created: number;
  model: string;
}

/** The first chunk of a stream: the assistant role (chat), or nothing yet (completions). */
export function openingChunk(kind: TextKind, header: StreamHeader): ChatCompletionChunk | TextCompletionChunk {
  return kind === 'chat'
    ? {
        ...header,
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      }
    : { ...header, object: 'text_completion', choices: [{ index: 0, text: '', logprobs: null, finish_reason: null }] };
}

/** A piece of the text. */
export function textChunk(kind: TextKind, header: StreamHeader, text: string): ChatCompletionChunk | TextCompletionChunk {
  return kind === 'chat'
    ? { ...header, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] }
    : { ...header, object: 'text_completion', choices: [{ index: 0, text, logprobs: null, finish_reason: null }] };
}

/** A chat answer's tool calls, whole, in one chunk (sent before the closing chunk). */
export function toolCallsChunk(header: StreamHeader, calls: readonly ToolCall[]): ChatCompletionChunk {
  return {
    ...header,
    object: 'chat.completion.chunk',
    choices: [
      {
        index: 0,
        delta: { tool_calls: calls.map((c, index) => ({ index, id: c.id, type: 'function', function: { ...c.function } })) },
        finish_reason: null,
      },
    ],
  };
}

/**
 * Assembles streamed tool-call pieces (`delta.tool_calls`) into whole calls, in index order; throws a TypeError
 * naming the fault when a call has no id or name, or the indexes leave a gap.
 */
export function assembleToolCalls(deltas: readonly ToolCallDelta[]): ToolCall[] {
  const calls: { id?: string; name?: string; arguments: string }[] = [];
  for (const d of deltas) {
    const call = calls[d.index] ?? { arguments: '' };
    calls[d.index] = call;
    if (d.id !== undefined) call.id = d.id;
    if (d.function?.name !== undefined) call.name = (call.name ?? '') + d.function.name;
    if (d.function?.arguments !== undefined) call.arguments += d.function.arguments;
  }
  return Array.from(calls, (call, index) => {
    if (call?.id === undefined || call.name === undefined) throw new TypeError(`tool call ${index} has no id or name`);
    return { id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } };
  });
}

/** The last chunk: why the text ended, the usage, and the receipts. */
export function closingChunk(kind: TextKind, answer: ChatCompletion | TextCompletion): ChatCompletionChunk | TextCompletionChunk {
  const header = { id: answer.id, created: answer.created, model: answer.model };
  const finish = generatedText(answer).finishReason;
  return kind === 'chat'
    ? {
        ...header,
        object: 'chat.completion.chunk',
        choices: [{ index: 0, delta: {}, finish_reason: finish }],
        usage: answer.usage,
        verity: answer.verity,
      }
    : {
        ...header,
        object: 'text_completion',
        // A completion never ends in tool calls.
        choices: [{ index: 0, text: '', logprobs: null, finish_reason: finish === 'tool_calls' ? 'stop' : finish }],
        usage: answer.usage,
        verity: answer.verity,
      };
}

/** One server-sent event carrying a JSON value. */
export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export const sseDone = 'data: [DONE]\n\n';
