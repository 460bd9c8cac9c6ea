/**
 * Makes the project's demo model, models/iris.onnx, and its description, models/iris.json, with no downloads:
 * a seeded synthetic iris-like data set, a 4→16→3 MLP trained on it in plain TypeScript, and the ONNX bytes
 * from buildMlpOnnx. Everything is seeded and computed in order, so two runs write byte-identical files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { type DenseLayer, buildMlpOnnx, seededRandom } from '@verity/fixtures';

const classes = ['setosa', 'versicolor', 'virginica'] as const;
const features = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'] as const;

// Per-class mean and standard deviation of each feature in Fisher's iris data, so the synthetic set has its
// well-known shape: setosa apart, versicolor and virginica overlapping a little.
const classStats: { mean: number[]; std: number[] }[] = [
  { mean: [5.006, 3.428, 1.462, 0.246], std: [0.352, 0.379, 0.174, 0.105] },
  { mean: [5.936, 2.77, 4.26, 1.326], std: [0.516, 0.314, 0.47, 0.198] },
  { mean: [6.588, 2.974, 5.552, 2.026], std: [0.636, 0.322, 0.552, 0.275] },
];

const samplesPerClass = 100;
const testFraction = 0.2;
const hidden = 16;
const epochs = 2000;
const learningRate = 0.05;
const momentum = 0.9;

const random = seededRandom(20240611);

function gaussian(): number {
  // Box–Muller; 1 - u keeps the logarithm's argument away from 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

// Index helpers: the indices below are in range by construction, which noUncheckedIndexedAccess cannot see.
const at = (a: ArrayLike<number>, i: number): number => a[i] as number;
const addTo = (a: Float64Array, i: number, v: number): void => {
  a[i] = at(a, i) + v;
};

interface Sample {
  x: number[];
  y: number;
}

function makeDataSet(): Sample[] {
  const samples: Sample[] = [];
  classStats.forEach(({ mean, std }, y) => {
    for (let n = 0; n < samplesPerClass; n++) {
      // Rounded to millimetres and kept positive, like real measurements.
      const x = mean.map((m, i) => Math.max(0.1, Math.round((m + at(std, i) * gaussian()) * 10) / 10));
      samples.push({ x, y });
    }
  });
  // Shuffle (Fisher–Yates) so that the head/tail split below mixes all three classes.
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [samples[i], samples[j]] = [samples[j] as Sample, samples[i] as Sample];
  }
  return samples;
}

/** A dense layer in float64 while training; row-major [inputs × outputs] like DenseLayer. */
interface Layer {
  w: Float64Array;
  b: Float64Array;
  inputs: number;
  outputs: number;
}

function initLayer(inputs: number, outputs: number): Layer {
  const scale = Math.sqrt(2 / inputs); // He init suits the ReLU that follows
  return { w: new Float64Array(inputs * outputs).map(() => gaussian() * scale), b: new Float64Array(outputs), inputs, outputs };
}

function dense(layer: Layer, x: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let j = 0; j < layer.outputs; j++) {
    let sum = at(layer.b, j);
    for (let i = 0; i < layer.inputs; i++) sum += at(x, i) * at(layer.w, i * layer.outputs + j);
    out[j] = sum;
  }
  return out;
}

function softmax(z: Float64Array): Float64Array {
  const max = Math.max(...z); // subtracting the max avoids overflow in exp
  const e = z.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

function forward(l1: Layer, l2: Layer, x: number[]) {
  const h = dense(l1, x, new Float64Array(l1.outputs)).map((v) => Math.max(0, v));
  return { h, p: softmax(dense(l2, h, new Float64Array(l2.outputs))) };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (at(values, i) > at(values, best)) best = i;
  return best;
}

/** Full-batch gradient descent with momentum on softmax cross-entropy; inputs already standardized. */
function train(data: Sample[]): [Layer, Layer] {
  const l1 = initLayer(features.length, hidden);
  const l2 = initLayer(hidden, classes.length);
  const velocity = [l1.w, l1.b, l2.w, l2.b].map((a) => new Float64Array(a.length));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grads = [l1.w, l1.b, l2.w, l2.b].map((a) => new Float64Array(a.length));
    const [gw1, gb1, gw2, gb2] = grads as [Float64Array, Float64Array, Float64Array, Float64Array];
    let loss = 0;
    for (const { x, y } of data) {
      const { h, p } = forward(l1, l2, x);
      loss -= Math.log(at(p, y));
      const dz2 = p.map((v, k) => v - (k === y ? 1 : 0)); // gradient of cross-entropy through softmax
      const dh = new Float64Array(hidden);
      for (let j = 0; j < hidden; j++) {
        for (let k = 0; k < l2.outputs; k++) {
          addTo(gw2, j * l2.outputs + k, at(h, j) * at(dz2, k));
          addTo(dh, j, at(l2.w, j * l2.outputs + k) * at(dz2, k));
        }
      }
      for (let k = 0; k < l2.outputs; k++) addTo(gb2, k, at(dz2, k));
      for (let j = 0; j < hidden; j++) {
        if (at(h, j) <= 0) continue; // ReLU passes no gradient where it was off
        for (let i = 0; i < l1.inputs; i++) addTo(gw1, i * hidden + j, at(x, i) * at(dh, j));
        addTo(gb1, j, at(dh, j));
      }
    }
    [l1.w, l1.b, l2.w, l2.b].forEach((param, n) => {
      const g = grads[n] as Float64Array;
      const v = velocity[n] as Float64Array;
      for (let i = 0; i < param.length; i++) {
        v[i] = momentum * at(v, i) - (learningRate * at(g, i)) / data.length;
        addTo(param, i, at(v, i));
      }
    });
    if (epoch % 500 === 0 || epoch === epochs - 1) console.log(`epoch ${epoch}: loss ${(loss / data.length).toFixed(4)}`);
  }
  return [l1, l2];
}

