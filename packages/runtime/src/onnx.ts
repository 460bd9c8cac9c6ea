/**
 * The ONNX engine on onnxruntime-node, in its deterministic CPU profile: one intra-op and one inter-op thread,
 * sequential execution and basic graph optimization, so re-execution gives bit-identical outputs.
 */
import { createRequire } from 'node:module';
import { type DType, type DecodedTensorMap, type ModelSignature, type TensorSpec, VerityError, dtypes } from '@verity/protocol';
import * as ort from 'onnxruntime-node';
import { type Engine, type EngineOptions, type LoadedModel, defaultEngineOptions } from './engine.js';

const ortVersion: string = (createRequire(import.meta.url)('onnxruntime-node/package.json') as { version: string }).version;

export const onnxEngineName = `onnxruntime-node/${ortVersion}/cpu-fp32`;

export const deterministicSessionOptions: ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'basic',
  logSeverityLevel: 3,
};

function isDType(type: string): type is DType {
  return (dtypes as readonly string[]).includes(type);
}

function specOf(meta: ort.InferenceSession.ValueMetadata, role: 'input' | 'output'): TensorSpec {
  if (!meta.isTensor) {
    throw new VerityError('INVALID_MODEL', `${role} "${meta.name}" is not a tensor; only tensor models are supported`, {
      details: { [role]: meta.name },
    });
  }
  if (!isDType(meta.type)) {
    throw new VerityError('INVALID_MODEL', `${role} "${meta.name}" has dtype ${meta.type}, which Protocol v1 does not carry`, {
      details: { [role]: meta.name, dtype: meta.type },
    });
  }
  return {
    name: meta.name,
    dtype: meta.type,
    shape: meta.shape.map((d) => (typeof d === 'number' && d >= 0 ? d : typeof d === 'string' && d !== '' ? d : null)),
  };
}

class OnnxModel implements LoadedModel {
  readonly engine = onnxEngineName;
  constructor(
    private readonly session: ort.InferenceSession,
    readonly signature: ModelSignature,
  ) {}

  async run(inputs: DecodedTensorMap): Promise<DecodedTensorMap> {
    const feeds: Record<string, ort.Tensor> = {};
    for (const [name, tensor] of Object.entries(inputs)) {
      feeds[name] = new ort.Tensor(tensor.dtype, tensor.data as never, tensor.shape);
    }
    let results: ort.InferenceSession.ReturnType;
    try {
      results = await this.session.run(feeds);
    } catch (cause) {
      throw new VerityError('ENGINE_ERROR', `onnxruntime failed to run the model: ${(cause as Error).message}`, { cause });
    }
    const outputs: DecodedTensorMap = {};
    for (const spec of this.signature.outputs) {
      const value = results[spec.name];
      if (!value) throw new VerityError('ENGINE_ERROR', `onnxruntime returned no output "${spec.name}"`);
      outputs[spec.name] = { dtype: spec.dtype, shape: value.dims.map(Number), data: value.data as never };
    }
    return outputs;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

export class OnnxEngine implements Engine {
  readonly engine = onnxEngineName;
  private readonly options: EngineOptions;

  constructor(options: Partial<EngineOptions> = {}) {
    this.options = { ...defaultEngineOptions, ...options };
  }

  async load(bytes: Uint8Array): Promise<LoadedModel> {
    if (bytes.byteLength > this.options.maxModelBytes) {
      throw new VerityError('MODEL_TOO_LARGE', `model is ${bytes.byteLength} bytes (limit ${this.options.maxModelBytes})`, {
        details: { size: bytes.byteLength, limit: this.options.maxModelBytes },
      });
    }
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, deterministicSessionOptions);
    } catch (cause) {
      throw new VerityError('INVALID_MODEL', `not a loadable ONNX model: ${(cause as Error).message.slice(0, 300)}`, { cause });
    }
    try {
      const signature: ModelSignature = {
        inputs: session.inputMetadata.map((m) => specOf(m, 'input')),
        outputs: session.outputMetadata.map((m) => specOf(m, 'output')),
      };
      return new OnnxModel(session, signature);
    } catch (error) {
      await session.release();
      throw error;
    }
  }
}
