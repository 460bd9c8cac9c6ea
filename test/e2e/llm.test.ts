/**
 * End to end for language models: a real network (four node processes and a router process on loopback) with
 * the official `openai` npm client pointed at the router. Nodes 0–2 are honest; node 3 cuts every stream after
 * its first piece (a node dying mid-stream) and alone serves a second model, so that failure can be reached.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { LocalNetwork, repoRoot } from '@verity/devnet';
import { postJson, putBytes } from '@verity/http/client';
import {
  ChatCompletionChunkSchema,
  type ChatCompletionRequest,
  ChatCompletionRequestSchema,
  type ToolCallDelta,
  type VerityTextField,
  VerityTextFieldSchema,
  assembleToolCalls,
  verifyTextResponse,
} from '@verity/protocol';
import { buildTinyLlama } from '@verity/fixtures';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const modelBytes = new Uint8Array(readFileSync(join(repoRoot, 'models/tiny-llama.gguf')));
const fragileBytes = buildTinyLlama({ seed: 7, name: 'fragile-llama' });
const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: 'Say something.' },
];

let network: LocalNetwork;
let openai: OpenAI;

/** Registers a GGUF model on one node directly (the router learns of it at its next refresh). */
async function registerOn(nodeUrl: string, bytes: Uint8Array, name: string): Promise<void> {
  const { sha256 } = (await putBytes(`${nodeUrl}/v1/blobs`, bytes)) as { sha256: string };
  await postJson(`${nodeUrl}/v1/models`, { name, version: '1', format: 'gguf', blob: sha256 });
}

