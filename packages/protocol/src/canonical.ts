/**
 * The canonical byte encoding of a tensor map ("VTM1", Protocol v1) and its sha256,
 * which is what receipts call inputHash and outputHash.
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
