/** @verity/protocol: Protocol v1, pure (no I/O): schemas, canonical encoding, receipts, errors. */
export * from './api.js';
export * from './api-key.js';
export * from './canonical.js';
export * from './chat.js';
export * from './openai.js';
export * from './errors.js';
export * from './endpoint.js';
export { keccak256, sha256Hex } from './hashes.js';
export * from './hex.js';
export * from './json-schema.js';
export * from './policy.js';
export * from './receipt.js';
export * from './tensor.js';
export * from './verify.js';
export * from './merkle.js';
export * from './payments.js';
export * from './forward.js';
export * from './upload-grant.js';
