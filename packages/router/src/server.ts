/** The router's HTTP API: Protocol v1 (the same endpoints as a node), routed across the node set. */
import { randomBytes } from 'node:crypto';
import { createServer, listen, parseBody } from '@verity/http/server';
import { putBytes, sharedAgent } from '@verity/http/client';
import {
  BlobPutResponseSchema,
  type Hex,
  InferRequestFormSchema,
  type TensorMap,
  RegisterModelRequestSchema,
  VerityError,
  bytes32Pattern,
  decodeTensorMap,
  parsePolicy,
  toHex,
} from '@verity/protocol';
import { request as undiciRequest } from 'undici';
import type { FastifyInstance } from 'fastify';
import { resolveModel } from './catalog.js';
import { DissentLog } from './dissent-log.js';
import { ModelDistributor } from './models.js';
import { NodeSet } from './node-set.js';
import { type RouterOptions, defaultRouterOptions } from './options.js';
import { type PolicyContext, runNone, runReplicate } from './policies.js';
import { rankNodes } from './select.js';

export interface RunningRouter {
  url: string;
  app: FastifyInstance;
  nodeSet: NodeSet;
  dissentLog: DissentLog;
  close(): Promise<void>;
}

export async function createRouterApp(options: Partial<RouterOptions> & { nodes: string[] }) {
  const opts: RouterOptions = { ...defaultRouterOptions, ...options };
  const nodeSet = new NodeSet(opts.nodes, {
    refreshIntervalMs: opts.refreshIntervalMs,
    failureCooldownMs: opts.failureCooldownMs,
    timeoutMs: opts.requestTimeoutMs,
  });
  const dissentLog = new DissentLog(opts.dataDir);
  const distributor = new ModelDistributor(nodeSet, opts.requestTimeoutMs);
  const policyContext: PolicyContext = {
    nodeSet,
    dissentLog,
    timeoutMs: opts.requestTimeoutMs,
    spreadModel: async (entry, extra) => {
      await distributor.spread(entry, extra);
    },
  };
  await nodeSet.refresh();
  nodeSet.start();

  const app = createServer({ bodyLimitBytes: opts.bodyLimitBytes, onInternalError: (e) => console.error('[router]', e) });
  // Blob uploads are streamed to a node untouched; the router never buffers model files.
  app.addContentTypeParser(['application/octet-stream', '*'], (_request, payload, done) => done(null, payload));

  app.get('/health', async () => ({
    ok: true as const,
    role: 'router',
    nodes: nodeSet.nodes.map((n) => ({
      url: n.url,
      address: n.address ?? null,
      healthy: n.healthy,
      models: n.models.size,
      inFlight: n.inFlight,
      latencyMs: Math.round(n.latencyMs * 1000) / 1000,
      dissents: n.dissents,
    })),
  }));

  app.get('/v1/models', async () => ({ object: 'list' as const, data: nodeSet.catalog() }));

  app.post('/v1/models', async (request) => {
    const body = parseBody(RegisterModelRequestSchema, request.body);
    return distributor.register(body);
  });

  app.put('/v1/blobs', async (request) => {
    const target = rankNodes(nodeSet.available())[0];
    if (!target) throw new VerityError('NODE_UNAVAILABLE', 'no healthy node to store the blob on');
    const headers: Record<string, string> = {};
    const expected = request.headers['x-verity-sha256'];
    if (typeof expected === 'string') headers['x-verity-sha256'] = expected;
    const length = request.headers['content-length'];
    if (typeof length === 'string') {
      if (Number(length) > opts.maxModelBytes) {
        throw new VerityError('MODEL_TOO_LARGE', `blob is ${length} bytes (limit ${opts.maxModelBytes})`, { details: { size: Number(length), limit: opts.maxModelBytes } });
      }
      headers['content-length'] = length;
    }
    const result = BlobPutResponseSchema.parse(
      await putBytes(`${target.url}/v1/blobs`, request.body as NodeJS.ReadableStream, { headers, timeoutMs: opts.requestTimeoutMs }),
    );
    distributor.noteBlob(result.sha256.toLowerCase() as Hex, target.url);
    return result;
  });

  app.get<{ Params: { sha256: string } }>('/v1/blobs/:sha256', async (request, reply) => {
    const { sha256 } = request.params;
    if (!bytes32Pattern.test(sha256)) throw new VerityError('INVALID_REQUEST', 'a blob is named by 0x and 64 hex digits');
    for (const node of nodeSet.available()) {
      try {
        const upstream = await undiciRequest(`${node.url}/v1/blobs/${sha256.toLowerCase()}`, { dispatcher: sharedAgent });
        if (upstream.statusCode !== 200) {
          await upstream.body.dump();
          continue;
        }
        const length = upstream.headers['content-length'];
        if (typeof length === 'string') void reply.header('content-length', length);
        return reply.type('application/octet-stream').send(upstream.body);
      } catch {
        // try the next node
      }
    }
    throw new VerityError('BLOB_NOT_FOUND', `no node holds blob ${sha256}`, { details: { sha256 } });
  });

  app.get<{ Params: { requestId: string } }>('/v1/receipts/:requestId', async (request) => {
    for (const node of nodeSet.available()) {
      const upstream = await undiciRequest(`${node.url}/v1/receipts/${request.params.requestId}`, { dispatcher: sharedAgent }).catch(() => undefined);
      if (!upstream) continue;
      if (upstream.statusCode === 200) return upstream.body.json();
      await upstream.body.dump();
    }
    throw new VerityError('NOT_FOUND', `no node holds a receipt for request ${request.params.requestId}`);
  });

  app.post('/v1/infer', async (request, reply) => {
    // Tensor data checked for form only: decodeTensorMap below checks every element.
    const body = parseBody(InferRequestFormSchema, request.body);
    const policy = parsePolicy(body.policy);
    const entry = resolveModel(nodeSet.catalog(), body.model);
    // Decode once here so malformed tensors fail fast with a typed error, before any node is bothered.
    const inputs = decodeTensorMap(body.inputs as TensorMap);
    const requestId = body.requestId ?? toHex(randomBytes(32));
    const routed = { entry, inputs, requestId };
    if (policy.kind === 'spot-check') {
      throw new VerityError('UNKNOWN_POLICY', 'spot-check is not implemented by this router yet; use "none" or "replicate:<k>"', {
        details: { policy: body.policy },
      });
    }
    const answer = policy.kind === 'replicate' ? await runReplicate(policyContext, routed, policy.k) : await runNone(policyContext, routed);
    // One node's answer, verified on its exact text and carrying no unknown field, goes out as that text.
    if (answer.text !== undefined) return reply.type('application/json; charset=utf-8').send(answer.text);
    return answer.response;
  });

  const close = async () => {
    nodeSet.stop();
    await app.close();
    dissentLog.close();
  };
  return { app, nodeSet, dissentLog, options: opts, close };
}

export async function startRouter(options: Partial<RouterOptions> & { nodes: string[] }): Promise<RunningRouter> {
  const { app, nodeSet, dissentLog, options: opts, close } = await createRouterApp(options);
  const url = await listen(app, opts.host, opts.port);
  return { url, app, nodeSet, dissentLog, close };
}
