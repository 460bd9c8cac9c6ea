/**
 * Executes inference requests: checks inputs against the model, runs it, signs the receipt with the operator
 * key, records it in SQLite before answering (in chain mode, in an epoch), and answers replays of a requestId
 * from that record.
 */
import { randomBytes } from 'node:crypto';
import {
  type ChatCompletion,
  type ChatCompletionRequest,
  type ChatHashedFields,
  type CompletionRequest,
  type Hex,
  type InferRequest,
  type Price,
  type ReceiptDomain,
  type SignedReceipt,
  VerityError,
  checkRelayPolicy,
  costOf,
  type TextCompletion,
  type TextKind,
  chatHashedFields,
  chatInputHash,
  completionHashedFields,
  completionInputHash,
  generatedText,
  textAnswerId,
  textOutputHash,
  toolCallId,
  decodeTensorMap,
  encodeTensorMap,
  hashDecodedTensorMap,
  parsePolicy,
  receiptDomain,
  signReceipt,
} from '@verity/protocol';
import {
  type LlmCompletion,
  type LlmCompletionRequest,
  type LlmMessage,
  type LlmToolChoice,
  type LoadedLlm,
  checkInputs,
} from '@verity/runtime';
import type { NodeDb, ReceiptRow } from './db.js';
import type { ModelRegistry } from './models.js';

export interface ExecutorOptions {
  privateKey: Hex;
  address: Hex;
  chainId: number;
  /** The node's own price (see options' ownPrice). */
  price: Price;
  /** The receipts' EIP-712 domain; default `receiptDomain(chainId)` (no verifyingContract). */
  domain?: ReceiptDomain;
  /** The price of an answer of a model (in chain mode, raised to the model's published price); default `price`. */
  priceFor?: (modelId: Hex) => Promise<Price>;
  /** Where receipts are recorded; default SQLite alone. */
  recorder?: ReceiptRecorder;
}

/** Records a signed receipt with its response: true when recorded, false when its requestId already was. */
export interface ReceiptRecorder {
  record(row: ReceiptRow, receipt: SignedReceipt): boolean;
}

/** The response body as JSON text: stored verbatim and sent verbatim, so a replay is byte-identical. */
export type InferResponseJson = string;

/** A checked text request, ready to run (or a replay, answered from the record). */
export interface TextJob {
  kind: TextKind;
  llm: LoadedLlm;
  /** The model's `name@version`, as the answer's `model` field states it. */
  modelName: string;
  modelId: Hex;
  requestId: Hex;
  inputHash: Hex;
  policy: string;
  llmRequest: LlmCompletionRequest;
  /** The model's context in tokens (prompt and answer together); undefined for a relayed model. */
  contextLength: number | undefined;
  /** Unix seconds: the answer's and every stream chunk's `created`. */
  created: number;
  /** The stored response, when the requestId was answered before with this very request. */
  replay?: InferResponseJson;
}

function sampling(fields: { temperature: number; top_p: number; seed: number; stop: string[] }) {
  return { temperature: fields.temperature, topP: fields.top_p, seed: fields.seed, stop: fields.stop };
}

/** A chat's messages and tools as the engine takes them (call ids stay out of the prompt). */
function chatForEngine(fields: ChatHashedFields): Pick<LlmCompletionRequest, 'messages' | 'tools' | 'toolChoice'> {
  const messages = fields.messages.map(
    (m): LlmMessage => ({
      role: m.role,
      content: m.content,
      ...(m.tool_calls ? { toolCalls: m.tool_calls.map((c) => ({ name: c.name, arguments: c.arguments })) } : {}),
    }),
  );
  if (fields.tools === null) return { messages };
  const choice = fields.tool_choice ?? 'auto';
  const toolChoice: LlmToolChoice = typeof choice === 'string' ? choice : { name: choice.function.name };
  return { messages, tools: fields.tools.map((t) => t.function), toolChoice };
}

export class Executor {
  private readonly domain: ReceiptDomain;
  private readonly recorder: ReceiptRecorder;

  constructor(
    private readonly models: ModelRegistry,
    private readonly db: NodeDb,
    private readonly options: ExecutorOptions,
  ) {
    this.domain = options.domain ?? receiptDomain(options.chainId);
    this.recorder = options.recorder ?? { record: (row) => db.insertReceipt(row) };
  }

  /** The model id a reference resolves to on this node (UNKNOWN_MODEL when it serves none). */
  modelIdOf(model: string): Hex {
    return this.models.resolve(model).entry.modelId;
  }

