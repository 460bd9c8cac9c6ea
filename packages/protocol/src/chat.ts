/**
 * Text generation in Protocol v1: the subset of OpenAI's chat and completions requests this protocol serves, and
 * the hashed fields whose canonical JSON (canonical.ts) has the sha256 that is a text receipt's inputHash and
 * outputHash. Pure (no I/O).
 *
 * - Chat inputHash = sha256 of the canonical JSON of `{max_tokens, messages, response_format, seed, stop,
 *   temperature, tool_choice, tools, top_p}`: every field that changes the output, with defaults filled in
 *   (`max_tokens` null when not given, meaning the rest of the context; `response_format` null for text, else
 *   `{type: "json_object"}` or `{type: "json_schema", schema}`; `seed` 0; `stop` always an array, `[]` when not
 *   given; `temperature` 0; `tools` null when none are given (or `[]`), else each as `{type: "function",
 *   function: {name, description?, parameters?}}` (`strict` is not hashed: calls always follow the schema);
 *   `tool_choice` null without tools, else as given (`"none"`, `"auto"`, `"required"` or `{type: "function",
 *   function: {name}}`), `"auto"` when not given; `top_p` 1), each message as `{content, role}` with content as
 *   one string (text parts joined, `developer` read as `system`) or null (an assistant message with tool calls),
 *   plus `tool_calls: [{arguments, id, name}]` on an assistant message that has calls and `tool_call_id` on a
 *   `tool` message.
 * - Completion inputHash = sha256 of the canonical JSON of `{max_tokens, prompt, seed, stop, temperature, top_p}`,
 *   `max_tokens` 16 when not given (OpenAI's default for completions).
 * - Not hashed: the model (the receipt's modelId names it), `stream` and `stream_options` (framing only), `user`,
 *   and Verity's own `verity` options.
 * - outputHash = sha256 of the canonical JSON of `{finish_reason, text, tool_calls}`: the full generated text (when
 *   the answer is tool calls, the text before them: `""` but for `tool_choice` `"auto"`), why it ended (`stop`, `length` or `tool_calls`), and the calls as
 *   `[{arguments, name}]` (arguments as the JSON text generated; call ids are not hashed) or null.
 *
 * `replicate:k` compares text outputs exactly: two executors agree when their outputHashes are equal.
 */
import { z } from 'zod';
import { hashCanonicalJson } from './canonical.js';
import { type Hex, bytes32Pattern } from './hex.js';
import { jsonSchemaProblem } from './json-schema.js';

export const chatRoles = ['system', 'user', 'assistant', 'tool'] as const;
export type ChatRole = (typeof chatRoles)[number];
export const maxStopSequences = 4;
export const maxTools = 64;
export const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;

/** A tool call in a chat's history, as hashed (its id included: it ties the `tool` message answering it). */
export interface ChatToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface ChatMessage {
  role: ChatRole;
  /** Null only on an assistant message that has tool calls. */
  content: string | null;
  /** An assistant message's calls; absent when it has none. */
  tool_calls?: ChatToolCall[];
  /** On a `tool` message: the call it answers. */
  tool_call_id?: string;
}

const TextPartSchema = z.object({ type: z.literal('text'), text: z.string() });

const ToolCallInSchema = z.object({
  id: z.string().min(1).max(256),
  type: z.literal('function'),
  function: z.object({
    name: z.string().regex(toolNamePattern, 'expected 1 to 64 of a-z, A-Z, 0-9, _ and -'),
    arguments: z.string(),
  }),
});

/**
 * A message as OpenAI clients send it; normalized to `{role, content}` with one content string (or null on an
 * assistant message with calls), `tool_calls` as `[{id, name, arguments}]` and `tool_call_id` on `tool` messages.
 */
