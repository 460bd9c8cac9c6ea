/**
 * Node selection: the cheapest expected wait first (measured latency scaled by load), penalizing nodes that
 * failed or dissented. Distinct operators only, since replication among one operator's nodes proves nothing.
 */
import type { NodeState } from './node-set.js';

function score(node: NodeState): number {
  return node.latencyMs * (1 + node.inFlight) * (1 + node.failures) * (1 + node.dissents);
}

/** Ranks candidates best first, keeping one node per operator address. */
export function rankNodes(candidates: readonly NodeState[]): NodeState[] {
  const ranked = [...candidates].sort((a, b) => score(a) - score(b) || Math.random() - 0.5);
  const seen = new Set<string>();
  return ranked.filter((node) => {
    const operator = (node.address ?? node.url).toLowerCase();
    if (seen.has(operator)) return false;
    seen.add(operator);
    return true;
  });
}
