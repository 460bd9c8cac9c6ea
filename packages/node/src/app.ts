/**
 * Assembles a node from its parts (SQLite, blob store, engine, registry, executor, routes and, in chain mode,
 * the chain agent) and owns its lifecycle.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addressOf, type Hex } from '@verity/protocol';
import { createServer, listen } from '@verity/http/server';
import { OnnxEngine, createLlmEngine } from '@verity/runtime';
import type { FastifyInstance } from 'fastify';
import { BlobStore } from './blob-store.js';
import type { ChainAgent } from './chain/agent.js';
import { NodeDb } from './db.js';
import { Executor } from './executor.js';
import { InFlight } from './in-flight.js';
import { describeError, logEvent } from './log.js';
import { ModelRegistry } from './models.js';
import { type NodeOptions, type NodeStartOptions, isChainMode, resolveNodeOptions } from './options.js';
import { blobRoutes } from './routes/blobs.js';
import { healthRoutes } from './routes/health.js';
import { inferRoutes } from './routes/infer.js';
import { modelRoutes } from './routes/models.js';
import { textRoutes } from './routes/text.js';
import { rawBodies } from './paid.js';
import type { NodePayments } from './payments.js';
import { paymentRoutes } from '@verity/protocol';

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

/** Builds the node's fastify app without listening, for in-process `app.inject()` tests; reloads registered models. */
export async function createNodeApp(options: NodeStartOptions): Promise<NodeApp> {
  const resolved = resolveNodeOptions(options);
  const address = addressOf(resolved.privateKey);
  await mkdir(resolved.dataDir, { recursive: true });
  const db = new NodeDb(join(resolved.dataDir, 'node.sqlite'));
  let models: ModelRegistry | undefined;
  try {
    const blobs = await BlobStore.open(join(resolved.dataDir, 'blobs'), { maxBlobBytes: resolved.maxModelBytes });
    const engine = new OnnxEngine({ maxModelBytes: resolved.maxModelBytes });
    const llmEngine = createLlmEngine({ maxModelBytes: resolved.maxModelBytes });
    const registry = new ModelRegistry(db, blobs, engine, llmEngine);
    models = registry;
    await registry.reload();
    for (const relay of resolved.relays ?? []) registry.addRelay(relay);
    // Loaded only in chain mode: viem and the contracts' artifacts double a chainless node's start-up time.
    const chain = isChainMode(resolved)
      ? new (await import('./chain/agent.js')).ChainAgent(db, {
          rpcUrl: resolved.rpcUrl,
          deployment: resolved.deployment,
          privateKey: resolved.privateKey,
          operator: address,
          feeWei: resolved.feeWei,
          ...(resolved.stakeWei !== undefined ? { stakeWei: resolved.stakeWei } : {}),
          heartbeatIntervalMs: resolved.heartbeatIntervalMs,
          epochMaxReceipts: resolved.epochMaxReceipts,
          epochMaxAgeMs: resolved.epochMaxAgeMs,
          heldModels: () => registry.list().map((entry) => entry.modelId),
        })
      : undefined;
    const executor = new Executor(registry, db, {
      privateKey: resolved.privateKey,
      address,
      chainId: resolved.chainId,
      feeWei: resolved.feeWei,
      ...(resolved.fault ? { fault: resolved.fault } : {}),
      ...(chain ? { domain: chain.domain, recorder: chain.book, feeFor: (modelId: Hex) => chain.feeFor(modelId) } : {}),
    });
    // Every request, for shutdown; inferences alone, for the load /health reports.
    const requests = new InFlight();
    const inferences = new InFlight();

    const app = createServer({
      bodyLimitBytes: resolved.bodyLimitBytes,
      onInternalError: (error) => logEvent('internal-error', { reason: describeError(error) }),
    });
    app.addHook('onRequest', (_request, reply, done) => {
      reply.raw.once('close', requests.enter());
      done();
    });
    await app.register(healthRoutes(address, engine.engine, registry, inferences, chain && (() => chain.health())));
    await app.register(blobRoutes(blobs));
    await app.register(modelRoutes(registry, chain && (() => chain.announceModels())));
    const payments = await paymentsOf(resolved, address, chain, executor, app);
    await app.register(inferRoutes(executor, inferences, chain && ((requestId) => chain.settlementOf(requestId)), payments));
    await app.register(textRoutes(executor, inferences, resolved.fault, payments));

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        const serverClosed = app.close();
        await requests.drained();
        // Connections whose request was in flight when closing began are idle only now; the server's close
        // would otherwise wait for their keep-alive timeout.
        app.server.closeIdleConnections();
        await serverClosed;
        await payments?.close();
        await chain?.stop();
        await registry.close();
        db.close();
      })();
      return closing;
    };
    return { app, address, close, ...(chain ? { chain } : {}) };
  } catch (error) {
    await models?.close();
    db.close();
    throw error;
  }
}

/** Starts a node listening on host:port (port 0 picks a free one). */
export async function startNode(options: NodeStartOptions): Promise<RunningNode> {
  const node = await createNodeApp(options);
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

/**
 * With `payments` (chain mode only): the node charges its direct clients (x402), serves its trusted routers unpaid,
 * and answers refunds and charge listings; its JSON parser keeps each body's text, which a router's signature covers.
 */
async function paymentsOf(
  options: NodeOptions,
  address: Hex,
  chain: ChainAgent | undefined,
  executor: Executor,
  app: FastifyInstance,
): Promise<NodePayments | undefined> {
  if (!options.payments) return undefined;
  if (!chain || !isChainMode(options)) throw new TypeError('payments need chain mode (the chain the payment channels live on)');
  const { NodePayments } = await import('./payments.js');
  const payments = await NodePayments.create({ ...options, payments: options.payments }, address, chain, executor);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    rawBodies.set(request, body as string);
    parseJson(request, body as string, done);
  });
  for (const { path } of paymentRoutes.refunds) app.get(path, (request, reply) => payments.resource.answerRefund(request, reply));
  app.get(paymentRoutes.charges.path, async (request) => payments.resource.chargeList(request.query as { executor?: unknown }));
  return payments;
}
