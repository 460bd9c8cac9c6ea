/**
 * `npm run bench`: the spine's latency and throughput, writing bench/results/spine.json.
 * For the demo classifier and a 512→2048→512 MLP, batch 1: (a) the engine in-process, (b) one node over HTTP
 * with a receipt, (c) the router with policy none, (d) the router with replicate:3; plus what the hot path's
 * parts cost (hashing, signing, verifying, JSON).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalNetwork, devKeys, repoRoot } from '@verity/devnet';
import { postJson } from '@verity/http/client';
import {
  type TensorMap,
  addressOf,
  decodeTensorMap,
  encodeTensorMap,
  hashDecodedTensorMap,
  receiptDomain,
  signReceipt,
  verifyReceipt,
} from '@verity/protocol';
import { randomMlp, seededRandom } from '@verity/fixtures';
import { OnnxEngine, checkInputs } from '@verity/runtime';
import { createClient } from '@verity/sdk';
import { measureSequential, measureThroughput, microseconds } from './stats.js';

const quick = process.argv.includes('--quick');
const sequentialCount = quick ? 200 : 1000;
const throughputMs = quick ? 2000 : 5000;
const concurrency = 8;

function randomInput(width: number, seed: number): TensorMap {
  const random = seededRandom(seed);
  return { x: { dtype: 'float32', shape: [1, width], data: Array.from({ length: width }, () => random() * 2 - 1) } };
}

const cases = [
  {
    name: 'iris-4-16-3',
    file: join(repoRoot, 'models/iris.onnx'),
    bytes: readFileSync(join(repoRoot, 'models/iris.onnx')),
    inputs: randomInput(4, 1),
  },
  {
    name: 'mlp-512-2048-512',
    file: join(tmpdir(), 'verity-bench-mlp.onnx'),
    bytes: Buffer.from(randomMlp('mlp', [512, 2048, 512], 42)),
    inputs: randomInput(512, 2),
  },
];
writeFileSync(cases[1]!.file, cases[1]!.bytes);

const network = await LocalNetwork.start({ nodes: 3, routerPort: 0, nodeBasePort: 0 });
const results: Record<string, unknown> = {};
try {
  const client = createClient({ url: network.routerUrl, verify: false });
  const firstNode = network.nodes[0]!;
  for (const testCase of cases) {
    console.error(`\n== ${testCase.name}`);
    const model = await client.pushModel(testCase.file, { name: testCase.name, version: '1' });
    const body = (policy: string) => ({ model: model.modelId, inputs: testCase.inputs, policy });

    const loaded = await new OnnxEngine().load(testCase.bytes);
    const decoded = decodeTensorMap(testCase.inputs);
    const inProcess = () => loaded.run(decoded);
    const viaNode = () => postJson(`${firstNode.url}/v1/infer`, body('none'));
    const viaRouter = () => postJson(`${network.routerUrl}/v1/infer`, body('none'));
    const viaRouterReplicated = () => postJson(`${network.routerUrl}/v1/infer`, body('replicate:3'));

    const row: Record<string, unknown> = {};
    for (const [label, task] of [
      ['a_inProcess', inProcess],
      ['b_node', viaNode],
      ['c_routerNone', viaRouter],
      ['d_routerReplicate3', viaRouterReplicated],
    ] as const) {
      const latency = await measureSequential(task, sequentialCount);
      const throughput = await measureThroughput(task, concurrency, throughputMs);
      row[label] = { latency, throughput };
      console.error(
        `${label.padEnd(20)} p50 ${latency.p50Ms} ms  p99 ${latency.p99Ms} ms  ${throughput.requestsPerSecond} req/s @${concurrency}`,
      );
    }
    const a = row.a_inProcess as { latency: { p50Ms: number }; throughput: { requestsPerSecond: number } };
    const c = row.c_routerNone as { latency: { p50Ms: number }; throughput: { requestsPerSecond: number } };
    row.targets = {
      routerOverheadP50Ms: Math.round((c.latency.p50Ms - a.latency.p50Ms) * 1000) / 1000,
      routerOverheadTargetMs: 2,
      routerThroughputRatio: Math.round((c.throughput.requestsPerSecond / a.throughput.requestsPerSecond) * 1000) / 1000,
      routerThroughputTarget: 0.7,
    };
    console.error(`targets: ${JSON.stringify(row.targets)}`);

    // What the hot path's parts cost, per call, for this model's input and output.
    const outputs = await loaded.run(decoded);
    const outputJson = encodeTensorMap(outputs);
    const key = devKeys[1]!;
    const executor = addressOf(key);
    const message = {
      requestId: `0x${'11'.repeat(32)}` as const,
      modelId: model.modelId,
      inputHash: hashDecodedTensorMap(decoded),
      outputHash: hashDecodedTensorMap(outputs),
      executor,
      fee: '0',
      timestamp: 1_790_000_000,
      policy: 'none',
      engine: loaded.engine,
    };
    const receipt = signReceipt(key, message, receiptDomain());
    const requestText = JSON.stringify(body('none'));
    const responseText = JSON.stringify({ outputs: outputJson, receipts: [receipt] });
    row.partsMicroseconds = {
      decodeAndCheckInputs: microseconds(() => checkInputs(loaded.signature, decodeTensorMap(testCase.inputs)), 2000),
      hashInputs: microseconds(() => hashDecodedTensorMap(decoded), 2000),
      hashOutputs: microseconds(() => hashDecodedTensorMap(outputs), 2000),
      signReceipt: microseconds(() => signReceipt(key, message, receiptDomain()), 2000),
      verifyReceiptWithOutputs: microseconds(() => verifyReceipt(receipt, { outputs: outputJson }), 1000),
      parseRequestJson: microseconds(() => JSON.parse(requestText), 2000),
      stringifyResponseJson: microseconds(() => JSON.stringify({ outputs: encodeTensorMap(outputs), receipts: [receipt] }), 2000),
      parseResponseJson: microseconds(() => JSON.parse(responseText), 2000),
    };
    console.error(`parts (µs): ${JSON.stringify(row.partsMicroseconds)}`);
    await loaded.dispose();
    results[testCase.name] = row;
  }
} finally {
  await network.stop();
}

const output = {
  benchmark: 'spine',
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  settings: { sequentialCount, throughputMs, concurrency, nodes: 3, batch: 1 },
  results,
};
mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench/results/spine.json'), `${JSON.stringify(output, null, 2)}\n`);
console.error('\nwrote bench/results/spine.json');
