/**
 * Chat completions on a GGUF model over real HTTP on 127.0.0.1, with the real node-llama-cpp and the committed
 * tiny llama model: registration, OpenAI's response shape, receipts that verify against the chat hashes,
 * determinism, bad input, and hostile GGUF files.
 */
import { readFileSync } from 'node:fs';
import { getJson, postJson } from '@verity/http/client';
import {
  type ChatCompletion,
  type Hex,
  ChatCompletionSchema,
  type ModelEntry,
  ModelListSchema,
  addressOf,
  chatInputHash,
  chatOutputHash,
  verifyReceipt,
} from '@verity/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningNode } from '../src/index.js';
import { TempDirs, expectError, health, keys, modelBytes, startTestNode, upload, uploadAndRegister } from './helpers.js';

const ggufBytes = new Uint8Array(readFileSync(new URL('../../../models/tiny-llama.gguf', import.meta.url)));
const dirs = new TempDirs();
let node: RunningNode;
let entry: ModelEntry;

async function registerGguf(bytes: Uint8Array, name: string, version = '1'): Promise<ModelEntry> {
  const { sha256 } = await upload(node, bytes);
  return (await postJson(`${node.url}/v1/models`, { name, version, format: 'gguf', blob: sha256 })) as ModelEntry;
}

async function chat(body: Record<string, unknown>): Promise<ChatCompletion> {
  return ChatCompletionSchema.parse(await postJson(`${node.url}/v1/chat/completions`, body));
}

beforeAll(async () => {
  node = await startTestNode(dirs);
  entry = await registerGguf(ggufBytes, 'tiny-llama');
}, 60_000);

afterAll(async () => {
  await node?.close();
  await dirs.cleanup();
});

const request = {
  model: 'tiny-llama',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Hello there' },
  ],
  max_tokens: 24,
} as const;

describe('GGUF models', () => {
  it('registers a GGUF blob and lists it with format gguf and the LLM engine', async () => {
    expect(entry).toMatchObject({ id: 'tiny-llama@1', format: 'gguf', size: ggufBytes.byteLength });
    expect(entry.engine).toMatch(/^node-llama-cpp\/3\.21\.1\/cpu-threads1-batch\d+-ctx\d+$/);
    const list = ModelListSchema.parse(await getJson(`${node.url}/v1/models`));
    expect(list.data.find((m) => m.id === 'tiny-llama@1')?.format).toBe('gguf');
  });

  it('refuses a non-GGUF file and a corrupt GGUF with 422 INVALID_MODEL, and keeps serving', async () => {
    await expectError(registerGguf(modelBytes, 'not-gguf'), 'INVALID_MODEL', 422);
    const truncated = ggufBytes.slice(0, Math.floor(ggufBytes.byteLength / 3));
    await expectError(registerGguf(truncated, 'truncated'), 'INVALID_MODEL', 422);
    const garbled = ggufBytes.slice();
    // Past the magic and version: the tensor and metadata counts, then the first key's length.
    garbled.fill(0xff, 8, 40);
    await expectError(registerGguf(garbled, 'garbled'), 'INVALID_MODEL', 422);
    expect((await health(node)).ok).toBe(true);
    expect((await chat(request)).choices[0]?.message.role).toBe('assistant');
  });

  it('refuses chat on an ONNX model and tensors on a GGUF model', async () => {
    await uploadAndRegister(node, modelBytes, 'onnx-m', '1');
    await expectError(postJson(`${node.url}/v1/chat/completions`, { ...request, model: 'onnx-m' }), 'INVALID_REQUEST', 400);
    await expectError(postJson(`${node.url}/v1/infer`, { model: 'tiny-llama', inputs: {} }), 'INVALID_REQUEST', 400);
  });
});

describe('POST /v1/chat/completions', () => {
  it('answers in OpenAI shape with a receipt that verifies against the chat hashes', async () => {
    const response = await chat(request);
    expect(response.object).toBe('chat.completion');
    expect(response.model).toBe('tiny-llama@1');
    const choice = response.choices[0];
    if (!choice) throw new Error('no choice');
    expect(choice.index).toBe(0);
    expect(choice.message.content.length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(choice.finish_reason);
    expect(response.usage.completion_tokens).toBeGreaterThan(0);
    expect(response.usage.completion_tokens).toBeLessThanOrEqual(24);
    expect(response.usage.total_tokens).toBe(response.usage.prompt_tokens + response.usage.completion_tokens);
    expect(response.id).toBe(`chatcmpl-${response.verity.requestId.slice(2)}`);

    const { verity } = response;
    expect(verity).toMatchObject({ modelId: entry.modelId, policy: 'none' });
    expect(verity.receipts).toHaveLength(1);
    const report = verifyReceipt(verity.receipts[0], {
      trustedExecutors: [addressOf(keys.a)],
      modelId: entry.modelId,
      requestId: verity.requestId as Hex,
    });
    expect(report.ok).toBe(true);
    const message = verity.receipts[0]?.typedData.message;
    expect(message).toMatchObject({
      requestId: verity.requestId,
      modelId: entry.modelId,
      inputHash: chatInputHash(request),
      outputHash: chatOutputHash({ text: choice.message.content, finishReason: choice.finish_reason }),
      engine: entry.engine,
      policy: 'none',
    });
    expect(message?.executor.toLowerCase()).toBe(addressOf(keys.a).toLowerCase());
  });

  it('gives identical text for the same request twice, and replays a requestId byte for byte', async () => {
    const first = await chat(request);
    const second = await chat(request);
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
    expect(second.verity.receipts[0]?.typedData.message.outputHash).toBe(first.verity.receipts[0]?.typedData.message.outputHash);
    const requestId = `0x${'ab'.repeat(32)}`;
    const a = await chat({ ...request, verity: { requestId } });
    const b = await chat({ ...request, verity: { requestId } });
    expect(b).toEqual(a);
    await expectError(chat({ ...request, seed: 7, temperature: 1, verity: { requestId } }), 'DUPLICATE_REQUEST', 409);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const response = await chat({ ...request, max_tokens: 1, stop: [] });
    expect(response.usage.completion_tokens).toBe(1);
    expect(response.choices[0]?.finish_reason).toBe('length');
  });

  it('refuses bad input with 400 (empty messages, max_tokens 0, bad role) and 404 for an unknown model', async () => {
    const url = `${node.url}/v1/chat/completions`;
    await expectError(postJson(url, { ...request, messages: [] }), 'INVALID_REQUEST', 400);
    await expectError(postJson(url, { ...request, max_tokens: 0 }), 'INVALID_REQUEST', 400);
    await expectError(postJson(url, { ...request, messages: [{ role: 'tool', content: 'x' }] }), 'INVALID_REQUEST', 400);
    await expectError(postJson(url, { ...request, tools: [{ type: 'function' }] }), 'INVALID_REQUEST', 400);
    await expectError(postJson(url, { ...request, model: 'nope' }), 'UNKNOWN_MODEL', 404);
    await expectError(postJson(url, { ...request, max_tokens: 100_000 }), 'INVALID_REQUEST', 400);
  });
});
