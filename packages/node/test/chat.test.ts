/**
 * Chat completions on a GGUF model over real HTTP on 127.0.0.1, with the real node-llama-cpp and the committed
 * tiny llama model: registration, OpenAI's response shape, receipts that verify against the chat hashes,
 * determinism, bad input, hostile GGUF files, and tool calls.
 */
import { readFileSync } from 'node:fs';
import { getJson, postJson, postJsonText } from '@verity/http/client';
import {
  type ChatCompletion,
  ChatCompletionChunkSchema,
  ChatCompletionRequestSchema,
  type Hex,
  ChatCompletionSchema,
  TextCompletionChunkSchema,
  assembleToolCalls,
  generatedText,
  TextCompletionSchema,
  completionInputHash,
  verifyTextResponse,
  type ModelEntry,
  ModelListSchema,
  addressOf,
  chatInputHash,
  textOutputHash,
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
    expect(choice.message.content?.length).toBeGreaterThan(0);
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
      outputHash: textOutputHash({ text: choice.message.content ?? '', finishReason: choice.finish_reason }),
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

/** Posts a streamed request and returns its status, content type and the parsed `data:` events. */
async function postStream(path: string, body: Record<string, unknown>) {
  const response = await fetch(`${node.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  const text = await response.text();
  if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
    return { status: response.status, contentType: response.headers.get('content-type'), events: [] };
  const events = text
    .split('\n\n')
    .filter((e) => e.length > 0)
    .map((e) => {
      expect(e.startsWith('data: ')).toBe(true);
      const data = e.slice('data: '.length);
      return data === '[DONE]' ? '[DONE]' : (JSON.parse(data) as Record<string, unknown>);
    });
  return { status: response.status, contentType: response.headers.get('content-type'), events };
}

describe('streaming (server-sent events)', () => {
  it('streams the same text and the same receipt as the whole answer, ending with the receipt chunk and [DONE]', async () => {
    const whole = await chat({ ...request, verity: { requestId: `0x${'c1'.repeat(32)}` } });
    const { status, contentType, events } = await postStream('/v1/chat/completions', request);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => ChatCompletionChunkSchema.parse(e));
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(whole.choices[0]?.message.content);
    const last = chunks.at(-1);
    expect(last?.choices[0]?.finish_reason).toBe(whole.choices[0]?.finish_reason);
    expect(last?.usage).toEqual(whole.usage);
    const verity = last?.verity;
    if (!verity) throw new Error('no receipts in the last chunk');
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set([`chatcmpl-${verity.requestId.slice(2)}`]));
    const report = verifyTextResponse(
      { text, finishReason: last.choices[0]?.finish_reason ?? 'stop', verity },
      { request, trustedExecutors: [addressOf(keys.a)] },
    );
    expect(report.ok).toBe(true);
    expect(verity.receipts[0]?.typedData.message.outputHash).toBe(whole.verity.receipts[0]?.typedData.message.outputHash);
  });

  it('replays a streamed requestId from the record', async () => {
    const requestId = `0x${'c2'.repeat(32)}`;
    const first = await postStream('/v1/chat/completions', { ...request, verity: { requestId } });
    const again = await postStream('/v1/chat/completions', { ...request, verity: { requestId } });
    const receiptOf = (events: unknown[]) => (events.at(-2) as { verity: unknown }).verity;
    expect(receiptOf(again.events)).toEqual(receiptOf(first.events));
  });

  it('answers bad input with an ordinary error response, not a stream', async () => {
    const { status, events } = await postStream('/v1/chat/completions', { ...request, max_tokens: 100_000 });
    expect(status).toBe(400);
    expect(events).toHaveLength(0);
  });
});

describe('POST /v1/completions', () => {
  const prompt = { model: 'tiny-llama', prompt: 'Once upon a time', max_tokens: 12 };
  it('continues a prompt in OpenAI shape with a receipt over completionInputHash', async () => {
    const answer = TextCompletionSchema.parse(await postJson(`${node.url}/v1/completions`, prompt));
    expect(answer.object).toBe('text_completion');
    expect(answer.id).toBe(`cmpl-${answer.verity.requestId.slice(2)}`);
    const choice = answer.choices[0];
    if (!choice) throw new Error('no choice');
    expect(answer.verity.receipts[0]?.typedData.message.inputHash).toBe(completionInputHash(prompt));
    const report = verifyTextResponse(
      { text: choice.text, finishReason: choice.finish_reason, verity: answer.verity },
      { request: prompt, trustedExecutors: [addressOf(keys.a)] },
    );
    expect(report.ok).toBe(true);
  });

  it('streams text_completion chunks', async () => {
    const whole = TextCompletionSchema.parse(await postJson(`${node.url}/v1/completions`, prompt));
    const { events } = await postStream('/v1/completions', prompt);
    const chunks = events.slice(0, -1).map((e) => TextCompletionChunkSchema.parse(e));
    expect(chunks.map((c) => c.choices[0]?.text ?? '').join('')).toBe(whole.choices[0]?.text);
    expect(chunks.at(-1)?.verity?.receipts[0]?.typedData.message.outputHash).toBe(
      whole.verity.receipts[0]?.typedData.message.outputHash,
    );
  });
});

describe('JSON mode', () => {
  it('constrains the answer to JSON following a schema', async () => {
    const schema = {
      type: 'object',
      properties: { answer: { type: 'string' }, confidence: { enum: ['low', 'high'] } },
      required: ['answer', 'confidence'],
    };
    const response = await chat({
      ...request,
      max_tokens: 120,
      response_format: { type: 'json_schema', json_schema: { name: 'reply', schema } },
    });
    const content = response.choices[0]?.message.content ?? '';
    if (response.choices[0]?.finish_reason === 'stop') {
      const parsed = JSON.parse(content) as { answer: unknown; confidence: unknown };
      expect(typeof parsed.answer).toBe('string');
      expect(['low', 'high']).toContain(parsed.confidence);
    } else {
      expect(content.startsWith('{')).toBe(true);
    }
    expect(response.verity.receipts[0]?.typedData.message.inputHash).not.toBe(chatInputHash(request));
  });

  it('refuses a malformed schema, or one outside the served subset, with 400 naming the field', async () => {
    for (const schema of [{ type: 'teapot' }, { type: 'object', properties: { a: { pattern: '^x' } } }, { $ref: 'http://x' }]) {
      const error = await expectError(
        chat({ ...request, response_format: { type: 'json_schema', json_schema: { name: 'x', schema } } }),
        'INVALID_REQUEST',
        400,
      );
      expect(error.message).toContain('response_format.json_schema.schema');
    }
  });
});

describe('tool calls', () => {
  // The tiny model's context is 256 bytes: the tools, the chat and the call must fit in it.
  const weather = {
    type: 'function',
    function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string', maxLength: 3 } } } },
  };
  const time = { type: 'function', function: { name: 'time' } };
  const asked = {
    model: 'tiny-llama',
    messages: [{ role: 'user', content: 'Weather?' }],
    max_tokens: 80,
    tools: [weather, time],
  };

  /** The answer's receipt holds over its calls, and the calls (when finished) follow their schemas. */
  function expectCallAnswer(response: ChatCompletion, body: Record<string, unknown>, names: string[]) {
    const choice = response.choices[0];
    if (!choice) throw new Error('no choice');
    const report = verifyTextResponse(
      { ...generatedText(response), verity: response.verity },
      { request: ChatCompletionRequestSchema.parse(body), trustedExecutors: [addressOf(keys.a)] },
    );
    expect(report.ok).toBe(true);
    if (choice.finish_reason !== 'tool_calls') {
      // Cut short (the token limit): the text so far, never a half call.
      expect(choice.message.tool_calls).toBeUndefined();
      return;
    }
    expect(choice.message.content).toBeNull();
    const [call, ...more] = choice.message.tool_calls ?? [];
    expect(more).toHaveLength(0);
    if (!call) throw new Error('no call');
    expect(call.id).toBe(`call_${response.verity.requestId.slice(2, 26)}_0`);
    expect(call.type).toBe('function');
    expect(names).toContain(call.function.name);
    const args = JSON.parse(call.function.arguments) as Record<string, unknown>;
    if (call.function.name === 'weather') {
      expect(Object.keys(args)).toEqual(['city']);
      expect(typeof args.city).toBe('string');
      expect((args.city as string).length).toBeLessThanOrEqual(3);
    } else {
      expect(args).toEqual({});
    }
    expect(response.verity.receipts[0]?.typedData.message.outputHash).toBe(
      textOutputHash({
        text: '',
        finishReason: 'tool_calls',
        toolCalls: [{ name: call.function.name, arguments: call.function.arguments }],
      }),
    );
  }

  it('answers tool_choice "required" with a call to one of the tools, deterministically', async () => {
    const body = { ...asked, tool_choice: 'required' };
    const response = await chat(body);
    expect(response.choices[0]?.finish_reason).toBe('tool_calls');
    expectCallAnswer(response, body, ['weather', 'time']);
    const again = await chat(body);
    expect(again.choices[0]?.message.tool_calls?.[0]?.function).toEqual(response.choices[0]?.message.tool_calls?.[0]?.function);
  });

  it('answers a named function with a call to it whose arguments follow its schema', async () => {
    const body = { ...asked, tool_choice: { type: 'function', function: { name: 'weather' } } };
    const response = await chat(body);
    expect(response.choices[0]?.finish_reason).toBe('tool_calls');
    expect(response.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('weather');
    expectCallAnswer(response, body, ['weather']);
    const timeBody = { ...asked, tool_choice: { type: 'function', function: { name: 'time' } } };
    const timeAnswer = await chat(timeBody);
    expectCallAnswer(timeAnswer, timeBody, ['time']);
  });

  it('ends a call cut by max_tokens with finish_reason length and the text so far', async () => {
    const body = { ...asked, max_tokens: 2, tool_choice: 'required' };
    const response = await chat(body);
    expect(response.choices[0]?.finish_reason).toBe('length');
    expect(response.choices[0]?.message.content?.startsWith('{')).toBe(true);
    expectCallAnswer(response, body, []);
  });

  it('refuses a tool schema holding a number that is not finite (1e999) with 400, not 500', async () => {
    for (const keyword of ['"enum":[1e999]', '"const":1e999']) {
      const parameters = `{"type":"object","properties":{"city":{${keyword}}}}`;
      const text = JSON.stringify({ ...asked, tools: [weather] }).replace(
        JSON.stringify(weather.function.parameters),
        parameters,
      );
      expect(text).toContain(keyword);
      const error = await expectError(postJsonText(`${node.url}/v1/chat/completions`, text), 'INVALID_REQUEST', 400);
      expect(error.message).toContain('expected a finite number');
    }
  });

  it('answers tool_choice "auto" (the default with tools): the model chose text, whole and streamed, receipts verify', async () => {
    const body = { ...asked, max_tokens: 24, tool_choice: 'auto' };
    const response = await chat(body);
    // The random model writes no call text: its answer is text, cut by the token limit.
    expect(response.choices[0]?.finish_reason).toBe('length');
    expect(response.choices[0]?.message.tool_calls).toBeUndefined();
    expectCallAnswer(response, body, []);
    const byDefault = await chat({ ...asked, max_tokens: 24 });
    expect(byDefault.choices[0]?.message).toEqual(response.choices[0]?.message);
    expect(byDefault.verity.receipts[0]?.typedData.message.inputHash).toBe(
      response.verity.receipts[0]?.typedData.message.inputHash,
    );
    const { status, events } = await postStream('/v1/chat/completions', body);
    expect(status).toBe(200);
    const chunks = events.slice(0, -1).map((e) => ChatCompletionChunkSchema.parse(e));
    const pieces = chunks.map((c) => c.choices[0]?.delta.content ?? '').filter((t) => t.length > 0);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(response.choices[0]?.message.content);
    expect(chunks.at(-1)?.verity?.receipts[0]?.typedData.message.outputHash).toBe(
      response.verity.receipts[0]?.typedData.message.outputHash,
    );
    await expectError(chat({ ...body, response_format: { type: 'json_object' } }), 'INVALID_REQUEST', 400);
  });

  it('answers tool_choice "none" with text, its receipt committing to the tools', async () => {
    const body = { ...asked, max_tokens: 8, tool_choice: 'none' };
    const response = await chat(body);
    expect(['stop', 'length']).toContain(response.choices[0]?.finish_reason);
    expect(response.choices[0]?.message.tool_calls).toBeUndefined();
    expect(response.verity.receipts[0]?.typedData.message.inputHash).toBe(chatInputHash(ChatCompletionRequestSchema.parse(body)));
    expect(response.verity.receipts[0]?.typedData.message.inputHash).not.toBe(
      chatInputHash({ messages: asked.messages as never, max_tokens: 8 }),
    );
  });

  it('accepts a tool loop (an assistant call, then the tool result) and answers it', async () => {
    const body = {
      ...asked,
      messages: [
        ...asked.messages,
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'time', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: '12:00' },
      ],
      tools: [time],
      tool_choice: 'none',
      max_tokens: 8,
    };
    const response = await chat(body);
    expect(['stop', 'length']).toContain(response.choices[0]?.finish_reason);
    expect(response.usage.prompt_tokens).toBeGreaterThan(
      (await chat({ ...asked, tools: [time], tool_choice: 'none', max_tokens: 8 })).usage.prompt_tokens,
    );
    const report = verifyTextResponse(
      { ...generatedText(response), verity: response.verity },
      { request: ChatCompletionRequestSchema.parse(body), trustedExecutors: [addressOf(keys.a)] },
    );
    expect(report.ok).toBe(true);
    const required = { ...body, tool_choice: 'required', max_tokens: 40 };
    expectCallAnswer(await chat(required), required, ['time']);
  });

  it('streams a call whole in one delta.tool_calls chunk before the closing chunk, with the same receipt', async () => {
    const body = { ...asked, tool_choice: 'required', verity: { requestId: `0x${'d1'.repeat(32)}` } };
    const whole = await chat(body);
    const { status, events } = await postStream('/v1/chat/completions', {
      ...body,
      verity: { requestId: `0x${'d2'.repeat(32)}` },
    });
    expect(status).toBe(200);
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => ChatCompletionChunkSchema.parse(e));
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('');
    const callChunks = chunks.filter((c) => c.choices[0]?.delta.tool_calls);
    expect(callChunks).toHaveLength(1);
    expect(chunks.indexOf(callChunks[0] as never)).toBe(chunks.length - 2);
    const calls = assembleToolCalls(callChunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []));
    expect(calls.map((c) => c.function)).toEqual(whole.choices[0]?.message.tool_calls?.map((c) => c.function));
    expect(calls[0]?.id).toBe(`call_${'d2'.repeat(12)}_0`);
    const last = chunks.at(-1);
    expect(last?.choices[0]?.finish_reason).toBe('tool_calls');
    const verity = last?.verity;
    if (!verity) throw new Error('no receipts in the last chunk');
    const report = verifyTextResponse(
      {
        text: '',
        finishReason: 'tool_calls',
        toolCalls: calls.map((c) => ({ name: c.function.name, arguments: c.function.arguments })),
        verity,
      },
      { request: ChatCompletionRequestSchema.parse(body), trustedExecutors: [addressOf(keys.a)] },
    );
    expect(report.ok).toBe(true);
    expect(verity.receipts[0]?.typedData.message.outputHash).toBe(whole.verity.receipts[0]?.typedData.message.outputHash);
  });
});
