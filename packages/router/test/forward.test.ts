/**
 * The router's hot path against a scriptable node over real HTTP on 127.0.0.1: what it sends a node (inputs as
 * the exact decoded bytes), what it accepts back (only answers whose receipt holds on the very text received),
 * and when it passes that text on unchanged. The node here signs real receipts with protocol's signer and can be
 * told to lie in each way the router must catch.
 */
import { postJson } from '@verity/http/client';
import { createServer, listen } from '@verity/http/server';
import {
  type DecodedTensorMap,
  type Hex,
  type InferResponse,
  type ModelEntry,
  VerityError,
  addressOf,
  errorFromBody,
  decodeTensorMap,
  encodeTensorMap,
  hashDecodedTensorMap,
  receiptDomain,
  signReceipt,
  verifyInferResponse,
} from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forwardInfer, isNodeFault, nodeRequestBody } from '../src/forward.js';
import { NodeSet } from '../src/node-set.js';
import { createRouterApp } from '../src/server.js';

const key: Hex = `0x${'44'.repeat(32)}`;
const otherKey: Hex = `0x${'55'.repeat(32)}`;
const address = addressOf(key);
const modelId: Hex = `0x${'ab'.repeat(32)}`;
const engine = 'fake/1/cpu-fp32';
/** The ReceiptRegistry the fake node signs for, and another one. */
const registry: Hex = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const otherRegistry: Hex = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';

const signature = {
  inputs: [{ name: 'x', dtype: 'float32' as const, shape: [null, 3] }],
  outputs: [{ name: 'y', dtype: 'float32' as const, shape: [null, 3] }],
};
const entry: ModelEntry = {
  id: 'double@1',
  object: 'model',
  created: 1,
  owned_by: address,
  modelId,
  name: 'double',
  version: '1',
  format: 'onnx',
  size: 1,
  engine,
  signature,
};

/** How the fake node answers: honestly, or tampered in one way. */
type Mode =
  | 'honest'
  | 'extra-field'
  | 'extra-receipt-field'
  | 'wrong-output'
  | 'bad-element'
  | 'other-signer'
  | 'other-inputs'
  | 'other-domain'
  | 'other-policy'
  | 'other-request-id'
  | 'other-answer-policy'
  | 'other-engine'
  | 'dear-fee'
  | 'not-json'
  | 'duplicate-key'
  | 'endless';

interface FakeNode {
  url: string;
  app: FastifyInstance;
  mode: Mode;
  /** Bodies received on /v1/infer, as parsed JSON. */
  received: {
    inputs: Record<string, { dtype: string; shape: number[]; data: unknown }>;
    policy: string;
    requestId: Hex;
    model: Hex;
  }[];
  /** The exact text of the last /v1/infer answer. */
  lastText: string;
}

function double(inputs: DecodedTensorMap): DecodedTensorMap {
  const x = inputs.x!;
  return { y: { dtype: 'float32', shape: [...x.shape], data: (x.data as Float32Array).map((v) => v * 2) } };
}

const endlessPiece = Buffer.from('[1,'.repeat(256 * 1024));
const forgedOutputs = { y: { dtype: 'float32', shape: [1, 3], data: [666, 666, 666] } };

