import { describe, expect, it } from 'vitest';
import { decodeTensorMap, encodeCanonical, hashTensorMap, toHex } from '../src/index.js';

describe('canonical tensor map encoding (Protocol v1 test vectors)', () => {
  it('hashes the empty map', () => {
    expect(hashTensorMap({})).toBe('0x9025fe6a0780f61733cd17508dd65ff1778f968ebd4a59d2d77dc1c95debdecd');
  });

  it('hashes one float32 scalar-vector', () => {
    expect(hashTensorMap({ a: { dtype: 'float32', shape: [1], data: [1] } })).toBe(
      '0xa170ba35cef5f438b77bd4a8b301cadad3a85b8679bcbead583f41f3e913c1b2',
    );
  });

  it('hashes a map of three dtypes in name order, int64 beyond 2^53 as strings', () => {
    expect(
      hashTensorMap({
        y: { dtype: 'int64', shape: [2], data: ['-1', '9007199254740993'] },
        b: { dtype: 'bool', shape: [3], data: [1, 0, 1] },
        x: { dtype: 'float32', shape: [1, 2], data: [1.5, -2] },
      }),
    ).toBe('0x377b7d7e2a80387755d27b167a66daa811375e9e234b23b17ebbc3f1ba0c1b25');
  });

  it('encodes a tiny map byte for byte as written by hand', () => {
    const bytes = encodeCanonical(decodeTensorMap({ a: { dtype: 'uint8', shape: [2], data: [7, 255] } }));
    // "VTM1", 1 tensor, name length 1, "a", dtype 4, rank 1, dim 2 (u64le), bytes 07 ff
    expect(toHex(bytes)).toBe('0x56544d3101000000' + '01000000' + '61' + '04' + '01000000' + '0200000000000000' + '07ff');
  });

  it('gives the same hash for base64 and number data', () => {
    const bytes = Buffer.from(new Float32Array([1.5, -2]).buffer).toString('base64');
    expect(hashTensorMap({ x: { dtype: 'float32', shape: [1, 2], data: `b64:${bytes}` } })).toBe(
      hashTensorMap({ x: { dtype: 'float32', shape: [1, 2], data: [1.5, -2] } }),
    );
  });

  it('orders names by UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FF21 (EF BC A1) sorts after U+1F600 (F0 9F 98 80)? No: EF < F0, so U+FF21 comes first in bytes,
    // while in UTF-16 the surrogate D83D sorts before FF21.
    const map = {
      '\u{1F600}': { dtype: 'uint8' as const, shape: [1], data: [1] },
      '\uFF21': { dtype: 'uint8' as const, shape: [1], data: [2] },
    };
    const bytes = encodeCanonical(decodeTensorMap(map));
    expect(bytes[12]).toBe(0xef);
  });
});

describe('tensor decoding errors', () => {
  it('refuses data whose length does not match the shape', () => {
    expect(() => hashTensorMap({ x: { dtype: 'float32', shape: [2, 2], data: [1, 2, 3] } })).toThrow(
      expect.objectContaining({ code: 'DATA_LENGTH_MISMATCH' }),
    );
  });
  it('refuses out-of-range integers', () => {
    expect(() => hashTensorMap({ x: { dtype: 'uint8', shape: [1], data: [256] } })).toThrow(
      expect.objectContaining({ code: 'INVALID_TENSOR' }),
    );
    expect(() => hashTensorMap({ x: { dtype: 'int64', shape: [1], data: ['9223372036854775808'] } })).toThrow(
      expect.objectContaining({ code: 'INVALID_TENSOR' }),
    );
  });
  it('refuses base64 of the wrong size and shapes too large to allocate', () => {
    expect(() => hashTensorMap({ x: { dtype: 'float32', shape: [2], data: 'b64:AAAA' } })).toThrow(
      expect.objectContaining({ code: 'DATA_LENGTH_MISMATCH' }),
    );
    expect(() => hashTensorMap({ x: { dtype: 'float32', shape: [1_000_000, 1_000_000], data: [] } })).toThrow(
      expect.objectContaining({ code: 'INPUT_TOO_LARGE' }),
    );
  });
});