export const ChatMessageSchema = z
  .object({
    role: z.enum([...chatRoles, 'developer']),
    content: z.union([z.string(), z.array(TextPartSchema).min(1)]).nullish(),
    name: z.string().optional(),
    tool_calls: z.array(ToolCallInSchema).max(maxTools).nullish(),
    tool_call_id: z.string().min(1).max(256).optional(),
  })
  .superRefine((m, ctx) => {
    const calls = m.tool_calls ?? [];
    if (calls.length > 0 && m.role !== 'assistant')
      ctx.addIssue({ code: 'custom', path: ['tool_calls'], message: 'only assistant messages have tool_calls' });
    if ((m.content === undefined || m.content === null) && !(m.role === 'assistant' && calls.length > 0))
      ctx.addIssue({ code: 'custom', path: ['content'], message: 'content is required (null only with tool_calls)' });
    if (m.role === 'tool' && m.tool_call_id === undefined)
      ctx.addIssue({ code: 'custom', path: ['tool_call_id'], message: 'a tool message needs tool_call_id' });
    if (m.role !== 'tool' && m.tool_call_id !== undefined)
      ctx.addIssue({ code: 'custom', path: ['tool_call_id'], message: 'only tool messages have tool_call_id' });
  })
  .transform((m): ChatMessage => {
    const content =
      m.content === undefined || m.content === null
        ? null
        : typeof m.content === 'string'
          ? m.content
          : m.content.map((p) => p.text).join('');
    const calls = m.tool_calls ?? [];
    return {
      role: m.role === 'developer' ? 'system' : m.role,
      content,
      ...(calls.length > 0
        ? { tool_calls: calls.map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments })) }
        : {}),
      ...(m.tool_call_id !== undefined ? { tool_call_id: m.tool_call_id } : {}),
    };
  });

/** A tool as hashed: `{type: "function", function: {name, description?, parameters?}}`. */
export interface ChatTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

/** What `tool_choice` asks for, as hashed (null when no tools are given). */
export type ToolChoice = 'none' | 'auto' | 'required' | { type: 'function'; function: { name: string } };

