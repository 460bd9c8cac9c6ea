/**
 * The demo chat model: its build is byte-reproducible and is the committed models/verity-chat.gguf (what
 * scripts/make-chat-model.ts writes), the build refuses a corpus that greedy decoding could not reproduce, and in the
 * real node-llama-cpp, through the LLM engine and its fixed chat template, greedy and seeded answers are the
 * corpus's sentences, word for word.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatTopic, chatCorpusText, verityChatTopics } from '../src/gguf/chat-corpus.js';
import { answerUnits, buildChatModel } from '../src/gguf/chat-model.js';
import { createLlmEngine, type LoadedLlm } from '../src/llm/engine.js';

const modelPath = new URL('../../../models/verity-chat.gguf', import.meta.url).pathname;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const topic = (name: string) => verityChatTopics.find((t) => t.name === name) as ChatTopic;
const corpusWords = new Set(chatCorpusText().match(/[A-Za-z0-9'-]+/g));

let llm: LoadedLlm;
beforeAll(async () => {
  llm = await createLlmEngine().load({ path: modelPath });
});
afterAll(async () => {
  await llm?.dispose();
});

const ask = (content: string, extra: { temperature?: number; seed?: number } = {}) =>
  llm.complete({ messages: [{ role: 'user', content }], maxTokens: 120, ...extra });

describe('buildChatModel', () => {
  it('gives the same bytes on every build, and they are the committed model', () => {
    const first = buildChatModel();
    const second = buildChatModel();
    expect(sha256(second)).toBe(sha256(first));
    expect(sha256(readFileSync(modelPath))).toBe(sha256(first));
    expect(first.byteLength).toBeLessThan(5 * 1024 * 1024);
  });

  it('splits answers into words with their space and single punctuation marks', () => {
    expect(answerUnits('With replicate:k, the EIP-712 check.')).toEqual([
      ' With',
      ' replicate',
      ':',
      'k',
      ',',
      ' the',
      ' EIP-712',
      ' check',
      '.',
    ]);
    expect(() => answerUnits('a (b)')).toThrow(/space before a non-word character/);
    expect(() => answerUnits('see x:yz')).toThrow(/glued to punctuation/);
  });

  it('refuses an answer that repeats a word pair (greedy decoding would loop) and a keyword shared by two topics', () => {
    const loop: ChatTopic = { name: 'loop', keywords: ['loop'], questions: [], answer: 'It is what it is and it is.' };
    expect(() => buildChatModel({ topics: [loop] })).toThrow(/repeats "it is"/);
    const a: ChatTopic = { name: 'a', keywords: ['same'], questions: [], answer: 'One.' };
    expect(() => buildChatModel({ topics: [a, { ...a, name: 'b', answer: 'Two.' }] })).toThrow(/belongs to two topics/);
  });
});

describe('the demo chat model in node-llama-cpp', () => {
  it('answers "What is Verity?" with readable sentences about Verity', async () => {
    const result = await ask('What is Verity?');
    expect(result.finishReason).toBe('stop');
    expect(result.text.trim()).toBe(topic('overview').answer);
    expect(result.text).toContain('Verity is an open network for verifiable AI.');
    for (const word of result.text.match(/[A-Za-z0-9'-]+/g) ?? []) expect(corpusWords).toContain(word);
  });

  it("answers every topic's example questions with that topic's answer", async () => {
    for (const t of verityChatTopics) {
      for (const question of t.questions) {
        expect((await ask(question)).text.trim(), question).toBe(t.answer);
      }
    }
  });

  it('picks the more specific keyword, falls back to the overview, and follows the last question of a chat', async () => {
    expect((await ask('How does Verity pay nodes?')).text.trim()).toBe(topic('payments').answer);
    expect((await ask('What is the weather today?')).text.trim()).toBe(topic('overview').answer);
    const chat = await llm.complete({
      messages: [
        { role: 'user', content: 'What is Verity?' },
        { role: 'assistant', content: topic('overview').answer },
        { role: 'user', content: 'And how do I pay?' },
      ],
      maxTokens: 120,
    });
    expect(chat.text.trim()).toBe(topic('payments').answer);
  });

  it('answers in text when given tools with tool_choice auto (it never writes a call), streamed as it comes', async () => {
    const tools = [{ name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
    const request = { messages: [{ role: 'user' as const, content: 'How does Verity pay nodes?' }], tools, maxTokens: 120 };
    const auto = await llm.complete({ ...request, toolChoice: 'auto' });
    expect(auto).toMatchObject({ finishReason: 'stop' });
    expect(auto.toolCalls).toBeUndefined();
    expect(auto.text.trim()).toBe(topic('payments').answer);
    const chunks: string[] = [];
    const stream = llm.stream(request);
    for (let next = await stream.next(); ; next = await stream.next()) {
      if (next.done) {
        expect(next.value).toEqual(auto);
        break;
      }
      chunks.push(next.value);
    }
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(auto.text);
  });

  it('repeats seeded sampling, and sampled text is made of the corpus words', async () => {
    for (const seed of [1, 2, 3]) {
      const a = await ask('How do receipts work?', { temperature: 1, seed });
      const b = await ask('How do receipts work?', { temperature: 1, seed });
      expect(b.tokens).toEqual(a.tokens);
      expect(a.finishReason).toBe('stop');
      for (const word of a.text.match(/[A-Za-z0-9'-]+/g) ?? []) expect(corpusWords).toContain(word);
    }
    expect((await ask('How do receipts work?', { temperature: 0.7, seed: 5 })).text.trim()).toBe(topic('receipts').answer);
  });
});
