/** The price per answer: the k-th cheapest healthy operator serving the model, at least the floor. */
import type { Hex, ModelEntry } from '@verity/protocol';
import { describe, expect, it } from 'vitest';
import { type NodeState, newNodeState } from '../src/node-set.js';
import { answerPrice, withinPrice } from '../src/pricing.js';

const modelId: Hex = `0x${'ab'.repeat(32)}`;

function node(operator: string, priceWei: bigint | undefined, options: { healthy?: boolean; serves?: boolean } = {}): NodeState {
  return {
    ...newNodeState(`http://${operator}-${String(priceWei)}`, `0x${operator.padStart(40, '0')}` as Hex),
    healthy: options.healthy ?? true,
    models: new Map(options.serves === false ? [] : [[modelId, {} as ModelEntry]]),
    ...(priceWei === undefined ? {} : { chain: { priceWei, stakeWei: 10n ** 20n, modelIds: new Set<Hex>([modelId]) } }),
  };
}

describe('answerPrice', () => {
  const nodes = [node('a', 3n), node('b', 10n ** 30n), node('c', 1n), node('d', 2n)];

  it('is the k-th cheapest operator: one huge price raises only a request that needs that operator', () => {
    expect(answerPrice(modelId, nodes, 1, 0n)).toBe(1n);
    expect(answerPrice(modelId, nodes, 2, 0n)).toBe(2n);
    expect(answerPrice(modelId, nodes, 3, 0n)).toBe(3n);
    expect(answerPrice(modelId, nodes, 4, 0n)).toBe(10n ** 30n);
    // Fewer operators than asked for: the dearest (the request will need them all).
    expect(answerPrice(modelId, nodes, 9, 0n)).toBe(10n ** 30n);
  });

  it('is at least the floor (published price, router minimum)', () => {
    expect(answerPrice(modelId, nodes, 1, 5n)).toBe(5n);
    expect(answerPrice(modelId, [], 1, 7n)).toBe(7n);
  });

  it('counts healthy nodes serving the model only, and one price per operator', () => {
    const others = [node('e', 0n, { healthy: false }), node('f', 0n, { serves: false }), node('a', 4n), node('a', 9n)];
    expect(answerPrice(modelId, [...nodes, ...others], 1, 0n)).toBe(1n);
    expect(answerPrice(modelId, [node('a', 1n), node('a', 2n), node('b', 5n)], 2, 0n)).toBe(5n);
  });

  it('is the floor without a chain (nodes have no price), and every such node is within it', () => {
    expect(answerPrice(modelId, [node('a', undefined)], 1, 0n)).toBe(0n);
    expect(withinPrice(node('a', undefined), 0n)).toBe(true);
    expect(withinPrice(node('a', 2n), 1n)).toBe(false);
    expect(withinPrice(node('a', 2n), 2n)).toBe(true);
  });
});
