/**
 * `npx tsx bench/hot-path.ts`: what one request costs, step by step, on the router (policy none) and on the node,
 * measured in-process with the real code and payloads, plus the floor of one HTTP hop (a fastify server in another
 * process answering a fixed body to undici, CPU per request on each side), and the hash functions the hot path
 * uses against the ones it replaced. Writes bench/results/hot-path.json. Read with spine.json: spine measures the
 * whole, this says where the time goes.
 */
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { postJsonText } from '@verity/http/client';
import { createServer, listen } from '@verity/http/server';
import {
  type Hex,
  InferRequestFormSchema,
  InferRequestSchema,
  InferResponseFormSchema,
  InferResponseSchema,
  type TensorMap,
  addressOf,
  decodeTensorMap,
  encodeTensorMap,
  hashDecodedTensorMap,
  receiptDigest,
  receiptDomain,
  signReceipt,
  verifyParsedReceipt,
  verifyReceipt,
} from '@verity/protocol';
import { randomMlp, seededRandom } from '@verity/fixtures';
import { OnnxEngine, checkInputs } from '@verity/runtime';
import { NodeDb } from '../packages/node/src/db.js';
import { keccak256 } from '../packages/protocol/src/hashes.js';
import { nodeRequestBody } from '../packages/router/src/forward.js';
import { microseconds } from './stats.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);

// Child mode: the server side of the HTTP hop floor.
if (process.argv[2] === 'hop-server') {
  const app = createServer();
  const answer = 'x'.repeat(Number(process.argv[3]));
  app.post('/v1/infer', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(JSON.stringify({ answer })),
  );
  process.send?.({ url: await listen(app, '127.0.0.1', 0) });
  let cpu0 = process.cpuUsage();
  process.on('message', (message: string) => {
    if (message === 'start') cpu0 = process.cpuUsage();
    else {
      process.send?.({ cpu: process.cpuUsage(cpu0) });
      setImmediate(() => process.exit(0));
    }
  });
} else {
  await main();
}

