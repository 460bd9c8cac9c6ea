/**
 * What one executor's answer of a request costs through this router, and which nodes may be asked at that price.
 *
 * A node asks, part by part, the higher of its own price and the model's published one (protocol's higherPrice):
 * per answer, and for a language model per prompt and per generated token. Before an answer exists its most is that
 * price over the model's context at that node and the request's `max_tokens` (protocol's costCeiling): the node's
 * ceiling for this request. A request under `none` asks one node and under `replicate:k` asks k operators, so its
 * price per answer is the ceiling of the k-th cheapest healthy operator serving the model (k = 1 for `none`): those k
 * can answer it, and a node that states a huge price raises no one's quote, it is simply not asked. The price is at
 * least the router's minimum. Routing then asks only nodes whose ceiling is within it (`withinPrice`), so no node is
 * asked to work for less than its price; a receipt is charged the fee it signs (what the answer used), up to this
 * price. One rule for the 402's quote, for routing, and for the prices `GET /v1/models` states.
 */
import { type Hex, type Price, costCeiling, costOf, freePrice, higherPrice } from '@verity/protocol';
import { formatUnits } from 'viem';
import type { NodeState } from './node-set.js';

/** What prices one request. */
export interface PriceTerms {
  modelId: Hex;
  /** The model's published price as last read (free without a chain, or before it is read). */
  published: Price;
  /** The least an answer costs through this router (its --min-price-wei). */
  minimum: bigint;
  /** A text request's max_tokens (null: not given, the rest of the context); undefined for a tensor request. */
  maxTokens?: number | null;
}

/** The price a node asks for an answer of the model: its own (none without a chain) raised to the published one. */
export function nodePrice(node: NodeState, terms: PriceTerms): Price {
  return higherPrice(node.chain?.price ?? freePrice, terms.published);
}

/** The most a node's answer to this request can cost (its context for the model bounds a language model's tokens). */
export function answerCeiling(node: NodeState, terms: PriceTerms): bigint {
  const contextLength = terms.maxTokens === undefined ? undefined : node.models.get(terms.modelId)?.context_length;
  return costCeiling(nodePrice(node, terms), contextLength, terms.maxTokens);
}

/**
 * The price per answer of a request asking `answers` distinct operators: the `answers`-th cheapest ceiling among the
 * healthy operators serving the model (the dearest when fewer serve it), at least the minimum and the published
 * price per answer.
 */
export function answerPrice(nodes: readonly NodeState[], answers: number, terms: PriceTerms): bigint {
  const ceilings = operatorCeilings(nodes, terms).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const kth = ceilings[Math.min(Math.max(answers, 1), ceilings.length) - 1] ?? 0n;
  return maxPrice(kth, maxPrice(terms.minimum, costOf(terms.published)));
}

/** Whether a node may be asked for an answer priced `perAnswer`: never below its ceiling (any, without a chain). */
export function withinPrice(node: NodeState, perAnswer: bigint, terms: PriceTerms): boolean {
  return !node.chain || answerCeiling(node, terms) <= perAnswer;
}

/** The larger of two prices. */
export function maxPrice(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/**
 * OpenRouter's `pricing` of a model: what its cheapest operator asks (the lowest ceiling for `terms`: give a language
 * model's `maxTokens` as null, the whole context), per prompt token, per generated token and per request, as decimal
 * strings in the token's unit (18 decimals). The request part is at least the router's minimum.
 */
export function pricingOf(
  nodes: readonly NodeState[],
  terms: PriceTerms,
): { prompt: string; completion: string; request: string } {
  let cheapest: { price: Price; ceiling: bigint } | undefined;
  for (const node of servingNodes(nodes, terms.modelId)) {
    const ceiling = answerCeiling(node, terms);
    if (!cheapest || ceiling < cheapest.ceiling) cheapest = { price: nodePrice(node, terms), ceiling };
  }
  const price = cheapest?.price ?? terms.published;
  return {
    prompt: formatUnits(price.inputToken, 18),
    completion: formatUnits(price.outputToken, 18),
    request: formatUnits(maxPrice(price.request, terms.minimum), 18),
  };
}

function servingNodes(nodes: readonly NodeState[], modelId: Hex): NodeState[] {
  return nodes.filter((node) => node.healthy && node.models.has(modelId) && node.chain);
}

/** One ceiling per operator (its cheapest serving node): replication counts distinct operators. */
function operatorCeilings(nodes: readonly NodeState[], terms: PriceTerms): bigint[] {
  const byOperator = new Map<string, bigint>();
  for (const node of servingNodes(nodes, terms.modelId)) {
    const operator = (node.address ?? node.url).toLowerCase();
    const ceiling = answerCeiling(node, terms);
    const known = byOperator.get(operator);
    if (known === undefined || ceiling < known) byOperator.set(operator, ceiling);
  }
  return [...byOperator.values()];
}