async function waitForModel(id: string, nodes: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const list = await openai.models.list();
    const entry = list.data.find((m) => m.id === id) as { nodes?: string[] } | undefined;
    if ((entry?.nodes?.length ?? 0) >= nodes) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the router never listed ${id} on ${nodes} nodes`);
}

/** Verity's fields of an answer: the openai client passes unknown fields through. */
function verityOf(value: unknown): VerityTextField {
  return VerityTextFieldSchema.parse((value as { verity?: unknown }).verity);
}

/** OpenAI's request type does not know Verity's options; they travel in the body all the same. */
function withVerity<T>(body: T, verity: { policy?: string; requestId?: string }): T {
  return { ...body, verity } as T;
}

beforeAll(async () => {
  network = await LocalNetwork.start({
    nodes: 4,
    routerPort: 0,
    nodeBasePort: 0,
    routerTimeoutMs: 10_000,
    routerRefreshMs: 300,
    faults: { 3: 'drop-stream' },
  });
  openai = new OpenAI({ baseURL: `${network.routerUrl}/v1`, apiKey: 'not-needed', maxRetries: 0 });
  for (const node of network.nodes.slice(0, 3)) await registerOn(node.url, modelBytes, 'tiny-llama');
  await registerOn((network.nodes[3] as { url: string }).url, fragileBytes, 'fragile-llama');
  await waitForModel('tiny-llama@1', 3);
  await waitForModel('fragile-llama@1', 1);
});

afterAll(async () => {
  await network?.stop();
});

describe('the openai client against the router', () => {
  it('lists models in OpenAI shape', async () => {
    const list = await openai.models.list();
    const ids = list.data.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['tiny-llama@1', 'fragile-llama@1']));
    expect(list.data.every((m) => m.object === 'model')).toBe(true);
  });

  it('chats, with usage, a finish reason and a receipt that verifies offline', async () => {
    const completion = await openai.chat.completions.create({ model: 'tiny-llama', messages, max_tokens: 16 });
    const choice = completion.choices[0];
    expect(choice?.message.role).toBe('assistant');
    expect(['stop', 'length']).toContain(choice?.finish_reason);
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
    const verity = verityOf(completion);
    expect(verity.policy).toBe('none');
    const report = verifyTextResponse(
      { text: choice?.message.content ?? '', finishReason: choice?.finish_reason as 'stop' | 'length', verity },
      { request: { messages, max_tokens: 16 }, trustedExecutors: network.nodes.map((n) => n.address) },
    );
    expect(report.ok).toBe(true);
  });

  it('streams: the text assembled from the chunks is what the last chunk’s receipt covers', async () => {
    const whole = await openai.chat.completions.create({ model: 'tiny-llama', messages, max_tokens: 20 });
    const stream = await openai.chat.completions.create({ model: 'tiny-llama', messages, max_tokens: 20, stream: true });
    let text = '';
    let finishReason: string | null = null;
    let verity: VerityTextField | undefined;
    for await (const chunk of stream) {
      ChatCompletionChunkSchema.parse(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if ((chunk as { verity?: unknown }).verity) verity = verityOf(chunk);
    }
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(finishReason).toBe(whole.choices[0]?.finish_reason);
    if (!verity) throw new Error('the stream carried no receipts');
    const report = verifyTextResponse(
      { text, finishReason: finishReason as 'stop' | 'length', verity },
      { request: { messages, max_tokens: 20 } },
    );
    expect(report.ok).toBe(true);
  });

  it('continues a prompt with POST /v1/completions, whole and streamed', async () => {
    const whole = await openai.completions.create({ model: 'tiny-llama', prompt: 'Verity is', max_tokens: 8 });
    expect(whole.object).toBe('text_completion');
    const stream = await openai.completions.create({ model: 'tiny-llama', prompt: 'Verity is', max_tokens: 8, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    expect(text).toBe(whole.choices[0]?.text);
    const report = verifyTextResponse(
      { text, finishReason: whole.choices[0]?.finish_reason as 'stop' | 'length', verity: verityOf(whole) },
      { request: { prompt: 'Verity is', max_tokens: 8 } },
    );
    expect(report.ok).toBe(true);
  });

  it('answers in JSON mode with JSON that follows the schema', async () => {
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };
    const completion = await openai.chat.completions.create({
      model: 'tiny-llama',
      messages,
      max_tokens: 40,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
    });
    const content = completion.choices[0]?.message.content ?? '';
    if (completion.choices[0]?.finish_reason === 'stop')
      expect(typeof (JSON.parse(content) as { ok: unknown }).ok).toBe('boolean');
    else expect(content.startsWith('{')).toBe(true);
  });

  it('answers tools with tool_choice "required": a call whose receipt verifies offline, whole and streamed', async () => {
    // The tiny model's context is 256 bytes: the tools, the chat and the call must fit in it.
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string', maxLength: 3 } } } },
      },
      { type: 'function', function: { name: 'time' } },
    ];
    const body = { model: 'tiny-llama', messages: [{ role: 'user' as const, content: 'Weather?' }], max_tokens: 80, tools };
    const completion = await openai.chat.completions.create({ ...body, tool_choice: 'required' });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    const call = choice?.message.tool_calls?.[0];
    if (call?.type !== 'function') throw new Error('no function call');
    expect(['weather', 'time']).toContain(call.function.name);
    expect(typeof JSON.parse(call.function.arguments)).toBe('object');
    const toolCalls = [{ name: call.function.name, arguments: call.function.arguments }];
    const request = ChatCompletionRequestSchema.parse({ ...body, tool_choice: 'required' });
    const verity = verityOf(completion);
    expect(verifyTextResponse({ text: '', finishReason: 'tool_calls', toolCalls, verity }, { request }).ok).toBe(true);

    const stream = await openai.chat.completions.create({ ...body, tool_choice: 'required', stream: true });
    const deltas: ToolCallDelta[] = [];
    let finishReason: string | null = null;
    let streamed: VerityTextField | undefined;
    for await (const chunk of stream) {
      deltas.push(...((chunk.choices[0]?.delta.tool_calls ?? []) as ToolCallDelta[]));
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if ((chunk as { verity?: unknown }).verity) streamed = verityOf(chunk);
    }
    const calls = assembleToolCalls(deltas).map((c) => ({ name: c.function.name, arguments: c.function.arguments }));
    expect(calls).toEqual(toolCalls);
    expect(finishReason).toBe('tool_calls');
    if (!streamed) throw new Error('the stream carried no receipts');
    expect(verifyTextResponse({ text: '', finishReason: 'tool_calls', toolCalls: calls, verity: streamed }, { request }).ok).toBe(
      true,
    );
  });

  it('answers tools with tool_choice "auto" (the default): the same answer from three operators under replicate:3', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'time' } }];
    const body = withVerity<ChatCompletionRequest>(
      { model: 'tiny-llama', messages: [{ role: 'user', content: 'Time?' }], max_tokens: 16, tools },
      { policy: 'replicate:3' },
    );
    const completion = await openai.chat.completions.create(body as never as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const choice = completion.choices[0];
    const verity = verityOf(completion);
    expect(verity.receipts).toHaveLength(3);
    expect(new Set(verity.receipts.map((r) => r.typedData.message.outputHash)).size).toBe(1);
    const toolCalls = (choice?.message.tool_calls ?? []).flatMap((c) =>
      c.type === 'function' ? [{ name: c.function.name, arguments: c.function.arguments }] : [],
    );
    const output = {
      text: choice?.message.content ?? '',
      finishReason: choice?.finish_reason as 'stop' | 'length' | 'tool_calls',
      toolCalls,
      verity,
    };
    expect(verifyTextResponse(output, { request: ChatCompletionRequestSchema.parse(body) }).ok).toBe(true);
  });

  it('agrees under replicate:3: three operators sign the same text', async () => {
    for (const stream of [false, true]) {
      const body = withVerity<ChatCompletionRequest>(
        { model: 'tiny-llama', messages, max_tokens: 12 },
        { policy: 'replicate:3' },
      );
      let verity: VerityTextField | undefined;
      let text = '';
      let finishReason: 'stop' | 'length' = 'stop';
      if (stream) {
        const streamBody = { ...body, stream: true } as OpenAI.ChatCompletionCreateParamsStreaming;
        for await (const chunk of await openai.chat.completions.create(streamBody)) {
          text += (chunk as OpenAI.ChatCompletionChunk).choices[0]?.delta.content ?? '';
          finishReason = ((chunk as OpenAI.ChatCompletionChunk).choices[0]?.finish_reason as 'stop' | 'length') ?? finishReason;
          if ((chunk as { verity?: unknown }).verity) verity = verityOf(chunk);
        }
      } else {
        const completion = await openai.chat.completions.create(body as never as OpenAI.ChatCompletionCreateParamsNonStreaming);
        verity = verityOf(completion);
        text = completion.choices[0]?.message.content ?? '';
        finishReason = completion.choices[0]?.finish_reason as 'stop' | 'length';
      }
      if (!verity) throw new Error('no receipts');
      expect(verity.policy).toBe('replicate:3');
      expect(verity.receipts).toHaveLength(3);
      expect(new Set(verity.receipts.map((r) => r.typedData.message.executor)).size).toBe(3);
      expect(verifyTextResponse({ text, finishReason, verity }, { request: { messages, max_tokens: 12 } }).ok).toBe(true);
    }
  });

  it('gives OpenAI-style errors for bad input', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ model: 'no-such-model', messages }, 404, 'UNKNOWN_MODEL'],
      [{ model: 'tiny-llama', messages: [] }, 400, 'INVALID_REQUEST'],
      [{ model: 'tiny-llama', messages, max_tokens: 0 }, 400, 'INVALID_REQUEST'],
      [{ model: 'tiny-llama', messages, max_tokens: 100_000 }, 400, 'INVALID_REQUEST'],
      [{ model: 'tiny-llama', messages: [{ role: 'user', content: 'x'.repeat(2_000) }] }, 413, 'INPUT_TOO_LARGE'],
      [
        {
          model: 'tiny-llama',
          messages,
          response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'teapot' } } },
        },
        400,
        'INVALID_REQUEST',
      ],
    ];
    for (const [body, status, code] of cases) {
      const error = await openai.chat.completions.create(body as never).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, JSON.stringify(body).slice(0, 80)).toBeInstanceOf(OpenAI.APIError);
      const apiError = error as InstanceType<typeof OpenAI.APIError>;
      expect({ status: apiError.status, code: apiError.code }).toEqual({ status, code });
      expect(apiError.type).toBe('invalid_request_error');
      expect(apiError.message.length).toBeGreaterThan(0);
    }
  });
});

describe('failures in streams', () => {
  it('fails over to another node when the first one dies before the first token', async () => {
    await network.crashNode(0);
    try {
      for (let i = 0; i < 6; i++) {
        const stream = await openai.chat.completions.create({ model: 'tiny-llama', messages, max_tokens: 6, stream: true });
        let receipts = 0;
        for await (const chunk of stream) if ((chunk as { verity?: unknown }).verity) receipts += 1;
        expect(receipts).toBe(1);
      }
    } finally {
      await network.restartNode(0);
    }
  });

  it('ends a stream cut mid-way with an error event, never a silently truncated answer, and no receipt', async () => {
    const stream = await openai.chat.completions.create({ model: 'fragile-llama', messages, max_tokens: 24, stream: true });
    let receipts = 0;
    const error = await (async () => {
      for await (const chunk of stream) if ((chunk as { verity?: unknown }).verity) receipts += 1;
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toMatch(/stream failed after it began/);
    expect(receipts).toBe(0);
  });
});
