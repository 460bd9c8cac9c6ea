/**
 * Executes inference requests: checks inputs against the model, runs it, signs the receipt with the operator
 * key, records it in SQLite before answering (in chain mode, in an epoch), and answers replays of a requestId
 * from that record.
 */
import { randomBytes } from 'node:crypto';
import {
  type ChatCompletionRequest,
  type Hex,
  type InferRequest,
  type ReceiptDomain,
  type SignedReceipt,
  VerityError,
  chatHashedFields,
  chatInputHash,
  chatOutputHash,
  decodeTensorMap,
  encodeTensorMap,
  hashDecodedTensorMap,
  parsePolicy,
  receiptDomain,
  signReceipt,
} from '@verity/protocol';
import { checkInputs } from '@verity/runtime';
import type { NodeDb, ReceiptRow } from './db.js';
import { applyFault } from './fault.js';
import type { ModelRegistry } from './models.js';
import type { NodeOptions } from './options.js';

export interface ExecutorOptions {
  privateKey: Hex;
  address: Hex;
  chainId: number;
  feeWei: string;
  fault?: NodeOptions['fault'];
  /** The receipts' EIP-712 domain; default `receiptDomain(chainId)` (no verifyingContract). */
  domain?: ReceiptDomain;
  /** Where receipts are recorded; default SQLite alone. */
  recorder?: ReceiptRecorder;
}

/** Records a signed receipt with its response: true when recorded, false when its requestId already was. */
export interface ReceiptRecorder {
  record(row: ReceiptRow, receipt: SignedReceipt): boolean;
}

/** The response body as JSON text: stored verbatim and sent verbatim, so a replay is byte-identical. */
export type InferResponseJson = string;

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
    parsePolicy(policy);
    const inputs = decodeTensorMap(request.inputs);
    checkInputs(model.signature, inputs);
    const inputHash = hashDecodedTensorMap(inputs);

    const requestId = request.requestId ? (request.requestId.toLowerCase() as Hex) : randomRequestId();
    if (request.requestId) {
      const stored = this.db.receipt(requestId);
      if (stored) return replay(stored, modelId, inputHash, policy);
    }

    const outputs = await model.run(inputs);
    applyFault(this.options.fault, outputs);
    const outputHash = hashDecodedTensorMap(outputs);
    return this.signAndRecord({ requestId, modelId, inputHash, outputHash, policy, engine: model.engine }, (receipt) =>
      JSON.stringify({ requestId, modelId, outputs: encodeTensorMap(outputs), policy, receipts: [receipt] }),
    );
  }

  /**
   * Runs a chat completion on a GGUF model: the receipt's inputHash is chatInputHash of the request, its
   * outputHash chatOutputHash of the text and finish reason. Recorded like tensor receipts before the reply.
   */
  async chat(request: ChatCompletionRequest): Promise<InferResponseJson> {
    const served = this.models.resolve(request.model);
    const modelId = served.entry.modelId;
    if (served.loaded.kind !== 'gguf') {
      throw new VerityError('INVALID_REQUEST', `${served.entry.id} is not a language model: use POST /v1/infer`, {
        details: { model: request.model, format: served.entry.format },
      });
    }
    const llm = served.loaded.llm;
    const policy = request.verity?.policy ?? 'none';
    parsePolicy(policy);
    const fields = chatHashedFields(request);
    const inputHash = chatInputHash(request);
    const requested = request.verity?.requestId;
    const requestId = requested ? (requested.toLowerCase() as Hex) : randomRequestId();
    if (requested) {
      const stored = this.db.receipt(requestId);
      if (stored) return replay(stored, modelId, inputHash, policy);
    }

    const completion = await llm.complete({
      messages: fields.messages,
      ...(fields.max_tokens !== null ? { maxTokens: fields.max_tokens } : {}),
      temperature: fields.temperature,
      topP: fields.top_p,
      seed: fields.seed,
      stop: fields.stop,
    });
    const outputHash = chatOutputHash(completion);
    return this.signAndRecord({ requestId, modelId, inputHash, outputHash, policy, engine: llm.engine }, (receipt, timestamp) =>
      JSON.stringify({
        id: `chatcmpl-${requestId.slice(2)}`,
        object: 'chat.completion',
        created: timestamp,
        model: served.entry.id,
        choices: [{ index: 0, message: { role: 'assistant', content: completion.text }, finish_reason: completion.finishReason }],
        usage: {
          prompt_tokens: completion.usage.promptTokens,
          completion_tokens: completion.usage.completionTokens,
          total_tokens: completion.usage.promptTokens + completion.usage.completionTokens,
        },
        verity: { requestId, modelId, policy, receipts: [receipt] },
      }),
    );
  }

  /** Signs the receipt, builds the response around it and records both before anything is released. */
  private signAndRecord(
    fields: { requestId: Hex; modelId: Hex; inputHash: Hex; outputHash: Hex; policy: string; engine: string },
    respond: (receipt: SignedReceipt, timestamp: number) => string,
  ): InferResponseJson {
    const { requestId, modelId, inputHash, outputHash, policy, engine } = fields;
    const timestamp = Math.floor(Date.now() / 1000);
    const receipt = signReceipt(
      this.options.privateKey,
      {
        requestId,
        modelId,
        inputHash,
        outputHash,
        executor: this.options.address,
        fee: this.options.feeWei,
        timestamp,
        policy,
        engine,
      },
      this.domain,
    );
    const responseJson = respond(receipt, timestamp);
    const row: ReceiptRow = {
      requestId,
      modelId,
      inputHash,
      outputHash,
      policy,
      feeWei: this.options.feeWei,
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

  /** The stored response for a requestId, or NOT_FOUND. */
  storedResponse(requestId: Hex): InferResponseJson {
    const stored = this.db.receipt(requestId.toLowerCase() as Hex);
    if (!stored)
      throw new VerityError('NOT_FOUND', `no receipt for request ${requestId} on this node`, { details: { requestId } });
    return stored.responseJson;
  }
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
