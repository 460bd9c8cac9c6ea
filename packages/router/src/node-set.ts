/**
 * What the router knows about each node: health, operator address, models served, load and measured latency.
 * Kept fresh by polling; requests update load, latency and failures as they happen.
 *
 * Which nodes there are comes from a static list of URLs, or from the chain (ChainNodeSource): then the set is
 * NodeRegistry's active nodes, each node's operator address and price are the chain's, and a node serves a model
 * only when that model id is among its on-chain model ids (whatever its /v1/models says).
 *
 * An endpoint is probed only when it is a plain http(s) base URL (protocol's parseEndpointUrl), at paths built with the URL API.
 * Why a node is not healthy is public (/health) only as a fixed reason; the detail goes to the router's log.
 */
import { getJson } from '@verity/http/client';
import {
  type Hex,
  type ModelEntry,
  ModelListSchema,
  NodeHealthSchema,
  type Price,
  VerityError,
  endpointPath,
  parseEndpointUrl,
  routes,
  sameAddress,
} from '@verity/protocol';
import { type ModelRecord, type NodeRecord, priceOfRecord } from '@verity/chain';
import type { ChainNodeSource } from './chain-source.js';

export interface NodeState {
  url: string;
  address: Hex | undefined;
  healthy: boolean;
  /** The models this node is routed for (with a chain: those it hosts that are also in its on-chain model ids). */
  models: Map<Hex, ModelEntry>;
  inFlight: number;
  /** Exponentially weighted mean latency of successful requests, ms. */
  latencyMs: number;
  failures: number;
  lastFailureAt: number;
  dissents: number;
  /** With a chain: the operator's price (NodeRegistry), stake, and the model ids it announces on chain. */
  chain?: { price: Price; stakeWei: bigint; modelIds: Set<Hex> };
  /** Every model the node's /v1/models lists (with a chain, `models` is the part of it announced on chain). */
  hosted: Map<Hex, ModelEntry>;
  /** Every name the node gives them (one file may have several): the catalog's names when there is no chain. */
  names: ModelEntry[];
  /** Why the node is not healthy, when it is not (the detail is in the router's log). */
  problem?: NodeProblem;
}

/**
 * Why a node is not routed to, as /health shows it. `bad-endpoint`: not a plain http(s) base URL (see parseEndpointUrl);
 * `unreachable`: no connection, or no answer in time; `bad-answer`: its /health or /v1/models answer does not hold;
 * `wrong-operator`: with a chain, it signs with another key than the operator that registered the endpoint.
 */
export type NodeProblem = 'bad-endpoint' | 'unreachable' | 'bad-answer' | 'wrong-operator';

export interface NodeSetOptions {
  refreshIntervalMs: number;
  failureCooldownMs: number;
  timeoutMs: number;
  /**
   * Told when reading the chain starts failing and when it recovers (never with the RPC URL), and why a node is
   * not healthy when that changes.
   */
  log?: (message: string) => void;
}

/** A node not probed yet: unhealthy, serving nothing, with neutral measurements. */
export function newNodeState(url: string, address?: Hex): NodeState {
  return {
    url: url.replace(/\/+$/, ''),
    address,
    healthy: false,
    models: new Map(),
    hosted: new Map(),
    names: [],
    inFlight: 0,
    latencyMs: 1,
    failures: 0,
    lastFailureAt: 0,
    dissents: 0,
  };
}

/**
 * What a failed probe was, by the HTTP client's errors: a connection refused, reset or timed out is `unreachable`;
 * anything that came back and does not hold (an error status, a body that is not a node's, one too large) is
 * `bad-answer`.
 */
function probeProblem(error: unknown): NodeProblem {
  if (!(error instanceof VerityError) || 'status' in error.details) return 'bad-answer';
  if (error.code === 'TIMEOUT') return 'unreachable';
  // A connection that failed carries the socket's error code as details.reason (openRequest).
  const connectionFailed = 'reason' in error.details && error.details.reason !== 'RESPONSE_TOO_LARGE';
  return error.code === 'NODE_UNAVAILABLE' && connectionFailed ? 'unreachable' : 'bad-answer';
}

