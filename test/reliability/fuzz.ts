/**
 * A seeded generator of hostile requests for every route a router (or a node) serves: mutations of valid bodies
 * (wrong types, missing and unknown fields, huge and non-finite numbers, deep nesting, long and odd strings,
 * duplicate keys, truncated text, wrong content types, bad tensors, policies, model refs, request ids, JSON schemas).
 * Each case is a pure function of (seed, index, fixtures), so a failing case is reproduced from its index alone.
 */
import { createHash } from 'node:crypto';

export type Hex = `0x${string}`;

/** What the generator may refer to: things that exist on the network under test. */
export interface FuzzFixtures {
  irisBlob: Hex;
  chatBlob: Hex;
  /**
   * A model file stored on the network but registered under no name the run depends on (tiny-llama.gguf): valid
   * registrations use it, because registering iris's or verity-chat's file under another name hides their names on
   * the router (a known bug, see fuzz.test.ts).
   */
  spareBlob: Hex;
  /** The request id of an answer the network stored. */
  requestId: Hex;
}

export type FuzzTarget = 'router' | 'node';

export interface FuzzCase {
  index: number;
  /** The route the case aims at, as "METHOD /path" with the parameter named (for reports). */
  route: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'HEAD';
  /** Sent verbatim (no normalization of dot segments or escapes). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  target: FuzzTarget;
  /** What was done to the body, for reports. */
  mutations: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// The PRNG: sfc32 seeded through splitmix32, small and well distributed, so a seed names one run on any machine.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  const next = () => u32() / 2 ** 32;
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// JSON as the fuzzer writes it: `Raw` is copied into the text as is (1e999, -0, lone surrogates), `Pairs` is an
// object whose keys may repeat. JSON.stringify can write neither.

export class Raw {
  constructor(readonly text: string) {}
}
export class Pairs {
  constructor(readonly entries: [string, Json][]) {}
}
export type Json = null | boolean | number | string | Raw | Pairs | Json[] | { [key: string]: Json };

export function jsonText(value: Json): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Pairs) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Raw) && !(value instanceof Pairs)
  );
}

/** Every path into objects and arrays of `value` (the root excluded). */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 400) return out;
  if (Array.isArray(value)) {
    value.slice(0, 8).forEach((item, i) => {
      out.push([...prefix, i]);
      pathsOf(item, [...prefix, i], out);
    });
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

function clone(value: Json): Json {
  if (value instanceof Raw || value instanceof Pairs) return value;
  if (Array.isArray(value)) return value.map(clone);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  return value;
}

/** Sets (or, with `undefined`, deletes) the value at `path`; the root is replaced when the path is empty. */
function setPath(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  let parent: Json = root;
  for (const key of path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(parent)
      ? parent[key as number]
      : isObject(parent)
        ? parent[key as string]
        : undefined;
    if (next === undefined || next === null || typeof next !== 'object' || next instanceof Raw || next instanceof Pairs)
      return root;
    parent = next;
  }
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(last as number, 1);
    else parent[last as number] = value;
  } else if (isObject(parent)) {
    if (value === undefined) delete parent[last as string];
    else parent[last as string] = value;
  }
  return root;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile values.

function longString(rng: Rng): string {
  const length = rng.pick([300, 2_049, 10_000, 100_000, 300_000]);
  return rng.pick(['a', 'é', '🙂', '\u0000', ' ', '"', '\\']).repeat(length).slice(0, length);
}

const oddStrings = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  'null',
  'undefined',
  'true',
  '0',
  '-0',
  '日本語のテキスト',
  '\u202eevil',
  'a\u0301\u0301\u0301',
  '\u0000',
  '\uffff',
  '🙂🙂🙂',
  '<script>alert(1)</script>',
  "'; DROP TABLE receipts; --",
  '%s%s%s%n',
  '{{constructor.constructor("return 1")()}}',
  '__proto__',
  '../../../../etc/passwd',
  'C:\\Windows\\system32',
  'b64:',
];

