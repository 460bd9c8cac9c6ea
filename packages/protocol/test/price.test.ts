/** Prices: per answer plus per token, part by part the higher of a node's and a model's, and their ceilings. */
import { describe, expect, it } from 'vitest';
import { type Price, costCeiling, costOf, freePrice, higherPrice, perRequest } from '../src/price.js';

const llm: Price = { request: 1000n, inputToken: 3n, outputToken: 7n };

describe('costOf', () => {
  it('is the price per answer for a tensor answer, plus the tokens at their prices for a text answer', () => {
    expect(costOf(llm)).toBe(1000n);
    expect(costOf(llm, { promptTokens: 10, completionTokens: 4 })).toBe(1000n + 30n + 28n);
    expect(costOf(freePrice, { promptTokens: 10, completionTokens: 4 })).toBe(0n);
  });
});

describe('higherPrice', () => {
  it('takes each part from whichever price asks more', () => {
    expect(higherPrice(perRequest(5n), llm)).toEqual(llm);
    expect(higherPrice({ request: 2000n, inputToken: 1n, outputToken: 9n }, llm)).toEqual({
      request: 2000n,
      inputToken: 3n,
      outputToken: 9n,
    });
  });
});

describe('costCeiling', () => {
  it('is the price per answer without a context (a tensor model, or a relay)', () => {
    expect(costCeiling(llm, undefined, 16)).toBe(1000n);
  });

  it('with max_tokens: that many generated, the rest of the context prompt', () => {
    expect(costCeiling(llm, 100, 16)).toBe(1000n + 84n * 3n + 16n * 7n);
    // max_tokens beyond the context is bounded by it.
    expect(costCeiling(llm, 100, 500)).toBe(1000n + 100n * 7n);
  });

  it('without max_tokens: the dearer token price for all the context but one token', () => {
    expect(costCeiling(llm, 100, null)).toBe(1000n + 99n * 7n + 3n);
    expect(costCeiling({ request: 0n, inputToken: 7n, outputToken: 3n }, 100, null)).toBe(99n * 7n + 3n);
  });

  it('is never below what any answer that fits the context costs', () => {
    for (let prompt = 1; prompt < 100; prompt += 7) {
      const completion = 100 - prompt;
      const cost = costOf(llm, { promptTokens: prompt, completionTokens: completion });
      expect(cost).toBeLessThanOrEqual(costCeiling(llm, 100, null));
      expect(cost).toBeLessThanOrEqual(costCeiling(llm, 100, completion));
    }
  });
});
