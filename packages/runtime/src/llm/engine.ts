/**
 * The LLM engine: GGUF models run by node-llama-cpp under a deterministic profile, so that a second node replaying
 * a request gets the same tokens. It owns the llama.cpp binding (one per process, released with the last model),
 * request checks, prompt rendering (the model's chat template, or the fixed template below), sampling settings,
 * stop sequences and incremental UTF-8-safe text streaming.
 *
 * Deterministic profile: CPU only (`gpu: false`), the prebuilt binary only (`build: 'never'`, never a download or a
 * compile), one thread, a fixed batch size, one sequence per context with requests run one at a time, greedy
 * decoding at temperature 0 and otherwise seeded sampling (seed 0 when none is given) with top-k and min-p off.
 *
 * Tools. For `none`, `required` and a named function the prompt shows the tools whatever the choice is (it depends
 * on the tools and the messages only; the choice only decides the grammar): a first system message
 * `Tools: <canonical JSON of [{name, description?, parameters?}]>` (the tools' functions, as hashed), each `tool`
 * message as `Tool: <content>`, and an assistant message's calls as their call texts
 * `{"name":<name>,"arguments":<arguments as given>}`, one a line after its content. The fixed template renders these as lines like any other (`System: Tools: [...]`, `Tool: ...`,
 * `Assistant: {"name":...}`); a model's own chat template gets the tools as a system message, tool results as
 * user messages and calls as the model's text (its own function-calling format is not used).
 * - `required`: the output is one call, `{"name": <one of the tools>, "arguments": <that tool's parameters>}`,
 *   by a JSON-schema grammar; a named function: its arguments object alone. Generation ends as soon as the JSON
 *   value is complete (finish reason `tool_calls`, the arguments as the exact JSON text generated); when it ends
 *   before that (the token limit, a stop sequence), the answer is the text so far with that finish reason.
 * - `auto`: the model answers text or calls in its chat wrapper's function-calling format (functions.ts): the
 *   wrapper node-llama-cpp resolves for the model's own template, which renders the tools, calls and results its
 *   own way, or for the fixed template the prompt above, in which a call is the call text
 *   `{"name":"<name>","arguments":<parameters>}`. Parameters follow their JSON schema; the arguments are the
 *   parameters node-llama-cpp parsed, as `JSON.stringify` writes them. The text before a call is kept; a call is
 *   not streamed. Not with `responseFormat` (node-llama-cpp takes a grammar or functions, not both).
 * - `none`: text, as without tools.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerityError, canonicalJson } from '@verity/protocol';
import {
  type ChatHistoryItem,
  type ChatModelFunctions,
  type ChatWrapper,
  getLlama,
  type Llama,
  type LlamaGrammar,
  LlamaGrammarEvaluationState,
  type LlamaContext,
  type LlamaContextSequence,
  LlamaLogLevel,
  type LlamaModel,
  resolveChatWrapper,
  type Token,
} from 'node-llama-cpp';
import { chatHistoryOf, FixedChatWrapper, generateWithFunctions } from './functions.js';

/** The node-llama-cpp release this engine is pinned to; receipts name it. */
export const LLM_ENGINE_VERSION = '3.21.1';

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

export const defaultLlmEngineOptions: LlmEngineOptions = {
  maxModelBytes: 8 * 1024 * 1024 * 1024,
  threads: 1,
  batchSize: 512,
  maxContextTokens: 4096,
};

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

const MAX_STOP_SEQUENCES = 4;
const MAX_SEED = 2 ** 32;
/** Most calls in one `auto` answer: as many as tools may be given (and a stream's `delta.tool_calls` indexes). */
const MAX_CALLS = 64;

/**
 * The fixed chat template, for models without one: each message as `<Role>: <content>\n` (roles `System`, `User`,
 * `Assistant`), then `Assistant:` for the model to continue, after BOS when the model asks for it. `\nUser:` is an
 * implicit stop sequence, so a model that keeps writing the dialogue ends its turn there.
 */
