/**
 * The runtime package against real onnxruntime: the demo model (models/iris.onnx, made by `npm run demo-model`),
 * input checks, rejection of bad model files, and a larger generated MLP.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DecodedTensorMap, VerityError, decodeTensor, hashDecodedTensorMap } from '@verity/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomMlp, seededRandom } from '@verity/fixtures';
import { type LoadedModel, OnnxEngine, checkInputs, probeOnnxFile } from '../src/index.js';

const irisUrl = new URL('../../../models/iris.onnx', import.meta.url);
const irisBytes = new Uint8Array(readFileSync(irisUrl));

function input(rows: number[][]): DecodedTensorMap {
  return { x: { dtype: 'float32', shape: [rows.length, 4], data: new Float32Array(rows.flat()) } };
}

function errorOf(fn: () => unknown): VerityError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(VerityError);
    return error as VerityError;
  }
  throw new Error('expected a VerityError, nothing was thrown');
}

async function rejectionOf(promise: Promise<unknown>): Promise<VerityError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VerityError);
    return error as VerityError;
  }
  throw new Error('expected a VerityError, the promise resolved');
}

describe('OnnxEngine with the iris demo model', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await new OnnxEngine().load(irisBytes);
  });
  afterAll(async () => {
    await model?.dispose();
  });

  it('reads the signature from the model', () => {
    expect(model.signature).toEqual({
      inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 4] }],
      outputs: [
        { name: 'probabilities', dtype: 'float32', shape: ['N', 3] },
        { name: 'label', dtype: 'int64', shape: ['N'] },
      ],
    });
    expect(model.engine).toMatch(/^onnxruntime-node\/\d+\.\d+\.\d+\/cpu-fp32$/);
  });

  it('predicts setosa for the example input', async () => {
    const out = await model.run(input([[5.1, 3.5, 1.4, 0.2]]));
    expect(out.label).toEqual({ dtype: 'int64', shape: [1], data: BigInt64Array.of(0n) });
    expect(out.probabilities?.shape).toEqual([1, 3]);
    const p = Array.from(out.probabilities?.data as Float32Array);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(p[0]).toBeGreaterThan(0.9);
  });

  it("predicts each class for that class's typical measurements, in one batch", async () => {
    const typical = [
      [5.0, 3.4, 1.5, 0.2], // setosa
      [5.9, 2.8, 4.3, 1.3], // versicolor
      [6.6, 3.0, 5.6, 2.0], // virginica
    ];
    const out = await model.run(input(typical));
    expect(out.probabilities?.shape).toEqual([3, 3]);
    expect(Array.from(out.label?.data as BigInt64Array)).toEqual([0n, 1n, 2n]);
  });

  it('gives bit-identical outputs in two separately loaded sessions', async () => {
    const random = seededRandom(7);
    const rows = Array.from({ length: 64 }, () => [4 + 4 * random(), 2 + 2.5 * random(), 1 + 6 * random(), 0.1 + 2.4 * random()]);
    const other = await new OnnxEngine().load(irisBytes);
    try {
      const [a, b] = [await model.run(input(rows)), await other.run(input(rows))];
      expect(hashDecodedTensorMap(a)).toBe(hashDecodedTensorMap(b));
      expect(
        Buffer.from((a.probabilities!.data as Float32Array).buffer).equals(
          Buffer.from((b.probabilities!.data as Float32Array).buffer),
        ),
      ).toBe(true);
    } finally {
      await other.dispose();
    }
  });
});

describe('checkInputs against the iris signature', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await new OnnxEngine().load(irisBytes);
  });
  afterAll(async () => {
    await model?.dispose();
  });

  it('accepts a well-formed batch', () => {
    expect(() =>
      checkInputs(
        model.signature,
        input([
          [5.1, 3.5, 1.4, 0.2],
          [6, 3, 5, 2],
        ]),
      ),
    ).not.toThrow();
  });

  it('rejects an input the model does not have', () => {
    const error = errorOf(() =>
      checkInputs(model.signature, {
        ...input([[5.1, 3.5, 1.4, 0.2]]),
        y: { dtype: 'float32', shape: [1], data: new Float32Array(1) },
      }),
    );
    expect(error.code).toBe('UNKNOWN_INPUT');
    expect(error.details).toMatchObject({ input: 'y', expected: ['x'] });
  });

  it('rejects a missing input', () => {
    expect(errorOf(() => checkInputs(model.signature, {})).code).toBe('MISSING_INPUT');
  });

  it('rejects the wrong dtype', () => {
    const error = errorOf(() =>
      checkInputs(model.signature, { x: { dtype: 'float64', shape: [1, 4], data: new Float64Array(4) } }),
    );
    expect(error.code).toBe('DTYPE_MISMATCH');
  });

  it('rejects the wrong rank', () => {
    const error = errorOf(() => checkInputs(model.signature, { x: { dtype: 'float32', shape: [4], data: new Float32Array(4) } }));
    expect(error.code).toBe('SHAPE_MISMATCH');
  });

  it('rejects the wrong fixed dimension', () => {
    const error = errorOf(() =>
      checkInputs(model.signature, { x: { dtype: 'float32', shape: [2, 3], data: new Float32Array(6) } }),
    );
    expect(error.code).toBe('SHAPE_MISMATCH');
    expect(error.message).toContain('[N, 4]');
  });

  it('rejects NaN sent as exact base64 bytes', () => {
    const values = new Float32Array([5.1, 3.5, Number.NaN, 0.2]);
    const x = decodeTensor('x', {
      dtype: 'float32',
      shape: [1, 4],
      data: `b64:${Buffer.from(values.buffer).toString('base64')}`,
    });
    const error = errorOf(() => checkInputs(model.signature, { x }));
    expect(error.code).toBe('NON_FINITE_INPUT');
    expect(error.details).toMatchObject({ input: 'x', index: 2 });
  });
});

describe('OnnxEngine.load on bad model bytes', () => {
  it('rejects random bytes as INVALID_MODEL', async () => {
    const random = seededRandom(3);
    const garbage = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    expect((await rejectionOf(new OnnxEngine().load(garbage))).code).toBe('INVALID_MODEL');
  });

  it('rejects a truncated copy of the model as INVALID_MODEL', async () => {
    const truncated = irisBytes.slice(0, Math.floor(irisBytes.length / 2));
    expect((await rejectionOf(new OnnxEngine().load(truncated))).code).toBe('INVALID_MODEL');
  });

  it('rejects a model over the size limit as MODEL_TOO_LARGE before parsing it', async () => {
    const error = await rejectionOf(new OnnxEngine({ maxModelBytes: 10 }).load(irisBytes));
    expect(error.code).toBe('MODEL_TOO_LARGE');
    expect(error.details).toEqual({ size: irisBytes.byteLength, limit: 10 });
  });
});

describe('probeOnnxFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verity-probe-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves for the demo model', async () => {
    await expect(probeOnnxFile(fileURLToPath(irisUrl))).resolves.toBeUndefined();
  });

  it('rejects a garbage file as INVALID_MODEL', async () => {
    const path = join(dir, 'garbage.onnx');
    await writeFile(path, 'this is not an onnx model\n'.repeat(50));
    const error = await rejectionOf(probeOnnxFile(path));
    expect(error.code).toBe('INVALID_MODEL');
  });
});

describe('randomMlp', () => {
  it('makes a 512→2048→512 model that loads and runs batch 1', async () => {
    const model = await new OnnxEngine().load(randomMlp('m', [512, 2048, 512]));
    try {
      expect(model.signature.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: ['N', 512] }]);
      const out = await model.run({ x: { dtype: 'float32', shape: [1, 512], data: new Float32Array(512).fill(0.5) } });
      expect(out.y?.shape).toEqual([1, 512]);
      expect((out.y!.data as Float32Array).every(Number.isFinite)).toBe(true);
    } finally {
      await model.dispose();
    }
  });
});
