/** @verity/runtime: model engines behind one interface, and input checks against a model's signature. */
export * from './checks.js';
export * from './engine.js';
export * from './onnx.js';
export * from './probe.js';
export * from './llm/engine.js';
export { FIXED_CHAT_STOP, renderFixedChat, toolCallText, toolsText } from './llm/prompt.js';
export { jsonValueEnd } from './llm/tools.js';
export * from './llm/types.js';
