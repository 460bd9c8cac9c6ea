/** Hex helpers for 0x-prefixed strings; no dependencies. */

export type Hex = `0x${string}`;

export function toHex(bytes: Uint8Array): Hex {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}

export function fromHex(hex: string): Uint8Array {
  const body = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (body.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(body)) throw new TypeError(`not hex: ${hex.slice(0, 20)}`);
  return new Uint8Array(Buffer.from(body, 'hex'));
}

export const bytes32Pattern = /^0x[0-9a-fA-F]{64}$/;
export const addressPattern = /^0x[0-9a-fA-F]{40}$/;
