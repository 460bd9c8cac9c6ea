/**
 * What one executor's answer of a model costs through this router, and which nodes may be asked at that price.
 *
 * A request under `none` asks one node and under `replicate:k` asks k operators, so its price per answer is the
 * price of the k-th cheapest healthy operator serving the model (k = 1 for `none`): those k can answer it, and a
 * node that states a huge price raises no one's quote, it is simply not asked. The price is at least the model's
 * published price (ModelRegistry) and the router's minimum. Routing then asks only nodes priced within it (see
 * `withinPrice`), so no node is asked to work for less than its price; a receipt is charged the fee it signs, up to
 * this price. One rule for the 402's quote, for routing, and for the prices `GET /v1/models` states.
 */
import type { Hex } from '@verity/protocol';
import { formatUnits } from 'viem';
import type { NodeState } from './node-set.js';

/**
 * The price per answer of a request asking `answers` distinct operators: the `answers`-th cheapest healthy operator
 * serving the model (the dearest one when fewer serve it), at least `floor` (the published price and the router's
 * minimum). Nodes without a chain have no price and do not raise it.
 */
export function answerPrice(modelId: Hex, nodes: readonly NodeState[], answers: number, floor: bigint): bigint {
  // One price per operator (its cheapest serving node): replication counts distinct operators.
  const byOperator = new Map<string, bigint>();
  for (const node of nodes) {
    if (!node.healthy || !node.models.has(modelId) || !node.chain) continue;
    const operator = (node.address ?? node.url).toLowerCase();
    const known = byOperator.get(operator);
    if (known === undefined || node.chain.priceWei < known) byOperator.set(operator, node.chain.priceWei);
  }
  const prices = [...byOperator.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const kth = prices[Math.min(Math.max(answers, 1), prices.length) - 1] ?? 0n;
  return kth > floor ? kth : floor;
}

/** Whether a node may be asked for an answer priced `priceWei`: never below its own price (none without a chain). */
export function withinPrice(node: NodeState, priceWei: bigint): boolean {
  return !node.chain || node.chain.priceWei <= priceWei;
}

/** The larger of two prices. */
export function maxPrice(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** OpenRouter's `pricing` of a model priced per request: decimal strings in the token's unit (18 decimals). */
export function pricingOf(perRequestWei: bigint): { prompt: string; completion: string; request: string } {
  return { prompt: '0', completion: '0', request: formatUnits(perRequestWei, 18) };
}
