/** Router options, with their defaults stated once. */
export interface RouterOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Base URLs of the nodes to route to (the chain replaces this list in a later issue). */
  nodes: string[];
  /** Directory for the router's own records (dissent); in-memory when absent. */
  dataDir?: string;
  /** Per-attempt timeout of a request forwarded to a node. */
  requestTimeoutMs: number;
  /** How often node health and model lists are refreshed. */
  refreshIntervalMs: number;
  /** A node that failed is skipped for this long unless nothing else serves the model. */
  failureCooldownMs: number;
  bodyLimitBytes: number;
  /** Largest model file forwarded, in bytes. */
  maxModelBytes: number;
}

export const defaultRouterOptions: Omit<RouterOptions, 'nodes'> = {
  host: '127.0.0.1',
  port: 7070,
  requestTimeoutMs: 30_000,
  refreshIntervalMs: 2_000,
  failureCooldownMs: 5_000,
  bodyLimitBytes: 32 * 1024 * 1024,
  maxModelBytes: 512 * 1024 * 1024,
};
