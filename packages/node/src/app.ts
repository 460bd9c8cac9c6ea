/**
 * Assembles a node from its parts (SQLite, blob store, engines, registry, executor, routes and, in chain mode,
 * the chain agent) and owns its lifecycle. The engines can be supplied (NodeParts); the rest follows the options.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addressOf, type Hex, type RegisterModelRequest } from '@verity/protocol';
import { answerBeforeBody, createServer, listen, serve } from '@verity/http/server';
import { type Engine, type LlmEngine, OnnxEngine, createLlmEngine } from '@verity/runtime';
import type { FastifyInstance } from 'fastify';
import { BlobCollector } from './blob-collector.js';
import { BlobStore } from './blob-store.js';
import type { ChainAgent } from './chain/agent.js';
import { NodeDb } from './db.js';
import { Executor } from './executor.js';
import { InFlight } from './in-flight.js';
import { describeError, logEvent } from './log.js';
import { ModelRegistry } from './models.js';
import {
  type NodeOptions,
  type NodeStartOptions,
  defaultNodeOptions,
  isChainMode,
  ownPrice,
  resolveNodeOptions,
} from './options.js';
import { PeerSources } from './peer-sources.js';
import { blobRoutes } from './routes/blobs.js';
import { healthRoutes } from './routes/health.js';
import { inferRoutes } from './routes/infer.js';
import { modelRoutes } from './routes/models.js';
import { textRoutes } from './routes/text.js';
import { uploadPolicy } from './upload-policy.js';
import type { NodePayments } from './payments.js';
import { refundRoutes, routes } from '@verity/protocol';

/**
 * What a node runs models with, besides its options: the place to plug in other engines (a GPU ONNX engine, another
 * LLM runtime). A part left out is the default one, made by `defaultNodeParts`. A supplied engine enforces its own
 * limits (the blob store still refuses files over `maxModelBytes`), and the name it gives (`engine`) is what the
 * node's receipts and /health state.
 */
export interface NodeParts {
  /** Loads and runs ONNX models (POST /v1/infer). */
  onnxEngine?: Engine;
  /** Loads and runs GGUF language models (POST /v1/chat/completions and /v1/completions). */
  llmEngine?: LlmEngine;
}

/** The engines a node runs with when none are supplied: onnxruntime and node-llama-cpp on the CPU. */
export function defaultNodeParts(options: Pick<NodeStartOptions, 'maxModelBytes'> = {}): Required<NodeParts> {
  const maxModelBytes = options.maxModelBytes ?? defaultNodeOptions.maxModelBytes;
  return { onnxEngine: new OnnxEngine({ maxModelBytes }), llmEngine: createLlmEngine({ maxModelBytes }) };
}

export interface NodeApp {
  app: FastifyInstance;
  /** The operator address that signs this node's receipts. */
  address: Hex;
  /**
   * Chain mode only: the node's life on chain. createNodeApp leaves it unstarted (no endpoint is known before
   * listening); startNode starts it with the endpoint it announces.
   */
  chain?: ChainAgent;
  /**
   * Stops accepting, lets in-flight requests finish, closes the open epoch and briefly tries to post owed roots
   * (chain mode), releases the models and closes SQLite. Idempotent.
   */
  close(): Promise<void>;
}

export interface RunningNode {
  /** Base URL, e.g. http://127.0.0.1:7071. */
  url: string;
  address: Hex;
  app: FastifyInstance;
  chain?: ChainAgent;
  close(): Promise<void>;
}

/**
 * Builds the node's fastify app without listening, for in-process `app.inject()` tests; reloads registered models.
 * `parts`: the engines to run models with (see NodeParts); the default ones otherwise.
 */