async function startFakeNode(): Promise<FakeNode> {
  const app = createServer();
  const fake = { app, mode: 'honest', received: [], lastText: '' } as unknown as FakeNode;
  app.get('/health', async () => ({ ok: true, address }));
  app.get('/v1/models', async () => ({ object: 'list', data: [entry] }));
  app.post('/v1/infer', async (request, reply) => {
    const body = request.body as FakeNode['received'][number];
    fake.received.push(body);
    const inputs = decodeTensorMap(body.inputs as never);
    const outputs = double(inputs);
    const signed: DecodedTensorMap =
      fake.mode === 'wrong-output'
        ? { y: { ...outputs.y!, data: (outputs.y!.data as Float32Array).map((v) => v + 1) } }
        : outputs;
    const receipt = signReceipt(
      fake.mode === 'other-signer' ? otherKey : key,
      {
        requestId: body.requestId,
        modelId: body.model,
        inputHash: hashDecodedTensorMap(fake.mode === 'other-inputs' ? double(inputs) : inputs),
        outputHash: hashDecodedTensorMap(signed),
        executor: address,
        fee: fake.mode === 'dear-fee' ? '1001' : '1000',
        timestamp: 1_790_000_000,
        policy: fake.mode === 'other-policy' ? 'replicate:3' : body.policy,
        engine: fake.mode === 'other-engine' ? 'onnxruntime-node/0.0.0/cpu-fp32' : engine,
      },
      fake.mode === 'other-domain' ? receiptDomain(1, otherRegistry) : receiptDomain(31337, registry),
    );
    const response: Record<string, unknown> = {
      requestId: body.requestId,
      modelId: body.model,
      outputs: encodeTensorMap(outputs),
      policy: body.policy,
      receipts: [receipt],
    };
    if (fake.mode === 'extra-field') response.dissent = [{ executor: '0x0', node: 'forged' }];
    if (fake.mode === 'extra-receipt-field') (receipt as unknown as Record<string, unknown>).note = 'unsigned words';
    if (fake.mode === 'other-request-id') response.requestId = `0x${'ee'.repeat(32)}`;
    if (fake.mode === 'other-answer-policy') response.policy = 'replicate:3';
    if (fake.mode === 'bad-element') (response.outputs as { y: { data: unknown } }).y.data = ['NaN', 0.2, 7];
    fake.lastText = fake.mode === 'not-json' ? '{"requestId": ' : JSON.stringify(response);
    // Two "outputs": JSON.parse keeps the last (the signed one), a first-wins parser would read the forged one.
    if (fake.mode === 'duplicate-key') fake.lastText = `{"outputs":${JSON.stringify(forgedOutputs)},${fake.lastText.slice(1)}`;
    if (fake.mode === 'endless') {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'application/json' });
      const write = () => {
        while (!reply.raw.destroyed && reply.raw.write(endlessPiece)) {}
        if (!reply.raw.destroyed) reply.raw.once('drain', write);
      };
      write();
      return reply;
    }
    return reply.type('application/json; charset=utf-8').send(fake.lastText);
  });
  fake.url = await listen(app, '127.0.0.1', 0);
  return fake;
}

// -0 and a value that JSON's shortest form would still carry, to show the bytes go through untouched.
const inputs = decodeTensorMap({ x: { dtype: 'float32', shape: [1, 3], data: [-0, 0.1, 3.5] } });
const requestId: Hex = `0x${'0c'.repeat(32)}`;

let fake: FakeNode;
let nodeSet: NodeSet;

beforeAll(async () => {
  fake = await startFakeNode();
  nodeSet = new NodeSet([fake.url], { refreshIntervalMs: 60_000, failureCooldownMs: 5_000, timeoutMs: 5_000 });
  await nodeSet.refresh();
});

afterAll(async () => {
  await fake?.app.close();
});

beforeEach(() => {
  fake.mode = 'honest';
  fake.received.length = 0;
});

async function forward(policy = 'none') {
  const node = nodeSet.nodes[0]!;
  node.healthy = true;
  node.lastFailureAt = 0;
  return forwardInfer(
    nodeSet,
    node,
    {
      model: modelId,
      policy,
      requestId,
      inputHash: hashDecodedTensorMap(inputs),
      bodyText: nodeRequestBody(modelId, inputs, policy, requestId),
    },
    // Quoted (and paid) at 1000 per answer.
    { timeoutMs: 5_000, receiptDomain: receiptDomain(31337, registry), quoteWei: 1000n },
  );
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VerityError) return error.code;
    throw error;
  }
  throw new Error('expected an error');
}

