/**
 * A router's signature on a request it forwards to a node (the `Verity-Router` header). A node that charges for
 * answers (an x402 resource server) serves the routers it trusts without a payment of its own: the router has
 * charged the client, and the node is paid from the router's charge roots. The signature binds the router's key to
 * this node, this exact body and a time, so it can be neither moved to another node or body nor kept for later.
 * Replaying the same body within the window gives nothing new: a node answers a known requestId from its records.
 *
 * Header value: `<unix seconds>.<0x signature>`, the signature over
 * keccak256("verity-forward/1" || u64be(unix seconds) || node address (20 bytes) || sha256(body)).
 */
import { keccak256, sha256Hex } from './hashes.js';
import { type Hex, addressPattern, fromHex } from './hex.js';
import { recoverDigestSigner, sameAddress, signDigest } from './receipt.js';

export const routerHeader = 'verity-router';
/** How far a forward's time may be from the node's clock. */
export const forwardWindowSeconds = 120;

const tag = new TextEncoder().encode('verity-forward/1');

function forwardDigest(node: Hex, seconds: number, body: string): Uint8Array {
  if (!addressPattern.test(node)) throw new TypeError('a node address is 0x and 40 hex digits');
  const bytes = new Uint8Array(tag.length + 8 + 20 + 32);
  bytes.set(tag, 0);
  new DataView(bytes.buffer).setBigUint64(tag.length, BigInt(seconds));
  bytes.set(fromHex(node), tag.length + 8);
  bytes.set(fromHex(sha256Hex(new TextEncoder().encode(body))), tag.length + 28);
  return keccak256(bytes);
}

/** The `Verity-Router` header value for forwarding `body` to the node operated by `node`. */
export function signForward(privateKey: Hex, node: Hex, body: string, now = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  return `${seconds}.${signDigest(privateKey, forwardDigest(node, seconds, body))}`;
}

export type ForwardCheck = { ok: true; router: Hex } | { ok: false; reason: string };

/** Whether `header` is a trusted router's signature on forwarding `body` to this node (`node`), now. */
export function checkForward(
  header: string | undefined,
  parameters: { node: Hex; body: string; trusted: readonly Hex[]; now?: number },
): ForwardCheck {
  if (!header) return { ok: false, reason: 'no Verity-Router header' };
  const match = /^(\d{1,12})\.(0x[0-9a-fA-F]{130})$/.exec(header);
  if (!match) return { ok: false, reason: 'the Verity-Router header is not <unix seconds>.<0x signature>' };
  const seconds = Number(match[1]);
  const skew = Math.abs(Math.floor((parameters.now ?? Date.now()) / 1000) - seconds);
  if (skew > forwardWindowSeconds) return { ok: false, reason: `the forward is ${skew} s off this node's clock` };
  const signer = recoverDigestSigner(forwardDigest(parameters.node, seconds, parameters.body), match[2] as Hex);
  if (!signer) return { ok: false, reason: 'the Verity-Router signature does not recover' };
  if (!parameters.trusted.some((router) => sameAddress(router, signer)))
    return { ok: false, reason: `router ${signer} is not one this node serves unpaid` };
  return { ok: true, router: signer };
}