export class NodeSet {
  private current: NodeState[];
  private timer: NodeJS.Timeout | undefined;
  private chainRead: Promise<void> | undefined;
  private chainWasFailing = false;
  /** The last problem logged for each node, so a node failing the same way on every refresh is logged once. */
  private readonly loggedProblems = new WeakMap<NodeState, string>();

  constructor(
    urls: readonly string[],
    private readonly options: NodeSetOptions,
    /** With a chain, the only source of nodes (`urls` is then ignored). */
    readonly chain?: ChainNodeSource,
  ) {
    this.current = chain ? [] : urls.map((url) => newNodeState(url));
  }

  /** The nodes known now (with a chain: the active ones as of the last read). */
  get nodes(): NodeState[] {
    return this.current;
  }

  start(): void {
    this.timer = setInterval(() => void this.refresh(), this.options.refreshIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Re-reads the node set from the chain (when there is one) and then every node's health and models. `forceChain`
   * reads the chain even when no block was mined since the last read, and waits for a read already under way.
   */
  async refresh(options: { forceChain?: boolean } = {}): Promise<void> {
    if (this.chain) await this.syncChain(options.forceChain === true);
    await Promise.all(this.current.map((node) => this.refreshNode(node)));
  }

  private async syncChain(force: boolean): Promise<void> {
    if (this.chainRead) {
      // A timer tick while a read is under way (a slow RPC) does not queue another one.
      if (!force) return;
      await this.chainRead;
    }
    const chain = this.chain as ChainNodeSource;
    const read = (async () => {
      const active = await chain.read(force);
      if (active) {
        this.applyChainSet(active);
        // Names come from the chain: read the record of every model announced (kept once read; see catalog()).
        const announced = new Set(active.flatMap((record) => record.modelIds.map((id) => id.toLowerCase() as Hex)));
        await Promise.all([...announced].map((modelId) => chain.models.recordOf(modelId).catch(() => null)));
      }
      if (chain.failing !== this.chainWasFailing) {
        this.chainWasFailing = chain.failing;
        this.options.log?.(
          chain.failing
            ? `chain read failed (${chain.health().error}); routing with the last known ${this.current.length} node(s), retrying`
            : `chain read recovered: ${this.current.length} active node(s)`,
        );
      }
    })();
    this.chainRead = read;
    try {
      await read;
    } finally {
      if (this.chainRead === read) this.chainRead = undefined;
    }
  }

  /** Replaces the set with the chain's active nodes, keeping what was measured about nodes that stay. */
  private applyChainSet(active: readonly NodeRecord[]): void {
    const known = new Map(this.current.map((node) => [(node.address ?? '').toLowerCase(), node]));
    const next: NodeState[] = [];
    for (const record of active) {
      const url = record.endpoint.replace(/\/+$/, '');
      let node = known.get(record.operator.toLowerCase());
      // A node that moved to another endpoint is a new node to probe.
      if (!node || node.url !== url) node = newNodeState(url, record.operator);
      node.chain = {
        price: priceOfRecord(record),
        stakeWei: record.stake,
        modelIds: new Set(record.modelIds.map((id) => id.toLowerCase() as Hex)),
      };
      this.filterModels(node);
      next.push(node);
    }
    this.current = next;
  }

  /** With a chain, a node serves only the models it both hosts and announces on chain. */
  private filterModels(node: NodeState): void {
    if (!node.chain) {
      node.models = node.hosted;
      return;
    }
    const announced = node.chain.modelIds;
    node.models = new Map([...node.hosted].filter(([modelId]) => announced.has(modelId.toLowerCase() as Hex)));
  }

  async refreshNode(node: NodeState): Promise<void> {
    const timeoutMs = Math.min(this.options.timeoutMs, 5_000);
    const base = parseEndpointUrl(node.url);
    if (!base) {
      this.fail(node, 'bad-endpoint', 'not an http(s) base URL without credentials, query or fragment');
      return;
    }
    try {
      const [health, list] = await Promise.all([
        getJson(endpointPath(base, routes.health.path).href, { timeoutMs }),
        getJson(endpointPath(base, routes.listModels.path).href, { timeoutMs }),
      ]);
      const parsedHealth = NodeHealthSchema.parse(health);
      node.names = ModelListSchema.parse(list).data;
      node.hosted = new Map(node.names.map((entry) => [entry.modelId, entry]));
      this.filterModels(node);
      if (this.chain) {
        // The endpoint must be run by the operator that staked for it: its receipts are signed by that key.
        if (!node.address || !sameAddress(parsedHealth.address, node.address)) {
          const detail = `signs as ${parsedHealth.address.slice(0, 42)}, not as the operator ${node.address ?? '?'}`;
          this.fail(node, 'wrong-operator', detail);
          return;
        }
      } else {
        node.address = parsedHealth.address as Hex;
      }
      node.healthy = true;
      delete node.problem;
      if (this.loggedProblems.delete(node)) this.options.log?.(`node ${JSON.stringify(node.url)} is healthy again`);
    } catch (error) {
      this.fail(node, probeProblem(error), error instanceof Error ? error.message.slice(0, 300) : String(error));
    }
  }

  /** Marks a node unhealthy: /health shows only `problem`, the detail is logged (once while it stays the same). */
  private fail(node: NodeState, problem: NodeProblem, detail: string): void {
    node.healthy = false;
    node.problem = problem;
    const logged = `${problem}: ${detail}`;
    if (this.loggedProblems.get(node) === logged) return;
    this.loggedProblems.set(node, logged);
    // The endpoint is whatever its operator registered: quoted, so it cannot forge a line of the log.
    this.options.log?.(`node ${JSON.stringify(node.url)} is not healthy (${logged.replace(/[\r\n]+/g, ' ')})`);
  }

  /** Records that a node now hosts a model (it answered a registration). */
  noteModel(node: NodeState, entry: ModelEntry): void {
    node.hosted.set(entry.modelId, entry);
    node.names = [...node.names.filter((known) => known.id !== entry.id), entry];
    this.filterModels(node);
  }

  /** Nodes currently worth routing to: healthy and not in their failure cooldown. */
  available(now = Date.now()): NodeState[] {
    return this.current.filter((n) => n.healthy && now - n.lastFailureAt > this.options.failureCooldownMs);
  }

  recordSuccess(node: NodeState, elapsedMs: number): void {
    node.latencyMs = node.latencyMs * 0.8 + elapsedMs * 0.2;
    node.failures = 0;
  }

  recordFailure(node: NodeState): void {
    node.failures += 1;
    node.lastFailureAt = Date.now();
    // Re-probe soon: a node that crashed leaves routing until its health answers again.
    node.healthy = false;
    void this.refreshNode(node);
  }

  /**
   * Every model any node serves, with the nodes that serve it. With a chain, one entry per modelId, whose name,
   * version and publisher are ModelRegistry's, whatever the nodes call it (a model whose record has not been read is
   * not listed): no node can rename another publisher's model. Without one, every name@version the nodes give.
   */
  catalog(): (ModelEntry & { nodes: string[] })[] {
    const byId = new Map<string, ModelEntry & { nodes: string[] }>();
    for (const node of this.current) {
      if (!node.healthy) continue;
      const entries = this.chain
        ? [...node.models.values()].map((entry) => publishedEntry(entry, this.chain?.models.known(entry.modelId)))
        : node.names.filter((entry) => node.models.has(entry.modelId));
      for (const entry of entries) {
        if (!entry) continue;
        const known = byId.get(entry.id);
        if (known) known.nodes.push(node.url);
        else byId.set(entry.id, { ...entry, nodes: [node.url] });
      }
    }
    return [...byId.values()].sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  }
}

/** A node's entry for a model, named as its on-chain record names it (undefined without a record). */
function publishedEntry(entry: ModelEntry, record: ModelRecord | undefined): ModelEntry | undefined {
  if (!record) return undefined;
  return {
    ...entry,
    id: `${record.name}@${record.version}`,
    name: record.name,
    version: record.version,
    created: record.publishedAt,
    owned_by: record.publisher,
  };
}
