/**
 * The two hash functions of Protocol v1, as the hot path computes them: keccak-256 (EIP-712 digests, addresses)
 * with hash-wasm's WebAssembly keccak, and sha256 (inputHash, outputHash) with node:crypto. Both are pure
 * computation. Measured on the 2-core dev machine (bench/hot-path.ts): keccak of 320 bytes 1.8 µs against 20 µs
 * for @noble/hashes; sha256 of 2 KiB 2.7 µs against 17 µs. Tests pin both to @noble/hashes and the receipt
 * digest to viem's hashTypedData.
 */
import { createHash } from 'node:crypto';
import { createKeccak } from 'hash-wasm';

// Instantiating the WebAssembly module is asynchronous, hence the top-level await; every hash after it is
// synchronous, so one hasher serves every caller on this thread (nothing can interleave init/update/digest).
const keccakHasher = await createKeccak(256);

/** keccak-256 (Ethereum's, not SHA3-256) of bytes; returns a fresh 32-byte array. */
export function keccak256(bytes: Uint8Array): Uint8Array {
  keccakHasher.init();
  keccakHasher.update(bytes);
  return keccakHasher.digest('binary');
}

/** sha256 of bytes as 0x-prefixed lowercase hex. */
export function sha256Hex(bytes: Uint8Array): `0x${string}` {
  return `0x${createHash('sha256').update(bytes).digest('hex')}`;
}
