/**
 * OpenAI's response shapes for text generation as Protocol v1 serves them, with Verity's receipts under `verity`:
 * chat completions, completions, and their server-sent-event chunks. Pure (no I/O).
 *
 * A stream is `data: <chunk JSON>\n\n` events and then `data: [DONE]\n\n`. The first chat chunk carries the role,
 * each following one a piece of the text; the last chunk carries `finish_reason`, `usage` and `verity` (the
 * receipts, which cover the whole text). A failure after the stream began is an event `data: {"error": {...}}`
 * with no `[DONE]` after it: the answer is incomplete and must not be used (nor is it charged).
 */
import { z } from 'zod';
import { SignedReceiptSchema } from './receipt.js';

export const TextFinishReasonSchema = z.enum(['stop', 'length']);

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
        message: z.object({ role: z.literal('assistant'), content: z.string() }),
        finish_reason: TextFinishReasonSchema,
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

/** Either answer: the text and finish reason its receipts commit to. */
export function generatedText(answer: ChatCompletion | TextCompletion): {
  text: string;
  finishReason: 'stop' | 'length';
} {
  const choice = answer.choices[0] as ChatCompletion['choices'][number] | TextCompletion['choices'][number];
  return { text: 'message' in choice ? choice.message.content : choice.text, finishReason: choice.finish_reason };
}

export const ChatCompletionChunkSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({ role: z.literal('assistant').optional(), content: z.string().optional() }),
      finish_reason: TextFinishReasonSchema.nullable(),
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
        choices: [{ index: 0, text: '', logprobs: null, finish_reason: finish }],
        usage: answer.usage,
        verity: answer.verity,
      };
}

/** One server-sent event carrying a JSON value. */
export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export const sseDone = 'data: [DONE]\n\n';

export const textRoutes = {
  chatCompletions: { method: 'POST', path: '/v1/chat/completions' },
  completions: { method: 'POST', path: '/v1/completions' },
} as const;
