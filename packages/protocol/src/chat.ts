/**
 * Chat completions in Protocol v1: the subset of OpenAI's request this protocol serves, and the canonical JSON
 * whose sha256 is a text receipt's inputHash and outputHash. Pure (no I/O).
 *
 * Canonical JSON: object keys in ascending order (of their UTF-16 code units, as `Array.prototype.sort` orders
 * them), no whitespace, strings and numbers as `JSON.stringify` writes them, encoded as UTF-8.
 *
 * - inputHash = sha256 of the canonical JSON of `{max_tokens, messages, seed, stop, temperature, top_p}`: every
 *   field that changes the output, with defaults filled in (`max_tokens` null when not given, meaning the rest of
 *   the context; `seed` 0; `stop` always an array, `[]` when not given; `temperature` 0; `top_p` 1) and each message
 *   as `{content, role}`. Not the model (the receipt's modelId names it) and not `stream` (it changes the framing
 *   only).
 * - outputHash = sha256 of the canonical JSON of `{finish_reason, text}`: the full generated text and why it ended.
 */
import { z } from 'zod';
import { sha256Hex } from './hashes.js';
import { type Hex, bytes32Pattern } from './hex.js';
import { SignedReceiptSchema } from './receipt.js';

export const chatRoles = ['system', 'user', 'assistant'] as const;
export const maxStopSequences = 4;

export const ChatMessageSchema = z.object({
  role: z.enum(chatRoles),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** OpenAI fields that would change the output and are not served: refused rather than silently ignored. */
export const unsupportedChatFields = [
  'n',
  'tools',
  'tool_choice',
  'functions',
  'function_call',
  'response_format',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'frequency_penalty',
  'presence_penalty',
] as const;

const StopSchema = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).max(maxStopSequences, `at most ${maxStopSequences} stop sequences`),
]);

export const ChatCompletionRequestSchema = z
  .object({
    model: z.string().min(1).max(300),
    messages: z.array(ChatMessageSchema).min(1, 'messages must not be empty').max(1024),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().gt(0).max(1).optional(),
    max_tokens: z.number().int().min(1).max(1_000_000).optional(),
    stop: StopSchema.optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    stream: z.boolean().optional(),
    /** Verity's own request options (not part of the hash). */
    verity: z
      .object({
        policy: z.string().max(64).optional(),
        requestId: z
          .string()
          .regex(bytes32Pattern, 'expected 0x and 64 hex digits')
          .transform((s) => s as Hex)
          .optional(),
      })
      .optional(),
  })
  .loose()
  .superRefine((request, ctx) => {
    for (const field of unsupportedChatFields) {
      const value = (request as Record<string, unknown>)[field];
      // Values that mean "the default" are accepted, as OpenAI clients often send them.
      if (value === undefined || value === null) continue;
      if (
        (field === 'n' && value === 1) ||
        (field.endsWith('_penalty') && value === 0) ||
        (field === 'logprobs' && value === false)
      )
        continue;
      ctx.addIssue({ code: 'custom', path: [field], message: `${field} is not supported` });
    }
  });
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>;

/** What the hashes cover of a request, with its defaults filled in. */
export interface ChatHashedFields {
  max_tokens: number | null;
  messages: ChatMessage[];
  seed: number;
  stop: string[];
  temperature: number;
  top_p: number;
}

/** The part of a request the input hash reads (a parsed ChatCompletionRequest is one). */
export interface ChatInput {
  messages: readonly Readonly<ChatMessage>[];
  temperature?: number | undefined;
  top_p?: number | undefined;
  max_tokens?: number | undefined;
  stop?: string | readonly string[] | undefined;
  seed?: number | undefined;
}

export function chatHashedFields(request: ChatInput): ChatHashedFields {
  const stop = request.stop;
  return {
    max_tokens: request.max_tokens ?? null,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    seed: request.seed ?? 0,
    stop: stop === undefined ? [] : typeof stop === 'string' ? [stop] : [...stop],
    temperature: request.temperature ?? 0,
    top_p: request.top_p ?? 1,
  };
}

/** Canonical JSON text of a JSON value: sorted keys, no whitespace. Rejects non-finite numbers and non-JSON values. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot encode a ${typeof value}`);
}

const utf8 = new TextEncoder();

/** sha256 (0x hex) of the UTF-8 canonical JSON of a value. */
export function hashCanonicalJson(value: unknown): Hex {
  return sha256Hex(utf8.encode(canonicalJson(value)));
}

/** A chat receipt's inputHash. */
export function chatInputHash(request: ChatInput): Hex {
  return hashCanonicalJson(chatHashedFields(request));
}

export type ChatFinishReason = 'stop' | 'length';

/** A chat receipt's outputHash. */
export function chatOutputHash(output: { text: string; finishReason: ChatFinishReason }): Hex {
  return hashCanonicalJson({ finish_reason: output.finishReason, text: output.text });
}

export const ChatCompletionSchema = z.object({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal('assistant'), content: z.string() }),
      finish_reason: z.enum(['stop', 'length']),
    }),
  ),
  usage: z.object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
  }),
  verity: z.object({
    requestId: z.string(),
    modelId: z.string(),
    policy: z.string(),
    receipts: z.array(SignedReceiptSchema),
  }),
});
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

export const chatRoutes = {
  chatCompletions: {
    method: 'POST',
    path: '/v1/chat/completions',
    body: ChatCompletionRequestSchema,
    response: ChatCompletionSchema,
  },
} as const;
