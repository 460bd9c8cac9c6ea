/** @verity/runtime: model engines behind one interface, and input checks against a model's signature. */
export * from './checks.js';
export * from './engine.js';
export * from './onnx.js';
export * from './probe.js';
export * from './llm/engine.js';
