// The GGUF probe's child process (see probe.ts): `node probe-child.mjs <model path>` loads the model, makes a small
// context and tokenizes, the steps where llama.cpp reads every header field, tensor bound and vocabulary entry (and
// where it aborts the process on some malformed ones), then prints {"ok": true} or {"ok": false, "message"}.
// A plain .mjs file, not an `-e` script: node-llama-cpp forks a test process with the parent's exec arguments.
import { LlamaLogLevel, getLlama } from 'node-llama-cpp';

try {
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.disabled, progressLogs: false });
  const model = await llama.loadModel({ modelPath: process.argv[2], gpuLayers: 0 });
  const context = await model.createContext({ contextSize: Math.min(model.trainContextSize, 128), threads: 1, sequences: 1 });
  model.tokenize('probe: Verity 0123 ü');
  await context.dispose();
  await model.dispose();
  process.stdout.write(JSON.stringify({ ok: true }));
  await llama.dispose();
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, message: String(e?.message ?? e).slice(0, 300) }));
}
