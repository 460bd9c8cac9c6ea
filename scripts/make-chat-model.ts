/**
 * Makes models/verity-chat.gguf, the demo chat model: a llama GGUF whose weights are written in closed form from the
 * dialogues in packages/fixtures/src/gguf/chat-corpus.ts (see chat-model.ts), so that it answers questions about
 * Verity in readable sentences with no download and no training. Two runs write byte-identical files. Prints the
 * file's sha256 and the model's greedy answer to a question (the argument, or "What is Verity?").
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildChatModel } from '@verity/fixtures';
import { createLlmEngine } from '../packages/runtime/src/llm/engine.js';

const started = performance.now();
const bytes = buildChatModel();
const buildMs = performance.now() - started;
const modelsDir = new URL('../models/', import.meta.url);
mkdirSync(modelsDir, { recursive: true });
const modelUrl = new URL('verity-chat.gguf', modelsDir);
writeFileSync(modelUrl, bytes);
const sha256 = `0x${createHash('sha256').update(bytes).digest('hex')}`;
console.log(`wrote models/verity-chat.gguf (${bytes.byteLength} bytes, sha256 ${sha256}, built in ${buildMs.toFixed(0)} ms)`);

const question = process.argv[2] ?? 'What is Verity?';
const llm = await createLlmEngine().load({ path: modelUrl.pathname });
try {
  const answer = await llm.complete({ messages: [{ role: 'user', content: question }], maxTokens: 80 });
  console.log(`User: ${question}\nAssistant:${answer.text}`);
} finally {
  await llm.dispose();
}