describe('forwardInfer', () => {
  it('sends inputs as base64 of the exact decoded bytes, -0 included', async () => {
    await forward();
    const sent = fake.received[0]!;
    expect(sent).toMatchObject({ model: modelId, policy: 'none', requestId });
    expect(sent.inputs.x).toMatchObject({ dtype: 'float32', shape: [1, 3] });
    expect(String(sent.inputs.x?.data)).toMatch(/^b64:/);
    const received = decodeTensorMap(sent.inputs as never);
    expect(hashDecodedTensorMap(received)).toBe(hashDecodedTensorMap(inputs));
    expect(Object.is((received.x!.data as Float32Array)[0], -0)).toBe(true);
  });

  it('accepts an honest answer and keeps its exact text for passing on', async () => {
    const answer = await forward();
    expect(answer.exact).toBe(true);
    expect(answer.text).toBe(fake.lastText);
    expect(JSON.parse(answer.text)).toEqual(answer.response);
    expect(verifyInferResponse(answer.response, { inputs: encodeTensorMap(inputs) }).ok).toBe(true);
  });

  it('accepts an answer with fields the protocol does not define, but will not pass its text on', async () => {
    for (const mode of ['extra-field', 'extra-receipt-field'] as const) {
      fake.mode = mode;
      const answer = await forward();
      expect(answer.exact).toBe(false);
      // What the router would serialize carries only protocol fields.
      expect(JSON.stringify(answer.response)).not.toMatch(/dissent|unsigned words/);
    }
  });

  it('will not pass on the text of an answer with a duplicate key, which another parser may read otherwise', async () => {
    fake.mode = 'duplicate-key';
    const answer = await forward();
    expect(answer.exact).toBe(false);
    expect(answer.response.outputs).toEqual(JSON.parse(JSON.stringify(encodeTensorMap(double(inputs)))));
  });

  it('aborts an endless answer at the client’s size limit, as the node’s fault', async () => {
    fake.mode = 'endless';
    const error = await forward().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(error).toBeInstanceOf(VerityError);
    expect((error as VerityError).details).toMatchObject({ reason: 'RESPONSE_TOO_LARGE' });
    expect(isNodeFault(error)).toBe(true);
    expect(nodeSet.nodes[0]!.healthy).toBe(false);
  });

  it('blames a node for its 5xx answers and the caller for its 4xx answers, UNKNOWN_MODEL aside', () => {
    const answered = (status: number, code: string) => errorFromBody(status, { error: { code, message: code } });
    expect(isNodeFault(answered(500, 'INTERNAL'))).toBe(true);
    expect(isNodeFault(answered(507, 'STORE_FULL'))).toBe(true);
    expect(isNodeFault(answered(404, 'UNKNOWN_MODEL'))).toBe(true);
    expect(isNodeFault(answered(400, 'BAD_JSON'))).toBe(false);
    expect(isNodeFault(answered(400, 'INVALID_REQUEST'))).toBe(false);
    // A 4xx answer is the caller's, whatever code it names.
    expect(isNodeFault(answered(422, 'RECEIPT_INVALID'))).toBe(false);
    expect(isNodeFault(answered(400, 'INTERNAL'))).toBe(false);
    // The router's own findings.
    expect(isNodeFault(new VerityError('RECEIPT_INVALID', 'forged'))).toBe(true);
    expect(isNodeFault(new VerityError('TIMEOUT', 'slow'))).toBe(true);
    expect(isNodeFault(new Error('socket hang up'))).toBe(true);
  });

  it('refuses answers whose receipt does not hold on the text received', async () => {
    for (const mode of [
      'wrong-output',
      'bad-element',
      'other-signer',
      'other-inputs',
      'other-domain',
      'other-policy',
      'other-request-id',
      'other-answer-policy',
      'other-engine',
      'dear-fee',
      'not-json',
    ] as const) {
      fake.mode = mode;
      expect(await codeOf(forward()), mode).toBe('RECEIPT_INVALID');
    }
  });
});

