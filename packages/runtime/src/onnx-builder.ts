/**
 * Writes small multilayer perceptrons as ONNX files (onnx-proto), so the project makes its own demo, test and
 * benchmark models with no downloads.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export interface DenseLayer {
  /** Row-major [inputs × outputs]. */
  weights: Float32Array;
  bias: Float32Array;
  inputs: number;
  outputs: number;
}

export interface MlpSpec {
  name: string;
  layers: DenseLayer[];
  /** Apply softmax to the last layer and also output the argmax as int64 "label". */
  classifier?: boolean;
  inputName?: string;
  docString?: string;
}

function floatInitializer(name: string, dims: number[], values: Float32Array) {
  return onnx.TensorProto.create({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    rawData: new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength)),
  });
}

function valueInfo(name: string, elemType: number, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
}

/** Encodes an MLP (Gemm, Relu between layers, optional Softmax and ArgMax) as ONNX model bytes. */
export function buildMlpOnnx(spec: MlpSpec): Uint8Array {
  const inputName = spec.inputName ?? 'x';
  const nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  const initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  let current = inputName;
  spec.layers.forEach((layer, i) => {
    if (layer.weights.length !== layer.inputs * layer.outputs || layer.bias.length !== layer.outputs) {
      throw new Error(`layer ${i}: weights or bias do not match ${layer.inputs}→${layer.outputs}`);
    }
    initializers.push(floatInitializer(`W${i}`, [layer.inputs, layer.outputs], layer.weights));
    initializers.push(floatInitializer(`B${i}`, [layer.outputs], layer.bias));
    const last = i === spec.layers.length - 1;
    const out = last && !spec.classifier ? 'y' : `h${i}`;
    nodes.push(onnx.NodeProto.create({ opType: 'Gemm', input: [current, `W${i}`, `B${i}`], output: [out], name: `gemm${i}` }));
    current = out;
    if (!last) {
      nodes.push(onnx.NodeProto.create({ opType: 'Relu', input: [current], output: [`r${i}`], name: `relu${i}` }));
      current = `r${i}`;
    }
  });
  const first = spec.layers[0];
  const lastLayer = spec.layers.at(-1);
  if (!first || !lastLayer) throw new Error('an MLP needs at least one layer');
  const outputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  if (spec.classifier) {
    nodes.push(
      onnx.NodeProto.create({
        opType: 'Softmax',
        input: [current],
        output: ['probabilities'],
        name: 'softmax',
        attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 1 }],
      }),
      onnx.NodeProto.create({
        opType: 'ArgMax',
        input: ['probabilities'],
        output: ['label'],
        name: 'argmax',
        attribute: [
          { name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 1 },
          { name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 },
        ],
      }),
    );
    outputs.push(
      valueInfo('probabilities', onnx.TensorProto.DataType.FLOAT, ['N', lastLayer.outputs]),
      valueInfo('label', onnx.TensorProto.DataType.INT64, ['N']),
    );
  } else {
    outputs.push(valueInfo('y', onnx.TensorProto.DataType.FLOAT, ['N', lastLayer.outputs]));
  }
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'verity',
    producerVersion: '0.1.0',
    docString: spec.docString ?? '',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: spec.name,
      node: nodes,
      initializer: initializers,
      input: [valueInfo(inputName, onnx.TensorProto.DataType.FLOAT, ['N', first.inputs])],
      output: outputs,
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** A deterministic pseudo-random generator (mulberry32), for reproducible weights. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An MLP with random (He-scaled, seeded) weights, for tests and benchmarks: sizes such as [512, 2048, 512]. */
export function randomMlp(name: string, sizes: number[], seed = 1): Uint8Array {
  const random = seededRandom(seed);
  const layers: DenseLayer[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const inputs = sizes[i] as number;
    const outputs = sizes[i + 1] as number;
    const scale = Math.sqrt(2 / inputs);
    const weights = new Float32Array(inputs * outputs).map(() => (random() * 2 - 1) * scale);
    const bias = new Float32Array(outputs).map(() => (random() * 2 - 1) * 0.1);
    layers.push({ weights, bias, inputs, outputs });
  }
  return buildMlpOnnx({ name, layers });
}