/** A value that is hostile in any position. */
export function hostileValue(rng: Rng, depth = 0): Json {
  switch (rng.int(depth > 0 ? 16 : 19)) {
    case 0:
      return null;
    case 1:
      return rng.pick([true, false]);
    case 2:
      return rng.pick([0, -1, 1.5, 255, 256, 2 ** 31, 2 ** 32, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, -(2 ** 63)]);
    case 3:
      return new Raw(
        rng.pick([
          '1e999',
          '-1e999',
          '-0',
          '1e-400',
          '9007199254740993',
          '123456789012345678901234567890123456789',
          '0.0000000000000000000000000001',
          '1E+2',
          '-0.0e-0',
        ]),
      );
    case 4:
    case 5:
      return rng.pick(oddStrings);
    case 6:
      return longString(rng);
    case 7:
      return new Raw(rng.pick(['"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '"a\\u0000b"', '"\\uFFFE"']));
    case 8:
      return rng.pick([[], {}, [null], [[]], [{}]]);
    case 9:
      return Array.from({ length: rng.pick([3, 100, 10_000]) }, () => 0);
    case 10:
      return new Raw('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    case 11:
      return new Pairs([
        ['a', 1],
        ['a', 'two'],
      ]);
    case 12:
      return [hostileValue(rng, depth + 1), hostileValue(rng, depth + 1)];
    case 13:
      return { [rng.pick(oddStrings)]: hostileValue(rng, depth + 1) };
    case 14:
      return rng.pick(['1', '-1', '0x10', '1,5', ' 1 ', '1_000']);
    case 15:
      return rng.pick(['\t', '\n\n', '\r\n', '\u2028']);
    default:
      return deep(rng, rng.pick([10, 63, 64, 65, 100, 200]));
  }
}

/** Nesting `levels` deep, arrays or objects. */
function deep(rng: Rng, levels: number): Raw {
  const object = rng.chance(0.5);
  const open = object ? '{"a":' : '[';
  const close = object ? '}' : ']';
  return new Raw(`${open.repeat(levels - 1)}${object ? '{}' : '[]'}${close.repeat(levels - 1)}`);
}

function hex(rng: Rng, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += '0123456789abcdef'[rng.int(16)];
  return out;
}

function randomHash(rng: Rng): Hex {
  return `0x${hex(rng, 64)}`;
}

/** `length` seeded bytes, four per draw. */
function randomBytes(rng: Rng, length: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  for (let i = 0; i < words.length; i++) words[i] = rng.int(2 ** 32);
  return Buffer.from(words.buffer, 0, length);
}

function base64OfBytes(rng: Rng, length: number, fill?: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = fill ?? rng.int(256);
  return bytes.toString('base64');
}

// ---------------------------------------------------------------------------------------------------------------
// Route-specific values.

function modelRef(rng: Rng, fixtures: FuzzFixtures, valid: string): Json {
  return rng.pick<Json>([
    valid,
    `${valid}@1.0.0`,
    `${valid}@1`,
    `${valid}@`,
    `@${valid}`,
    `${valid}@1@2`,
    `${valid}@../../1`,
    `../${valid}`,
    `./${valid}`,
    `${valid}/../../../etc/passwd`,
    `${valid}%2e%2e`,
    `${valid}\u0000`,
    `${valid.toUpperCase()}`,
    ` ${valid}`,
    fixtures.irisBlob,
    fixtures.chatBlob,
    fixtures.irisBlob.toUpperCase(),
    `0X${fixtures.irisBlob.slice(2)}`,
    fixtures.irisBlob.slice(0, 40),
    randomHash(rng),
    'x'.repeat(300),
    'x'.repeat(301),
    'file:///etc/passwd',
    'http://127.0.0.1:1/model',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'fuzz-model@1',
  ]);
}

const policies: Json[] = [
  'none',
  'relay',
  'replicate:0',
  'replicate:1',
  'replicate:2',
  'replicate:3',
  'replicate:16',
  'replicate:17',
  'replicate:99999',
  'replicate:-1',
  'replicate:1.5',
  'replicate:',
  'replicate:01',
  'replicate:1e3',
  'spot-check:0',
  'spot-check:0.5',
  'spot-check:1',
  'spot-check:2',
  'spot-check:-0',
  'spot-check:NaN',
  'majority',
  'NONE',
  ' none',
  'x'.repeat(64),
  'x'.repeat(65),
];

function requestIdValue(rng: Rng, fixtures: FuzzFixtures): Json {
  return rng.pick<Json>([
    randomHash(rng),
    fixtures.requestId,
    fixtures.requestId.toUpperCase(),
    `0x${hex(rng, 63)}`,
    `0x${hex(rng, 65)}`,
    hex(rng, 64),
    `0x${'g'.repeat(64)}`,
    `0x${'0'.repeat(64)}`,
    `0x${hex(rng, 62)}\u0000\u0000`,
    '0x',
    '',
    'not-a-request-id',
    '0x🙂',
  ]);
}

const dtypes: Json[] = ['float32', 'float64', 'int8', 'uint8', 'int32', 'int64', 'bool', 'float16', 'FLOAT32', 'string', ''];

function shapeValue(rng: Rng): Json {
  return rng.pick<Json>([
    [1, 4],
    [2, 4],
    [],
    [4],
    [1, 4, 1],
    [-1, 4],
    [1, -4],
    [0, 4],
    [1.5, 4],
    [2 ** 31, 4],
    [2 ** 32, 2 ** 32],
    [2 ** 53, 2 ** 53],
    new Raw('[1e999,4]'),
    new Raw('[-0,4]'),
    [Number.MAX_VALUE, 4],
    Array.from({ length: 33 }, () => 1),
    Array.from({ length: 32 }, () => 2),
    [65_536, 65_536],
    [16_777_216, 4],
    [16_777_217, 4],
    ['1', '4'],
    [null, 4],
    [true, 4],
    [[1], 4],
    'N,4',
  ]);
}

const huge = new Raw('(huge)');

function tensorData(rng: Rng): Json {
  const four = (v: Json): Json => [v, v, v, v];
  const picked = rng.pick<Json>([
    [5.1, 3.5, 1.4, 0.2],
    [],
    [1, 2, 3],
    [1, 2, 3, 4, 5],
    ['1', '2', '3', '4'],
    four('NaN'),
    four(new Raw('1e999')),
    four(new Raw('-0')),
    four(1e39),
    four(true),
    four(null),
    [
      [1, 2],
      [3, 4],
    ],
    'b64:',
    'b64:====',
    'b64:AAAA',
    `b64:${base64OfBytes(rng, 16)}`,
    `b64:${base64OfBytes(rng, 15)}`,
    `b64:${base64OfBytes(rng, 17)}`,
    `b64:${base64OfBytes(rng, 16, 0xff)}`,
    'b64:!!!!',
    'b64: A A A A',
    base64OfBytes(rng, 16),
    huge,
    huge,
  ]);
  // Built only when picked: a megabyte of text on every call would make the generator the slowest part of a run.
  return picked === huge ? (rng.chance(0.5) ? `b64:${'A'.repeat(1 << 20)}` : Array.from({ length: 100_000 }, () => 1)) : picked;
}

function tensor(rng: Rng): Json {
  if (rng.chance(0.3)) {
    // Well formed and large: a batch of N rows.
    const rows = rng.pick([1, 3, 100, 5_000]);
    return { dtype: 'float32', shape: [rows, 4], data: Array.from({ length: rows * 4 }, (_, i) => (i % 7) / 2) };
  }
  return { dtype: rng.pick(dtypes), shape: shapeValue(rng), data: tensorData(rng) };
}

const oddSchemas: Json[] = [
  { type: 'teapot' },
  { type: 'object', properties: { a: { $ref: '#' } } },
  { $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/a' } } },
  { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } },
  { $ref: 'http://127.0.0.1:1/schema.json' },
  { type: 'object', required: 'a' },
  { type: 'object', required: ['missing'] },
  { type: 'object', properties: { s: { type: 'string', maxLength: new Raw('1e999') } } },
  { type: 'object', properties: { s: { type: 'string', minLength: 100_000 } } },
  { type: 'object', properties: { s: { type: 'string', minLength: 5, maxLength: 1 } } },
  { type: 'object', properties: { a: { type: 'array', minItems: -1 } } },
  { type: 'object', properties: { a: { type: 'array', maxItems: 1_000_000_000, items: { type: 'string' } } } },
  { type: 'object', properties: { a: { enum: [] } } },
  { type: 'object', properties: { a: { enum: [new Raw('1e999')] } } },
  { type: 'object', properties: { a: { anyOf: [] } } },
  { type: 'object', properties: { a: { oneOf: Array.from({ length: 50 }, (_, i) => ({ const: i })) } } },
  { type: ['object', 'null'] },
  { type: 'object', additionalProperties: false, properties: {} },
  { type: 'object', properties: { a: { type: 'string', pattern: '(a+)+$' } } },
  { type: 'object', properties: { n: { type: 'integer', minimum: 1e308 } } },
  new Raw('{"type":"object","properties":{"__proto__":{"type":"string"}}}'),
  { type: 'object', properties: { '': { type: 'string' } } },
  { type: 'object', allOf: [{ type: 'object' }] },
  { type: 'object', not: {} },
  true,
  false,
  { type: 'object', properties: Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`p${i}`, { type: 'string' }])) },
  { type: 'object', prefixItems: [{ type: 'string' }], items: false },
  { type: 'object', properties: { a: { type: 'array', prefixItems: [{ type: 'string' }], items: false } } },
  new Raw(
    `${'{"type":"object","properties":{"a":'.repeat(30)}{"type":"string"}${'}}'.repeat(30)}`.replace(
      /,"properties"/,
      ',"properties"',
    ),
  ),
  {
    type: 'object',
    properties: { a: { type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'string' } } } } },
    required: ['a'],
  },
  {
    type: 'object',
    properties: { a: { type: 'string', maxLength: 5_000 }, b: { type: 'string', maxLength: 5_000 } },
    required: ['a', 'b'],
  },
];

