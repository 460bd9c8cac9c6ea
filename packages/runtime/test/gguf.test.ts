/**
 * The GGUF writer and the tiny llama generator, read back with a small independent GGUF reader written here:
 * header, metadata, tensor infos, alignment, data size and values, the shapes llama.cpp expects, and determinism
 * (the committed models/tiny-llama.gguf is what scripts/make-llm.ts builds). Loading in llama.cpp itself is
 * checked by llm.test.ts, against the real node-llama-cpp.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byteVocabulary, buildTinyLlama, defaultTinyLlamaOptions, TokenType } from '../src/gguf/tiny-llama.js';
import { float32ToFloat16, gguf, writeGguf } from '../src/gguf/writer.js';

interface ReadTensor {
  name: string;
  dims: number[];
  type: number;
  offset: number;
}
interface ReadFile {
  version: number;
  metadata: Map<string, unknown>;
  tensors: ReadTensor[];
  dataStart: number;
  bytes: Uint8Array;
}

/** Reads a GGUF v3 file the way ggml's gguf.cpp does, enough to check what the writer produced. */
function readGguf(bytes: Uint8Array): ReadFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pos = 0;
  /** Advances past n bytes and returns where they start. */
  const take = (n: number) => {
    pos += n;
    return pos - n;
  };
  const u32 = () => view.getUint32(take(4), true);
  const u64 = () => Number(view.getBigUint64(take(8), true));
  const str = () => {
    const n = u64();
    const at = take(n);
    return decoder.decode(bytes.subarray(at, at + n));
  };
  const item = (type: number): unknown => {
    switch (type) {
      case 0:
        return view.getUint8(take(1));
      case 1:
        return view.getInt8(take(1));
      case 2:
        return view.getUint16(take(2), true);
      case 3:
        return view.getInt16(take(2), true);
      case 4:
        return u32();
      case 5:
        return view.getInt32(take(4), true);
      case 6:
        return view.getFloat32(take(4), true);
      case 7:
        return view.getUint8(take(1)) !== 0;
      case 8:
        return str();
      case 9: {
        const itemType = u32();
        const n = u64();
        return Array.from({ length: n }, () => item(itemType));
      }
      case 10:
        return view.getBigUint64(take(8), true);
      case 11:
        return view.getBigInt64(take(8), true);
      case 12:
        return view.getFloat64(take(8), true);
      default:
        throw new Error(`unknown GGUF value type ${type} at ${pos}`);
    }
  };

  const magic = decoder.decode(bytes.subarray(0, 4));
  if (magic !== 'GGUF') throw new Error(`bad magic ${magic}`);
  pos = 4;
  const version = u32();
  const tensorCount = u64();
  const kvCount = u64();
  const metadata = new Map<string, unknown>();
  for (let i = 0; i < kvCount; i++) {
    const key = str();
    if (metadata.has(key)) throw new Error(`duplicate key ${key}`);
    metadata.set(key, item(u32()));
  }
  const tensors: ReadTensor[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = str();
    const nDims = u32();
    const dims = Array.from({ length: nDims }, u64);
    tensors.push({ name, dims, type: u32(), offset: u64() });
  }
  const alignment = (metadata.get('general.alignment') as number | undefined) ?? 32;
  const dataStart = Math.ceil(pos / alignment) * alignment;
  return { version, metadata, tensors, dataStart, bytes };
}

const elementSize = (type: number) => ({ 0: 4, 1: 2 })[type as 0 | 1];
const elements = (dims: number[]) => dims.reduce((a, b) => a * b, 1);

function tensorValues(file: ReadFile, name: string): Float32Array {
  const t = file.tensors.find((x) => x.name === name);
  if (t?.type !== 0) throw new Error(`no F32 tensor ${name}`);
  const start = file.bytes.byteOffset + file.dataStart + t.offset;
  return new Float32Array(file.bytes.buffer.slice(start, start + elements(t.dims) * 4));
}

const requiredKeys = [
  'general.architecture',
  'general.alignment',
  'llama.context_length',
  'llama.embedding_length',
  'llama.block_count',
  'llama.feed_forward_length',
  'llama.attention.head_count',
  'llama.attention.head_count_kv',
  'llama.rope.dimension_count',
  'llama.attention.layer_norm_rms_epsilon',
  'tokenizer.ggml.model',
  'tokenizer.ggml.tokens',
  'tokenizer.ggml.scores',
  'tokenizer.ggml.token_type',
  'tokenizer.ggml.bos_token_id',
  'tokenizer.ggml.eos_token_id',
];

