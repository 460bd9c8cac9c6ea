/**
 * The precondition for node-side micro-batching, measured rather than assumed: with the deterministic onnxruntime
 * profile, each row of a batched run of the iris classifier and of the 512→2048→512 MLP is bit-identical to
 * running that row alone, at several batch sizes. The node does not batch today (a prototype gained about 7% in
 * throughput straight to one node and nothing through the router); this pins the fact a batcher for such models
 * would rely on, and fails loudly if an engine upgrade breaks it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DecodedTensorMap } from '@verity/protocol';
import { randomMlp, seededRandom } from '@verity/fixtures';
import { OnnxEngine } from '@verity/runtime';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

const models = [
  { name: 'iris-4-16-3', bytes: () => readFileSync(join(repoRoot, 'models/iris.onnx')), width: 4 },
  { name: 'mlp-512-2048-512', bytes: () => randomMlp('mlp', [512, 2048, 512], 42), width: 512 },
];

function sameBits(a: ArrayLike<number | bigint>, b: ArrayLike<number | bigint>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('batched runs against single-row runs', () => {
  for (const model of models) {
    it(`${model.name}: every row of a batch equals its own run, bit for bit`, async () => {
      const loaded = await new OnnxEngine().load(model.bytes());
      try {
        const random = seededRandom(7);
        for (const batch of [2, 3, 8, 17, 64]) {
          const rows = Array.from({ length: batch }, () => Float32Array.from({ length: model.width }, () => random() * 8 - 4));
          const stacked = new Float32Array(batch * model.width);
          rows.forEach((row, i) => {
            stacked.set(row, i * model.width);
          });
          const together = await loaded.run({ x: { dtype: 'float32', shape: [batch, model.width], data: stacked } });
          for (let i = 0; i < batch; i++) {
            const alone: DecodedTensorMap = await loaded.run({
              x: { dtype: 'float32', shape: [1, model.width], data: rows[i]! },
            });
            for (const [name, tensor] of Object.entries(alone)) {
              const all = together[name]!;
              const per = all.data.length / batch;
              expect(all.shape[0]).toBe(batch);
              expect(sameBits(all.data.subarray(i * per, (i + 1) * per), tensor.data), `${name}, row ${i} of ${batch}`).toBe(
                true,
              );
            }
          }
        }
      } finally {
        await loaded.dispose();
      }
    });
  }
});