function accuracy(l1: Layer, l2: Layer, data: Sample[]): number {
  return data.filter(({ x, y }) => argmax(forward(l1, l2, x).p) === y).length / data.length;
}

/** Accuracy with the exported float32 weights on raw features, which also checks the folding above. */
function exportedAccuracy(layers: DenseLayer[], data: Sample[]): number {
  const asLayer = (d: DenseLayer): Layer => ({
    w: Float64Array.from(d.weights),
    b: Float64Array.from(d.bias),
    inputs: d.inputs,
    outputs: d.outputs,
  });
  return accuracy(asLayer(layers[0] as DenseLayer), asLayer(layers[1] as DenseLayer), data);
}

const samples = makeDataSet();
const testCount = Math.round(samples.length * testFraction);
const testSet = samples.slice(0, testCount);
const trainSet = samples.slice(testCount);

// Standardize with training-set statistics only, so the test split stays unseen.
const mean = features.map((_, i) => trainSet.reduce((s, { x }) => s + at(x, i), 0) / trainSet.length);
const std = features.map((_, i) =>
  Math.sqrt(trainSet.reduce((s, { x }) => s + (at(x, i) - at(mean, i)) ** 2, 0) / trainSet.length),
);
const standardize = (data: Sample[]) => data.map(({ x, y }) => ({ x: x.map((v, i) => (v - at(mean, i)) / at(std, i)), y }));

const [l1, l2] = train(standardize(trainSet));

// Fold the standardization into the first layer, so the ONNX model takes raw centimetres:
// ((x - mean) / std) · W + b  =  x · (W / std) + (b - Σ mean · W / std).
const w1 = new Float32Array(l1.w.length);
const b1 = Float64Array.from(l1.b); // summed in float64, rounded to float32 once below
for (let i = 0; i < l1.inputs; i++) {
  for (let j = 0; j < l1.outputs; j++) {
    const scaled = at(l1.w, i * l1.outputs + j) / at(std, i);
    w1[i * l1.outputs + j] = scaled;
    b1[j] = at(b1, j) - at(mean, i) * scaled;
  }
}
const layers: DenseLayer[] = [
  { weights: w1, bias: new Float32Array(b1), inputs: l1.inputs, outputs: l1.outputs },
  { weights: new Float32Array(l2.w), bias: new Float32Array(l2.b), inputs: l2.inputs, outputs: l2.outputs },
];

const trainAccuracy = exportedAccuracy(layers, trainSet);
const testAccuracy = exportedAccuracy(layers, testSet);
console.log(`train accuracy ${(trainAccuracy * 100).toFixed(2)}% (${trainSet.length} samples)`);
console.log(`test accuracy  ${(testAccuracy * 100).toFixed(2)}% (${testSet.length} samples)`);
if (testAccuracy <= 0.9) throw new Error(`test accuracy ${testAccuracy} is too low for a demo model`);

const onnxBytes = buildMlpOnnx({
  name: 'iris',
  layers,
  classifier: true,
  docString:
    'Iris-like demo classifier (4→16→3 MLP) trained by scripts/make-models.ts on seeded synthetic data. ' +
    `Input x: float32 [N,4] raw ${features.join(', ')}. Outputs: probabilities float32 [N,3], label int64 [N] ` +
    `(${classes.map((c, i) => `${i}=${c}`).join(', ')}).`,
});

const modelsDir = new URL('../models/', import.meta.url);
mkdirSync(modelsDir, { recursive: true });
writeFileSync(new URL('iris.onnx', modelsDir), onnxBytes);
const sha256 = `0x${createHash('sha256').update(onnxBytes).digest('hex')}`;
const description = {
  name: 'iris',
  version: '1.0.0',
  classes,
  features,
  trainAccuracy: Number(trainAccuracy.toFixed(4)),
  testAccuracy: Number(testAccuracy.toFixed(4)),
  sha256,
  example: { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } },
};
writeFileSync(new URL('iris.json', modelsDir), `${JSON.stringify(description, null, 2)}\n`);
console.log(`wrote models/iris.onnx (${onnxBytes.byteLength} bytes, sha256 ${sha256}) and models/iris.json`);
