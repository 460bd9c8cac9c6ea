/**
 * An upload grant (the `Verity-Upload-Grant` header): a node operator's (or a router's it trusts) signature allowing
 * one blob onto one node until a time. A node on a chain stores only blobs of models published there, or blobs a
 * grant names: otherwise anyone could fill its disk. The grant binds the node, the blob's sha256 and its size, so it
 * can neither be moved to another node or blob, nor used to send more bytes than it names; sending the same blob
 * again while it holds stores nothing new.
 *
 * Header value: `<expiry unix seconds>.<size>.<0x signature>`, the signature over
 * keccak256("verity-upload/1" || node address (20 bytes) || sha256 (32 bytes) || u64be(size) || u64be(expiry)).
 */
import { keccak256 } from './hashes.js';
import { type Hex, addressPattern, bytes32Pattern, fromHex } from './hex.js';
import { recoverDigestSigner, sameAddress, signDigest } from './receipt.js';

export const uploadGrantHeader = 'verity-upload-grant';

const tag = new TextEncoder().encode('verity-upload/1');

export interface UploadGrant {
  /** The operator address of the node that may store the blob. */
  node: Hex;
  sha256: Hex;
  /** The blob's size in bytes: the most the node accepts under this grant. */
  size: number;
  /** Unix seconds after which the grant is refused. */
  expiresAt: number;
}

function grantDigest(grant: UploadGrant): Uint8Array {
  if (!addressPattern.test(grant.node)) throw new TypeError('a node address is 0x and 40 hex digits');
  if (!bytes32Pattern.test(grant.sha256)) throw new TypeError('a sha256 is 0x and 64 hex digits');
  for (const [name, value] of [
    ['size', grant.size],
    ['expiresAt', grant.expiresAt],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`${name} must be a non-negative integer`);
  }
  const bytes = new Uint8Array(tag.length + 20 + 32 + 8 + 8);
  bytes.set(tag, 0);
  bytes.set(fromHex(grant.node), tag.length);
  bytes.set(fromHex(grant.sha256), tag.length + 20);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(tag.length + 52, BigInt(grant.size));
  view.setBigUint64(tag.length + 60, BigInt(grant.expiresAt));
  return keccak256(bytes);
}

/** The `Verity-Upload-Grant` header value allowing `grant.sha256` onto the node operated by `grant.node`. */
export function signUploadGrant(privateKey: Hex, grant: UploadGrant): string {
  return `${grant.expiresAt}.${grant.size}.${signDigest(privateKey, grantDigest(grant))}`;
}

export type UploadGrantCheck = { ok: true; signer: Hex; size: number; expiresAt: number } | { ok: false; reason: string };

/** Whether `header` is a grant by one of `trusted` for storing blob `sha256` on this node (`node`), now. */
export function checkUploadGrant(
  header: string | undefined,
  parameters: { node: Hex; sha256: Hex; trusted: readonly Hex[]; now?: number },
): UploadGrantCheck {
  if (!header) return { ok: false, reason: 'no Verity-Upload-Grant header' };
  const match = /^(\d{1,12})\.(\d{1,15})\.(0x[0-9a-fA-F]{130})$/.exec(header);
  if (!match) return { ok: false, reason: 'the Verity-Upload-Grant header is not <expiry unix seconds>.<size>.<0x signature>' };
  const expiresAt = Number(match[1]);
  const size = Number(match[2]);
  const now = Math.floor((parameters.now ?? Date.now()) / 1000);
  if (expiresAt < now) return { ok: false, reason: `the upload grant expired ${now - expiresAt} s ago` };
  const signer = recoverDigestSigner(
    grantDigest({ node: parameters.node, sha256: parameters.sha256.toLowerCase() as Hex, size, expiresAt }),
    match[3] as Hex,
  );
  if (!signer) return { ok: false, reason: 'the Verity-Upload-Grant signature does not recover' };
  if (!parameters.trusted.some((address) => sameAddress(address, signer)))
    return {
      ok: false,
      reason: `the upload grant recovers to ${signer}: not this node's operator or a router it trusts, or it names another node, blob or size`,
    };
  return { ok: true, signer, size, expiresAt };
}
