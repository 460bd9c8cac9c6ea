/** Verification policies of Protocol v1: their wire names and parsed form. */
import { VerityError } from './errors.js';

/**
 * `none`: one executor ran the model. `replicate:k`: k distinct operators ran it and a strict majority agree.
 * `spot-check:p`: reserved. `relay`: the executor did NOT run the model: it forwarded the request to an upstream
 * OpenAI-compatible server, and its receipt proves only that it relayed this exact request and this exact answer.
 */
export type Policy = { kind: 'none' } | { kind: 'replicate'; k: number } | { kind: 'spot-check'; p: number } | { kind: 'relay' };

export const maxReplication = 16;

export function parsePolicy(text: string | undefined): Policy {
  if (text === undefined || text === 'none') return { kind: 'none' };
  if (text === 'relay') return { kind: 'relay' };
  const replicate = /^replicate:(\d{1,3})$/.exec(text);
  if (replicate) {
    const k = Number(replicate[1]);
    if (k >= 1 && k <= maxReplication) return { kind: 'replicate', k };
  }
  const spot = /^spot-check:(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(text);
  if (spot) return { kind: 'spot-check', p: Number(spot[1]) };
  throw new VerityError(
    'UNKNOWN_POLICY',
    `unknown policy "${text}": use "none", "replicate:<k>" (1 ≤ k ≤ ${maxReplication}), "spot-check:<p>" (0 ≤ p ≤ 1) or "relay"`,
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
    case 'relay':
      return 'relay';
  }
}

/**
 * How many distinct executors must sign matching receipts for a response under this policy: for replicate:k a
 * strict majority of the k (the trust assumption is that fewer than half of the k are faulty), otherwise one.
 */
export function requiredAgreement(policy: Policy): number {
  return policy.kind === 'replicate' ? Math.floor(policy.k / 2) + 1 : 1;
}

/**
 * A relayed model is answered under the policy `relay` only, and `relay` is for relayed models only: relayed work is
 * never passed off as verified, nor verified work as relayed. Throws INVALID_REQUEST (param `verity.policy`).
 */
export function checkRelayPolicy(model: string, relayed: boolean, policy: Policy): void {
  if (relayed && policy.kind !== 'relay') {
    throw new VerityError(
      'INVALID_REQUEST',
      `${model} is relayed to an upstream server, not run by the nodes: ask with policy "relay", whose receipts say so`,
      { details: { model, policy: formatPolicy(policy), param: 'verity.policy' } },
    );
  }
  if (!relayed && policy.kind === 'relay') {
    throw new VerityError('INVALID_REQUEST', `policy "relay" is for relayed models; ${model} runs on the nodes`, {
      details: { model, param: 'verity.policy' },
    });
  }
}
