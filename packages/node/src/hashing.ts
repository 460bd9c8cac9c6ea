/**
 * inputHash / outputHash on the hot path: protocol's canonical encoding hashed with node:crypto's native sha256,
 * several times faster than protocol's portable one on large tensors; a test pins both to the same digests.
 */
import { createHash } from 'node:crypto';
import { type DecodedTensorMap, type Hex, encodeCanonical } from '@verity/protocol';

export function hashTensors(map: DecodedTensorMap): Hex {
  return `0x${createHash('sha256').update(encodeCanonical(map)).digest('hex')}`;
}