function messageValue(rng: Rng): Json {
  const message = rng.pick<Json>([
    { role: 'user', content: 'Hi' },
    { role: 'system', content: 'You are terse.' },
    { role: 'developer', content: 'Be short.' },
    { role: 'assistant', content: 'Hello.' },
    { role: 'tool', content: '42' },
    { role: 'tool', content: '42', tool_call_id: 'call_1' },
    { role: 'root', content: 'Hi' },
    { role: 'user' },
    { role: 'user', content: null },
    { role: 'user', content: [] },
    { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
    { role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://127.0.0.1:1/x.png' } }] },
    { role: 'user', content: [{ type: 'text', text: 5 }] },
    { role: 'user', content: 'LONG' },
    { role: 'user', content: 'What is Verity?', name: 'x'.repeat(1000) },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":' } }],
    },
    { role: 'assistant', tool_calls: [{ id: '', type: 'function', function: { name: '', arguments: 5 } }] },
    'user: hi',
  ]);
  return isObject(message) && message.content === 'LONG' ? { role: 'user', content: longString(rng) } : message;
}

const manyTools: Json = Array.from({ length: 129 }, (_, i) => ({ type: 'function', function: { name: `f${i}` } }));

function toolsValue(rng: Rng): Json {
  return rng.pick<Json>([
    [{ type: 'function', function: { name: 'f', parameters: rng.pick(oddSchemas) } }],
    [{ type: 'function', function: { name: 'f' } }],
    [
      { type: 'function', function: { name: 'f' } },
      { type: 'function', function: { name: 'f' } },
    ],
    [{ type: 'function', function: { name: '' } }],
    [{ type: 'function', function: { name: 'a b' } }],
    [{ type: 'function', function: { name: 'x'.repeat(65) } }],
    [{ type: 'function', function: { name: 'f', description: 'x'.repeat(8193) } }],
    [{ type: 'retrieval' }],
    [{ type: 'function' }],
    manyTools,
    'f',
    [],
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Valid bodies and their hot spots: the places each route's checks live, and what to put there.

type Hot = [path: (string | number)[], values: (rng: Rng) => Json];

interface JsonRoute {
  route: string;
  path: string;
  valid: (rng: Rng, fixtures: FuzzFixtures) => Json;
  hot: (fixtures: FuzzFixtures) => Hot[];
}

const inferRoute: JsonRoute = {
  route: 'POST /v1/infer',
  path: '/v1/infer',
  valid: (rng) => ({
    model: 'iris',
    inputs: { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } },
    ...(rng.chance(0.3) ? { policy: rng.pick(['none', 'replicate:2']) } : {}),
  }),
  hot: (fixtures) => [
    [['model'], (rng) => modelRef(rng, fixtures, 'iris')],
    [['policy'], (rng) => rng.pick(policies)],
    [['requestId'], (rng) => requestIdValue(rng, fixtures)],
    [['inputs', 'x'], tensor],
    [['inputs', 'x', 'dtype'], (rng) => rng.pick(dtypes)],
    [['inputs', 'x', 'shape'], shapeValue],
    [['inputs', 'x', 'data'], tensorData],
    [
      ['inputs'],
      (rng) =>
        rng.pick<() => Json>([
          () => ({}),
          () => ({ '': tensor(rng) }),
          () => ({ x: tensor(rng), y: tensor(rng) }),
          () => ({ ['x'.repeat(257)]: tensor(rng) }),
          () =>
            Object.fromEntries(
              Array.from({ length: 1_000 }, (_, i) => [`x${i}`, { dtype: 'float32', shape: [1, 4], data: [1, 2, 3, 4] }]),
            ),
          () => new Raw('{"x":{"dtype":"float32","shape":[1,4],"data":[1,2,3,4]},"x":{"dtype":"int8","shape":[1],"data":[1]}}'),
          () => new Raw('{"__proto__":{"dtype":"float32","shape":[1,4],"data":[1,2,3,4]}}'),
        ])(),
    ],
  ],
};

const chatRoute: JsonRoute = {
  route: 'POST /v1/chat/completions',
  path: '/v1/chat/completions',
  valid: (rng) => ({
    model: 'verity-chat',
    messages: [{ role: 'user', content: rng.pick(['Hi', 'What is Verity?', 'How do nodes agree?']) }],
    max_tokens: rng.pick([1, 2, 4]),
    ...(rng.chance(0.2) ? { stream: true } : {}),
  }),
  hot: (fixtures) => [
    [['model'], (rng) => modelRef(rng, fixtures, 'verity-chat')],
    [['messages'], (rng) => rng.pick<Json>([[], [messageValue(rng)], [messageValue(rng), messageValue(rng)], 'Hi', {}])],
    [['messages'], () => Array.from({ length: 1_025 }, () => ({ role: 'user', content: 'a' }))],
    [['messages', 0], messageValue],
    [['max_tokens'], (rng) => rng.pick<Json>([0, -1, 1.5, '2', new Raw('1e999'), 1_000_001, null, 3, new Raw('-0')])],
    [['max_completion_tokens'], (rng) => rng.pick<Json>([0, 2, 1_000_001, 'x'])],
    [['temperature'], (rng) => rng.pick<Json>(['NaN', new Raw('-0'), 2.0000001, new Raw('1e999'), -1, null, 0, 2])],
    [['top_p'], (rng) => rng.pick<Json>([0, new Raw('-0'), 1, 1.0000001, 'NaN', 1e-300])],
    [['stop'], (rng) => rng.pick<Json>(['', [], ['x'.repeat(1_000)], ['a', 'b', 'c', 'd', 'e'], [null], [''], '\u0000'])],
    [['seed'], (rng) => rng.pick<Json>([-1, 2 ** 32, 2 ** 32 - 1, 1.5, new Raw('1e999'), '1', new Raw('-0')])],
    [['stream'], (rng) => rng.pick<Json>([true, 'true', 1, null, false])],
    [['stream_options'], (rng) => rng.pick<Json>([{ include_usage: true }, { include_usage: 'yes' }, [], 'x'])],
    [
      ['response_format'],
      (rng) =>
        rng.pick<Json>([
          { type: 'json_object' },
          { type: 'text' },
          { type: 'xml' },
          { type: 'json_schema' },
          { type: 'json_schema', json_schema: { name: '', schema: {} } },
          { type: 'json_schema', json_schema: { name: 'x'.repeat(65) } },
          { type: 'json_schema', json_schema: { name: 'answer', schema: rng.pick(oddSchemas) } },
          { type: 'json_schema', json_schema: { name: 'answer', schema: rng.pick(oddSchemas) } },
        ]),
    ],
    [['tools'], toolsValue],
    [['tools'], toolsValue],
    [
      ['tool_choice'],
      (rng) =>
        rng.pick<Json>([
          'none',
          'auto',
          'required',
          'sometimes',
          { type: 'function', function: { name: 'f' } },
          { type: 'function', function: { name: 'g' } },
          { type: 'function' },
        ]),
    ],
    [
      ['verity'],
      (rng) => rng.pick<Json>([{ policy: rng.pick(policies) }, { requestId: requestIdValue(rng, fixtures) }, 'x', []]),
    ],
    [['verity', 'policy'], (rng) => rng.pick(policies)],
    [['n'], (rng) => rng.pick<Json>([1, 2, 0, -1])],
    [['logprobs'], (rng) => rng.pick<Json>([true, false, 5])],
    [['functions'], () => [{ name: 'f' }]],
    [['frequency_penalty'], (rng) => rng.pick<Json>([0, 0.5, 'NaN'])],
  ],
};

const completionRoute: JsonRoute = {
  route: 'POST /v1/completions',
  path: '/v1/completions',
  valid: (rng) => ({
    model: 'verity-chat',
    prompt: rng.pick(['Verity is', 'Nodes']),
    max_tokens: rng.pick([1, 2, 4]),
    ...(rng.chance(0.2) ? { stream: true } : {}),
  }),
  hot: (fixtures) => [
    [['model'], (rng) => modelRef(rng, fixtures, 'verity-chat')],
    [
      ['prompt'],
      (rng) =>
        rng.chance(0.1) ? longString(rng) : rng.pick<Json>(['', [], ['a', 'b'], [''], ['x'], 5, null, '\u0000', '🙂', [[1, 2]]]),
    ],
    [['max_tokens'], (rng) => rng.pick<Json>([0, -1, 1.5, '2', new Raw('1e999'), 1_000_001, null, 3])],
    [['echo'], (rng) => rng.pick<Json>([true, false])],
    [['suffix'], () => 'end'],
    [['best_of'], (rng) => rng.pick<Json>([1, 2])],
    [['logprobs'], (rng) => rng.pick<Json>([0, 1, 5])],
    [['stop'], (rng) => rng.pick<Json>(['', [], ['\n'], [null]])],
    [['seed'], (rng) => rng.pick<Json>([-1, 2 ** 32, new Raw('1e999')])],
    [['temperature'], (rng) => rng.pick<Json>(['NaN', -1, new Raw('1e999'), 0.7])],
    [['verity'], (rng) => rng.pick<Json>([{ policy: rng.pick(policies) }, { requestId: requestIdValue(rng, fixtures) }])],
  ],
};

const namePicks: Json[] = [
  '',
  '../x',
  'a/b',
  '.hidden',
  '-dash',
  'x'.repeat(128),
  'x'.repeat(129),
  '日本',
  'a\u0000',
  'a b',
  'CON',
  'x%2F..',
];

const registerRoute: JsonRoute = {
  route: 'POST /v1/models',
  path: '/v1/models',
  valid: (rng, fixtures) => ({
    name: `fuzz-${hex(rng, 6)}`,
    version: rng.pick(['1', '1.0.0', 'v2']),
    format: 'gguf',
    blob: fixtures.spareBlob,
  }),
  hot: (fixtures) => [
    [['name'], (rng) => rng.pick(namePicks)],
    [['version'], (rng) => rng.pick(namePicks)],
    [['format'], (rng) => rng.pick<Json>(['onnx', 'gguf', 'relay', 'ONNX', '', 5, null])],
    [
      ['blob'],
      (rng) =>
        // Neither iris's nor verity-chat's file: registered under another name, it would hide theirs.
        rng.pick<Json>([
          fixtures.spareBlob,
          fixtures.spareBlob.toUpperCase(),
          randomHash(rng),
          '0x',
          fixtures.irisBlob.slice(2),
          `sha256:${fixtures.irisBlob.slice(2)}`,
        ]),
    ],
    // The file of one format registered as the other: each engine must refuse the other's bytes, not crash.
    // Written as raw text, so that no later mutation turns one back into a valid registration of their file under
    // another name (which would hide iris or verity-chat on the router: see fuzz.test.ts's known bugs).
    [
      [],
      (rng) => new Raw(JSON.stringify({ name: `fuzz-${hex(rng, 6)}`, version: '1', format: 'gguf', blob: fixtures.irisBlob })),
    ],
    [
      [],
      (rng) => new Raw(JSON.stringify({ name: `fuzz-${hex(rng, 6)}`, version: '1', format: 'onnx', blob: fixtures.chatBlob })),
    ],
    [[], (rng) => ({ name: `fuzz-${hex(rng, 6)}`, version: '1', format: 'onnx', blob: fixtures.spareBlob })],
    [['description'], (rng) => rng.pick<Json>(['x'.repeat(2_001), '🙂', 5])],
    [['license'], (rng) => rng.pick<Json>(['x'.repeat(201), 'MIT'])],
    [
      ['sources'],
      (rng) =>
        rng.pick<Json>([
          ['http://127.0.0.1:1'],
          ['file:///etc/passwd'],
          ['http://169.254.169.254/latest/meta-data'],
          ['not a url'],
          Array.from({ length: 33 }, (_, i) => `http://127.0.0.1:${i + 1}`),
          ['http://[::1]:1'],
          ['javascript:alert(1)'],
          ['http://user:pass@127.0.0.1:1'],
          'http://127.0.0.1:1',
        ]),
    ],
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Body mutations.

const contentTypes = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/JSON',
  'application/json, text/plain',
  'application/octet-stream',
  'application/merge-patch+json',
  'application/json;;;',
  'image/png',
  '*/*',
];

function mutateStructure(rng: Rng, body: Json, route: JsonRoute, fixtures: FuzzFixtures, notes: string[]): Json {
  const count = 1 + rng.int(3);
  let root = body;
  for (let i = 0; i < count; i++) {
    const kind = rng.int(10);
    if (kind < 5) {
      const [path, values] = rng.pick(route.hot(fixtures));
      const value = values(rng);
      root = setPath(root, path, value);
      notes.push(`set ${path.join('.') || '(root)'}`);
      continue;
    }
    const paths = pathsOf(root);
    const path = paths.length > 0 ? rng.pick(paths) : [];
    if (kind === 5) {
      root = setPath(root, path, hostileValue(rng));
      notes.push(`hostile at ${path.join('.')}`);
    } else if (kind === 6) {
      root = setPath(root, path, undefined);
      notes.push(`delete ${path.join('.')}`);
    } else if (kind === 7) {
      const key = rng.pick([...oddStrings, 'extra', 'x'.repeat(1_000), 'constructor', 'prototype', 'toString']);
      const objects = [[], ...paths].filter((p) => {
        let at: Json | undefined = root;
        for (const k of p)
          at = Array.isArray(at) ? at[k as number] : isObject(at as Json) ? (at as Record<string, Json>)[k] : undefined;
        return at !== undefined && isObject(at);
      });
      if (objects.length === 0) continue;
      const target = rng.pick(objects);
      root = setPath(root, [...target, key], hostileValue(rng));
      notes.push(`unknown field ${JSON.stringify(key.slice(0, 20))} at ${target.join('.') || '(root)'}`);
    } else if (kind === 8) {
      // A duplicate key in the raw text: the same field twice with different values.
      if (isObject(root)) {
        const entries = Object.entries(root);
        const [key, value] = entries.length > 0 ? rng.pick(entries) : ['model', 'iris'];
        const pairs: [string, Json][] = rng.chance(0.5)
          ? [...entries, [key, hostileValue(rng)]]
          : [[key, hostileValue(rng)], ...entries.filter(([k]) => k !== key), [key, value]];
        root = new Pairs(pairs);
        notes.push(`duplicate key ${key}`);
        break;
      }
    } else {
      root = setPath(root, path, deep(rng, rng.pick([2, 30, 62, 63, 64, 65, 100, 200])));
      notes.push(`deep nesting at ${path.join('.')}`);
    }
  }
  return root;
}

function mutateText(rng: Rng, text: string, notes: string[]): Buffer {
  switch (rng.int(8)) {
    case 0: {
      const at = rng.int(text.length);
      notes.push(`truncated at ${at}`);
      return Buffer.from(text.slice(0, at));
    }
    case 1: {
      const replaced = text.replace(
        /(?<=[:[,])-?\d+(\.\d+)?/,
        rng.pick(['1e999', '-0', 'NaN', 'Infinity', '0x10', '01', '.5', '+1']),
      );
      notes.push('number literal replaced');
      return Buffer.from(replaced);
    }
    case 2:
      notes.push('trailing comma');
      return Buffer.from(text.replace(/}$/, ',}'));
    case 3:
      notes.push('byte order mark');
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 4: {
      notes.push('invalid UTF-8 in a string');
      const at = Math.max(0, text.indexOf('"', 2) + 1);
      return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(text.slice(at))]);
    }
    case 5:
      notes.push('comment');
      return Buffer.from(`/* c */${text}`);
    case 6:
      notes.push('two documents');
      return Buffer.from(`${text}${text}`);
    default: {
      const at = rng.int(text.length);
      notes.push(`garbage byte at ${at}`);
      return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([rng.int(256)]), Buffer.from(text.slice(at))]);
    }
  }
}

