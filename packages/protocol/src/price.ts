/**
 * What an answer costs. A price has three parts, as LLM APIs price: per answer (`request`, every model), and per
 * prompt token (`inputToken`) and per generated token (`outputToken`) for language models. ModelRegistry publishes
 * a model's price and NodeRegistry a node's; a node asks, part by part, the higher of the two (`higherPrice`), and
 * the fee its receipt signs is that price applied to what the answer used (`costOf`). Amounts are the token's base
 * units (wei). Before an answer exists, its most (`costCeiling`) is what a 402 quotes and a payment reserves.
 */

export interface Price {
  /** Per answer. */
  request: bigint;
  /** Per prompt token of a language model's answer. */
  inputToken: bigint;
  /** Per generated token of a language model's answer. */
  outputToken: bigint;
}

/** The tokens a language model's answer used, as its `usage` states them. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export const freePrice: Price = Object.freeze({ request: 0n, inputToken: 0n, outputToken: 0n });

/** A price per answer only (a tensor model's, or a node that asks nothing per token). */
export function perRequest(request: bigint): Price {
  return { request, inputToken: 0n, outputToken: 0n };
}

/** Part by part, the higher of two prices: what a node asks for a model (its own price raised to the model's). */
export function higherPrice(a: Price, b: Price): Price {
  return {
    request: max(a.request, b.request),
    inputToken: max(a.inputToken, b.inputToken),
    outputToken: max(a.outputToken, b.outputToken),
  };
}

/** What an answer costs at `price`: per answer, plus its tokens at the token prices when it is a language model's. */
export function costOf(price: Price, usage?: TokenUsage): bigint {
  if (!usage) return price.request;
  return price.request + BigInt(usage.promptTokens) * price.inputToken + BigInt(usage.completionTokens) * price.outputToken;
}

/**
 * The most an answer can cost at `price` before it exists. A tensor model's answer (no `contextLength`) costs
 * `request`. A language model's prompt and generated tokens together fit in its context (`contextLength` tokens):
 * with `maxTokens`, at most `maxTokens` generated and the rest prompt; without, any split (the engine generates until
 * the context is full), so the dearer token price counts for all but one token.
 */
export function costCeiling(price: Price, contextLength: number | undefined, maxTokens?: number | null): bigint {
  if (contextLength === undefined) return price.request;
  if (maxTokens !== undefined && maxTokens !== null) {
    const completionTokens = Math.min(Math.max(maxTokens, 1), contextLength);
    return costOf(price, { promptTokens: contextLength - completionTokens, completionTokens });
  }
  const dearer = max(price.inputToken, price.outputToken);
  const cheaper = dearer === price.inputToken ? price.outputToken : price.inputToken;
  return price.request + BigInt(Math.max(contextLength - 1, 0)) * dearer + (contextLength > 0 ? cheaper : 0n);
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