  async infer(request: InferRequest): Promise<InferResponseJson> {
    const served = this.models.resolve(request.model);
    const modelId = served.entry.modelId;
    if (served.loaded.kind !== 'onnx') {
      throw new VerityError('INVALID_REQUEST', `${served.entry.id} is a language model: use POST /v1/chat/completions`, {
        details: { model: request.model, format: served.entry.format },
      });
    }
    const model = served.loaded.model;
    const policy = request.policy ?? 'none';
    // The node runs once whatever the policy; parsing only refuses names no one can verify against.
    checkRelayPolicy(served.entry.id, false, parsePolicy(policy));
    const inputs = decodeTensorMap(request.inputs);
    checkInputs(model.signature, inputs);
    const inputHash = hashDecodedTensorMap(inputs);

    const requestId = request.requestId ? (request.requestId.toLowerCase() as Hex) : randomRequestId();
    if (request.requestId) {
      const stored = this.db.receipt(requestId);
      if (stored) return replay(stored, modelId, inputHash, policy);
    }

    const outputs = await model.run(inputs);
    const outputHash = hashDecodedTensorMap(outputs);
    const fee = costOf(await this.priceFor(modelId));
    return this.signAndRecord({ requestId, modelId, inputHash, outputHash, policy, engine: model.engine, fee }, (receipt) =>
      JSON.stringify({ requestId, modelId, outputs: encodeTensorMap(outputs), policy, receipts: [receipt] }),
    );
  }

  /**
   * Checks a chat or completion request against its GGUF model and fixes what its receipt will say: the
   * requestId, the inputHash (chatInputHash or completionInputHash) and the policy. Throws on bad input, before
   * anything is generated; a stored answer for the requestId is found here (a replay).
   */
  prepareText(kind: TextKind, request: ChatCompletionRequest | CompletionRequest): TextJob {
    const served = this.models.resolve(request.model);
    if (served.loaded.kind === 'onnx') {
      throw new VerityError('INVALID_REQUEST', `${served.entry.id} is not a language model: use POST /v1/infer`, {
        details: { model: request.model, format: served.entry.format, param: 'model' },
      });
    }
    const policy = request.verity?.policy ?? 'none';
    checkRelayPolicy(served.entry.id, served.loaded.kind === 'relay', parsePolicy(policy));
    let inputHash: Hex;
    let llmRequest: LlmCompletionRequest;
    if (kind === 'chat') {
      const fields = chatHashedFields(request as ChatCompletionRequest);
      if (
        served.loaded.kind === 'relay' &&
        (fields.tools !== null || fields.messages.some((m) => m.role === 'tool' || m.tool_calls !== undefined))
      ) {
        throw new VerityError('INVALID_REQUEST', `${served.entry.id} is relayed: tools and tool messages are not relayed yet`, {
          details: { model: request.model, param: 'tools' },
        });
      }
      inputHash = chatInputHash(request as ChatCompletionRequest);
      llmRequest = {
        ...chatForEngine(fields),
        ...(fields.max_tokens !== null ? { maxTokens: fields.max_tokens } : {}),
        responseFormat: fields.response_format,
        ...sampling(fields),
      };
    } else {
      const fields = completionHashedFields(request as CompletionRequest);
      inputHash = completionInputHash(request as CompletionRequest);
      llmRequest = { prompt: fields.prompt, maxTokens: fields.max_tokens, ...sampling(fields) };
    }
    const requested = request.verity?.requestId;
    const requestId = requested ? (requested.toLowerCase() as Hex) : randomRequestId();
    const stored = requested ? this.db.receipt(requestId) : undefined;
    return {
      kind,
      llm: served.loaded.llm,
      modelName: served.entry.id,
      modelId: served.entry.modelId,
      requestId,
      inputHash,
      policy,
      llmRequest,
      contextLength: served.loaded.kind === 'relay' ? undefined : served.loaded.llm.contextSize,
      created: Math.floor(Date.now() / 1000),
      ...(stored ? { replay: replay(stored, served.entry.modelId, inputHash, policy) } : {}),
    };
  }

  /** Generates the whole answer, then signs and records it: the response JSON (stored, and sent as it is). */
  async completeText(job: TextJob): Promise<InferResponseJson> {
    if (job.replay !== undefined) return job.replay;
    const price = await this.priceFor(job.modelId);
    return this.#recordText(job, await job.llm.complete(job.llmRequest), price);
  }

  /**
   * Generates the answer as text pieces; when done, signs and records it and returns the response JSON. The
   * receipt covers the whole text, so it exists only once the stream ends (a replay yields the stored text).
   */
  async *streamText(job: TextJob): AsyncGenerator<string, InferResponseJson, void> {
    if (job.replay !== undefined) {
      const text = generatedText(JSON.parse(job.replay) as ChatCompletion | TextCompletion).text;
      if (text.length > 0) yield text;
      return job.replay;
    }
    const price = await this.priceFor(job.modelId);
    const completion = yield* job.llm.stream(job.llmRequest);
    return this.#recordText(job, completion, price);
  }

