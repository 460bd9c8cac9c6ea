/** JSON encoding of decoded tensors: what JSON cannot carry exactly travels as base64 bytes, so hashes survive. */
import { describe, expect, it } from 'vitest';
import { type DecodedTensorMap, decodeTensorMap, encodeTensorMap, hashDecodedTensorMap, hashTensorMap } from '../src/index.js';

function roundTrip(map: DecodedTensorMap) {
  const wire = JSON.parse(JSON.stringify(encodeTensorMap(map)));
  return { wire, hash: hashTensorMap(wire) };
}

describe('encodeTensorMap', () => {
  it('keeps the hash of tensors holding -0, NaN or Infinity through JSON', () => {
    for (const value of [-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      for (const dtype of ['float32', 'float64'] as const) {
        const map: DecodedTensorMap = {
          y: { dtype, shape: [3], data: dtype === 'float32' ? new Float32Array([1, value, 2]) : new Float64Array([1, value, 2]) },
        };
        const { wire, hash } = roundTrip(map);
        expect(String(wire.y.data)).toMatch(/^b64:/);
        expect(hash).toBe(hashDecodedTensorMap(map));
        expect(Object.is(decodeTensorMap(wire).y!.data[1], value)).toBe(true);
      }
    }
  });

  it('writes ordinary values, +0 included, as JSON numbers', () => {
    const map: DecodedTensorMap = { y: { dtype: 'float32', shape: [3], data: new Float32Array([0, 0.1, -2.5]) } };
    const { wire, hash } = roundTrip(map);
    expect(wire.y.data).toEqual([0, Math.fround(0.1), -2.5]);
    expect(hash).toBe(hashDecodedTensorMap(map));
  });
});
