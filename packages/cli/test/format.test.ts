/** The pure parts in process: formatting for people and the --input shorthand. */
import { describe, expect, it } from 'vitest';
import { Context } from '../src/context.js';
import { examples, formatBytes, formatTensor, shortAddress, table } from '../src/format.js';
import { readInputs } from '../src/inputs.js';
import { UsageError, processIo } from '../src/output.js';

describe('format', () => {
  it('prints tensors compactly, whatever their encoding', () => {
    expect(formatTensor('y', { dtype: 'float32', shape: [1, 3], data: [0.1, -2, 1 / 3] })).toBe(
      'y  float32 [1, 3]  [0.1, -2, 0.333333]',
    );
    expect(formatTensor('label', { dtype: 'int64', shape: [2], data: ['9007199254740993', '-1'] })).toBe(
      'label  int64 [2]  [9007199254740993, -1]',
    );
    const b64 = `b64:${Buffer.from(new Int32Array([7, -7]).buffer).toString('base64')}`;
    expect(formatTensor('k', { dtype: 'int32', shape: [2], data: b64 })).toBe('k  int32 [2]  [7, -7]');
    expect(formatTensor('m', { dtype: 'bool', shape: [2], data: [1, 0] })).toBe('m  bool [2]  [true, false]');
    expect(formatTensor('big', { dtype: 'uint8', shape: [20], data: Array.from({ length: 20 }, (_, i) => i) }, 4)).toBe(
      'big  uint8 [20]  [0, 1, 2, 3, … 16 more]',
    );
    expect(formatTensor('bad', { dtype: 'float32', shape: [2], data: [1] })).toMatch(
      /^bad {2}float32 \[2\] {2}\(cannot decode: /,
    );
  });

  it('formats sizes, addresses, tables and examples', () => {
    expect([formatBytes(482), formatBytes(1536), formatBytes(40 * 1024 * 1024)]).toEqual(['482 B', '1.5 KiB', '40 MiB']);
    expect(shortAddress('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBe('0xf39F…2266');
    expect(
      table(
        ['ID', 'SIZE'],
        [
          ['m@1', '1 B'],
          ['longer@2', '10 KiB'],
        ],
      ),
    ).toBe('ID        SIZE\nm@1       1 B\nlonger@2  10 KiB');
    expect(examples([['verity a'], ['verity b', 'why']])).toBe('\nExamples:\n  $ verity a\n  # why\n  $ verity b\n');
  });
});

describe('--input', () => {
  const context = new Context(processIo());

  it('takes tensors as written, and nested numbers as float32', async () => {
    expect(await readInputs(context, '{"x": [[1, 2], [3, 4]], "n": {"dtype": "int64", "shape": [1], "data": ["5"]}}')).toEqual({
      x: { dtype: 'float32', shape: [2, 2], data: [1, 2, 3, 4] },
      n: { dtype: 'int64', shape: [1], data: ['5'] },
    });
    expect(await readInputs(context, '{"s": []}')).toEqual({ s: { dtype: 'float32', shape: [0], data: [] } });
  });

  it('refuses what is not a tensor map, as a usage error', async () => {
    for (const bad of [
      '[1]',
      'nope',
      '{"x": [[1], [2, 3]]}',
      '{"x": ["a"]}',
      '{"x": {"dtype": "float16", "shape": [1], "data": [1]}}',
      '@/nonexistent/x.json',
    ]) {
      await expect(readInputs(context, bad)).rejects.toBeInstanceOf(UsageError);
    }
  });
});
