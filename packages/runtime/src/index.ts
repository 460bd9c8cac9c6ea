/** @verity/runtime: model engines behind one interface, and input checks against a model's signature. */
export * from './checks.js';
export * from './engine.js';
export * from './onnx.js';
export * from './probe.js';
export * from './onnx-builder.js';
export * from './gguf/tiny-llama.js';
export * from './gguf/writer.js';
export * from './llm/engine.js';
export * from './gguf/chat-corpus.js';
export * from './gguf/chat-model.js';