describe('tiny llama GGUF', () => {
  const bytes = buildTinyLlama();
  const file = readGguf(bytes);
  const o = defaultTinyLlamaOptions;

  it('has a GGUF v3 header and every metadata key llama.cpp requires', () => {
    expect(file.version).toBe(3);
    for (const key of requiredKeys) expect(file.metadata.has(key), key).toBe(true);
    const m = file.metadata;
    expect(m.get('general.architecture')).toBe('llama');
    expect(m.get('general.alignment')).toBe(32);
    expect(m.get('llama.context_length')).toBe(256);
    expect(m.get('llama.embedding_length')).toBe(o.embeddingLength);
    expect(m.get('llama.block_count')).toBe(2);
    expect(m.get('llama.attention.head_count')).toBe(4);
    expect(m.get('llama.rope.dimension_count')).toBe(o.embeddingLength / o.headCount);
    expect(m.get('llama.attention.layer_norm_rms_epsilon')).toBeCloseTo(1e-5, 10);
    expect(m.get('tokenizer.ggml.model')).toBe('llama');
  });

  it('has a byte-level vocabulary with BOS and EOS', () => {
    const tokens = file.metadata.get('tokenizer.ggml.tokens') as string[];
    const types = file.metadata.get('tokenizer.ggml.token_type') as number[];
    const scores = file.metadata.get('tokenizer.ggml.scores') as number[];
    expect(tokens).toHaveLength(260);
    expect(types).toHaveLength(260);
    expect(scores).toHaveLength(260);
    expect(tokens[file.metadata.get('tokenizer.ggml.bos_token_id') as number]).toBe('<s>');
    expect(tokens[file.metadata.get('tokenizer.ggml.eos_token_id') as number]).toBe('</s>');
    const vocab = byteVocabulary();
    for (let b = 0; b < 256; b++) {
      expect(tokens[vocab.byteOffset + b]).toBe(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
      expect(types[vocab.byteOffset + b]).toBe(TokenType.byte);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('names and shapes its tensors as llama.cpp expects (ggml dims order)', () => {
    const n = o.embeddingLength;
    const ff = o.feedForwardLength;
    const expected: [string, number[]][] = [['token_embd.weight', [n, 260]]];
    for (let i = 0; i < o.blockCount; i++) {
      expected.push(
        [`blk.${i}.attn_norm.weight`, [n]],
        [`blk.${i}.attn_q.weight`, [n, n]],
        [`blk.${i}.attn_k.weight`, [n, n]],
        [`blk.${i}.attn_v.weight`, [n, n]],
        [`blk.${i}.attn_output.weight`, [n, n]],
        [`blk.${i}.ffn_norm.weight`, [n]],
        [`blk.${i}.ffn_gate.weight`, [n, ff]],
        [`blk.${i}.ffn_up.weight`, [n, ff]],
        [`blk.${i}.ffn_down.weight`, [ff, n]],
      );
    }
    expected.push(['output_norm.weight', [n]], ['output.weight', [n, 260]]);
    expect(file.tensors.map((t) => [t.name, t.dims])).toEqual(expected);
    expect(file.tensors.every((t) => t.type === 0)).toBe(true);
  });

  it('aligns every tensor and ends exactly after the padded data', () => {
    expect(file.dataStart % 32).toBe(0);
    let next = 0;
    for (const t of file.tensors) {
      expect(t.offset % 32, t.name).toBe(0);
      expect(t.offset, t.name).toBe(next); // packed in order, no overlap, no gaps beyond padding
      next = t.offset + Math.ceil((elements(t.dims) * (elementSize(t.type) ?? 0)) / 32) * 32;
    }
    expect(bytes.byteLength).toBe(file.dataStart + next);
    expect(bytes.byteLength).toBeLessThan(1_000_000);
  });

  it('stores the weights it drew: unit norm gains, bounded finite values', () => {
    expect(tensorValues(file, 'blk.0.attn_norm.weight').every((v) => v === 1)).toBe(true);
    const q = tensorValues(file, 'blk.1.attn_q.weight');
    const bound = 1 / Math.sqrt(o.embeddingLength);
    expect(q.every((v) => Number.isFinite(v) && Math.abs(v) <= bound)).toBe(true);
    expect(new Set(q).size).toBeGreaterThan(q.length / 2);
  });

  it('is deterministic, and models/tiny-llama.gguf is what scripts/make-llm.ts builds', () => {
    expect(Buffer.from(buildTinyLlama()).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(buildTinyLlama({ seed: 2 })).equals(Buffer.from(bytes))).toBe(false);
    const committed = readFileSync(new URL('../../../models/tiny-llama.gguf', import.meta.url));
    expect(committed.equals(Buffer.from(bytes))).toBe(true);
  });

  it('writes F16 weights and grouped-query attention shapes', () => {
    const f16 = readGguf(buildTinyLlama({ weightType: 'F16', headCountKv: 2 }));
    const k = f16.tensors.find((t) => t.name === 'blk.0.attn_k.weight');
    expect(k).toMatchObject({ type: 1, dims: [o.embeddingLength, o.embeddingLength / 2] });
    expect(f16.tensors.find((t) => t.name === 'blk.0.ffn_norm.weight')?.type).toBe(0);
    expect(f16.metadata.get('llama.attention.head_count_kv')).toBe(2);
  });
});

describe('GGUF writer', () => {
  it('round-trips every metadata value type', () => {
    const file = readGguf(
      writeGguf({
        metadata: {
          'general.architecture': gguf.str('test'),
          u8: { type: 'uint8', value: 255 },
          i8: { type: 'int8', value: -128 },
          u16: { type: 'uint16', value: 65535 },
          i16: { type: 'int16', value: -32768 },
          u32: gguf.u32(4294967295),
          i32: gguf.i32(-2147483648),
          f32: gguf.f32(0.5),
          f64: { type: 'float64', value: Math.PI },
          u64: { type: 'uint64', value: 2n ** 64n - 1n },
          i64: { type: 'int64', value: -(2n ** 63n) },
          bool: gguf.bool(true),
          text: gguf.str('héllo ▁'),
          strings: gguf.strings(['a', '', 'ü']),
          ints: gguf.i32s([1, -2, 3]),
        },
        tensors: [{ name: 'x', dims: [3], type: 'F32', data: new Float32Array([1, -2, 0.25]) }],
        alignment: 64,
      }),
    );
    expect([...file.metadata.keys()].slice(0, 2)).toEqual(['general.architecture', 'general.alignment']);
    expect(Object.fromEntries(file.metadata)).toEqual({
      'general.architecture': 'test',
      'general.alignment': 64,
      u8: 255,
      i8: -128,
      u16: 65535,
      i16: -32768,
      u32: 4294967295,
      i32: -2147483648,
      f32: 0.5,
      f64: Math.PI,
      u64: 2n ** 64n - 1n,
      i64: -(2n ** 63n),
      bool: true,
      text: 'héllo ▁',
      strings: ['a', '', 'ü'],
      ints: [1, -2, 3],
    });
    expect(file.dataStart % 64).toBe(0);
    expect([...tensorValues(file, 'x')]).toEqual([1, -2, 0.25]);
    expect(file.bytes.byteLength).toBe(file.dataStart + 64);
  });

  it('converts to half precision with round to nearest even', () => {
    const cases: [number, number][] = [
      [0, 0x0000],
      [-0, 0x8000],
      [1, 0x3c00],
      [-2, 0xc000],
      [0.1, 0x2e66],
      [65504, 0x7bff],
      [65520, 0x7c00], // rounds up to infinity
      [1e6, 0x7c00],
      [2 ** -24, 0x0001], // smallest subnormal
      [2 ** -26, 0x0000],
      [1 + 2 ** -11, 0x3c00], // halfway, to even
      [1 + 3 * 2 ** -11, 0x3c02], // halfway, to even (up)
      [Number.POSITIVE_INFINITY, 0x7c00],
    ];
    for (const [value, half] of cases) expect(float32ToFloat16(value), String(value)).toBe(half);
    expect(float32ToFloat16(Number.NaN) & 0x7c00).toBe(0x7c00);
  });

  it('rejects bad input', () => {
    const t = { name: 'x', dims: [2], type: 'F32', data: new Float32Array(3) } as const;
    expect(() => writeGguf({ metadata: {}, tensors: [t] })).toThrow('3 values for dims [2]');
    expect(() => writeGguf({ metadata: {}, tensors: [], alignment: 24 })).toThrow('power of two');
    expect(() => writeGguf({ metadata: { 'general.alignment': gguf.u32(32) }, tensors: [] })).toThrow('alignment option');
  });
});