export const FIXED_CHAT_STOP = '\nUser:';
const fixedRoleNames: Record<LlmRole, string> = { system: 'System', user: 'User', assistant: 'Assistant', tool: 'Tool' };
export function renderFixedChat(messages: readonly LlmMessage[], tools: readonly LlmTool[] = []): string {
  const lines = [
    ...(tools.length > 0 ? [`System: ${toolsText(tools)}`] : []),
    ...messages.map((m) => `${fixedRoleNames[m.role]}: ${messageText(m)}`),
  ];
  return `${lines.map((line) => `${line}\n`).join('')}Assistant:`;
}

/** The tools as the prompt shows them: `Tools: ` and the canonical JSON of their functions. */
export function toolsText(tools: readonly LlmTool[]): string {
  return `Tools: ${canonicalJson(tools)}`;
}

/** A call as the prompt shows it, and as `required` generates it: `{"name":...,"arguments":...}`. */
export function toolCallText(call: LlmToolCall): string {
  return `{"name":${JSON.stringify(call.name)},"arguments":${call.arguments}}`;
}

/** A message's text: its content, then its calls one a line. */
function messageText(m: LlmMessage): string {
  return [...(m.content ? [m.content] : []), ...(m.toolCalls ?? []).map(toolCallText)].join('\n');
}

/** The arguments of a tool without parameters: an empty object. */
const noParameters = { type: 'object', properties: {}, additionalProperties: false };

// One binding per process: getLlama probes the binaries (about a second), so models share it; it is released
// when the last loaded model is disposed.
let sharedLlama: Promise<Llama> | undefined;
let sharedLlamaUsers = 0;

async function acquireLlama(): Promise<Llama> {
  sharedLlamaUsers += 1;
  sharedLlama ??= getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error, progressLogs: false });
  try {
    return await sharedLlama;
  } catch (cause) {
    sharedLlama = undefined;
    sharedLlamaUsers -= 1;
    throw new VerityError('ENGINE_ERROR', 'node-llama-cpp could not start its CPU binding', { cause });
  }
}

async function releaseLlama(): Promise<void> {
  sharedLlamaUsers -= 1;
  if (sharedLlamaUsers > 0 || sharedLlama === undefined) return;
  const llama = sharedLlama;
  sharedLlama = undefined;
  await (await llama).dispose();
}

export function createLlmEngine(options: Partial<LlmEngineOptions> = {}): LlmEngine {
  const opts: LlmEngineOptions = { ...defaultLlmEngineOptions, ...options };
  return {
    engine: `node-llama-cpp/${LLM_ENGINE_VERSION}/cpu-threads${opts.threads}-batch${opts.batchSize}`,
    load: (model) => loadLlm(model, opts),
  };
}

async function loadLlm(source: Uint8Array | { path: string }, opts: LlmEngineOptions): Promise<LoadedLlm> {
  let tempPath: string | undefined;
  let modelPath: string;
  if (source instanceof Uint8Array) {
    if (source.byteLength > opts.maxModelBytes) {
      throw new VerityError('MODEL_TOO_LARGE', 'model is larger than this engine accepts', {
        details: { bytes: source.byteLength, maxModelBytes: opts.maxModelBytes },
      });
    }
    // llama.cpp reads models from files only; the file lives as long as the model.
    tempPath = join(tmpdir(), `verity-llm-${randomUUID()}.gguf`);
    await writeFile(tempPath, source);
    modelPath = tempPath;
  } else {
    modelPath = source.path;
  }
  const removeTemp = async () => {
    if (tempPath !== undefined) await rm(tempPath, { force: true });
  };

  let llama: Llama;
  try {
    llama = await acquireLlama();
  } catch (error) {
    await removeTemp();
    throw error;
  }
  let model: LlamaModel | undefined;
  let context: LlamaContext;
  try {
    model = await llama.loadModel({ modelPath, gpuLayers: 0 });
    const contextSize = Math.min(model.trainContextSize, opts.maxContextTokens);
    context = await model.createContext({
      contextSize,
      batchSize: Math.min(opts.batchSize, contextSize),
      threads: { ideal: opts.threads, min: opts.threads },
      sequences: 1,
      flashAttention: false,
    });
  } catch (cause) {
    await model?.dispose().catch(() => undefined);
    await releaseLlama();
    await removeTemp();
    throw new VerityError('INVALID_MODEL', 'node-llama-cpp could not load the model', {
      details: { reason: cause instanceof Error ? cause.message : String(cause) },
      cause,
    });
  }
  return new NodeLlamaCppModel(model, context, opts, async () => {
    await releaseLlama();
    await removeTemp();
  });
}

