/**
 * The engine interface: what the node needs from any model runtime (ONNX today, GGUF LLMs next).
 */
import type { DecodedTensorMap, ModelSignature } from '@verity/protocol';

export interface LoadedModel {
  /** Names the engine, its version and its precision profile, as receipts state it. */
  readonly engine: string;
  readonly signature: ModelSignature;
  /** Runs inputs that already passed `checkInputs` against this model's signature. */
  run(inputs: DecodedTensorMap): Promise<DecodedTensorMap>;
  dispose(): Promise<void>;
}

export interface Engine {
  readonly engine: string;
  load(bytes: Uint8Array): Promise<LoadedModel>;
}

export interface EngineOptions {
  /** Largest model file accepted, in bytes. */
  maxModelBytes: number;
}

export const defaultEngineOptions: EngineOptions = {
  maxModelBytes: 512 * 1024 * 1024,
};