function wholeBody(rng: Rng, notes: string[]): Buffer {
  const bodies: [string, () => Buffer][] = [
    ['empty', () => Buffer.alloc(0)],
    ['null', () => Buffer.from('null')],
    ['array', () => Buffer.from('[]')],
    ['string', () => Buffer.from('"iris"')],
    ['1e999', () => Buffer.from('1e999')],
    ['deep 200', () => Buffer.from(deep(rng, 200).text)],
    ['deep 100000', () => Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
    ['deep 100000 unclosed', () => Buffer.from('{"a":'.repeat(100_000))],
    ['1 MB string', () => Buffer.from(JSON.stringify({ model: 'x'.repeat(1 << 20) }))],
    ['random bytes', () => randomBytes(rng, 1 + rng.int(4_096))],
    ['whitespace', () => Buffer.from('   \n\t ')],
    ['form', () => Buffer.from('model=iris&inputs=x')],
  ];
  const [name, make] = rng.pick(bodies);
  notes.push(`body: ${name}`);
  return make();
}

function jsonCase(rng: Rng, route: JsonRoute, fixtures: FuzzFixtures, notes: string[]): Pick<FuzzCase, 'headers' | 'body'> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const roll = rng.next();
  let body: Buffer;
  if (roll < 0.08) {
    notes.push('valid');
    body = Buffer.from(jsonText(route.valid(rng, fixtures)));
  } else if (roll < 0.75) {
    body = Buffer.from(jsonText(mutateStructure(rng, clone(route.valid(rng, fixtures)), route, fixtures, notes)));
  } else if (roll < 0.9) {
    body = mutateText(rng, jsonText(route.valid(rng, fixtures)), notes);
  } else {
    body = wholeBody(rng, notes);
  }
  if (rng.chance(0.1)) {
    const type = rng.pick(contentTypes);
    notes.push(`content-type ${type ?? '(none)'}`);
    if (type === undefined) delete headers['content-type'];
    else headers['content-type'] = type;
  }
  return { headers, body };
}

