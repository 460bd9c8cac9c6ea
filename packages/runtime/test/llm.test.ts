/**
 * The LLM engine against the real node-llama-cpp and the committed tiny llama model (random weights, byte-level
 * vocabulary): loading, determinism across loads, maxTokens, stop sequences, streaming, tool calls, and typed errors.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VerityError } from '@verity/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmEngine, LLM_ENGINE_VERSION } from '../src/llm/engine.js';
import { renderFixedChat } from '../src/llm/prompt.js';
import { jsonValueEnd } from '../src/llm/tools.js';
import type { LlmCompletion, LlmCompletionRequest, LlmTool, LoadedLlm } from '../src/llm/types.js';

const modelPath = new URL('../../../models/tiny-llama.gguf', import.meta.url).pathname;
const engine = createLlmEngine();
let llm: LoadedLlm;

beforeAll(async () => {
  llm = await engine.load({ path: modelPath });
});
afterAll(async () => {
  await llm?.dispose();
});

async function collect(stream: AsyncGenerator<string, LlmCompletion, void>) {
  const chunks: string[] = [];
  for (;;) {
    const next = await stream.next();
    if (next.done) return { chunks, result: next.value };
    chunks.push(next.value);
  }
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerityError);
  expect((error as VerityError).code).toBe(code);
}

describe('LlmEngine (node-llama-cpp)', () => {
  it('names the pinned release and the deterministic profile', () => {
    const pkgPath = join(dirname(createRequire(import.meta.url).resolve('node-llama-cpp')), '..', 'package.json');
    expect(JSON.parse(readFileSync(pkgPath, 'utf8')).version).toBe(LLM_ENGINE_VERSION);
    expect(llm.engine).toBe('node-llama-cpp/3.21.1/cpu-threads1-batch256-ctx256');
    expect(llm.contextSize).toBe(256);
    expect(llm.hasChatTemplate).toBe(false);
  });

  it('gives the same greedy completion across two loads, from bytes and from a path', async () => {
    const request: LlmCompletionRequest = { prompt: 'Hello world', maxTokens: 40 };
    const first = await llm.complete(request);
    const again = await llm.complete(request);
    const other = await engine.load(new Uint8Array(readFileSync(modelPath)));
    try {
      expect(other.engine).toBe(llm.engine);
      const second = await other.complete(request);
      expect(second).toEqual(first);
      expect(again).toEqual(first);
    } finally {
      await other.dispose();
    }
    expect(first.tokens.length).toBe(40);
    expect(first.usage).toEqual({ promptTokens: 12, completionTokens: 40 });
  });

  it('repeats seeded sampling and changes it with the seed', async () => {
    const base = { prompt: 'abc', maxTokens: 30, temperature: 0.9, topP: 0.95 };
    const a = await llm.complete({ ...base, seed: 7 });
    const b = await llm.complete({ ...base, seed: 7 });
    const c = await llm.complete({ ...base, seed: 8 });
    expect(b.tokens).toEqual(a.tokens);
    expect(c.tokens).not.toEqual(a.tokens);
  });

  it('respects maxTokens with finishReason length', async () => {
    const result = await llm.complete({ prompt: 'Hello', maxTokens: 5 });
    expect(result.finishReason).toBe('length');
    expect(result.tokens).toHaveLength(5);
    expect(result.usage.completionTokens).toBe(5);
  });

  it('ends before a stop sequence, which is left out of the text', async () => {
    const full = await llm.complete({ prompt: 'Hello world', maxTokens: 40 });
    // A stop taken from the middle of the greedy output: two printable characters.
    const at = [...full.text].findIndex((ch, i, all) => i > 3 && /[ -~]/.test(ch) && /[ -~]/.test(all[i + 1] ?? ''));
    expect(at).toBeGreaterThan(0);
    const prefix = [...full.text].slice(0, at).join('');
    const stop = [...full.text].slice(at, at + 2).join('');
    const cut = full.text.indexOf(stop);
    const stopped = await llm.complete({ prompt: 'Hello world', maxTokens: 40, stop: ['never-there', stop] });
    expect(stopped.finishReason).toBe('stop');
    expect(stopped.text).toBe(full.text.slice(0, cut));
    expect(full.text.startsWith(stopped.text)).toBe(true);
    expect(stopped.text.length).toBeLessThanOrEqual(prefix.length);
    expect(stopped.tokens.length).toBeLessThan(40);
    const streamed = await collect(llm.stream({ prompt: 'Hello world', maxTokens: 40, stop: [stop] }));
    expect(streamed.chunks.join('')).toBe(stopped.text);
  });

  it('streams chunks that join to the non-streamed text, with the same result', async () => {
    for (const request of [
      { prompt: 'Hello world', maxTokens: 60 },
      { messages: [{ role: 'user' as const, content: 'Hi there' }], maxTokens: 30, temperature: 0.7, seed: 3 },
    ]) {
      const whole = await llm.complete(request);
      const { chunks, result } = await collect(llm.stream(request));
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join('')).toBe(whole.text);
      expect(result).toEqual(whole);
    }
  });

  it('renders chats without a template with the fixed template', async () => {
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Hi' },
    ];
    expect(renderFixedChat(messages)).toBe('System: Be brief.\nUser: Hi\nAssistant:');
    const chat = await llm.complete({ messages, maxTokens: 10 });
    const raw = await llm.complete({ prompt: renderFixedChat(messages), maxTokens: 10, stop: ['\nUser:'] });
    expect(chat).toEqual(raw);
  });

  it('rejects bad input with typed errors', async () => {
    await expectCode(llm.complete({ messages: [], maxTokens: 5 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ maxTokens: 5 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', messages: [{ role: 'user', content: 'a' }], maxTokens: 5 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', maxTokens: 0 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', maxTokens: 257 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', maxTokens: 1.5 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', maxTokens: 5, temperature: -1 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', maxTokens: 5, topP: 0 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', maxTokens: 5, seed: -1 }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'a', maxTokens: 5, stop: [''] }), 'INVALID_REQUEST');
    await expectCode(llm.complete({ prompt: 'x'.repeat(300), maxTokens: 5 }), 'INPUT_TOO_LARGE');
    await expectCode(llm.complete({ prompt: 'x'.repeat(200), maxTokens: 100 }), 'INPUT_TOO_LARGE');
    await expectCode(collect(llm.stream({ messages: [], maxTokens: 5 })), 'INVALID_REQUEST');
    await expectCode(engine.load(new Uint8Array([1, 2, 3, 4])), 'INVALID_MODEL');
    // The model still serves after the errors.
    expect((await llm.complete({ prompt: 'a', maxTokens: 3 })).tokens).toHaveLength(3);
  });

  describe('tool calls', () => {
    const tools: LlmTool[] = [
      { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string', maxLength: 3 } } } },
      { name: 'time' },
    ];
    const messages = [{ role: 'user' as const, content: 'Weather?' }];

    it('renders tools, calls and tool results in the fixed template', () => {
      const loop = [
        ...messages,
        { role: 'assistant' as const, content: null, toolCalls: [{ name: 'time', arguments: '{}' }] },
        { role: 'tool' as const, content: '12:00' },
      ];
      expect(renderFixedChat(loop, [{ name: 'time', description: 'Now' }])).toBe(
        'System: Tools: [{"description":"Now","name":"time"}]\nUser: Weather?\nAssistant: {"name":"time","arguments":{}}\nTool: 12:00\nAssistant:',
      );
    });

    it('finds where a JSON object ends, ignoring brackets in strings', () => {
      expect(jsonValueEnd('{"a":"}{"}\n\n', 0)).toBe(10);
      expect(jsonValueEnd(' {"a":[1,{"b":"\\""}]} x', 0)).toBe(21);
      expect(jsonValueEnd('{"a":', 0)).toBe(-1);
      expect(jsonValueEnd('null', 0)).toBe(-1);
    });

    it('answers required and named choices with a call whose arguments follow the schema, deterministically', async () => {
      const required = await llm.complete({ messages, tools, toolChoice: 'required', maxTokens: 90 });
      expect(required).toMatchObject({ text: '', finishReason: 'tool_calls' });
      expect(await llm.complete({ messages, tools, toolChoice: 'required', maxTokens: 90 })).toEqual(required);
      const [call] = required.toolCalls ?? [];
      expect(['weather', 'time']).toContain(call?.name);
      expect(typeof JSON.parse(call?.arguments ?? '')).toBe('object');
      const named = await llm.complete({ messages, tools, toolChoice: { name: 'time' }, maxTokens: 20 });
      expect(named.toolCalls).toEqual([{ name: 'time', arguments: '{}' }]);
      // A call is not streamed as text.
      const streamed = await collect(llm.stream({ messages, tools, toolChoice: 'required', maxTokens: 90 }));
      expect(streamed.chunks).toEqual([]);
      expect(streamed.result).toEqual(required);
      const cut = await collect(llm.stream({ messages, tools, toolChoice: 'required', maxTokens: 3 }));
      expect(cut.result).toMatchObject({ finishReason: 'length' });
      expect(cut.result.toolCalls).toBeUndefined();
      expect(cut.chunks.join('')).toBe(cut.result.text);
    });

    it('answers auto (the default with tools) on the fixed template: the same answer each time, streamed as it comes', async () => {
      const auto = await llm.complete({ messages, tools, toolChoice: 'auto', maxTokens: 40 });
      // The random model writes no call text; its answer is text, cut by the token limit.
      expect(auto).toMatchObject({ finishReason: 'length', usage: { completionTokens: 40 } });
      expect(auto.toolCalls).toBeUndefined();
      expect(auto.text.length).toBeGreaterThan(0);
      // The prompt is the fixed template's, tools included, as for the other choices.
      expect(auto.usage.promptTokens).toBe(
        (await llm.complete({ messages, tools, toolChoice: 'none', maxTokens: 1 })).usage.promptTokens,
      );
      expect(await llm.complete({ messages, tools, maxTokens: 40 })).toEqual(auto);
      const streamed = await collect(llm.stream({ messages, tools, toolChoice: 'auto', maxTokens: 40 }));
      expect(streamed.result).toEqual(auto);
      expect(streamed.chunks.length).toBeGreaterThan(1);
      expect(streamed.chunks.join('')).toBe(auto.text);
      // A stop sequence ends it as for text; a client that leaves stops it, and the next request is unaffected.
      const stop = [...auto.text].slice(1).find((c) => /^[!-~]$/.test(c)) as string;
      const stopped = await llm.complete({ messages, tools, toolChoice: 'auto', maxTokens: 40, stop: [stop] });
      expect(stopped).toMatchObject({ finishReason: 'stop', text: auto.text.slice(0, auto.text.indexOf(stop)) });
      const left = llm.stream({ messages, tools, toolChoice: 'auto', maxTokens: 40 });
      await left.next();
      await left.return(undefined as never);
      expect(await llm.complete({ messages, tools, toolChoice: 'auto', maxTokens: 40 })).toEqual(auto);
      // auto without tools is text.
      expect((await llm.complete({ messages, toolChoice: 'auto', maxTokens: 5 })).finishReason).toBe('length');
    });

    it('refuses auto with response_format, calls without tools, unknown names and tools on prompts', async () => {
      await expectCode(
        llm.complete({ messages, tools, toolChoice: 'auto', responseFormat: { type: 'json_object' }, maxTokens: 20 }),
        'INVALID_REQUEST',
      );
      await expectCode(llm.complete({ messages, toolChoice: 'required', maxTokens: 20 }), 'INVALID_REQUEST');
      await expectCode(llm.complete({ messages, tools, toolChoice: { name: 'nope' }, maxTokens: 20 }), 'INVALID_REQUEST');
      await expectCode(llm.complete({ prompt: 'a', tools, toolChoice: 'required', maxTokens: 20 }), 'INVALID_REQUEST');
      const none = await llm.complete({ messages, tools, toolChoice: 'none', maxTokens: 5 });
      expect(none.toolCalls).toBeUndefined();
    });
  });
});
