/**
 * Makes models/tiny-llama.gguf, a tiny llama-architecture model with a byte-level vocabulary and seeded random
 * weights (see packages/fixtures/src/gguf/tiny-llama.ts), so tests and the demo need no download. Two runs write
 * byte-identical files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildTinyLlama } from '@verity/fixtures';

const bytes = buildTinyLlama({ name: 'tiny-llama', seed: 1 });
const modelsDir = new URL('../models/', import.meta.url);
mkdirSync(modelsDir, { recursive: true });
writeFileSync(new URL('tiny-llama.gguf', modelsDir), bytes);
const sha256 = `0x${createHash('sha256').update(bytes).digest('hex')}`;
console.log(`wrote models/tiny-llama.gguf (${bytes.byteLength} bytes, sha256 ${sha256})`);