async function httpHopFloor(requestBytes: number, responseBytes: number) {
  const child = fork(self, ['hop-server', String(responseBytes)], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
  const body = JSON.stringify({ pad: 'y'.repeat(requestBytes) });
  const call = () => postJsonText(`${url}/v1/infer`, body);
  for (let i = 0; i < 300; i++) await call();
  child.send('start');
  const count = 2000;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await call();
  const wallMs = performance.now() - t0;
  const clientCpu = process.cpuUsage(cpu0);
  child.send('stop');
  const { cpu } = await new Promise<{ cpu: NodeJS.CpuUsage }>((resolve) => child.once('message', resolve));
  const perRequest = (usage: NodeJS.CpuUsage) => Math.round((usage.user + usage.system) / count);
  return {
    requestBytes,
    responseBytes,
    roundTripMeanMs: Math.round((wallMs / count) * 1000) / 1000,
    clientCpuMicroseconds: perRequest(clientCpu),
    serverCpuMicroseconds: perRequest(cpu),
  };
}

async function main(): Promise<void> {
  const key: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
  const executor = addressOf(key);
  const domain = receiptDomain();
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-hot-path-'));
  const db = new NodeDb(join(dataDir, 'node.sqlite'));
  const results: Record<string, unknown> = {};

  const cases = [
    { name: 'iris-4-16-3', bytes: readFileSync(join(repoRoot, 'models/iris.onnx')), width: 4 },
    { name: 'mlp-512-2048-512', bytes: randomMlp('mlp', [512, 2048, 512], 42), width: 512 },
  ];
  // Two passes over the cases, the first only to let the JIT settle (zod and JSON paths warm up slowly).
  for (const [pass, testCase] of [...cases.map((c) => [0, c] as const), ...cases.map((c) => [1, c] as const)]) {
    const random = seededRandom(2);
    const inputs: TensorMap = {
      x: { dtype: 'float32', shape: [1, testCase.width], data: Array.from({ length: testCase.width }, () => random() * 2 - 1) },
    };
    const model = await new OnnxEngine().load(testCase.bytes);
    const decoded = decodeTensorMap(inputs);
    const outputs = await model.run(decoded);
    const modelId: Hex = `0x${createHash('sha256').update(testCase.bytes).digest('hex')}`;
    const requestId: Hex = `0x${'11'.repeat(32)}`;
    const message = {
      requestId,
      modelId,
      inputHash: hashDecodedTensorMap(decoded),
      outputHash: hashDecodedTensorMap(outputs),
      executor,
      fee: '0',
      timestamp: 1_790_000_000,
      policy: 'none',
      engine: model.engine,
    };
    const receipt = signReceipt(key, message, domain);
    const clientText = JSON.stringify({ model: modelId, inputs, policy: 'none' });
    const nodeBodyText = nodeRequestBody(modelId, decoded, 'none', requestId);
    const responseText = JSON.stringify({
      requestId,
      modelId,
      outputs: encodeTensorMap(outputs),
      policy: 'none',
      receipts: [receipt],
    });
    const clientBody = JSON.parse(clientText);
    const nodeBody = JSON.parse(nodeBodyText);
    const responseBody = JSON.parse(responseText);
    const parsedResponse = InferResponseFormSchema.parse(responseBody);
    // Fresh random requestIds, as the router makes them: a repeated one would take the cheap conflict path.
    const row = () => ({
      ...message,
      requestId: `0x${randomBytes(32).toString('hex')}` as Hex,
      feeWei: '0',
      responseJson: responseText,
    });
    const runs = 2000;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await model.run(decoded);
    const runMicroseconds = Math.round(((performance.now() - t0) / runs) * 1000 * 100) / 100;

    const router = {
      parseClientJson: microseconds(() => JSON.parse(clientText), 2000),
      checkClientBodyForm: microseconds(() => InferRequestFormSchema.parse(clientBody), 2000),
      decodeInputs: microseconds(() => decodeTensorMap(inputs), 2000),
      requestId: microseconds(() => randomBytes(32).toString('hex'), 2000),
      nodeRequestBodyBase64: microseconds(() => nodeRequestBody(modelId, decoded, 'none', requestId), 2000),
      parseNodeAnswerJson: microseconds(() => JSON.parse(responseText), 2000),
      checkNodeAnswerForm: microseconds(() => InferResponseFormSchema.parse(responseBody), 2000),
      verifyReceiptAndOutputs: microseconds(
        () =>
          verifyParsedReceipt(parsedResponse.receipts[0]!, {
            outputs: parsedResponse.outputs as TensorMap,
            requestId,
            modelId,
            trustedExecutors: [executor],
          }),
        1000,
      ),
    };
    const replaced = {
      checkClientBodyFull: microseconds(() => InferRequestSchema.parse(clientBody), 2000),
      nodeRequestBodyAsNumbers: microseconds(() => JSON.stringify({ model: modelId, inputs, policy: 'none', requestId }), 2000),
      checkNodeAnswerFull: microseconds(() => InferResponseSchema.parse(responseBody), 2000),
      verifyReceiptParsingAgain: microseconds(
        () =>
          verifyReceipt(receipt, {
            outputs: parsedResponse.outputs as TensorMap,
            requestId,
            modelId,
            trustedExecutors: [executor],
          }),
        1000,
      ),
      serializeAnswerAgain: microseconds(() => JSON.stringify(parsedResponse), 2000),
    };
    const node = {
      parseRequestJson: microseconds(() => JSON.parse(nodeBodyText), 2000),
      checkBodyForm: microseconds(() => InferRequestFormSchema.parse(nodeBody), 2000),
      decodeAndCheckInputs: microseconds(() => checkInputs(model.signature, decodeTensorMap(nodeBody.inputs)), 2000),
      hashInputs: microseconds(() => hashDecodedTensorMap(decoded), 2000),
      run: runMicroseconds,
      hashOutputs: microseconds(() => hashDecodedTensorMap(outputs), 2000),
      signReceipt: microseconds(() => signReceipt(key, message, domain), 2000),
      encodeResponseJson: microseconds(
        () => JSON.stringify({ requestId, modelId, outputs: encodeTensorMap(outputs), policy: 'none', receipts: [receipt] }),
        2000,
      ),
      lookUpRequestId: microseconds(() => db.receipt(requestId), 2000),
      // Averaged over enough inserts to include WAL checkpoints (one per ~1000 pages written).
      recordReceipt: microseconds(() => db.insertReceipt(row()), 3000),
    };
    await model.dispose();
    if (pass === 0) continue;
    const sum = (parts: Record<string, number>) => Math.round(Object.values(parts).reduce((a, b) => a + b, 0));
    results[testCase.name] = {
      bytes: { clientRequest: clientText.length, nodeRequest: nodeBodyText.length, nodeAnswer: responseText.length },
      routerMicroseconds: { ...router, total: sum(router) },
      routerReplacedMicroseconds: replaced,
      nodeMicroseconds: { ...node, total: sum(node) },
    };
    console.error(
      `\n== ${testCase.name}\nrouter (µs): ${JSON.stringify(router)}\nreplaced (µs): ${JSON.stringify(replaced)}\nnode (µs): ${JSON.stringify(node)}`,
    );
  }

  const b320 = new Uint8Array(320).fill(7);
  const b2k = new Uint8Array(2072).fill(7);
  const message = {
    requestId: `0x${'11'.repeat(32)}` as Hex,
    modelId: `0x${'22'.repeat(32)}` as Hex,
    inputHash: `0x${'33'.repeat(32)}` as Hex,
    outputHash: `0x${'44'.repeat(32)}` as Hex,
    executor,
    fee: '0',
    timestamp: 1_790_000_000,
    policy: 'none',
    engine: 'onnxruntime-node/1.30.0/cpu-fp32',
  };
  results.hashesMicroseconds = {
    keccak320HashWasm: microseconds(() => keccak256(b320), 20000),
    keccak320Noble: microseconds(() => keccak_256(b320), 20000),
    sha256Of2KiBNodeCrypto: microseconds(() => createHash('sha256').update(b2k).digest(), 20000),
    sha256Of2KiBNoble: microseconds(() => sha256(b2k), 20000),
    receiptDigest: microseconds(() => receiptDigest(domain, message), 20000),
  };
  console.error(`\nhashes (µs): ${JSON.stringify(results.hashesMicroseconds)}`);

  results.httpHopFloor = [await httpHopFloor(3000, 11700), await httpHopFloor(100, 700)];
  console.error(`http hop floor: ${JSON.stringify(results.httpHopFloor)}`);

  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  const output = {
    benchmark: 'hot-path',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    results,
  };
  mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench/results/hot-path.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.error('\nwrote bench/results/hot-path.json');
}
