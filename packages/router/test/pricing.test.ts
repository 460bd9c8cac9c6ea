/**
 * The price per answer: the k-th cheapest ceiling among healthy operators serving the model, at least the minimum;
 * a language model's ceiling is its price over its context and the request's max_tokens.
 */
import { type Hex, type ModelEntry, type Price, freePrice, perRequest } from '@verity/protocol';
import { describe, expect, it } from 'vitest';
import { type NodeState, newNodeState } from '../src/node-set.js';
import { type PriceTerms, answerCeiling, answerPrice, pricingOf, withinPrice } from '../src/pricing.js';

const modelId: Hex = `0x${'ab'.repeat(32)}`;

function node(
  operator: string,
  price: bigint | Price | undefined,
  options: { healthy?: boolean; serves?: boolean; contextLength?: number } = {},
): NodeState {
  const entry = { ...(options.contextLength !== undefined ? { context_length: options.contextLength } : {}) } as ModelEntry;
  return {
    ...newNodeState(`http://${operator}-${JSON.stringify(price, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`),
    address: `0x${operator.padStart(40, '0')}` as Hex,
    healthy: options.healthy ?? true,
    models: new Map(options.serves === false ? [] : [[modelId, entry]]),
    ...(price === undefined
      ? {}
      : {
          chain: {
            price: typeof price === 'bigint' ? perRequest(price) : price,
            stakeWei: 10n ** 20n,
            modelIds: new Set<Hex>([modelId]),
          },
        }),
  };
}

const tensor = (minimum = 0n, published: Price = freePrice): PriceTerms => ({ modelId, published, minimum });
const text = (maxTokens: number | null, published: Price = freePrice): PriceTerms => ({
  modelId,
  published,
  minimum: 0n,
  maxTokens,
});

describe('answerPrice', () => {
  const nodes = [node('a', 3n), node('b', 10n ** 30n), node('c', 1n), node('d', 2n)];

  it('is the k-th cheapest operator: one huge price raises only a request that needs that operator', () => {
    expect(answerPrice(nodes, 1, tensor())).toBe(1n);
    expect(answerPrice(nodes, 2, tensor())).toBe(2n);
    expect(answerPrice(nodes, 3, tensor())).toBe(3n);
    expect(answerPrice(nodes, 4, tensor())).toBe(10n ** 30n);
    // Fewer operators than asked for: the dearest (the request will need them all).
    expect(answerPrice(nodes, 9, tensor())).toBe(10n ** 30n);
  });

  it('is at least the router minimum and the published price per answer', () => {
    expect(answerPrice(nodes, 1, tensor(5n))).toBe(5n);
    expect(answerPrice([], 1, tensor(7n))).toBe(7n);
    // The published price raises every node's price part by part.
    expect(answerPrice(nodes, 1, tensor(0n, perRequest(4n)))).toBe(4n);
    expect(answerPrice([], 1, tensor(0n, perRequest(4n)))).toBe(4n);
  });

  it('counts healthy nodes serving the model only, and one price per operator', () => {
    const others = [node('e', 0n, { healthy: false }), node('f', 0n, { serves: false }), node('a', 4n), node('a', 9n)];
    expect(answerPrice([...nodes, ...others], 1, tensor())).toBe(1n);
    expect(answerPrice([node('a', 1n), node('a', 2n), node('b', 5n)], 2, tensor())).toBe(5n);
  });

  it('is the minimum without a chain (nodes have no price), and every such node is within it', () => {
    expect(answerPrice([node('a', undefined)], 1, tensor())).toBe(0n);
    expect(withinPrice(node('a', undefined), 0n, tensor())).toBe(true);
    expect(withinPrice(node('a', 2n), 1n, tensor())).toBe(false);
    expect(withinPrice(node('a', 2n), 2n, tensor())).toBe(true);
  });
});

describe('per-token prices', () => {
  const tokens: Price = { request: 100n, inputToken: 2n, outputToken: 5n };

  it('quotes a text request for its max_tokens: the rest of the context is prompt', () => {
    const a = node('a', tokens, { contextLength: 512 });
    // 100 + (512 - 64) prompt tokens × 2 + 64 generated × 5
    expect(answerCeiling(a, text(64))).toBe(100n + 448n * 2n + 64n * 5n);
    expect(answerPrice([a], 1, text(64))).toBe(1316n);
    // Without max_tokens, the dearer (generated) price for all the context but one token.
    expect(answerPrice([a], 1, text(null))).toBe(100n + 511n * 5n + 2n);
    // A tensor request to the same node costs its price per answer.
    expect(answerPrice([a], 1, tensor())).toBe(100n);
  });

  it("raises each part of a node's price to the model's published one", () => {
    const a = node('a', { request: 0n, inputToken: 1n, outputToken: 9n }, { contextLength: 10 });
    const published: Price = { request: 7n, inputToken: 3n, outputToken: 1n };
    expect(answerCeiling(a, text(4, published))).toBe(7n + 6n * 3n + 4n * 9n);
  });

  it('picks and routes by the ceiling of the request at hand', () => {
    // a is cheap per token but has a large context; b is dear per token with a small one.
    const a = node('a', { request: 0n, inputToken: 1n, outputToken: 1n }, { contextLength: 4096 });
    const b = node('b', { request: 0n, inputToken: 4n, outputToken: 4n }, { contextLength: 256 });
    const quote = answerPrice([a, b], 1, text(16));
    expect(quote).toBe(1024n);
    expect(withinPrice(b, quote, text(16))).toBe(true);
    expect(withinPrice(a, quote, text(16))).toBe(false);
  });

  it("states OpenRouter's pricing of the cheapest operator, in VRT", () => {
    const a = node('a', { request: 10n ** 15n, inputToken: 10n ** 12n, outputToken: 2n * 10n ** 12n }, { contextLength: 512 });
    const b = node('b', { request: 10n ** 15n, inputToken: 10n ** 13n, outputToken: 10n ** 13n }, { contextLength: 512 });
    expect(pricingOf([b, a], text(null))).toEqual({ prompt: '0.000001', completion: '0.000002', request: '0.001' });
    expect(pricingOf([], { ...tensor(5n * 10n ** 14n), published: perRequest(10n ** 14n) })).toEqual({
      prompt: '0',
      completion: '0',
      request: '0.0005',
    });
  });
});
