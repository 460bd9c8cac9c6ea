/** The Verity-Upload-Grant header: an operator's (or trusted router's) signature letting one blob onto one node. */
import { describe, expect, it } from 'vitest';
import { type Hex, type UploadGrantCheck, addressOf, checkUploadGrant, signUploadGrant } from '../src/index.js';

const operatorKey = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6' as const;
const routerKey = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba' as const;
const operator = addressOf(operatorKey);
const router = addressOf(routerKey);
const sha256 = `0x${'ab'.repeat(32)}` as Hex;
const now = 1_800_000_000_000;
const grant = { node: operator, sha256, size: 4096, expiresAt: now / 1000 + 600 };

const reason = (check: UploadGrantCheck) => (check.ok ? 'ok' : check.reason);

describe('upload grants', () => {
  it("the operator's or a trusted router's grant for this blob on this node, unexpired, passes with its size", () => {
    const header = signUploadGrant(operatorKey, grant);
    expect(header).toMatch(/^1800000600\.4096\.0x[0-9a-f]{130}$/);
    expect(checkUploadGrant(header, { node: operator, sha256, trusted: [operator], now })).toEqual({
      ok: true,
      signer: operator,
      size: 4096,
      expiresAt: 1_800_000_600,
    });
    // The hash may come in any case.
    const upper = `0x${'AB'.repeat(32)}` as Hex;
    expect(checkUploadGrant(header, { node: operator, sha256: upper, trusted: [operator], now }).ok).toBe(true);
    const byRouter = signUploadGrant(routerKey, grant);
    expect(checkUploadGrant(byRouter, { node: operator, sha256, trusted: [operator, router], now })).toMatchObject({
      ok: true,
      signer: router,
    });
  });

  it('refuses another signer, node, blob or size, an expired grant and malformed headers', () => {
    const header = signUploadGrant(operatorKey, grant);
    const check = (value: string | undefined, over: Partial<{ node: Hex; sha256: Hex; now: number }> = {}) =>
      reason(checkUploadGrant(value, { node: operator, sha256, trusted: [operator], now, ...over }));
    expect(check(signUploadGrant(routerKey, grant))).toMatch(/not this node's operator or a router it trusts/);
    expect(check(header, { node: router })).toMatch(/not this node's operator/);
    expect(check(header, { sha256: `0x${'cd'.repeat(32)}` })).toMatch(/not this node's operator/);
    // A grant's size cannot be raised: the signature covers it.
    expect(check(header.replace('.4096.', '.999999.'))).toMatch(/not this node's operator/);
    expect(check(header, { now: now + 601_000 })).toMatch(/expired 1 s ago/);
    expect(check(undefined)).toMatch(/no Verity-Upload-Grant header/);
    expect(check('soon.0x00')).toMatch(/is not <expiry unix seconds>\.<size>\.<0x signature>/);
    expect(check(`1800000600.4096.0x${'00'.repeat(65)}`)).toMatch(/does not recover|not this node's operator/);
    expect(() => signUploadGrant(operatorKey, { ...grant, size: -1 })).toThrow(/size must be a non-negative integer/);
  });
});