const JsonSchemaObject = (what: string) =>
  z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
    const problem = jsonSchemaProblem(schema);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a JSON schema ${what}: ${problem}` });
  });

export const ChatToolSchema = z
  .object({
    type: z.literal('function'),
    function: z.object({
      name: z.string().regex(toolNamePattern, 'expected 1 to 64 of a-z, A-Z, 0-9, _ and -'),
      description: z.string().max(8192).optional(),
      parameters: JsonSchemaObject('this protocol serves')
        .refine((p) => p.type === 'object', 'the parameters are an object schema (type "object")')
        .optional(),
      strict: z.boolean().nullish(),
    }),
  })
  .transform(
    (t): ChatTool => ({
      type: 'function',
      function: {
        name: t.function.name,
        ...(t.function.description !== undefined ? { description: t.function.description } : {}),
        ...(t.function.parameters !== undefined ? { parameters: t.function.parameters } : {}),
      },
    }),
  );

export const ToolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z
    .object({ type: z.literal('function'), function: z.object({ name: z.string() }) })
    .transform((c): ToolChoice => ({ type: 'function', function: { name: c.function.name } })),
]);

/** What `response_format` asks for, as hashed: null is plain text. */
export type ResponseFormat = null | { type: 'json_object' } | { type: 'json_schema'; schema: Record<string, unknown> };

export const ResponseFormatSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('text') }),
    z.object({ type: z.literal('json_object') }),
    z.object({
      type: z.literal('json_schema'),
      json_schema: z.object({
        name: z.string().min(1).max(64),
        description: z.string().optional(),
        schema: JsonSchemaObject('this protocol serves').optional(),
        strict: z.boolean().nullable().optional(),
      }),
    }),
  ])
  .transform((f): ResponseFormat => {
    if (f.type === 'text') return null;
    if (f.type === 'json_object') return { type: 'json_object' };
    return { type: 'json_schema', schema: f.json_schema.schema ?? {} };
  });

/** OpenAI fields that would change the output and are not served: refused rather than silently ignored. */
export const unsupportedTextFields = [
  'n',
  'tools',
  'tool_choice',
  'functions',
  'function_call',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'frequency_penalty',
  'presence_penalty',
  'best_of',
  'echo',
  'suffix',
] as const;

const StopSchema = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).max(maxStopSequences, `at most ${maxStopSequences} stop sequences`),
]);

/** Verity's own request options (not hashed). */
export const VerityRequestOptionsSchema = z
  .object({
    policy: z.string().max(64).optional(),
    requestId: z
      .string()
      .regex(bytes32Pattern, 'expected 0x and 64 hex digits')
      .transform((s) => s as Hex)
      .optional(),
  })
  .optional();

const samplingFields = {
  model: z.string().min(1).max(300),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  max_tokens: z.number().int().min(1).max(1_000_000).nullish(),
  stop: StopSchema.nullish(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).loose().nullish(),
  verity: VerityRequestOptionsSchema,
};

/** Completions refuse every unsupported field; chat serves `tools` and `tool_choice`. */
const refuseUnsupported =
  (served: readonly string[] = []) =>
  (request: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const field of unsupportedTextFields) {
      if (served.includes(field)) continue;
      const value = request[field];
      // Values that mean "the default" are accepted, as OpenAI clients often send them.
      if (value === undefined || value === null) continue;
      if (
        (field === 'n' && value === 1) ||
        (field === 'best_of' && value === 1) ||
        (field.endsWith('_penalty') && value === 0) ||
        ((field === 'logprobs' || field === 'echo') && value === false) ||
        (field === 'tool_choice' && value === 'none') ||
        (field === 'tools' && Array.isArray(value) && value.length === 0)
      )
        continue;
      ctx.addIssue({ code: 'custom', path: [field], message: `${field} is not supported` });
    }
  };

function checkTools(
  request: { tools?: readonly ChatTool[] | null | undefined; tool_choice?: ToolChoice | null | undefined },
  ctx: z.RefinementCtx,
): void {
  const tools = request.tools ?? [];
  const names = new Set<string>();
  for (const [index, tool] of tools.entries()) {
    if (names.has(tool.function.name))
      ctx.addIssue({
        code: 'custom',
        path: ['tools', index, 'function', 'name'],
        message: `tool name ${tool.function.name} is not unique`,
      });
    names.add(tool.function.name);
  }
  const choice = request.tool_choice;
  if (choice === undefined || choice === null || choice === 'none' || choice === 'auto') return;
  if (tools.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['tool_choice'], message: 'tool_choice asks for a call but no tools are given' });
  } else if (typeof choice === 'object' && !names.has(choice.function.name)) {
    ctx.addIssue({
      code: 'custom',
      path: ['tool_choice'],
      message: `tool_choice names ${choice.function.name}, which is not among the tools`,
    });
  }
}

export const ChatCompletionRequestSchema = z
  .object({
    ...samplingFields,
    messages: z.array(ChatMessageSchema).min(1, 'messages must not be empty').max(1024),
    max_completion_tokens: z.number().int().min(1).max(1_000_000).nullish(),
    response_format: ResponseFormatSchema.nullish(),
    tools: z.array(ChatToolSchema).max(maxTools, `at most ${maxTools} tools`).nullish(),
    tool_choice: ToolChoiceSchema.nullish(),
  })
  .loose()
  .superRefine(refuseUnsupported(['tools', 'tool_choice']))
  .superRefine(checkTools);
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>;

export const CompletionRequestSchema = z
  .object({
    ...samplingFields,
    prompt: z.union([z.string().min(1, 'prompt must not be empty'), z.array(z.string().min(1)).length(1)]),
  })
  .loose()
  .superRefine(refuseUnsupported())
  .transform((r) => ({ ...r, prompt: typeof r.prompt === 'string' ? r.prompt : (r.prompt[0] as string) }));
export type CompletionRequest = z.infer<typeof CompletionRequestSchema>;

/** OpenAI's default `max_tokens` for POST /v1/completions. */
export const defaultCompletionMaxTokens = 16;

/** What the hashes cover of a chat request, with its defaults filled in. */
export interface ChatHashedFields {
  max_tokens: number | null;
  messages: ChatMessage[];
  response_format: ResponseFormat;
  seed: number;
  stop: string[];
  temperature: number;
  tool_choice: ToolChoice | null;
  tools: ChatTool[] | null;
  top_p: number;
}

/** What the hashes cover of a completion request, with its defaults filled in. */
export interface CompletionHashedFields {
  max_tokens: number;
  prompt: string;
  seed: number;
  stop: string[];
  temperature: number;
  top_p: number;
}

interface SamplingInput {
  temperature?: number | null | undefined;
  top_p?: number | null | undefined;
  max_tokens?: number | null | undefined;
  stop?: string | readonly string[] | null | undefined;
  seed?: number | null | undefined;
}

/** The part of a chat request the input hash reads (a parsed ChatCompletionRequest is one). */
export interface ChatInput extends SamplingInput {
  messages: readonly Readonly<ChatMessage>[];
  max_completion_tokens?: number | null | undefined;
  response_format?: ResponseFormat | undefined;
  tools?: readonly ChatTool[] | null | undefined;
  tool_choice?: ToolChoice | null | undefined;
}

/** The part of a completion request the input hash reads (a parsed CompletionRequest is one). */
export interface CompletionInput extends SamplingInput {
  prompt: string;
}

function stopList(stop: SamplingInput['stop']): string[] {
  return stop === undefined || stop === null ? [] : typeof stop === 'string' ? [stop] : [...stop];
}

export function chatHashedFields(request: ChatInput): ChatHashedFields {
  const tools = request.tools && request.tools.length > 0 ? request.tools.map(normalizedTool) : null;
  return {
    max_tokens: request.max_completion_tokens ?? request.max_tokens ?? null,
    messages: request.messages.map((m) => ({
      role: m.role,
      content: m.content,
      ...(m.tool_calls && m.tool_calls.length > 0
        ? { tool_calls: m.tool_calls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments })) }
        : {}),
      ...(m.tool_call_id !== undefined ? { tool_call_id: m.tool_call_id } : {}),
    })),
    response_format: request.response_format ?? null,
    seed: request.seed ?? 0,
    stop: stopList(request.stop),
    temperature: request.temperature ?? 0,
    tool_choice: tools === null ? null : normalizedChoice(request.tool_choice ?? 'auto'),
    tools,
    top_p: request.top_p ?? 1,
  };
}

function normalizedTool(tool: ChatTool): ChatTool {
  const { name, description, parameters } = tool.function;
  return {
    type: 'function',
    function: {
      name,
      ...(description !== undefined ? { description } : {}),
      ...(parameters !== undefined ? { parameters } : {}),
    },
  };
}

function normalizedChoice(choice: ToolChoice): ToolChoice {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.function.name } };
}

export function completionHashedFields(request: CompletionInput): CompletionHashedFields {
  return {
    max_tokens: request.max_tokens ?? defaultCompletionMaxTokens,
    prompt: request.prompt,
    seed: request.seed ?? 0,
    stop: stopList(request.stop),
    temperature: request.temperature ?? 0,
    top_p: request.top_p ?? 1,
  };
}

/** A chat receipt's inputHash. */
export function chatInputHash(request: ChatInput): Hex {
  return hashCanonicalJson(chatHashedFields(request));
}

/** A completion receipt's inputHash. */
export function completionInputHash(request: CompletionInput): Hex {
  return hashCanonicalJson(completionHashedFields(request));
}

export type TextFinishReason = 'stop' | 'length' | 'tool_calls';

/** A generated tool call as hashed: its function name and its arguments as the JSON text generated (no id). */
export interface ToolCallOutput {
  name: string;
  arguments: string;
}

export interface TextOutput {
  /** The generated text; with tool calls, the text before them (`""` but for `tool_choice` `"auto"`). */
  text: string;
  finishReason: TextFinishReason;
  /** The calls, when the answer is tool calls (finish reason `tool_calls`); absent, null or empty otherwise. */
  toolCalls?: readonly ToolCallOutput[] | null | undefined;
}

/** A text receipt's outputHash (chat and completions alike). */
export function textOutputHash(output: TextOutput): Hex {
  const calls = output.toolCalls && output.toolCalls.length > 0 ? output.toolCalls : null;
  return hashCanonicalJson({
    finish_reason: output.finishReason,
    text: output.text,
    tool_calls: calls === null ? null : calls.map((c) => ({ name: c.name, arguments: c.arguments })),
  });
}

/** A generated call's id, as the answer states it: derived from the requestId (not hashed). */
export function toolCallId(requestId: string, index: number): string {
  return `call_${requestId.slice(2, 26)}_${index}`;
}
