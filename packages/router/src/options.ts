/** Router options, with their defaults stated once. */
import type { Deployment } from '@verity/chain';
import { type ServerLimits, defaultServerOptions } from '@verity/http/server';
import type { ResourcePaymentOptions } from '@verity/payments';
import { defaultEngineOptions } from '@verity/runtime/engine';

export interface RouterOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Base URLs of the nodes to route to when there is no chain; ignored when `deployment` is given. */
  nodes: string[];
  /**
   * The Verity deployment to read the node set from (NodeRegistry's active nodes, their endpoints, prices and
   * models). When given, the chain is the only source of nodes.
   */
  deployment?: Deployment;
  /** JSON-RPC URL of the chain; defaults to the deployment's own `rpcUrl`. */
  rpcUrl?: string;
  /** Directory for the router's own records (dissent); in-memory when absent. */
  dataDir?: string;
  /** Per-attempt timeout of a request forwarded to a node. */
  requestTimeoutMs: number;
  /** How often node health and model lists (and, with a chain, the node set) are refreshed. */
  refreshIntervalMs: number;
  /** Timeout of one JSON-RPC call; an RPC that does not answer leaves the last known node set in place. */
  rpcTimeoutMs: number;
  /**
   * After registering a model on nodes (POST /v1/models) with a chain, how long to wait for those nodes to list
   * it on chain before answering (a node counts as serving a model only once its on-chain models include it).
   */
  chainModelWaitMs: number;
  /** A node that failed is skipped for this long unless nothing else serves the model. */
  failureCooldownMs: number;
  bodyLimitBytes: number;
  /** JSON nesting depth, header and body timeouts, keep-alive and connection cap; defaultServerOptions' otherwise. */
  serverLimits?: Partial<ServerLimits>;
  /** Largest model file forwarded, in bytes. */
  maxModelBytes: number;
  /** Charge for answers with x402 (needs `deployment`); free when absent. */
  payments?: ResourcePaymentOptions;
}

/** What createRouterApp and startRouter take: a static node list, or a deployment (the chain). */
export type RouterStartOptions = Partial<RouterOptions>;

export const defaultRouterOptions: Omit<
  RouterOptions,
  'nodes' | 'deployment' | 'rpcUrl' | 'dataDir' | 'payments' | 'serverLimits'
> = {
  host: '127.0.0.1',
  port: 7070,
  requestTimeoutMs: 30_000,
  refreshIntervalMs: 2_000,
  rpcTimeoutMs: 5_000,
  chainModelWaitMs: 3_000,
  failureCooldownMs: 5_000,
  // The server's and the engine's limits: the router forwards what a node takes, no more.
  bodyLimitBytes: defaultServerOptions.bodyLimitBytes,
  maxModelBytes: defaultEngineOptions.maxModelBytes,
};
