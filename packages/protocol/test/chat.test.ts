/**
 * Text requests in Protocol v1: the schema subset, canonical JSON, and the fixed input and output hash vectors
 * (each checked against sha256 of the literal canonical string by node:crypto, independently of the code).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ChatCompletionRequestSchema,
  CompletionRequestSchema,
  canonicalJson,
  chatHashedFields,
  chatInputHash,
  completionHashedFields,
  completionInputHash,
  textOutputHash,
  toolCallId,
} from '../src/index.js';

const sha256 = (text: string) => `0x${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')}`;

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
  response_format: { type: 'json_schema' as const, schema: { type: 'object', properties: { a: { type: 'string' } } } },
};

const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Current weather',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    strict: true,
  },
};
const withTools = {
  model: 'm',
  messages: [
    { role: 'user', content: 'Weather in Paris?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '18C' },
  ],
  tools: [weatherTool],
  tool_choice: 'required',
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

describe('text hashes (Protocol v1 test vectors)', () => {
  it('hashes a minimal chat request with every default filled in', () => {
    const text =
      '{"max_tokens":null,"messages":[{"content":"Hello","role":"user"}],"response_format":null,"seed":0,"stop":[],"temperature":0,"tool_choice":null,"tools":null,"top_p":1}';
    expect(canonicalJson(chatHashedFields(minimal))).toBe(text);
    expect(sha256(text)).toBe('0x6d489520a6a05a3e1a7b6f47b93c0e69239a10a34e1b5adbbda0e5a82393caea');
    expect(chatInputHash(minimal)).toBe(sha256(text));
  });

  it('hashes a chat request with every field set (stop as a string becomes an array; UTF-8 and escapes)', () => {
    const text =
      '{"max_tokens":16,"messages":[{"content":"Be brief.","role":"system"},{"content":"héllo \\"you\\"\\n","role":"user"}],"response_format":{"schema":{"properties":{"a":{"type":"string"}},"type":"object"},"type":"json_schema"},"seed":42,"stop":["\\n"],"temperature":0.7,"tool_choice":null,"tools":null,"top_p":0.9}';
    expect(canonicalJson(chatHashedFields(full))).toBe(text);
    expect(sha256(text)).toBe('0xc4b372adc5254677a0819cd79e13197d9d236e61bf69c705a9b44f9e9fb7d0ec');
    expect(chatInputHash(full)).toBe(sha256(text));
    expect(chatInputHash({ ...full, stop: ['\n'] })).toBe(chatInputHash(full));
  });

  it('hashes a chat request with tools and a tool loop (calls with ids, a tool message; strict not hashed)', () => {
    const parsed = ChatCompletionRequestSchema.parse(withTools);
    const text =
      '{"max_tokens":null,"messages":[{"content":"Weather in Paris?","role":"user"},{"content":null,"role":"assistant","tool_calls":[{"arguments":"{\\"city\\":\\"Paris\\"}","id":"call_1","name":"get_weather"}]},{"content":"18C","role":"tool","tool_call_id":"call_1"}],"response_format":null,"seed":0,"stop":[],"temperature":0,"tool_choice":"required","tools":[{"function":{"description":"Current weather","name":"get_weather","parameters":{"properties":{"city":{"type":"string"}},"required":["city"],"type":"object"}},"type":"function"}],"top_p":1}';
    expect(canonicalJson(chatHashedFields(parsed))).toBe(text);
    expect(sha256(text)).toBe('0x374ea50f1e8ff267bb439fc7b4c68ddfba27ec70ba8adc7d0218be47175fd655');
    expect(chatInputHash(parsed)).toBe(sha256(text));
    const strictless = ChatCompletionRequestSchema.parse({
      ...withTools,
      tools: [{ type: 'function', function: { ...weatherTool.function, strict: false } }],
    });
    expect(chatInputHash(strictless)).toBe(chatInputHash(parsed));
  });

  it('defaults tool_choice to auto with tools and to null without; an empty tools list is no tools', () => {
    const { tool_choice: _, ...auto } = withTools;
    expect(chatHashedFields(ChatCompletionRequestSchema.parse(auto)).tool_choice).toBe('auto');
    const none = ChatCompletionRequestSchema.parse({ model: 'm', ...minimal, tools: [], tool_choice: 'none' });
    expect(chatInputHash(none)).toBe(chatInputHash(minimal));
    const named = ChatCompletionRequestSchema.parse({
      ...withTools,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(chatHashedFields(named).tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
  });

  it('hashes a completion request with max_tokens 16 by default', () => {
    const text = '{"max_tokens":16,"prompt":"Once upon a time","seed":0,"stop":[],"temperature":0,"top_p":1}';
    expect(canonicalJson(completionHashedFields({ prompt: 'Once upon a time' }))).toBe(text);
    expect(sha256(text)).toBe('0xc7f3342264c53d0359acf2d170826ba4b87f19ec2adecfe467146aa6ef78a554');
    expect(completionInputHash({ prompt: 'Once upon a time' })).toBe(sha256(text));
    expect(completionInputHash({ prompt: 'Once upon a time', max_tokens: 16 })).toBe(sha256(text));
  });

  it('ignores model, stream and verity options; defaults hash like their explicit values', () => {
    const parsed = ChatCompletionRequestSchema.parse({
      model: 'a@1',
      stream: true,
      stream_options: { include_usage: true },
      verity: { policy: 'none' },
      response_format: { type: 'text' },
      ...minimal,
    });
    expect(chatInputHash(parsed)).toBe(chatInputHash(minimal));
    expect(chatInputHash({ ...minimal, temperature: 0, top_p: 1, seed: 0, stop: [] })).toBe(chatInputHash(minimal));
    expect(chatInputHash({ ...minimal, seed: 1 })).not.toBe(chatInputHash(minimal));
    expect(chatInputHash({ ...minimal, max_tokens: 8 })).not.toBe(chatInputHash(minimal));
    expect(chatInputHash({ ...minimal, max_completion_tokens: 8 })).toBe(chatInputHash({ ...minimal, max_tokens: 8 }));
    expect(chatInputHash({ ...minimal, response_format: { type: 'json_object' } })).not.toBe(chatInputHash(minimal));
  });

  it('normalizes message forms OpenAI clients send: text parts joined, developer as system', () => {
    const parsed = ChatCompletionRequestSchema.parse({
      model: 'm',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'héllo ' },
            { type: 'text', text: '"you"\n' },
          ],
        },
      ],
    });
    expect(parsed.messages).toEqual(full.messages);
  });

  it('hashes outputs as {finish_reason, text, tool_calls}', () => {
    expect(sha256('{"finish_reason":"stop","text":"Hi there.","tool_calls":null}')).toBe(
      '0x9ae99b3c8670c47c7597116ae7cfb6ca7eb58138a89c9047bca584902dab3d89',
    );
    expect(textOutputHash({ text: 'Hi there.', finishReason: 'stop' })).toBe(
      '0x9ae99b3c8670c47c7597116ae7cfb6ca7eb58138a89c9047bca584902dab3d89',
    );
    expect(textOutputHash({ text: '', finishReason: 'length' })).toBe(
      sha256('{"finish_reason":"length","text":"","tool_calls":null}'),
    );
    expect(textOutputHash({ text: 'Hi there.', finishReason: 'stop', toolCalls: [] })).toBe(
      textOutputHash({ text: 'Hi there.', finishReason: 'stop' }),
    );
  });

  it('hashes a tool call as {finish_reason: tool_calls, text: "", tool_calls: [{arguments, name}]} (no id)', () => {
    const text =
      '{"finish_reason":"tool_calls","text":"","tool_calls":[{"arguments":"{\\"city\\":\\"Paris\\"}","name":"get_weather"}]}';
    expect(sha256(text)).toBe('0x2d77777f0380be23b94256d5d895934eb8b7de155bd147fca5cdbdba95c02001');
    const call = { name: 'get_weather', arguments: '{"city":"Paris"}' };
    expect(textOutputHash({ text: '', finishReason: 'tool_calls', toolCalls: [call] })).toBe(sha256(text));
    expect(toolCallId(`0x${'ab'.repeat(32)}`, 1)).toBe(`call_${'ab'.repeat(12)}_1`);
  });
});

describe('request schemas', () => {
  const chatIssues = (body: Record<string, unknown>) =>
    ChatCompletionRequestSchema.safeParse({ ...withTools, ...body }).error?.issues.map((i) => i.path.join('.')) ?? [];
  it('accept tools, tool choices and the tool loop; refuse malformed tools, choices and tool messages', () => {
    expect(chatIssues({})).toEqual([]);
    expect(chatIssues({ tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: 'auto' })).toEqual([]);
    expect(chatIssues({ tools: [weatherTool, weatherTool] })).toEqual(['tools.1.function.name']);
    expect(chatIssues({ tools: [{ type: 'function', function: { name: 'bad name' } }], tool_choice: 'auto' })).toEqual([
      'tools.0.function.name',
    ]);
    expect(
      chatIssues({ tools: Array.from({ length: 65 }, (_, i) => ({ type: 'function', function: { name: `f${i}` } })) }),
    ).toEqual(['tools']);
    const withParameters = (parameters: unknown) => ({ tools: [{ type: 'function', function: { name: 'f', parameters } }] });
    expect(chatIssues(withParameters({ type: 'string' }))).toEqual(['tools.0.function.parameters']);
    expect(chatIssues(withParameters({ type: 'object', properties: { a: { pattern: 'x' } } }))).toEqual([
      'tools.0.function.parameters',
    ]);
    expect(chatIssues({ tool_choice: { type: 'function', function: { name: 'other' } } })).toEqual(['tool_choice']);
    expect(chatIssues({ tools: undefined, tool_choice: 'required' })).toEqual(['tool_choice']);
    expect(chatIssues({ tool_choice: 'sometimes' })).toEqual(['tool_choice']);
    expect(chatIssues({ messages: [{ role: 'tool', content: 'x' }] })).toEqual(['messages.0.tool_call_id']);
    expect(chatIssues({ messages: [{ role: 'user', content: null }] })).toEqual(['messages.0.content']);
    expect(chatIssues({ messages: [{ role: 'assistant', content: null }] })).toEqual(['messages.0.content']);
    const call = { id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } };
    expect(chatIssues({ messages: [{ role: 'user', content: 'x', tool_calls: [call] }] })).toEqual(['messages.0.tool_calls']);
    expect(chatIssues({ messages: [{ role: 'user', content: 'x', tool_call_id: 'c' }] })).toEqual(['messages.0.tool_call_id']);
  });

  it('refuse a schema carrying a number that is not finite (1e999 parses to Infinity), wherever it is', () => {
    const parsed = (text: string) => ChatCompletionRequestSchema.safeParse(JSON.parse(text));
    const tool = (parameters: string) =>
      `{"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":${parameters}}}]}`;
    for (const [parameters, at] of [
      ['{"type":"object","properties":{"a":{"enum":[1,1e999]}}}', 'schema.properties.a.enum.1'],
      ['{"type":"object","properties":{"a":{"const":-1e999}}}', 'schema.properties.a.const'],
      ['{"type":"object","default":{"a":[1e999]}}', 'schema.default.a.0'],
      [
        '{"type":"object","properties":{"a":{"type":"array","items":{"examples":[1e999]}}}}',
        'schema.properties.a.items.examples.0',
      ],
    ] as const) {
      const result = parsed(tool(parameters));
      expect(result.success, parameters).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        `not a JSON schema this protocol serves: ${at}: expected a finite number (one as large as 1e999 reads as Infinity)`,
      );
    }
    const format = parsed(
      '{"model":"m","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"n","schema":{"const":1e999}}}}',
    );
    expect(format.error?.issues[0]?.path.join('.')).toBe('response_format.json_schema.schema');
    expect(parsed(tool('{"type":"object","properties":{"a":{"enum":[1,1e308]}}}')).success).toBe(true);
  });

  const chatOk = (body: unknown) => ChatCompletionRequestSchema.safeParse(body).success;
  const completionOk = (body: unknown) => CompletionRequestSchema.safeParse(body).success;
  it('accept the subset and defaults-valued OpenAI extras', () => {
    expect(chatOk({ model: 'm', ...full, response_format: { type: 'json_object' } })).toBe(true);
    expect(chatOk({ model: 'm', ...minimal, n: 1, frequency_penalty: 0, user: 'u', tools: [], tool_choice: 'none' })).toBe(true);
    expect(chatOk({ model: 'm', ...minimal, temperature: null, max_tokens: null, stop: null })).toBe(true);
    expect(completionOk({ model: 'm', prompt: 'x', echo: false, best_of: 1, logprobs: null })).toBe(true);
    expect(CompletionRequestSchema.parse({ model: 'm', prompt: ['x'] }).prompt).toBe('x');
  });
  it('refuse empty messages, bad roles, out-of-range sampling and unsupported output-changing fields', () => {
    expect(chatOk({ model: 'm', messages: [] })).toBe(false);
    expect(chatOk({ model: 'm', messages: [{ role: 'tool', content: 'x' }] })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, max_tokens: 0 })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, temperature: 3 })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, top_p: 0 })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, seed: -1 })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, stop: ['a', 'b', 'c', 'd', 'e'] })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, n: 2 })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, tools: [{ type: 'function' }] })).toBe(false);
    expect(chatOk({ model: 'm', ...minimal, response_format: { type: 'xml' } })).toBe(false);
    expect(completionOk({ model: 'm', prompt: 'x', tools: [weatherTool] })).toBe(false);
    expect(completionOk({ model: 'm', prompt: '' })).toBe(false);
    expect(completionOk({ model: 'm', prompt: ['a', 'b'] })).toBe(false);
    expect(completionOk({ model: 'm', prompt: 'x', echo: true })).toBe(false);
  });
});
