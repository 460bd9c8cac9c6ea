/**
 * Canonical encodings in Protocol v1, and their hashes:
 * - a tensor map's canonical bytes ("VTM1") and their sha256, which is what tensor receipts call inputHash and
 *   outputHash;
 * - canonical JSON, whose sha256 is a text receipt's inputHash and outputHash (chat.ts says of which fields), and
 *   the form of any other JSON that is hashed or compared as text: object keys in ascending order (of their
 *   UTF-16 code units, as `Array.prototype.sort` orders them), no whitespace, strings and numbers as
 *   `JSON.stringify` writes them, encoded as UTF-8.
 */
import { sha256Hex } from './hashes.js';
import type { Hex } from './hex.js';
import { type DecodedTensorMap, type TensorMap, decodeTensorMap, dtypeBytes, dtypeCode } from './tensor.js';

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('Verity assumes a little-endian host');
}

const magic = new TextEncoder().encode('VTM1');
const utf8 = new TextEncoder();

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** Encodes a decoded tensor map canonically: tensors in ascending order of their UTF-8 names. */
export function encodeCanonical(map: DecodedTensorMap): Uint8Array {
  const entries = Object.entries(map)
    .map(([name, tensor]) => ({ nameBytes: utf8.encode(name), tensor }))
    .sort((a, b) => compareBytes(a.nameBytes, b.nameBytes));
  let size = 8;
  for (const { nameBytes, tensor } of entries) {
    size += 4 + nameBytes.length + 1 + 4 + 8 * tensor.shape.length + tensor.data.length * dtypeBytes[tensor.dtype];
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(magic, 0);
  view.setUint32(4, entries.length, true);
  let offset = 8;
  for (const { nameBytes, tensor } of entries) {
    view.setUint32(offset, nameBytes.length, true);
    out.set(nameBytes, offset + 4);
    offset += 4 + nameBytes.length;
    view.setUint8(offset, dtypeCode[tensor.dtype]);
    view.setUint32(offset + 1, tensor.shape.length, true);
    offset += 5;
    for (const dim of tensor.shape) {
      view.setBigUint64(offset, BigInt(dim), true);
      offset += 8;
    }
    const { data } = tensor;
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
    offset += data.byteLength;
  }
  return out;
}

export function hashDecodedTensorMap(map: DecodedTensorMap): Hex {
  return sha256Hex(encodeCanonical(map));
}

/** sha256 of the canonical encoding of a JSON tensor map (decoding and checking it first). */
export function hashTensorMap(map: TensorMap): Hex {
  return hashDecodedTensorMap(decodeTensorMap(map));
}

/** Canonical JSON text of a JSON value: sorted keys, no whitespace. Rejects non-finite numbers and non-JSON values. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot encode a ${typeof value}`);
}

/** sha256 (0x hex) of the UTF-8 canonical JSON of a value. */
export function hashCanonicalJson(value: unknown): Hex {
  return sha256Hex(utf8.encode(canonicalJson(value)));
}
