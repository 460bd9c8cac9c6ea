/**
 * TEST ONLY fault injection: turns an honest node into a Byzantine one that signs wrong answers, so tests and
 * benchmarks can check that verification policies catch it. Nothing calls this unless NodeOptions.fault is set.
 */
import type { DecodedTensorMap } from '@verity/protocol';
import type { LlmCompletion } from '@verity/runtime';
import type { NodeOptions } from './options.js';

/** Adds 1 to the first element of the first output (bool flips), in place, before the node hashes and signs. */
export function applyFault(fault: NodeOptions['fault'], outputs: DecodedTensorMap): void {
  if (fault !== 'wrong-output') return;
  const first = Object.values(outputs)[0];
  if (!first || first.data.length === 0) return;
  const { data } = first;
  if (data instanceof BigInt64Array) data[0] = (data[0] as bigint) + 1n;
  else if (first.dtype === 'bool') data[0] = (data[0] as number) ^ 1;
  else data[0] = (data[0] as number) + 1;
}

/** Appends a word to the generated text, in place, before the node hashes and signs it. */
export function applyTextFault(fault: NodeOptions['fault'], completion: LlmCompletion): void {
  if (fault === 'wrong-output') completion.text += ' (forged)';
}