describe('the router answering /v1/infer', () => {
  let router: Awaited<ReturnType<typeof createRouterApp>>;

  beforeAll(async () => {
    router = await createRouterApp({ nodes: [fake.url], port: 0, refreshIntervalMs: 60_000 });
  });

  afterAll(async () => {
    await router?.close();
  });

  const post = (body: unknown) => router.app.inject({ method: 'POST', url: '/v1/infer', payload: body as object });

  it('passes a verified, exact answer on byte for byte', async () => {
    const reply = await post({ model: 'double@1', inputs: encodeTensorMap(inputs), requestId });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe(fake.lastText);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
  });

  it('serializes what it checked, not the node’s text, when that text has a duplicate key', async () => {
    fake.mode = 'duplicate-key';
    const reply = await post({ model: 'double@1', inputs: encodeTensorMap(inputs), requestId });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).not.toBe(fake.lastText);
    expect(reply.body).not.toContain('666');
    expect(reply.body.match(/"outputs"/g)).toHaveLength(1);
    expect(verifyInferResponse(reply.json() as InferResponse, { inputs: encodeTensorMap(inputs) }).ok).toBe(true);
  });

  it('refuses a body nested too deep with 400 before any node is asked, and blames no node', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const payload = `{"model":"double@1","inputs":${JSON.stringify(encodeTensorMap(inputs))},"extra":${deep}}`;
    const reply = await router.app.inject({
      method: 'POST',
      url: '/v1/infer',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.statusCode).toBe(400);
    expect((reply.json() as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'BAD_JSON',
      message: 'the JSON body nests deeper than 64 levels of arrays and objects',
    });
    expect(fake.received).toHaveLength(0);
    expect(router.nodeSet.nodes.every((n) => n.healthy)).toBe(true);
  });

  it('serializes its own parse of an answer that carries unknown fields', async () => {
    fake.mode = 'extra-field';
    const reply = await post({ model: 'double@1', inputs: encodeTensorMap(inputs), requestId });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).not.toBe(fake.lastText);
    const body = reply.json() as InferResponse & { dissent?: unknown };
    expect(body.dissent).toBeUndefined();
    expect(verifyInferResponse(body).ok).toBe(true);
  });

  it('checks every input element before asking a node', async () => {
    const reply = await post({ model: 'double@1', inputs: { x: { dtype: 'float32', shape: [1, 3], data: [1, 'two', 3] } } });
    expect(reply.statusCode).toBe(400);
    expect((reply.json() as { error: { code: string } }).error.code).toBe('INVALID_TENSOR');
    expect(fake.received).toHaveLength(0);
  });

  it('never passes on, nor charges for, a receipt signed over other inputs', async () => {
    fake.mode = 'other-inputs';
    const reply = await post({ model: 'double@1', inputs: encodeTensorMap(inputs) });
    expect(reply.statusCode).toBe(503);
    expect(reply.body).toMatch(/RECEIPT_INVALID.*request hashes to/);
    // The node was marked down for it: let the next test find it healthy again.
    await router.nodeSet.refresh();
  });

  it('never answers with a lying node’s output', async () => {
    fake.mode = 'wrong-output';
    const reply = await post({ model: 'double@1', inputs: encodeTensorMap(inputs) });
    expect(reply.statusCode).toBe(503);
    expect((reply.json() as { error: { code: string } }).error.code).toBe('NODE_UNAVAILABLE');
  });
});

// The client used by other packages still sees the same JSON through a real socket.
describe('over a real socket', () => {
  it('gives the client the node’s answer', async () => {
    const { startRouter } = await import('../src/server.js');
    const router = await startRouter({ nodes: [fake.url], port: 0, refreshIntervalMs: 60_000 });
    try {
      const response = (await postJson(`${router.url}/v1/infer`, {
        model: modelId,
        inputs: encodeTensorMap(inputs),
        requestId,
      })) as InferResponse;
      expect(response).toEqual(JSON.parse(fake.lastText));
    } finally {
      await router.close();
    }
  });
});
