/**
 * What one executor's answer of a model costs through this router: the highest of the model's published price
 * (ModelRegistry) and the prices of the nodes that serve it (any of them may answer), and at least the router's
 * minimum. A receipt is then charged the fee it signs, up to this price. One rule for the 402's quote and for the
 * prices `GET /v1/models` states.
 */
import type { Hex } from '@verity/protocol';
import { formatUnits } from 'viem';
import type { NodeState } from './node-set.js';

export function answerPrice(modelId: Hex, nodes: readonly NodeState[], published: bigint, minimum: bigint): bigint {
  let price = published > minimum ? published : minimum;
  for (const node of nodes) {
    if (node.healthy && node.models.has(modelId) && node.chain && node.chain.priceWei > price) price = node.chain.priceWei;
  }
  return price;
}

/** OpenRouter's `pricing` of a model priced per request: decimal strings in the token's unit (18 decimals). */
export function pricingOf(perRequestWei: bigint): { prompt: string; completion: string; request: string } {
  return { prompt: '0', completion: '0', request: formatUnits(perRequestWei, 18) };
}