/** A call the request asks for: `required` (any of the tools) or one named tool. */
type CallRequest = { tools: readonly LlmTool[]; named: boolean };

/** Text or calls (`auto`), in a chat wrapper's function-calling format. */
interface AutoRequest {
  tools: readonly LlmTool[];
  wrapper: ChatWrapper;
  history: ChatHistoryItem[];
  functions: ChatModelFunctions;
}

interface Prepared {
  grammar?: LlamaGrammar;
  call?: CallRequest;
  auto?: AutoRequest;
  promptTokens: Token[];
  maxTokens: number;
  stops: string[];
  stopTokenSequences: Token[][];
  sampling: { temperature: number; topP: number; topK: number; minP: number; seed: number };
}

class NodeLlamaCppModel implements LoadedLlm {
  readonly engine: string;
  readonly contextSize: number;
  readonly hasChatTemplate: boolean;
  readonly #sequence: LlamaContextSequence;
  /** Requests run one at a time on the one sequence: the tail of the queue. */
  #queue: Promise<void> = Promise.resolve();
  #disposed = false;

  constructor(
    readonly model: LlamaModel,
    readonly context: LlamaContext,
    opts: LlmEngineOptions,
    private readonly release: () => Promise<void>,
  ) {
    this.contextSize = context.contextSize;
    this.engine = `node-llama-cpp/${LLM_ENGINE_VERSION}/cpu-threads${opts.threads}-batch${context.batchSize}-ctx${this.contextSize}`;
    this.#sequence = context.getSequence();
    const template = model.fileInfo.metadata.tokenizer?.chat_template;
    this.hasChatTemplate = typeof template === 'string' && template.length > 0;
  }

  async complete(request: LlmCompletionRequest): Promise<LlmCompletion> {
    const chunks = this.stream(request);
    for (;;) {
      const next = await chunks.next();
      if (next.done) return next.value;
    }
  }

