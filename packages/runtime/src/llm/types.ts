/**
 * The LLM engine's public types: engine options, chat messages, tools and tool choices, completion requests and
 * completions, and the engine and loaded-model interfaces. Types only; the binding that implements them is
 * engine.ts.
 */

export interface LlmEngineOptions {
  /** Largest model file accepted, in bytes. */
  maxModelBytes: number;
  /** CPU threads for evaluation; part of the deterministic profile. */
  threads: number;
  /** Tokens evaluated per batch; part of the deterministic profile (prompt numerics depend on it). */
  batchSize: number;
  /** Upper bound on the context; the model's training context is used when smaller. */
  maxContextTokens: number;
}

export type LlmRole = 'system' | 'user' | 'assistant' | 'tool';

/** A tool call: a function's name and its arguments as JSON text. */
export interface LlmToolCall {
  name: string;
  arguments: string;
}

export interface LlmMessage {
  role: LlmRole;
  /** Null (or empty) only for an assistant message with tool calls. */
  content: string | null;
  /** An assistant message's calls (ids are not shown to the model). */
  toolCalls?: readonly LlmToolCall[];
}

export interface LlmTool {
  name: string;
  description?: string;
  /** A JSON schema of an object (the subset the JSON grammar supports); none means no arguments (`{}`). */
  parameters?: Record<string, unknown>;
}

/** `none` is text; `required` is one call to any tool; `{name}` is one call to that tool; `auto` is text or calls. */
export type LlmToolChoice = 'none' | 'auto' | 'required' | { name: string };

export interface LlmCompletionRequest {
  /** A chat; exactly one of `messages` and `prompt` is given. */
  messages?: readonly LlmMessage[];
  /** Raw text continued as is (the BOS token is added when the model asks for it). */
  prompt?: string;
  /** Most tokens to generate, 1 up to the context size; when not given, the rest of the context after the prompt. */
  maxTokens?: number;
  /** 0 (the default) is greedy decoding; up to 2. */
  temperature?: number;
  /** Nucleus sampling mass in (0, 1]; 1 (the default) is off. Ignored when greedy. */
  topP?: number;
  /** Sampling seed, an integer in [0, 2^32); 0 when not given. Ignored when greedy. */
  seed?: number;
  /** Up to 4 non-empty strings; generation ends before the first one produced, which is not part of the text. */
  stop?: readonly string[];
  /**
   * Constrains the output to JSON: any JSON object (`json_object`) or JSON that follows a JSON schema
   * (`json_schema`, the subset node-llama-cpp's grammar supports), by a grammar applied while sampling.
   */
  responseFormat?: { type: 'json_object' } | { type: 'json_schema'; schema: Record<string, unknown> } | null;
  /** Tools the chat may call (chat only; at most 64, unique names). */
  tools?: readonly LlmTool[];
  /** What to do with the tools; `auto` when tools are given and this is not. */
  toolChoice?: LlmToolChoice;
}

export type LlmFinishReason = 'stop' | 'length' | 'tool_calls';

export interface LlmCompletion {
  /** The generated text; with calls, the text before them (`""` but for `auto`). */
  text: string;
  /** The calls, when the finish reason is `tool_calls`. */
  toolCalls?: LlmToolCall[];
  /**
   * The generated token ids, including any that spelled a stop sequence; for `auto`, the tokens after the prompt
   * that the context holds when generation ends (a chat wrapper may add some of a call's syntax itself).
   */
  tokens: number[];
  finishReason: LlmFinishReason;
  usage: { promptTokens: number; completionTokens: number };
}

export interface LoadedLlm {
  /** `node-llama-cpp/<version>/cpu-threads<n>-batch<n>-ctx<n>`, as receipts state it. */
  readonly engine: string;
  readonly contextSize: number;
  /** Whether chats are rendered with the model's own chat template (else the fixed template). */
  readonly hasChatTemplate: boolean;
  complete(request: LlmCompletionRequest): Promise<LlmCompletion>;
  /**
   * Yields text chunks; its return value is the same completion `complete` gives for the same request. A request
   * for a call yields nothing while generating, then the whole text only when the answer is not a call; `auto`
   * yields text as it comes (none of a call).
   */
  stream(request: LlmCompletionRequest): AsyncGenerator<string, LlmCompletion, void>;
  dispose(): Promise<void>;
}

export interface LlmEngine {
  readonly engine: string;
  load(model: Uint8Array | { path: string }): Promise<LoadedLlm>;
}
