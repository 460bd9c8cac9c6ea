/**
 * What the router knows about each node: health, operator address, models served, load and measured latency.
 * Kept fresh by polling; requests update load, latency and failures as they happen.
 */
import { getJson } from '@verity/http/client';
import { type Hex, type ModelEntry, ModelListSchema } from '@verity/protocol';
import { z } from 'zod';

const NodeHealthSchema = z.object({ ok: z.literal(true), address: z.string() }).loose();

export interface NodeState {
  url: string;
  address: Hex | undefined;
  healthy: boolean;
  models: Map<Hex, ModelEntry>;
  inFlight: number;
  /** Exponentially weighted mean latency of successful requests, ms. */
  latencyMs: number;
  failures: number;
  lastFailureAt: number;
  dissents: number;
}

export class NodeSet {
  readonly nodes: NodeState[];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    urls: readonly string[],
    private readonly options: { refreshIntervalMs: number; failureCooldownMs: number; timeoutMs: number },
  ) {
    this.nodes = urls.map((url) => ({
      url: url.replace(/\/+$/, ''),
      address: undefined,
      healthy: false,
      models: new Map(),
      inFlight: 0,
      latencyMs: 1,
      failures: 0,
      lastFailureAt: 0,
      dissents: 0,
    }));
  }

  start(): void {
    this.timer = setInterval(() => void this.refresh(), this.options.refreshIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    await Promise.all(this.nodes.map((node) => this.refreshNode(node)));
  }

  async refreshNode(node: NodeState): Promise<void> {
    const timeoutMs = Math.min(this.options.timeoutMs, 5_000);
    try {
      const [health, list] = await Promise.all([
        getJson(`${node.url}/health`, { timeoutMs }),
        getJson(`${node.url}/v1/models`, { timeoutMs }),
      ]);
      const parsedHealth = NodeHealthSchema.parse(health);
      node.address = parsedHealth.address as Hex;
      node.models = new Map(ModelListSchema.parse(list).data.map((entry) => [entry.modelId, entry]));
      node.healthy = true;
    } catch {
      node.healthy = false;
    }
  }

  /** Nodes currently worth routing to: healthy and not in their failure cooldown. */
  available(now = Date.now()): NodeState[] {
    return this.nodes.filter((n) => n.healthy && now - n.lastFailureAt > this.options.failureCooldownMs);
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

  /** Every model any node serves, one entry per modelId, with the nodes that serve it. */
  catalog(): (ModelEntry & { nodes: string[] })[] {
    const byId = new Map<Hex, ModelEntry & { nodes: string[] }>();
    for (const node of this.nodes) {
      if (!node.healthy) continue;
      for (const entry of node.models.values()) {
        const known = byId.get(entry.modelId);
        if (known) known.nodes.push(node.url);
        else byId.set(entry.modelId, { ...entry, nodes: [node.url] });
      }
    }
    return [...byId.values()].sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
  }
}
