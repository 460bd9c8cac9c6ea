/**
 * Tensors as Protocol v1 writes them in JSON, and their decoded, typed-array form.
 * Decoding checks everything the wire format can get wrong: dtype, shape, data length, element ranges.
 */
import { z } from 'zod';
import { VerityError } from './errors.js';

export const dtypes = ['float32', 'float64', 'int8', 'uint8', 'int32', 'int64', 'bool'] as const;
export type DType = (typeof dtypes)[number];

export const dtypeCode: Record<DType, number> = {
  float32: 1,
  float64: 2,
  int8: 3,
  uint8: 4,
  int32: 5,
  int64: 6,
  bool: 7,
};

export const dtypeBytes: Record<DType, number> = {
  float32: 4,
  float64: 8,
  int8: 1,
  uint8: 1,
  int32: 4,
  int64: 8,
  bool: 1,
};

export type TypedArrayOf<D extends DType> = D extends 'float32'
  ? Float32Array
  : D extends 'float64'
    ? Float64Array
    : D extends 'int8'
      ? Int8Array
      : D extends 'uint8' | 'bool'
        ? Uint8Array
        : D extends 'int32'
          ? Int32Array
          : BigInt64Array;

export type TensorData = Float32Array | Float64Array | Int8Array | Uint8Array | Int32Array | BigInt64Array;

/** A tensor after decoding: row-major elements in a typed array (bool as 0/1 bytes). */
export interface DecodedTensor {
  dtype: DType;
  shape: number[];
  data: TensorData;
}
export type DecodedTensorMap = Record<string, DecodedTensor>;

/** Upper bound on elements of one tensor, so a shape alone cannot make us allocate gigabytes. */
export const maxTensorElements = 64 * 1024 * 1024;

export const DTypeSchema = z.enum(dtypes);

export const TensorSchema = z.object({
  dtype: DTypeSchema,
  shape: z.array(z.number().int().nonnegative()).max(32),
  data: z.union([z.array(z.union([z.number(), z.string(), z.boolean()])), z.string().startsWith('b64:')]),
});
export type Tensor = z.infer<typeof TensorSchema>;

export const TensorMapSchema = z.record(z.string().min(1).max(256), TensorSchema);
export type TensorMap = z.infer<typeof TensorMapSchema>;

export function elementCount(shape: readonly number[]): number {
  let count = 1;
  for (const dim of shape) count *= dim;
  return count;
}

function allocate(dtype: DType, length: number): TensorData {
  switch (dtype) {
    case 'float32':
      return new Float32Array(length);
    case 'float64':
      return new Float64Array(length);
    case 'int8':
      return new Int8Array(length);
    case 'uint8':
    case 'bool':
      return new Uint8Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'int64':
      return new BigInt64Array(length);
  }
}

function viewOf(dtype: DType, bytes: Uint8Array): TensorData {
  // Copy so the view is aligned and owns its memory.
  const copy = new Uint8Array(bytes);
  const { buffer } = copy;
  switch (dtype) {
    case 'float32':
      return new Float32Array(buffer);
    case 'float64':
      return new Float64Array(buffer);
    case 'int8':
      return new Int8Array(buffer);
    case 'uint8':
    case 'bool':
      return copy;
    case 'int32':
      return new Int32Array(buffer);
    case 'int64':
      return new BigInt64Array(buffer);
  }
}

const intRange: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int32: [-2147483648, 2147483647],
};

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

function invalid(name: string, message: string, details: Record<string, unknown> = {}): VerityError {
  return new VerityError('INVALID_TENSOR', `tensor "${name}": ${message}`, { details: { tensor: name, ...details } });
}

