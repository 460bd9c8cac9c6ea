/**
 * The --input argument: a tensor map as inline JSON or `@file.json` (`@-` for stdin). As a shorthand for people,
 * a tensor may be written as a nested array of numbers, which means float32 with the array's shape.
 */
import { type Tensor, type TensorMap, TensorMapSchema } from '@verity/protocol';
import type { Context } from './context.js';
import { UsageError } from './output.js';

function shapeOf(value: unknown, name: string): number[] {
  if (!Array.isArray(value)) return [];
  const inner = value.map((item) => shapeOf(item, name));
  const first = inner[0] ?? [];
  if (inner.some((s) => s.join(',') !== first.join(','))) throw new UsageError(`--input: "${name}" is a ragged array`);
  return [value.length, ...first];
}

function shorthand(name: string, value: unknown[]): Tensor {
  const shape = shapeOf(value, name);
  const data = value.flat(Number.POSITIVE_INFINITY) as unknown[];
  if (!data.every((v) => typeof v === 'number')) {
    throw new UsageError(`--input: "${name}" as an array must hold only numbers (or write {"dtype", "shape", "data"})`);
  }
  return { dtype: 'float32', shape, data: data as number[] };
}

export async function readInputs(context: Context, argument: string): Promise<TensorMap> {
  const text = argument.startsWith('@') ? await context.readText(argument.slice(1), 'input file') : argument;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--input is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      '--input must be a JSON object of named tensors, e.g. {"x": {"dtype": "float32", "shape": [1, 4], "data": [1, 2, 3, 4]}}',
    );
  }
  const expanded = Object.fromEntries(
    Object.entries(value).map(([name, tensor]) => [name, Array.isArray(tensor) ? shorthand(name, tensor) : tensor]),
  );
  const parsed = TensorMapSchema.safeParse(expanded);
  if (!parsed.success) {
    throw new UsageError(`--input: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
