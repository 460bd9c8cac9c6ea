/** Chat requests in Protocol v1: the schema subset, canonical JSON, and the fixed input and output hash vectors. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChatCompletionRequestSchema, canonicalJson, chatHashedFields, chatInputHash, chatOutputHash } from '../src/index.js';

const minimal = { messages: [{ role: 'user' as const, content: 'Hello' }] };
const full = {
  messages: [
    { role: 'system' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'héllo "you"\n' },
  ],
  temperature: 0.7,
  top_p: 0.9,
  max_tokens: 16,
  stop: '\n',
  seed: 42,
};

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined, writes no whitespace', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 'x' }], a: null, c: undefined, é: true })).toBe(
      '{"a":null,"b":[{"a":"x","z":1}],"é":true}',
    );
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});

describe('chat hashes (Protocol v1 test vectors)', () => {
  it('hashes a minimal request with every default filled in (checked by hand against the canonical string)', () => {
    const text =
      '{"max_tokens":null,"messages":[{"content":"Hello","role":"user"}],"seed":0,"stop":[],"temperature":0,"top_p":1}';
    expect(canonicalJson(chatHashedFields(minimal))).toBe(text);
    const byHand = `0x${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')}`;
    expect(byHand).toBe('0xaa03853db024237d37afce5d17074a863af00d2d5471048e28bf10b512b727be');
    expect(chatInputHash(minimal)).toBe(byHand);
  });

  it('hashes a request with every field set (stop as a string becomes an array; UTF-8 and escapes)', () => {
    expect(canonicalJson(chatHashedFields(full))).toBe(
      '{"max_tokens":16,"messages":[{"content":"Be brief.","role":"system"},{"content":"héllo \\"you\\"\\n","role":"user"}],"seed":42,"stop":["\\n"],"temperature":0.7,"top_p":0.9}',
    );
    expect(chatInputHash(full)).toBe('0x862097c585551fcf160990e04d4bdd2612d97784bb5b3f0198fb668c80206aae');
    expect(chatInputHash({ ...full, stop: ['\n'] })).toBe(chatInputHash(full));
  });

  it('ignores model, stream and verity options; defaults hash like their explicit values', () => {
    const parsed = ChatCompletionRequestSchema.parse({ model: 'a@1', stream: true, verity: { policy: 'none' }, ...minimal });
    expect(chatInputHash(parsed)).toBe(chatInputHash(minimal));
    expect(chatInputHash({ ...minimal, temperature: 0, top_p: 1, seed: 0, stop: [] })).toBe(chatInputHash(minimal));
    expect(chatInputHash({ ...minimal, seed: 1 })).not.toBe(chatInputHash(minimal));
    expect(chatInputHash({ ...minimal, max_tokens: 8 })).not.toBe(chatInputHash(minimal));
  });

  it('hashes outputs as {finish_reason, text}', () => {
    expect(`0x${createHash('sha256').update('{"finish_reason":"stop","text":"Hi there."}').digest('hex')}`).toBe(
      '0x5ee714fd53d13f62d8b9595abee27d3f06b5eb3edccda31460ebd58d1df311a8',
    );
    expect(chatOutputHash({ text: 'Hi there.', finishReason: 'stop' })).toBe(
      '0x5ee714fd53d13f62d8b9595abee27d3f06b5eb3edccda31460ebd58d1df311a8',
    );
    expect(chatOutputHash({ text: '', finishReason: 'length' })).toBe(
      '0x8884acc885a6541aed5be327da2066dce9ccdd47aa1c67422482e0a3048e1af8',
    );
  });
});

describe('ChatCompletionRequestSchema', () => {
  const ok = (body: unknown) => ChatCompletionRequestSchema.safeParse(body).success;
  it('accepts the subset and defaults-valued OpenAI extras', () => {
    expect(ok({ model: 'm', ...full })).toBe(true);
    expect(ok({ model: 'm', ...minimal, n: 1, frequency_penalty: 0, user: 'u' })).toBe(true);
  });
  it('refuses empty messages, bad roles, out-of-range sampling and unsupported output-changing fields', () => {
    expect(ok({ model: 'm', messages: [] })).toBe(false);
    expect(ok({ model: 'm', messages: [{ role: 'tool', content: 'x' }] })).toBe(false);
    expect(ok({ model: 'm', ...minimal, max_tokens: 0 })).toBe(false);
    expect(ok({ model: 'm', ...minimal, temperature: 3 })).toBe(false);
    expect(ok({ model: 'm', ...minimal, top_p: 0 })).toBe(false);
    expect(ok({ model: 'm', ...minimal, seed: -1 })).toBe(false);
    expect(ok({ model: 'm', ...minimal, stop: ['a', 'b', 'c', 'd', 'e'] })).toBe(false);
    expect(ok({ model: 'm', ...minimal, n: 2 })).toBe(false);
    expect(ok({ model: 'm', ...minimal, tools: [] })).toBe(false);
  });
});