/** Decodes one JSON tensor into a typed array, checking that its data fits its dtype and shape. */
export function decodeTensor(name: string, tensor: Tensor): DecodedTensor {
  const { dtype, shape } = tensor;
  const count = elementCount(shape);
  if (count > maxTensorElements) {
    throw new VerityError('INPUT_TOO_LARGE', `tensor "${name}" has ${count} elements (limit ${maxTensorElements})`, {
      details: { tensor: name, elements: count, limit: maxTensorElements },
    });
  }
  if (typeof tensor.data === 'string') {
    const bytes = Buffer.from(tensor.data.slice(4), 'base64');
    const expected = count * dtypeBytes[dtype];
    if (bytes.length !== expected) {
      throw new VerityError(
        'DATA_LENGTH_MISMATCH',
        `tensor "${name}": ${bytes.length} bytes of data, shape [${shape.join(', ')}] of ${dtype} needs ${expected}`,
        { details: { tensor: name, bytes: bytes.length, expectedBytes: expected } },
      );
    }
    const data = viewOf(dtype, bytes);
    if (dtype === 'bool' && (data as Uint8Array).some((b) => b > 1)) throw invalid(name, 'bool bytes must be 0 or 1');
    return { dtype, shape: [...shape], data };
  }
  const values = tensor.data;
  if (values.length !== count) {
    throw new VerityError(
      'DATA_LENGTH_MISMATCH',
      `tensor "${name}": ${values.length} elements of data, shape [${shape.join(', ')}] needs ${count}`,
      { details: { tensor: name, elements: values.length, expectedElements: count } },
    );
  }
  const data = allocate(dtype, count);
  if (dtype === 'int64') {
    const out = data as BigInt64Array;
    for (let i = 0; i < count; i++) {
      const value = values[i];
      let big: bigint;
      if (typeof value === 'number' && Number.isSafeInteger(value)) big = BigInt(value);
      else if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) big = BigInt(value);
      else throw invalid(name, `element ${i} is not an int64 (number or decimal string)`, { index: i });
      if (big < int64Min || big > int64Max) throw invalid(name, `element ${i} is out of int64 range`, { index: i });
      out[i] = big;
    }
    return { dtype, shape: [...shape], data };
  }
  const range = intRange[dtype];
  for (let i = 0; i < count; i++) {
    const value = values[i];
    let number: number;
    if (typeof value === 'number') number = value;
    else if (typeof value === 'boolean' && dtype === 'bool') number = value ? 1 : 0;
    else throw invalid(name, `element ${i} must be a number for ${dtype}`, { index: i });
    if (dtype === 'bool') {
      if (number !== 0 && number !== 1) throw invalid(name, `element ${i} must be 0 or 1 for bool`, { index: i });
    } else if (range) {
      if (!Number.isInteger(number) || number < range[0] || number > range[1]) {
        throw invalid(name, `element ${i} (${number}) is not a ${dtype}`, { index: i });
      }
    }
    data[i] = number;
  }
  return { dtype, shape: [...shape], data };
}

export function decodeTensorMap(map: TensorMap): DecodedTensorMap {
  const out: DecodedTensorMap = {};
  for (const [name, tensor] of Object.entries(map)) out[name] = decodeTensor(name, tensor);
  return out;
}

/** Encodes a decoded tensor as JSON numbers (int64 beyond 2^53 as decimal strings). */
export function encodeTensor(tensor: DecodedTensor): Tensor {
  const { dtype, shape, data } = tensor;
  if (data instanceof BigInt64Array) {
    const out: (number | string)[] = new Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const value = data[i] as bigint;
      out[i] = value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value.toString();
    }
    return { dtype, shape: [...shape], data: out };
  }
  if (dtype === 'float32' || dtype === 'float64') {
    // JSON has no NaN or Infinity, and writes -0 as 0 (so the bytes, and the hash a receipt signs, would change
    // on the way): such tensors travel as exact bytes instead.
    for (let i = 0; i < data.length; i++) {
      const value = data[i] as number;
      if (!Number.isFinite(value) || (value === 0 && 1 / value < 0)) return encodeTensorBase64(tensor);
    }
  }
  return { dtype, shape: [...shape], data: Array.from(data as ArrayLike<number>) };
}

export function encodeTensorBase64(tensor: DecodedTensor): Tensor {
  const { data } = tensor;
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return { dtype: tensor.dtype, shape: [...tensor.shape], data: `b64:${bytes.toString('base64')}` };
}

export function encodeTensorMap(map: DecodedTensorMap): TensorMap {
  const out: TensorMap = {};
  for (const [name, tensor] of Object.entries(map)) out[name] = encodeTensor(tensor);
  return out;
}
