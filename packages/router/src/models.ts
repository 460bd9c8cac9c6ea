/**
 * Model distribution through the router: a pushed blob lands on one node, registration reaches every healthy
 * node, and nodes that lack the blob fetch it from the nodes that hold it (peer to peer, hash-checked).
 */
import { call } from '@verity/http/client';
import { type Hex, type ModelEntry, type RegisterModelRequest, VerityError, routes } from '@verity/protocol';
import type { NodeSet, NodeState } from './node-set.js';

export class ModelDistributor {
  /** Which nodes received which blob through this router. */
  private readonly blobHolders = new Map<Hex, Set<string>>();

  constructor(
    private readonly nodeSet: NodeSet,
    private readonly timeoutMs: number,
    /** With a chain: how long `register` waits for the nodes that took a model to announce it on chain. */
    private readonly chainModelWaitMs = 0,
  ) {}

  noteBlob(sha256: Hex, nodeUrl: string): void {
    const holders = this.blobHolders.get(sha256) ?? new Set<string>();
    holders.add(nodeUrl);
    this.blobHolders.set(sha256, holders);
  }

  private holdersOf(blob: Hex): string[] {
    const serving = this.nodeSet.nodes.filter((n) => n.hosted.has(blob)).map((n) => n.url);
    return [...new Set([...(this.blobHolders.get(blob) ?? []), ...serving])];
  }

  private async registerOn(node: NodeState, request: RegisterModelRequest, sources: string[]): Promise<ModelEntry> {
    const body: RegisterModelRequest = { ...request, sources: sources.filter((s) => s !== node.url) };
    if (body.sources?.length === 0) delete body.sources;
    const entry = await call(node.url, routes.registerModel, { body }, { timeoutMs: this.timeoutMs });
    this.nodeSet.noteModel(node, entry);
    return entry;
  }

  /** Registers a model on every healthy node: holders of the blob first, then the rest fetching from them. */
  async register(request: RegisterModelRequest): Promise<ModelEntry & { nodes: string[] }> {
    const blob = request.blob.toLowerCase() as Hex;
    const sources = [...new Set([...this.holdersOf(blob), ...(request.sources ?? [])])];
    const healthy = this.nodeSet.nodes.filter((n) => n.healthy);
    if (healthy.length === 0) throw new VerityError('NODE_UNAVAILABLE', 'no healthy node to register the model on');
    const holders = healthy.filter((n) => sources.includes(n.url));
    const others = healthy.filter((n) => !sources.includes(n.url));
    const first = holders.length > 0 ? holders : others.slice(0, 1);
    const rest = holders.length > 0 ? others : others.slice(1);

    const errors: { node: string; error: unknown }[] = [];
    const entries: { node: string; entry: ModelEntry }[] = [];
    const attempt = async (node: NodeState) => {
      try {
        entries.push({ node: node.url, entry: await this.registerOn(node, request, sources) });
      } catch (error) {
        errors.push({ node: node.url, error });
      }
    };
    await Promise.all(first.map(attempt));
    if (entries.length === 0) throw errors[0]?.error ?? new VerityError('NODE_UNAVAILABLE', 'registration failed on every node');
    const withFresh = [...new Set([...sources, ...entries.map((e) => e.node)])];
    await Promise.all(
      rest.map((node) =>
        this.registerOn(node, request, withFresh).then(
          (entry) => void entries.push({ node: node.url, entry }),
          (error: unknown) => void errors.push({ node: node.url, error }),
        ),
      ),
    );
    const entry = (entries[0] as { entry: ModelEntry }).entry;
    if (this.nodeSet.chain)
      await this.awaitAnnounced(
        entry.modelId,
        entries.map((e) => e.node),
      );
    return { ...entry, nodes: entries.map((e) => e.node) };
  }

  /**
   * With a chain, a node is routed for a model only once its on-chain model ids include it: read the chain again
   * (and again, for up to chainModelWaitMs) until every node that took the model announces it, so a client can
   * use the model as soon as registration answers. A node that does not announce it in time is simply not routed
   * for it yet. Nodes announce only published models: for one that is not on chain, there is nothing to wait for.
   */
  private async awaitAnnounced(modelId: Hex, nodeUrls: readonly string[]): Promise<void> {
    const chain = this.nodeSet.chain;
    if (!chain || (await chain.isUsable(modelId)) === false) return;
    const deadline = Date.now() + this.chainModelWaitMs;
    for (;;) {
      await this.nodeSet.refresh({ forceChain: true });
      const announced = this.nodeSet.nodes.filter((n) => nodeUrls.includes(n.url) && n.models.has(modelId));
      if (announced.length >= nodeUrls.length || Date.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Asks up to `extraNodes` healthy nodes that lack a model to fetch and serve it. */
  async spread(entry: ModelEntry, extraNodes: number): Promise<void> {
    // A relayed model is not a file: there is nothing to spread.
    if (entry.format === 'relay') return;
    const sources = this.holdersOf(entry.modelId);
    if (sources.length === 0) return;
    const lacking = this.nodeSet.nodes.filter((n) => n.healthy && !n.models.has(entry.modelId)).slice(0, extraNodes);
    const format = entry.format;
    const request: RegisterModelRequest = { name: entry.name, version: entry.version, format, blob: entry.modelId };
    await Promise.all(lacking.map((node) => this.registerOn(node, request, sources).catch(() => undefined)));
    // With a chain, the nodes that took it count once they announce it on chain: read it again, once.
    if (this.nodeSet.chain && lacking.length > 0) await this.nodeSet.refresh({ forceChain: true });
  }
}