export async function createNodeApp(options: NodeStartOptions, parts: NodeParts = {}): Promise<NodeApp> {
  const resolved = resolveNodeOptions(options);
  const address = addressOf(resolved.privateKey);
  await mkdir(resolved.dataDir, { recursive: true });
  const db = new NodeDb(join(resolved.dataDir, 'node.sqlite'));
  let models: ModelRegistry | undefined;
  try {
    const blobs = await BlobStore.open(join(resolved.dataDir, 'blobs'), {
      maxBlobBytes: resolved.maxModelBytes,
      maxStoreBytes: resolved.maxStoreBytes,
      reclaim: () => collector.collect(),
    });
    const collector = new BlobCollector(
      { graceMs: resolved.blobGraceMs },
      {
        store: blobs,
        referenced: () => db.models().map((row) => row.modelId),
        inUse: (sha256) => registry.isRegistering(sha256),
      },
    );
    // Cheap: an engine loads nothing until a model is registered.
    const defaults = defaultNodeParts(resolved);
    const engine = parts.onnxEngine ?? defaults.onnxEngine;
    const llmEngine = parts.llmEngine ?? defaults.llmEngine;
    // Loaded only in chain mode: viem and the contracts' artifacts double a chainless node's start-up time.
    const chain: ChainAgent | undefined = isChainMode(resolved)
      ? new (await import('./chain/agent.js')).ChainAgent(db, {
          rpcUrl: resolved.rpcUrl,
          deployment: resolved.deployment,
          privateKey: resolved.privateKey,
          operator: address,
          price: ownPrice(resolved),
          ...(resolved.stakeWei !== undefined ? { stakeWei: resolved.stakeWei } : {}),
          heartbeatIntervalMs: resolved.heartbeatIntervalMs,
          epochMaxReceipts: resolved.epochMaxReceipts,
          epochMaxAgeMs: resolved.epochMaxAgeMs,
          heldModels: (): Hex[] => registry.list().map((entry) => entry.modelId),
        })
      : undefined;
    const peers = await peerSourcesOf(resolved, chain);
    const registry: ModelRegistry = new ModelRegistry(db, blobs, engine, peers, {
      llmEngine,
      ...(chain ? { admit: (request: RegisterModelRequest) => chain.requirePublished(request) } : {}),
      limits: { maxModels: resolved.maxModels, maxNamesPerModel: resolved.maxNamesPerModel },
    });
    models = registry;
    await registry.reload();
    for (const relay of resolved.relays ?? []) registry.addRelay(relay);
    const executor = new Executor(registry, db, {
      privateKey: resolved.privateKey,
      address,
      chainId: resolved.chainId,
      price: ownPrice(resolved),
      ...(chain ? { domain: chain.domain, recorder: chain.book, priceFor: (modelId: Hex) => chain.priceFor(modelId) } : {}),
    });
    // Every request, for shutdown; inferences alone, for the load /health reports.
    const requests = new InFlight();
    const inferences = new InFlight();

    const app = createServer({
      ...resolved.serverLimits,
      bodyLimitBytes: resolved.bodyLimitBytes,
      // A router's signature covers the exact text of the body it forwards (see payments.ts).
      keepJsonText: resolved.payments !== undefined,
      onInternalError: (error) => logEvent('internal-error', { reason: describeError(error) }),
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.raw.once('close', requests.enter());
      done();
    });
    await app.register(healthRoutes(address, engine.engine, registry, inferences, chain && (() => chain.health())));
    const admitUpload = uploadPolicy({
      operator: address,
      routers: resolved.payments?.routers ?? [],
      ...(chain ? { publishedModel: (modelId: Hex) => chain.models.recordOf(modelId, { fresh: true }) } : {}),
    });
    await app.register(blobRoutes(blobs, admitUpload));
    await app.register(modelRoutes(registry, chain && (() => chain.announceModels())));
    const payments = await paymentsOf(resolved, address, chain, executor, app, () =>
      registry.list().map((entry) => ({ modelId: entry.modelId, contextLength: entry.context_length })),
    );
    await app.register(inferRoutes(executor, inferences, chain && ((requestId) => chain.settlementOf(requestId)), payments));
    await app.register(textRoutes(executor, inferences, payments));

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        collector.stop();
        const serverClosed = app.close();
        await requests.drained();
        // Connections whose request was in flight when closing began are idle only now; the server's close
        // would otherwise wait for their keep-alive timeout.
        app.server.closeIdleConnections();
        await serverClosed;
        await payments?.close();
        await chain?.stop();
        await peers.close();
        await registry.close();
        db.close();
      })();
      return closing;
    };
    collector.start();
    return { app, address, close, ...(chain ? { chain } : {}) };
  } catch (error) {
    await models?.close();
    db.close();
    throw error;
  }
}

/** Starts a node listening on host:port (port 0 picks a free one), running models with `parts` (see NodeParts). */
export async function startNode(options: NodeStartOptions, parts: NodeParts = {}): Promise<RunningNode> {
  const node = await createNodeApp(options, parts);
  const resolved = resolveNodeOptions(options);
  try {
    const url = await listen(node.app, resolved.host, resolved.port);
    node.chain?.start(resolved.endpoint ?? url);
    return { url, address: node.address, app: node.app, close: node.close, ...(node.chain ? { chain: node.chain } : {}) };
  } catch (error) {
    await node.close();
    throw error;
  }
}

/** The blob sources the node admits: the operator's list and, in chain mode, the active nodes' endpoints. */
async function peerSourcesOf(options: NodeOptions, chain: ChainAgent | undefined): Promise<PeerSources> {
  const admitted = { peerSources: options.peerSources, allowPrivatePeers: options.allowPrivatePeers };
  if (!chain || !isChainMode(options)) return new PeerSources(admitted);
  const { listActiveNodes } = await import('@verity/chain');
  const { publicClient } = chain.chainClients;
  const { nodeRegistry } = options.deployment.contracts;
  return new PeerSources({
    ...admitted,
    endpoints: async () => (await listActiveNodes(publicClient, nodeRegistry)).map((node) => node.endpoint),
  });
}

/**
 * With `payments` (chain mode only): the node charges its direct clients (x402), serves its trusted routers unpaid,
 * and answers refunds and charge listings (the server keeps each JSON body's text, which a router's signature covers).
 */
async function paymentsOf(
  options: NodeOptions,
  address: Hex,
  chain: ChainAgent | undefined,
  executor: Executor,
  app: FastifyInstance,
  heldModels: () => { modelId: Hex; contextLength: number | undefined }[],
): Promise<NodePayments | undefined> {
  if (!options.payments) return undefined;
  if (!chain || !isChainMode(options)) throw new TypeError('payments need chain mode (the chain the payment channels live on)');
  const { NodePayments } = await import('./payments.js');
  const payments = await NodePayments.create({ ...options, payments: options.payments }, address, chain, executor);
  // A priced request with neither a payment nor a key and a large body is answered 402 before its body is read.
  answerBeforeBody(app, (request) => payments.refusedUnread(request, heldModels()));
  for (const refund of refundRoutes) serve(app, refund, ({ request, reply }) => payments.resource.answerRefund(request, reply));
  app.get(routes.charges.path, async (request) => payments.resource.chargeList(request.query as { executor?: unknown }));
  serve(app, routes.apiKey, ({ request }) => payments.resource.keyState(request));
  serve(app, routes.revokeApiKey, ({ request }) => payments.resource.revokeKey(request));
  return payments;
}
