/** The Verity-Router header: a router's signature on forwarding one body to one node, at one time. */
import { describe, expect, it } from 'vitest';
import { addressOf, checkForward, forwardWindowSeconds, signForward } from '../src/index.js';

const routerKey = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6' as const;
const otherKey = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba' as const;
const router = addressOf(routerKey);
const node = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const body = '{"model":"iris","inputs":{}}';
const now = 1_800_000_000_000;

describe('forward signatures', () => {
  it('a trusted router signing this body for this node, now, passes', () => {
    const header = signForward(routerKey, node, body, now);
    expect(header).toMatch(/^1800000000\.0x[0-9a-f]{130}$/);
    expect(checkForward(header, { node, body, trusted: [router], now })).toEqual({ ok: true, router });
    // The node's address may come in any case.
    expect(checkForward(header, { node: node.toLowerCase() as `0x${string}`, body, trusted: [router], now }).ok).toBe(true);
  });

  it('refuses another signer, body, node or time, and malformed headers', () => {
    const header = signForward(routerKey, node, body, now);
    const reason = (check: ReturnType<typeof checkForward>) => (check.ok ? 'ok' : check.reason);
    expect(reason(checkForward(signForward(otherKey, node, body, now), { node, body, trusted: [router], now }))).toMatch(
      /is not one this node serves unpaid/,
    );
    expect(reason(checkForward(header, { node, body: `${body} `, trusted: [router], now }))).toMatch(/not one this node/);
    const otherNode = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
    expect(reason(checkForward(header, { node: otherNode, body, trusted: [router], now }))).toMatch(/not one this node/);
    const late = now + (forwardWindowSeconds + 1) * 1000;
    expect(reason(checkForward(header, { node, body, trusted: [router], now: late }))).toMatch(/off this node's clock/);
    expect(reason(checkForward(undefined, { node, body, trusted: [router], now }))).toMatch(/no Verity-Router header/);
    expect(reason(checkForward('soon.0x00', { node, body, trusted: [router], now }))).toMatch(/is not <unix seconds>/);
    const zeros = `${Math.floor(now / 1000)}.0x${'00'.repeat(65)}`;
    expect(reason(checkForward(zeros, { node, body, trusted: [router], now }))).toMatch(/does not recover|not one this node/);
    expect(checkForward(header, { node, body, trusted: [], now }).ok).toBe(false);
  });
});
