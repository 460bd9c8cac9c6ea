/**
 * Writes GGUF v3 files (the model format of llama.cpp): header, typed metadata key/values, tensor infos and
 * aligned tensor data, all little-endian. F32 and F16 tensors only: enough for the small models the project
 * generates for its tests and demo, with no dependencies and byte-identical output for identical input.
 *
 * Layout: magic "GGUF", version u32, tensor count u64, metadata count u64, the metadata, the tensor infos
 * (name, dims, type, offset), zero padding to the alignment, then each tensor's data at its offset (relative to the
 * start of the data section, a multiple of the alignment). The alignment is written as `general.alignment`.
 */

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
export const GGUF_VERSION = 3;
export const GGUF_DEFAULT_ALIGNMENT = 32;

/** Metadata value type codes (gguf_type in ggml). */
export const GgufValueType = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;

/** Tensor type codes (ggml_type) this writer supports. */
export const GgmlType = { F32: 0, F16: 1 } as const;
export type GgmlTypeName = keyof typeof GgmlType;

type NumberType = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';
type BigIntType = 'uint64' | 'int64';
export type GgufScalar =
  | { type: NumberType; value: number }
  | { type: BigIntType; value: bigint }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string };
export type GgufArray =
  | { type: 'array'; itemType: NumberType; value: readonly number[] | Float32Array | Int32Array }
  | { type: 'array'; itemType: BigIntType; value: readonly bigint[] }
  | { type: 'array'; itemType: 'bool'; value: readonly boolean[] }
  | { type: 'array'; itemType: 'string'; value: readonly string[] };
export type GgufValue = GgufScalar | GgufArray;

/** Shorthands for metadata values. */
export const gguf = {
  u32: (value: number): GgufValue => ({ type: 'uint32', value }),
  i32: (value: number): GgufValue => ({ type: 'int32', value }),
  f32: (value: number): GgufValue => ({ type: 'float32', value }),
  bool: (value: boolean): GgufValue => ({ type: 'bool', value }),
  str: (value: string): GgufValue => ({ type: 'string', value }),
  strings: (value: readonly string[]): GgufValue => ({ type: 'array', itemType: 'string', value }),
  f32s: (value: readonly number[] | Float32Array): GgufValue => ({ type: 'array', itemType: 'float32', value }),
  i32s: (value: readonly number[] | Int32Array): GgufValue => ({ type: 'array', itemType: 'int32', value }),
};

export interface GgufTensor {
  name: string;
  /**
   * ggml's `ne` order: dims[0] is the contiguous (fastest-varying) length. A weight applied as y = W·x, with x of
   * length n_in and y of length n_out, has dims [n_in, n_out] and its data is n_out rows of n_in values.
   */
  dims: readonly number[];
  /** Stored type; the values are always given as float32 and converted. */
  type: GgmlTypeName;
  data: Float32Array;
}

export interface GgufFile {
  /** Written in insertion order, after `general.architecture` if present; must not contain `general.alignment`. */
  metadata: Record<string, GgufValue>;
  tensors: readonly GgufTensor[];
  /** A power of two; written as `general.alignment` (u32). */
  alignment?: number;
}

const textEncoder = new TextEncoder();