  async *stream(request: LlmCompletionRequest): AsyncGenerator<string, LlmCompletion, void> {
    if (this.#disposed) throw new VerityError('ENGINE_ERROR', 'the model was disposed');
    const prepared = this.#prepare(request);
    if (prepared.auto) {
      // Checks every tool's parameters now: node-llama-cpp builds a call's grammar only once the model calls.
      await this.#callGrammar({ tools: prepared.auto.tools, named: false });
    } else {
      const grammar = prepared.call ? await this.#callGrammar(prepared.call) : await this.#grammarFor(request.responseFormat);
      if (grammar) prepared.grammar = grammar;
    }
    const previous = this.#queue;
    let done!: () => void;
    this.#queue = new Promise((resolve) => {
      done = resolve;
    });
    await previous;
    try {
      if (prepared.auto) {
        const { wrapper, history, functions } = prepared.auto;
        return yield* generateWithFunctions({
          sequence: this.#sequence,
          wrapper,
          history,
          functions,
          maxCalls: MAX_CALLS,
          promptTokens: prepared.promptTokens.length,
          maxTokens: prepared.maxTokens,
          stops: prepared.stops,
          sampling: prepared.sampling,
        });
      }
      return yield* this.#generate(prepared);
    } finally {
      done();
    }
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.#queue;
    await this.context.dispose();
    await this.model.dispose();
    await this.release();
  }

  #prepare(request: LlmCompletionRequest): Prepared {
    const { messages, prompt } = request;
    if ((messages === undefined) === (prompt === undefined)) {
      throw invalid('give exactly one of messages and prompt');
    }
    const requestedMaxTokens = request.maxTokens;
    if (
      requestedMaxTokens !== undefined &&
      (!Number.isInteger(requestedMaxTokens) || requestedMaxTokens < 1 || requestedMaxTokens > this.contextSize)
    ) {
      throw invalid(`maxTokens must be an integer from 1 to ${this.contextSize}`, { maxTokens: requestedMaxTokens });
    }
    const temperature = request.temperature ?? 0;
    if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2) {
      throw invalid('temperature must be from 0 to 2', { temperature });
    }
    const topP = request.topP ?? 1;
    if (!Number.isFinite(topP) || topP <= 0 || topP > 1) throw invalid('topP must be in (0, 1]', { topP });
    const seed = request.seed ?? 0;
    if (!Number.isInteger(seed) || seed < 0 || seed >= MAX_SEED) {
      throw invalid('seed must be an integer in [0, 2^32)', { seed });
    }
    const stops = [...(request.stop ?? [])];
    if (stops.length > MAX_STOP_SEQUENCES || stops.some((s) => typeof s !== 'string' || s.length === 0)) {
      throw invalid(`stop must be at most ${MAX_STOP_SEQUENCES} non-empty strings`);
    }

    const tools = request.tools ?? [];
    const call = this.#callRequest(request, tools);

    let promptTokens: Token[];
    const stopTokenSequences: Token[][] = [];
    let auto: AutoRequest | undefined;
    if (messages !== undefined) {
      if (messages.length === 0) throw invalid('messages must not be empty');
      for (const [index, m] of messages.entries()) {
        const calls = m.toolCalls ?? [];
        if (
          !(m.role in fixedRoleNames) ||
          !(typeof m.content === 'string' || (m.content === null && m.role === 'assistant' && calls.length > 0)) ||
          (calls.length > 0 && m.role !== 'assistant') ||
          calls.some((c) => typeof c.name !== 'string' || typeof c.arguments !== 'string')
        ) {
          throw invalid(
            'each message needs a role (system, user, assistant or tool) and string content (null only with tool calls)',
            { index },
          );
        }
      }
      if (call === 'auto') {
        if (request.responseFormat) {
          throw invalid('response_format is not served with tool_choice "auto"; use tool_choice "none" or "required"', {
            param: 'response_format',
          });
        }
        const bos = this.model.tokens.shouldPrependBosToken && this.model.tokens.bos !== null;
        const wrapper = this.hasChatTemplate
          ? resolveChatWrapper(this.model)
          : new FixedChatWrapper(renderFixedChat(messages, tools), bos, FIXED_CHAT_STOP);
        const functions = chatFunctions(tools);
        const history = chatHistoryOf(messages);
        const state = wrapper.generateContextState({
          chatHistory: history,
          availableFunctions: functions,
          documentFunctionParams: true,
        });
        promptTokens = state.contextText.tokenize(this.model.tokenizer);
        auto = { tools, wrapper, history, functions };
      } else if (this.hasChatTemplate) {
        const wrapper = resolveChatWrapper(this.model);
        const state = wrapper.generateContextState({
          chatHistory: [
            ...(tools.length > 0 ? [{ type: 'system' as const, text: toolsText(tools) }] : []),
            ...messages.map((m) =>
              m.role === 'assistant'
                ? { type: 'model' as const, response: [messageText(m)] }
                : m.role === 'tool'
                  ? { type: 'user' as const, text: `Tool: ${m.content ?? ''}` }
                  : { type: m.role, text: m.content ?? '' },
            ),
            { type: 'model', response: [] },
          ],
        });
        promptTokens = state.contextText.tokenize(this.model.tokenizer);
        // The template's end-of-turn markers; EOG tokens among them already end generation.
        for (const trigger of state.stopGenerationTriggers) {
          const tokens = trigger.tokenize(this.model.tokenizer);
          if (tokens.length > 0) stopTokenSequences.push(tokens);
        }
      } else {
        promptTokens = this.#tokenizeText(renderFixedChat(messages, tools));
        stops.push(FIXED_CHAT_STOP);
      }
    } else {
      if (typeof prompt !== 'string') throw invalid('prompt must be a string');
      if (tools.length > 0) throw invalid('tools are for chats, not prompts', { param: 'tools' });
      promptTokens = this.#tokenizeText(prompt);
    }
    if (promptTokens.length === 0) throw invalid('the prompt is empty');
    const maxTokens = requestedMaxTokens ?? this.contextSize - promptTokens.length;
    if (maxTokens < 1 || promptTokens.length + maxTokens > this.contextSize) {
      throw new VerityError('INPUT_TOO_LARGE', 'the prompt and maxTokens do not fit in the context', {
        details: { promptTokens: promptTokens.length, maxTokens, contextSize: this.contextSize },
      });
    }
    return {
      promptTokens,
      maxTokens,
      stops,
      stopTokenSequences,
      sampling: { temperature, topP, topK: 0, minP: 0, seed },
      ...(call && call !== 'auto' ? { call } : {}),
      ...(auto ? { auto } : {}),
    };
  }

  /** The call a request asks for, `auto` (text or calls), or none (text); refuses choices that name no given tool. */
  #callRequest(request: LlmCompletionRequest, tools: readonly LlmTool[]): CallRequest | 'auto' | undefined {
    const choice = request.toolChoice ?? (tools.length > 0 ? 'auto' : 'none');
    if (choice === 'none' || (choice === 'auto' && tools.length === 0)) return undefined;
    if (tools.length === 0) throw invalid('tool_choice asks for a call but no tools are given', { param: 'tool_choice' });
    if (choice === 'auto') return 'auto';
    if (choice === 'required') return { tools, named: false };
    const tool = tools.find((t) => t.name === choice.name);
    if (!tool) throw invalid(`tool_choice names ${choice.name}, which is not among the tools`, { param: 'tool_choice' });
    return { tools: [tool], named: true };
  }

  /** The grammar of a call: a named tool's arguments, or `{"name": <a tool>, "arguments": <its parameters>}`. */
  async #callGrammar(call: CallRequest): Promise<LlamaGrammar> {
    const callSchema = (t: LlmTool) => ({
      type: 'object',
      properties: { name: { const: t.name }, arguments: t.parameters ?? noParameters },
      required: ['name', 'arguments'],
      additionalProperties: false,
    });
    const first = call.tools[0] as LlmTool;
    const schema = call.named
      ? (first.parameters ?? noParameters)
      : call.tools.length === 1
        ? callSchema(first)
        : { oneOf: call.tools.map(callSchema) };
    try {
      return await this.model.llama.createGrammarForJsonSchema(grammarSchema(schema) as never);
    } catch (cause) {
      throw new VerityError('INVALID_REQUEST', "a tool's parameters are not a JSON schema this engine can follow", {
        details: { param: 'tools', reason: cause instanceof Error ? cause.message : String(cause) },
        cause,
      });
    }
  }

  async #grammarFor(format: LlmCompletionRequest['responseFormat']): Promise<LlamaGrammar | undefined> {
    if (!format) return undefined;
    const llama = this.model.llama;
    if (format.type === 'json_object') return llama.getGrammarFor('json');
    try {
      return await llama.createGrammarForJsonSchema(grammarSchema(format.schema) as never);
    } catch (cause) {
      throw new VerityError('INVALID_REQUEST', 'response_format.json_schema.schema is not a JSON schema this engine can follow', {
        details: { param: 'response_format', reason: cause instanceof Error ? cause.message : String(cause) },
        cause,
      });
    }
  }

  #tokenizeText(text: string): Token[] {
    const tokens = this.model.tokenize(text, false);
    const bos = this.model.tokens.bos;
    return this.model.tokens.shouldPrependBosToken && bos !== null ? [bos, ...tokens] : tokens;
  }

  async *#generate(p: Prepared): AsyncGenerator<string, LlmCompletion, void> {
    const sequence = this.#sequence;
    await sequence.clearHistory();
    const generated: Token[] = [];
    const text = new IncrementalText(this.model, p.promptTokens, p.stops);
    let finishReason: LlmFinishReason = 'length';
    // A call is not streamed as text: it ends as soon as its JSON value is complete.
    let callEnd = -1;
    const evaluation = sequence.evaluate(p.promptTokens, {
      ...p.sampling,
      ...(p.grammar
        ? { grammarEvaluationState: new LlamaGrammarEvaluationState({ model: this.model, grammar: p.grammar }) }
        : {}),
    });
    try {
      for await (const token of evaluation) {
        generated.push(token);
        if (p.stopTokenSequences.some((s) => endsWith(generated, s))) {
          finishReason = 'stop';
          break;
        }
        const chunk = text.push(token);
        if (text.stopped) {
          finishReason = 'stop';
          if (chunk.length > 0 && !p.call) yield chunk;
          break;
        }
        if (chunk.length > 0 && !p.call) yield chunk;
        if (p.call) {
          callEnd = jsonValueEnd(text.seen, 0);
          if (callEnd !== -1) break;
        }
        if (generated.length >= p.maxTokens) break;
      }
      // The evaluation ends by itself only on an end-of-generation token.
      if (callEnd === -1 && !text.stopped && generated.length < p.maxTokens) finishReason = 'stop';
    } catch (cause) {
      if (cause instanceof VerityError) throw cause;
      throw new VerityError('ENGINE_ERROR', 'node-llama-cpp failed while generating', { cause });
    } finally {
      await evaluation.return();
    }
    const rest = text.flush();
    const usage = { promptTokens: p.promptTokens.length, completionTokens: generated.length };
    const toolCall = p.call && callEnd !== -1 ? parseCall(p.call, text.emitted) : undefined;
    if (toolCall) return { text: '', toolCalls: [toolCall], tokens: generated, finishReason: 'tool_calls', usage };
    if (p.call) {
      if (text.emitted.length > 0) yield text.emitted;
    } else if (rest.length > 0) yield rest;
    return { text: text.emitted, tokens: generated, finishReason, usage };
  }
}

