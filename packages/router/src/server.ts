/**
 * The router's HTTP API: Protocol v1 (the same endpoints as a node), routed across the node set. This module
 * assembles the parts (the chain source, the node set, charging, the policy context) and registers the routes, one
 * module each under routes/.
 */
import { addressOf, receiptDomain, stripUndefined } from '@verity/protocol';
import { answerBeforeBody, createServer, listen } from '@verity/http/server';
import type { FastifyInstance } from 'fastify';
import { ResourcePayments } from '@verity/payments';
import { ChainNodeSource } from './chain-source.js';
import { Charging } from './charging.js';
import { DissentLog } from './dissent-log.js';
import { ModelDistributor } from './models.js';
import { NodeSet } from './node-set.js';
import { type RouterOptions, type RouterStartOptions, defaultRouterOptions } from './options.js';
import type { RouterParts } from './parts.js';
import type { PolicyContext } from './policies.js';
import { blobRoutes } from './routes/blobs.js';
import { healthRoutes } from './routes/health.js';
import { inferRoutes } from './routes/infer.js';
import { modelRoutes } from './routes/models.js';
import { paymentRoutes } from './routes/payments.js';
import { receiptRoutes } from './routes/receipts.js';
import { textRoutes } from './routes/text.js';
import { settledReceiptsFrom } from './settled-receipts.js';

export interface RunningRouter {
  url: string;
  app: FastifyInstance;
  nodeSet: NodeSet;
  dissentLog: DissentLog;
  close(): Promise<void>;
}

/** The router's payments, when it is configured to charge (which needs the chain the channels live on). */
function paymentsOf(opts: RouterOptions, nodeSet: NodeSet): ResourcePayments | undefined {
  if (!opts.payments) return undefined;
  if (!opts.deployment) throw new TypeError('payments need a deployment (the chain the payment channels live on)');
  return ResourcePayments.create(opts.payments, {
    owner: `router:${addressOf(opts.payments.privateKey)}`,
    deployment: opts.deployment,
    rpcUrl: opts.rpcUrl ?? opts.deployment.rpcUrl,
    receipts: settledReceiptsFrom(nodeSet, opts.requestTimeoutMs),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
}

/** Where the nodes come from: the chain when a deployment is given (the static list is then ignored). */
function chainSourceOf(opts: RouterOptions): ChainNodeSource | undefined {
  if (!opts.deployment) {
    if (opts.rpcUrl !== undefined) throw new TypeError('rpcUrl needs a deployment (the contracts to read the nodes from)');
    if (opts.nodes.length === 0)
      throw new TypeError('a router needs nodes: a deployment (nodes from the chain) or a list of node URLs');
    return undefined;
  }
  return new ChainNodeSource({
    rpcUrl: opts.rpcUrl ?? opts.deployment.rpcUrl,
    deployment: opts.deployment,
    rpcTimeoutMs: opts.rpcTimeoutMs,
  });
}

export async function createRouterApp(options: RouterStartOptions) {
  const opts: RouterOptions = { nodes: [], ...defaultRouterOptions, ...stripUndefined(options) };
  const chain = chainSourceOf(opts);
  // Fails fast when the RPC answers for another chain; an RPC that is down is retried on every refresh.
  await chain?.checkChainId();
  const nodeSet = new NodeSet(
    opts.nodes,
    {
      refreshIntervalMs: opts.refreshIntervalMs,
      failureCooldownMs: opts.failureCooldownMs,
      timeoutMs: opts.requestTimeoutMs,
      log: (message) => console.error(`[router] ${message}`),
    },
    chain,
  );
  const dissentLog = new DissentLog(opts.dataDir);
  const distributor = new ModelDistributor(nodeSet, opts.requestTimeoutMs, opts.chainModelWaitMs);
  const charging = new Charging(nodeSet, chain, paymentsOf(opts, nodeSet), opts.payments?.minPricePerAnswer ?? 0n);
  const policyContext: PolicyContext = {
    nodeSet,
    dissentLog,
    timeoutMs: opts.requestTimeoutMs,
    ...(opts.payments ? { routerKey: opts.payments.privateKey } : {}),
    ...(opts.deployment
      ? { receiptDomain: receiptDomain(opts.deployment.chainId, opts.deployment.contracts.receiptRegistry) }
      : {}),
    spreadModel: async (entry, extra) => {
      await distributor.spread(entry, extra);
    },
    priceTerms: (entry, maxTokens) => charging.knownTerms(entry, maxTokens),
  };
  await nodeSet.refresh();
  nodeSet.start();
  const parts: RouterParts = { opts, chain, nodeSet, distributor, policyContext, charging };

  const app = createServer({
    ...opts.serverLimits,
    bodyLimitBytes: opts.bodyLimitBytes,
    onInternalError: (e) => console.error('[router]', e),
  });
  // A body of another type than JSON is left unread (the route's schema refuses it); blob uploads have their own scope.
  app.addContentTypeParser(['application/octet-stream', '*'], (_request, payload, done) => done(null, payload));
  // A priced request with neither a payment nor a key and a large body is answered 402 before its body is read.
  if (charging.payments) answerBeforeBody(app, (request) => charging.refusedUnread(request));

  healthRoutes(app, parts);
  modelRoutes(app, parts);
  await blobRoutes(app, parts);
  receiptRoutes(app, parts);
  inferRoutes(app, parts);
  textRoutes(app, parts);
  paymentRoutes(app, parts);

  const close = async () => {
    await charging.payments?.close();
    nodeSet.stop();
    await app.close();
    dissentLog.close();
  };
  return { app, nodeSet, dissentLog, options: opts, close };
}

export async function startRouter(options: RouterStartOptions): Promise<RunningRouter> {
  const { app, nodeSet, dissentLog, options: opts, close } = await createRouterApp(options);
  const url = await listen(app, opts.host, opts.port);
  return { url, app, nodeSet, dissentLog, close };
}
