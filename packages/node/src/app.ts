/** Assembles a node from its parts (SQLite, blob store, engine, registry, executor, routes) and owns its lifecycle. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addressOf, type Hex } from '@verity/protocol';
import { createServer, listen } from '@verity/http/server';
import { OnnxEngine } from '@verity/runtime';
import type { FastifyInstance } from 'fastify';
import { BlobStore } from './blob-store.js';
import { NodeDb } from './db.js';
import { Executor } from './executor.js';
import { InFlight } from './in-flight.js';
import { describeError, logEvent } from './log.js';
import { ModelRegistry } from './models.js';
import { type NodeStartOptions, resolveNodeOptions } from './options.js';
import { blobRoutes } from './routes/blobs.js';
import { healthRoutes } from './routes/health.js';
import { inferRoutes } from './routes/infer.js';
import { modelRoutes } from './routes/models.js';

export interface NodeApp {
  app: FastifyInstance;
  /** The operator address that signs this node's receipts. */
  address: Hex;
  /** Stops accepting, lets in-flight requests finish, releases the models and closes SQLite. Idempotent. */
  close(): Promise<void>;
}

export interface RunningNode {
  /** Base URL, e.g. http://127.0.0.1:7071. */
  url: string;
  address: Hex;
  app: FastifyInstance;
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
    const registry = new ModelRegistry(db, blobs, engine);
    models = registry;
    await registry.reload();
    const executor = new Executor(registry, db, {
      privateKey: resolved.privateKey,
      address,
      chainId: resolved.chainId,
      feeWei: resolved.feeWei,
      ...(resolved.fault ? { fault: resolved.fault } : {}),
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
    await app.register(healthRoutes(address, engine.engine, registry, inferences));
    await app.register(blobRoutes(blobs));
    await app.register(modelRoutes(registry));
    await app.register(inferRoutes(executor, inferences));

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        const serverClosed = app.close();
        await requests.drained();
        // Connections whose request was in flight when closing began are idle only now; the server's close
        // would otherwise wait for their keep-alive timeout.
        app.server.closeIdleConnections();
        await serverClosed;
        await registry.close();
        db.close();
      })();
      return closing;
    };
    return { app, address, close };
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
    return { url, address: node.address, app: node.app, close: node.close };
  } catch (error) {
    await node.close();
    throw error;
  }
}