/**
 * Turns generated tokens into text chunks that only ever extend what was sent: a token may end inside a UTF-8
 * character (byte tokens do), so trailing U+FFFD is held back until the next token settles it, and so is any tail
 * that could still grow into a stop sequence.
 */
class IncrementalText {
  emitted = '';
  stopped = false;
  /** The settled text so far: what was sent and what is held back. */
  get seen(): string {
    return this.emitted + this.#held;
  }
  /** Tokens not yet turned into settled text, and the text they decode to. */
  #pending: Token[] = [];
  #pendingText = '';
  /** Settled text not yet sent because it might begin a stop sequence. */
  #held = '';
  #context: Token[];

  constructor(
    private readonly model: LlamaModel,
    promptTokens: readonly Token[],
    private readonly stops: readonly string[],
  ) {
    this.#context = promptTokens.slice(-8);
  }

  push(token: Token): string {
    this.#pending.push(token);
    this.#pendingText = this.model.detokenize(this.#pending, false, this.#context);
    if (this.#pendingText.endsWith('\uFFFD')) return '';
    return this.#settle(this.#pendingText, false);
  }

  flush(): string {
    if (this.stopped) return '';
    return this.#settle(this.#pending.length > 0 ? this.#pendingText : '', true);
  }

  #settle(settled: string, final: boolean): string {
    this.#context = [...this.#context, ...this.#pending].slice(-8);
    this.#pending = [];
    this.#pendingText = '';
    let candidate = this.#held + settled;
    // A stop may straddle already-sent text only within the held tail, which is why the tail was held.
    let cut = -1;
    for (const stop of this.stops) {
      const at = candidate.indexOf(stop);
      if (at !== -1 && (cut === -1 || at < cut)) cut = at;
    }
    if (cut !== -1) {
      this.stopped = true;
      candidate = candidate.slice(0, cut);
      this.#held = '';
      this.emitted += candidate;
      return candidate;
    }
    const hold = final ? 0 : longestStopPrefixSuffix(candidate, this.stops);
    const out = candidate.slice(0, candidate.length - hold);
    this.#held = candidate.slice(candidate.length - hold);
    this.emitted += out;
    return out;
  }
}

