/** Verification policies of Protocol v1: their wire names and parsed form. */
import { VerityError } from './errors.js';

export type Policy = { kind: 'none' } | { kind: 'replicate'; k: number } | { kind: 'spot-check'; p: number };

export const maxReplication = 16;

export function parsePolicy(text: string | undefined): Policy {
  if (text === undefined || text === 'none') return { kind: 'none' };
  const replicate = /^replicate:(\d{1,3})$/.exec(text);
  if (replicate) {
    const k = Number(replicate[1]);
    if (k >= 1 && k <= maxReplication) return { kind: 'replicate', k };
  }
  const spot = /^spot-check:(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(text);
  if (spot) return { kind: 'spot-check', p: Number(spot[1]) };
  throw new VerityError(
    'UNKNOWN_POLICY',
    `unknown policy "${text}": use "none", "replicate:<k>" (1 ≤ k ≤ ${maxReplication}) or "spot-check:<p>" (0 ≤ p ≤ 1)`,
    { details: { policy: text } },
  );
}

export function formatPolicy(policy: Policy): string {
  switch (policy.kind) {
    case 'none':
      return 'none';
    case 'replicate':
      return `replicate:${policy.k}`;
    case 'spot-check':
      return `spot-check:${policy.p}`;
  }
}

/**
 * How many distinct executors must sign matching receipts for a response under this policy: for replicate:k a
 * strict majority of the k (the trust assumption is that fewer than half of the k are faulty), otherwise one.
 */
export function requiredAgreement(policy: Policy): number {
  return policy.kind === 'replicate' ? Math.floor(policy.k / 2) + 1 : 1;
}