  /**
   * Signs the answer at `price`: its fee is what the tokens it used cost. A relayed answer is priced per answer only:
   * with no context to bound its tokens, its ceiling could not cover them.
   */
  #recordText(job: TextJob, completion: LlmCompletion, price: Price): InferResponseJson {
    const fee = costOf(price, job.contextLength === undefined ? undefined : completion.usage);
    const { requestId, modelId, inputHash, policy, created, modelName } = job;
    const outputHash = textOutputHash(completion);
    const usage = {
      prompt_tokens: completion.usage.promptTokens,
      completion_tokens: completion.usage.completionTokens,
      total_tokens: completion.usage.promptTokens + completion.usage.completionTokens,
    };
    const id = textAnswerId(job.kind, requestId);
    return this.signAndRecord({ requestId, modelId, inputHash, outputHash, policy, engine: job.llm.engine, fee }, (receipt) => {
      const verity = { requestId, modelId, policy, receipts: [receipt] };
      const answer: ChatCompletion | TextCompletion =
        job.kind === 'chat'
          ? {
              id,
              object: 'chat.completion',
              created,
              model: modelName,
              choices: [{ index: 0, message: chatMessage(requestId, completion), finish_reason: completion.finishReason }],
              usage,
              verity,
            }
          : {
              id,
              object: 'text_completion',
              created,
              model: modelName,
              // A prompt is never answered with calls (the engine takes tools for chats only).
              choices: [
                {
                  index: 0,
                  text: completion.text,
                  logprobs: null,
                  finish_reason: completion.finishReason === 'tool_calls' ? 'stop' : completion.finishReason,
                },
              ],
              usage,
              verity,
            };
      return JSON.stringify(answer);
    });
  }

  /** Signs the receipt, builds the response around it and records both before anything is released. */
  private signAndRecord(
    fields: { requestId: Hex; modelId: Hex; inputHash: Hex; outputHash: Hex; policy: string; engine: string; fee: bigint },
    respond: (receipt: SignedReceipt) => string,
  ): InferResponseJson {
    const { requestId, modelId, inputHash, outputHash, policy, engine } = fields;
    const fee = String(fields.fee);
    const timestamp = Math.floor(Date.now() / 1000);
    const receipt = signReceipt(
      this.options.privateKey,
      {
        requestId,
        modelId,
        inputHash,
        outputHash,
        executor: this.options.address,
        fee,
        timestamp,
        policy,
        engine,
      },
      this.domain,
    );
    const responseJson = respond(receipt);
    const row: ReceiptRow = {
      requestId,
      modelId,
      inputHash,
      outputHash,
      policy,
      feeWei: fee,
      timestamp,
      responseJson,
    };
    // Recorded before the reply leaves: a receipt the client holds is always one the node remembers.
    if (this.recorder.record(row, receipt)) return responseJson;
    // A concurrent request with this requestId committed first; its answer is the only one ever released.
    const winner = this.db.receipt(requestId);
    if (!winner) throw new VerityError('INTERNAL', 'receipt insert conflicted but no receipt is stored');
    return replay(winner, modelId, inputHash, policy);
  }

  /** The price of an answer of a model (the node's own, raised to the model's published one in chain mode). */
  priceFor(modelId: Hex): Promise<Price> {
    return this.options.priceFor ? this.options.priceFor(modelId) : Promise.resolve(this.options.price);
  }

  /** The stored response for a requestId, or NOT_FOUND. */
  storedResponse(requestId: Hex): InferResponseJson {
    const stored = this.db.receipt(requestId.toLowerCase() as Hex);
    if (!stored)
      throw new VerityError('NOT_FOUND', `no receipt for request ${requestId} on this node`, { details: { requestId } });
    return stored.responseJson;
  }
}

/**
 * The assistant's message: the text, or the calls with ids derived from the requestId (ids are not hashed) and the
 * text before them (`auto` keeps it; null when there is none).
 */
function chatMessage(requestId: Hex, completion: LlmCompletion): ChatCompletion['choices'][number]['message'] {
  const calls = completion.toolCalls ?? [];
  if (calls.length === 0) return { role: 'assistant', content: completion.text };
  return {
    role: 'assistant',
    content: completion.text === '' ? null : completion.text,
    tool_calls: calls.map((c, index) => ({
      id: toolCallId(requestId, index),
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    })),
  };
}

function randomRequestId(): Hex {
  return `0x${randomBytes(32).toString('hex')}`;
}

/** A retry of the same request gets the stored answer; anything else reusing the requestId is refused. */
function replay(stored: ReceiptRow, modelId: Hex, inputHash: Hex, policy: string): InferResponseJson {
  const differs: string[] = [];
  if (stored.modelId !== modelId) differs.push('modelId');
  if (stored.inputHash !== inputHash) differs.push('inputHash');
  if (stored.policy !== policy) differs.push('policy');
  if (differs.length === 0) return stored.responseJson;
  throw new VerityError(
    'DUPLICATE_REQUEST',
    `request ${stored.requestId} was already answered with a different ${differs.join(', ')}`,
    {
      details: { requestId: stored.requestId, differs },
    },
  );
}
