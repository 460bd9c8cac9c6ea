/**
 * The LLM engine's node-llama-cpp binding: GGUF models run under a deterministic profile, so that a second node
 * replaying a request gets the same tokens. It owns the llama.cpp binding (one per process, released with the last
 * model), loading a model and its context, preparing a request into prompt tokens, grammar and stops (the checks
 * are request.ts's, the rendering prompt.ts's, the tools tools.ts's and grammar.ts's), queueing requests on the one
 * sequence, and the generation loop (text by incremental-text.ts; `auto` by functions.ts). The public types are
 * types.ts's.
 *
 * Deterministic profile: CPU only (`gpu: false`), the prebuilt binary only (`build: 'never'`, never a download or a
 * compile), one thread, a fixed batch size, one sequence per context with requests run one at a time, greedy
 * decoding at temperature 0 and otherwise seeded sampling (seed 0 when none is given) with top-k and min-p off.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerityError } from '@verity/protocol';
import {
  type ChatHistoryItem,
  type ChatModelFunctions,
  type ChatWrapper,
  getLlama,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaGrammar,
  LlamaGrammarEvaluationState,
  LlamaLogLevel,
  type LlamaModel,
  resolveChatWrapper,
  type Token,
} from 'node-llama-cpp';
import { chatHistoryOf, FixedChatWrapper, generateWithFunctions } from './functions.js';
import { responseFormatGrammar, toolCallGrammar } from './grammar.js';
import { endsWithTokens, IncrementalText } from './incremental-text.js';
import { FIXED_CHAT_STOP, renderFixedChat, templateChatHistory } from './prompt.js';
import { checkMessages, checkSettings, invalid, type Sampling } from './request.js';
import { type CallRequest, callSchema, chatFunctions, jsonValueEnd, MAX_CALLS, parseCall, resolveToolChoice } from './tools.js';
import type {
  LlmCompletion,
  LlmCompletionRequest,
  LlmEngine,
  LlmEngineOptions,
  LlmFinishReason,
  LlmTool,
  LoadedLlm,
} from './types.js';

/** The node-llama-cpp release this engine is pinned to; receipts name it. */
export const LLM_ENGINE_VERSION = '3.21.1';

export const defaultLlmEngineOptions: LlmEngineOptions = {
  maxModelBytes: 8 * 1024 * 1024 * 1024,
  threads: 1,
  batchSize: 512,
  maxContextTokens: 4096,
};

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
  sampling: Sampling;
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
      const grammar = prepared.call
        ? await this.#callGrammar(prepared.call)
        : await responseFormatGrammar(this.model.llama, request.responseFormat);
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
    const { requestedMaxTokens, stops, sampling } = checkSettings(request, this.contextSize);

    const tools = request.tools ?? [];
    const call = resolveToolChoice(request, tools);

    let promptTokens: Token[];
    const stopTokenSequences: Token[][] = [];
    let auto: AutoRequest | undefined;
    if (messages !== undefined) {
      checkMessages(messages);
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
        const state = wrapper.generateContextState({ chatHistory: templateChatHistory(messages, tools) });
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
      sampling,
      ...(call && call !== 'auto' ? { call } : {}),
      ...(auto ? { auto } : {}),
    };
  }

  /** The grammar of a call: a named tool's arguments, or `{"name": <a tool>, "arguments": <its parameters>}`. */
  #callGrammar(call: CallRequest): Promise<LlamaGrammar> {
    return toolCallGrammar(this.model.llama, callSchema(call));
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
        if (p.stopTokenSequences.some((s) => endsWithTokens(generated, s))) {
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