/** Little-endian byte sink that grows as needed. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  length = 0;

  private reserve(bytes: number): number {
    const at = this.length;
    if (at + bytes > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, at + bytes));
      grown.set(this.buffer.subarray(0, at));
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length += bytes;
    return at;
  }

  u8(v: number): void {
    this.view.setUint8(this.reserve(1), v);
  }
  i8(v: number): void {
    this.view.setInt8(this.reserve(1), v);
  }
  u16(v: number): void {
    this.view.setUint16(this.reserve(2), v, true);
  }
  i16(v: number): void {
    this.view.setInt16(this.reserve(2), v, true);
  }
  u32(v: number): void {
    this.view.setUint32(this.reserve(4), v, true);
  }
  i32(v: number): void {
    this.view.setInt32(this.reserve(4), v, true);
  }
  u64(v: bigint | number): void {
    this.view.setBigUint64(this.reserve(8), BigInt(v), true);
  }
  i64(v: bigint): void {
    this.view.setBigInt64(this.reserve(8), v, true);
  }
  f32(v: number): void {
    this.view.setFloat32(this.reserve(4), v, true);
  }
  f64(v: number): void {
    this.view.setFloat64(this.reserve(8), v, true);
  }
  bytes(b: Uint8Array): void {
    const at = this.reserve(b.length); // before reading this.buffer, which reserve may replace
    this.buffer.set(b, at);
  }
  string(s: string): void {
    const b = textEncoder.encode(s);
    this.u64(b.length);
    this.bytes(b);
  }
  padTo(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    this.reserve(pad); // the buffer is zero-filled and never rewritten, so padding is zeros
  }
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

type ItemType = Exclude<keyof typeof GgufValueType, 'array'>;
const itemWriters: Record<ItemType, (w: ByteWriter, v: unknown) => void> = {
  uint8: (w, v) => w.u8(v as number),
  int8: (w, v) => w.i8(v as number),
  uint16: (w, v) => w.u16(v as number),
  int16: (w, v) => w.i16(v as number),
  uint32: (w, v) => w.u32(v as number),
  int32: (w, v) => w.i32(v as number),
  float32: (w, v) => w.f32(v as number),
  float64: (w, v) => w.f64(v as number),
  uint64: (w, v) => w.u64(v as bigint),
  int64: (w, v) => w.i64(v as bigint),
  bool: (w, v) => w.u8(v ? 1 : 0),
  string: (w, v) => w.string(v as string),
};

function writeValue(w: ByteWriter, value: GgufValue): void {
  w.u32(GgufValueType[value.type]);
  if (value.type === 'array') {
    w.u32(GgufValueType[value.itemType]);
    w.u64(value.value.length);
    const writeItem = itemWriters[value.itemType];
    for (const item of value.value) writeItem(w, item);
  } else {
    itemWriters[value.type](w, value.value);
  }
}

/** IEEE 754 half precision, round to nearest even (what numpy and ggml_fp32_to_fp16 produce). */
export function float32ToFloat16(value: number): number {
  const f = new Float32Array([value]);
  const x = new Uint32Array(f.buffer)[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // Inf or NaN
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow to Inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow to ±0
    const m = mant | 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let r = m >>> shift;
    const rest = m & ((1 << shift) - 1);
    if (rest > half || (rest === half && r & 1)) r++;
    return sign | r;
  }
  let r = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && r & 1)) r++; // may carry into the exponent, which is correct
  return sign | r;
}

function tensorBytes(t: GgufTensor): Uint8Array {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== count) {
    throw new Error(`tensor ${t.name}: ${t.data.length} values for dims [${t.dims.join(', ')}] (${count})`);
  }
  if (t.type === 'F32') {
    const out = new Uint8Array(count * 4);
    const view = new DataView(out.buffer);
    for (let i = 0; i < count; i++) view.setFloat32(i * 4, t.data[i] as number, true);
    return out;
  }
  const out = new Uint8Array(count * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < count; i++) view.setUint16(i * 2, float32ToFloat16(t.data[i] as number), true);
  return out;
}

/** Serializes a GGUF v3 file. Same input, same bytes. */
export function writeGguf(file: GgufFile): Uint8Array {
  const alignment = file.alignment ?? GGUF_DEFAULT_ALIGNMENT;
  if (!Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0) {
    throw new Error(`alignment must be a power of two, got ${alignment}`);
  }
  if ('general.alignment' in file.metadata) throw new Error('set the alignment with the alignment option');
  const names = new Set<string>();
  for (const t of file.tensors) {
    if (names.has(t.name)) throw new Error(`duplicate tensor name ${t.name}`);
    names.add(t.name);
  }

  const { 'general.architecture': architecture, ...rest } = file.metadata;
  const entries: [string, GgufValue][] = [
    ...(architecture ? [['general.architecture', architecture] as [string, GgufValue]] : []),
    ['general.alignment', gguf.u32(alignment)],
    ...Object.entries(rest),
  ];

  const w = new ByteWriter();
  w.u32(GGUF_MAGIC);
  w.u32(GGUF_VERSION);
  w.u64(file.tensors.length);
  w.u64(entries.length);
  for (const [key, value] of entries) {
    w.string(key);
    writeValue(w, value);
  }

  const datas = file.tensors.map(tensorBytes);
  let offset = 0;
  file.tensors.forEach((t, i) => {
    w.string(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GgmlType[t.type]);
    w.u64(offset);
    const size = (datas[i] as Uint8Array).length;
    offset += Math.ceil(size / alignment) * alignment;
  });

  w.padTo(alignment);
  for (const data of datas) {
    w.bytes(data);
    w.padTo(alignment);
  }
  return w.result();
}