/**
 * The index just past the JSON object or array that starts at `start` (after whitespace), or -1 while it is not
 * complete. Only brackets outside strings count; the grammar makes the rest well-formed.
 */
export function jsonValueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r') return -1;
  }
  return -1;
}

/** A complete call's name and arguments, the arguments as the exact JSON text generated. */
function parseCall(call: CallRequest, text: string): LlmToolCall | undefined {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (call.named) return { name: (call.tools[0] as LlmTool).name, arguments: trimmed };
  const name = (value as { name?: unknown }).name;
  if (typeof name !== 'string' || !call.tools.some((t) => t.name === name)) return undefined;
  // The grammar writes "name" first and "arguments" last; a name cannot contain quotes, so this is the key.
  const key = trimmed.indexOf('"arguments"');
  const colon = key === -1 ? -1 : trimmed.indexOf(':', key + '"arguments"'.length);
  if (colon === -1) return undefined;
  let start = colon + 1;
  while (start < trimmed.length && /\s/.test(trimmed[start] as string)) start++;
  const end = jsonValueEnd(trimmed, start);
  if (end === -1) return undefined;
  return { name, arguments: trimmed.slice(start, end) };
}

/** The tools as node-llama-cpp's functions: a description and the parameters' schema, when given. */
function chatFunctions(tools: readonly LlmTool[]): ChatModelFunctions {
  return Object.fromEntries(
    tools.map((t) => [
      t.name,
      {
        ...(t.description !== undefined ? { description: t.description } : {}),
        ...(t.parameters !== undefined ? { params: grammarSchema(t.parameters) as never } : {}),
      },
    ]),
  );
}