// ---------------------------------------------------------------------------------------------------------------
// Routes without a JSON body.

function blobPutCase(rng: Rng, notes: string[]): Pick<FuzzCase, 'headers' | 'body'> {
  const size = rng.pick([0, 1, 100, 4_096, 65_536, 65_536, 1 << 20]);
  const body = rng.chance(0.2)
    ? Buffer.from(rng.pick([() => deep(rng, 200).text, () => '['.repeat(50_000), () => '{"model":"iris"}'])())
    : randomBytes(rng, size);
  const headers: Record<string, string> = {};
  const type = rng.pick([...contentTypes, 'application/json']);
  if (type !== undefined) headers['content-type'] = type;
  const digest = `0x${createHashHex(body)}`;
  const hash = rng.pick<string | undefined>([
    undefined,
    digest,
    digest.toUpperCase(),
    randomHash(rng),
    digest.slice(2),
    'abc',
    `0x${'g'.repeat(64)}`,
    '',
    `${digest}, ${digest}`,
  ]);
  if (hash !== undefined) headers['x-verity-sha256'] = hash;
  notes.push(
    `${body.length} bytes, type ${type ?? '(none)'}, x-verity-sha256 ${hash === undefined ? '(none)' : hash.slice(0, 12)}`,
  );
  return { headers, body };
}

