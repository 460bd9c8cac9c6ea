/**
 * Node selection: the cheapest expected wait first (measured latency scaled by load), penalizing nodes that
 * failed or dissented; then, when the request is priced, what each node would charge for it (`costOf`, its ceiling
 * for the request; see pricing.ts): among candidates, the dearest pays up to `pricePenalty` more in score than a
 * free one, so price decides between nodes of similar speed and load but never outweighs a node twice as fast.
 * Distinct operators only, since replication among one operator's nodes proves nothing.
 */
import type { NodeState } from './node-set.js';

/** Most a node's price can add to its score, as a fraction (the dearest candidate: +25%). */
export const pricePenalty = 0.25;

function wait(node: NodeState): number {
  return node.latencyMs * (1 + node.inFlight) * (1 + node.failures) * (1 + node.dissents);
}

/** Ranks candidates best first, keeping one node per operator address. */
export function rankNodes(candidates: readonly NodeState[], costOf: (node: NodeState) => bigint = () => 0n): NodeState[] {
  const costs = new Map(candidates.map((node) => [node, costOf(node)]));
  let maxPrice = 0n;
  for (const cost of costs.values()) if (cost > maxPrice) maxPrice = cost;
  // Price relative to the dearest candidate, in [0, 1]; computed in bigint then scaled, as wei overflow doubles.
  const relativePrice = (node: NodeState): number =>
    maxPrice === 0n ? 0 : Number(((costs.get(node) ?? 0n) * 1_000_000n) / maxPrice) / 1_000_000;
  const score = (node: NodeState): number => wait(node) * (1 + pricePenalty * relativePrice(node));
  const ranked = [...candidates].sort((a, b) => score(a) - score(b) || Math.random() - 0.5);
  const seen = new Set<string>();
  return ranked.filter((node) => {
    const operator = (node.address ?? node.url).toLowerCase();
    if (seen.has(operator)) return false;
    seen.add(operator);
    return true;
  });
}