/**
 * A JSON schema as node-llama-cpp's grammar reads it: `anyOf` as `oneOf` (it knows only `oneOf`, and for a grammar
 * the two are the same: any branch may match), at every depth.
 */
function grammarSchema(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  if (Array.isArray(schema)) return schema.map(grammarSchema);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, grammarSchema(v)]));
    } else if (['items', 'prefixItems', 'anyOf', 'oneOf', 'additionalProperties'].includes(key)) {
      out[key === 'anyOf' ? 'oneOf' : key] = grammarSchema(value);
    } else out[key] = value;
  }
  return out;
}

/** Length of the longest suffix of `text` that is a proper prefix of some stop sequence. */
function longestStopPrefixSuffix(text: string, stops: readonly string[]): number {
  let best = 0;
  for (const stop of stops) {
    for (let n = Math.min(stop.length - 1, text.length); n > best; n--) {
      if (text.endsWith(stop.slice(0, n))) {
        best = n;
        break;
      }
    }
  }
  return best;
}

function endsWith(tokens: readonly Token[], tail: readonly Token[]): boolean {
  if (tail.length > tokens.length) return false;
  const offset = tokens.length - tail.length;
  return tail.every((t, i) => tokens[offset + i] === t);
}

function invalid(message: string, details: Record<string, unknown> = {}): VerityError {
  return new VerityError('INVALID_REQUEST', message, { details });
}