function createHashHex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hashParam(rng: Rng, known: Hex[]): string {
  const some = rng.pick(known);
  return rng.pick([
    some,
    some,
    some.toUpperCase(),
    some.slice(2),
    randomHash(rng),
    '0x',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '..',
    '%2e%2e',
    '%00',
    `${some}%00`,
    '%ZZ',
    '%F0%9F%99%82',
    'x'.repeat(8_000),
    `${some}/extra`,
    `${some}?x=1&x=2`,
    `${some}%20`,
    `${some};jsessionid=1`,
    encodeURIComponent('日本語'),
  ]);
}

const paths = [
  '/v1/infer/',
  '//v1/infer',
  '/v1/../health',
  '/V1/INFER',
  '/v1/infer%00',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/v1/blobs/',
  '/v1/receipts/',
  '/v1/models/iris',
  '/v1/embeddings',
  '/v2/infer',
  '/health?x=%ZZ',
  `/v1/${'a'.repeat(8_000)}`,
  '/v1/infer?__proto__[x]=1',
];

function authorization(rng: Rng): string | undefined {
  return rng.pick([
    undefined,
    'Bearer',
    'Bearer ',
    `Bearer vk1_${hex(rng, 10)}`,
    `Bearer vk1_${hex(rng, 64)}${hex(rng, 40)}${hex(rng, 64)}`,
    `Bearer vk1_${hex(rng, 64)}${hex(rng, 40)}${hex(rng, 64).toUpperCase()}`,
    `Bearer sk-${hex(rng, 48)}`,
    'Basic dXNlcjpwYXNz',
    `Bearer ${'x'.repeat(8_000)}`,
    'Bearer a b c',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------

const jsonRoutes: [JsonRoute, number][] = [
  [inferRoute, 25],
  [chatRoute, 20],
  [completionRoute, 10],
  [registerRoute, 9],
];

/** The share of cases sent to a node directly rather than through the router. */
export const nodeShare = 0.2;

/** The case `index` of the run seeded `seed`. */
export function generateCase(seed: number, index: number, fixtures: FuzzFixtures): FuzzCase {
  const rng = createRng((Math.imul(seed, 0x9e3779b1) ^ index) >>> 0);
  const target: FuzzTarget = rng.chance(nodeShare) ? 'node' : 'router';
  const mutations: string[] = [];
  const roll = rng.int(100);
  let acc = 0;
  for (const [route, weight] of jsonRoutes) {
    acc += weight;
    if (roll < acc) {
      const { headers, body } = jsonCase(rng, route, fixtures, mutations);
      return {
        index,
        route: route.route,
        method: 'POST',
        path: route.path,
        headers,
        ...(body ? { body } : {}),
        target,
        mutations,
      };
    }
  }
  const base = { index, target, mutations };
  const known = [fixtures.irisBlob, fixtures.chatBlob, fixtures.spareBlob];
  const r = roll - acc; // 0 .. 35
  if (r < 8) return { ...base, route: 'PUT /v1/blobs', method: 'PUT', path: '/v1/blobs', ...blobPutCase(rng, mutations) };
  if (r < 14) {
    const param = hashParam(rng, known);
    mutations.push(`sha256 ${param.slice(0, 80)}`);
    return { ...base, route: 'GET /v1/blobs/:sha256', method: 'GET', path: `/v1/blobs/${param}`, headers: {} };
  }
  if (r < 20) {
    const param = hashParam(rng, [fixtures.requestId]);
    const query = rng.pick(['', '', '?executor=0x', '?executor=%ZZ', '?executor[]=a&executor[]=b', `?executor=${hex(rng, 40)}`]);
    mutations.push(`requestId ${param.slice(0, 80)}${query}`);
    return { ...base, route: 'GET /v1/receipts/:requestId', method: 'GET', path: `/v1/receipts/${param}${query}`, headers: {} };
  }
  if (r < 29) {
    const [route, method, path] = rng.pick([
      ['GET /v1/models', 'GET', '/v1/models'],
      ['GET /health', 'GET', '/health'],
      ['GET /v1/key', 'GET', '/v1/key'],
      ['DELETE /v1/key', 'DELETE', '/v1/key'],
    ] as const);
    const headers: Record<string, string> = {};
    const auth = authorization(rng);
    if (auth !== undefined) headers.authorization = auth;
    const query = rng.pick(['', '', '?x=1', '?__proto__[polluted]=1', '?a=%ZZ', `?${'q'.repeat(4_000)}=1`]);
    let body: Buffer | undefined;
    if (rng.chance(0.2)) {
      // A body where none is expected.
      headers['content-type'] = rng.pick(['application/json', 'text/plain']);
      body = rng.chance(0.5) ? Buffer.from('{"a":') : Buffer.from(deep(rng, 200).text);
      mutations.push('unexpected body');
    }
    mutations.push(`auth ${auth === undefined ? '(none)' : auth.slice(0, 20)}${query.slice(0, 30)}`);
    return { ...base, route, method, path: `${path}${query}`, headers, ...(body ? { body } : {}) };
  }
  // Unknown routes and odd methods on known ones.
  const method = rng.pick(['GET', 'POST', 'PATCH', 'OPTIONS', 'DELETE', 'HEAD', 'PUT'] as const);
  const path = rng.pick([...paths, '/v1/infer', '/v1/models', '/health', '/v1/chat/completions']);
  mutations.push(`${method} ${path.slice(0, 60)}`);
  return {
    ...base,
    route: 'other',
    method,
    path,
    headers: method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.from('{}') }),
  };
}
