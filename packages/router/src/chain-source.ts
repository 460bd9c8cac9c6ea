/**
 * The node set as the chain states it: NodeRegistry's active nodes (registered, staked at least the minimum, not
 * unstaking, heartbeat within the liveness window), with their endpoints, prices and on-chain model ids.
 * Read again whenever a new block has been mined (the set can only change with a block), so following the chain
 * costs one `eth_blockNumber` per refresh while nothing happens. When the RPC fails, the last set read stays.
 */
import {
  type Deployment,
  ModelRecords,
  type NodeRecord,
  getModel,
  listActiveNodes,
  resolveModel,
  verityChain,
} from '@verity/chain';
import { type Hex, type Price, VerityError } from '@verity/protocol';
import { BaseError, type Chain, type PublicClient, type Transport, createPublicClient, http } from 'viem';
import { getBlockNumber, getChainId } from 'viem/actions';

export interface ChainSourceOptions {
  rpcUrl: string;
  deployment: Deployment;
  /** Timeout of one JSON-RPC call. */
  rpcTimeoutMs: number;
}

/** What /health says about the chain. The RPC URL is shown without credentials, path or query. */
export interface ChainHealth {
  rpcUrl: string;
  chainId: number;
  nodeRegistry: Hex;
  /** ISO time of the last successful read of the chain; null before the first. */
  lastRefreshAt: string | null;
  /** Active nodes in the last set read. */
  activeNodes: number;
  /** Block the last set was read at. */
  blockNumber: number | null;
  /** Why the last read failed; null when it succeeded. */
  error: string | null;
}

/** An RPC URL fit to show: `https://host:port` plus `/…` when it had a path or query (API keys live there). */
export function redactRpcUrl(rpcUrl: string): string {
  try {
    const url = new URL(rpcUrl);
    const hidden = (url.pathname !== '/' && url.pathname !== '') || url.search !== '';
    return `${url.protocol}//${url.host}${hidden ? '/…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}

/** A short reason for a failed RPC read, without the URL (viem's long messages name it). */
export function describeRpcError(error: unknown): string {
  if (error instanceof BaseError) return [error.shortMessage, error.details].filter(Boolean).join(' ').slice(0, 300);
  if (error instanceof VerityError) return error.message;
  return error instanceof Error ? error.name : String(error);
}

export class ChainNodeSource {
  readonly client: PublicClient<Transport, Chain>;
  readonly nodeRegistry: Hex;
  readonly modelRegistry: Hex;
  readonly chainId: number;
  private readonly shownUrl: string;
  private lastBlock: bigint | undefined;
  private lastRefreshAt: number | undefined;
  private error: string | undefined;
  /** Published models: their names, versions and prices as ModelRegistry states them. */
  readonly models: ModelRecords;
  /** The latest usable version of each name asked for, as of `lastBlock` (cleared when a block is mined). */
  private readonly latest = new Map<string, Promise<Hex | null>>();
  /** The last set read: active nodes only. */
  active: NodeRecord[] = [];

  constructor(options: ChainSourceOptions) {
    this.chainId = options.deployment.chainId;
    this.nodeRegistry = options.deployment.contracts.nodeRegistry;
    this.modelRegistry = options.deployment.contracts.modelRegistry;
    this.shownUrl = redactRpcUrl(options.rpcUrl);
    // No retries here: the router retries on its own refresh cycle, and a slow RPC must not stall it.
    this.client = createPublicClient({
      chain: verityChain(this.chainId, options.rpcUrl),
      transport: http(options.rpcUrl, { timeout: options.rpcTimeoutMs, retryCount: 0 }),
    });
    this.models = new ModelRecords(this.client, this.modelRegistry);
  }

  /**
   * Fails when the RPC answers for another chain than the deployment's (a configuration mistake); an RPC that does
   * not answer yet is not an error here: the router starts with no nodes and keeps trying.
   */
  async checkChainId(): Promise<void> {
    let chainId: number;
    try {
      chainId = await getChainId(this.client);
    } catch (error) {
      this.error = describeRpcError(error);
      return;
    }
    if (chainId !== this.chainId) {
      throw new VerityError(
        'CHAIN_UNAVAILABLE',
        `the RPC at ${this.shownUrl} serves chain ${chainId}, but the deployment is on chain ${this.chainId}`,
        {
          details: { rpcUrl: this.shownUrl, chainId, expected: this.chainId },
        },
      );
    }
  }

  /**
   * Reads the active nodes when a block was mined since the last read (or always, when forced). Returns the new
   * set, or undefined when it could not have changed or the read failed (then the last set stands).
   */
  async read(force = false): Promise<NodeRecord[] | undefined> {
    try {
      const blockNumber = await getBlockNumber(this.client, { cacheTime: 0 });
      if (!force && blockNumber === this.lastBlock) {
        this.lastRefreshAt = Date.now();
        this.error = undefined;
        return undefined;
      }
      const active = await listActiveNodes(this.client, this.nodeRegistry, { blockNumber });
      // A block was mined: a new version may have been published, or one deprecated.
      this.latest.clear();
      this.active = active;
      this.lastBlock = blockNumber;
      this.lastRefreshAt = Date.now();
      this.error = undefined;
      return active;
    } catch (error) {
      this.error = describeRpcError(error);
      return undefined;
    }
  }

  /** Whether a model is published and not deprecated (nodes announce only those); undefined when the RPC fails. */
  async isUsable(modelId: Hex): Promise<boolean | undefined> {
    try {
      const model = await getModel(this.client, this.modelRegistry, { modelId });
      return model !== null && !model.deprecated;
    } catch {
      return undefined;
    }
  }

  /**
   * The model id `name` means now: its publisher's latest version that is not deprecated (ModelRegistry, which
   * gives each name one owner). null when the name is not published; undefined when the RPC fails.
   */
  async latestVersion(name: string): Promise<Hex | null | undefined> {
    let reading = this.latest.get(name);
    if (!reading) {
      reading = resolveModel(this.client, this.modelRegistry, { name }).then(
        (id) => (id?.toLowerCase() as Hex | undefined) ?? null,
      );
      this.latest.set(name, reading);
      reading.catch(() => this.latest.delete(name));
    }
    return reading.catch(() => undefined);
  }

  /** A model's published price (ModelRegistry); undefined when the RPC fails. */
  async modelPrice(modelId: Hex): Promise<Price | undefined> {
    return this.models.priceOf(modelId).catch(() => undefined);
  }

  get failing(): boolean {
    return this.error !== undefined;
  }

  health(): ChainHealth {
    return {
      rpcUrl: this.shownUrl,
      chainId: this.chainId,
      nodeRegistry: this.nodeRegistry,
      lastRefreshAt: this.lastRefreshAt === undefined ? null : new Date(this.lastRefreshAt).toISOString(),
      activeNodes: this.active.length,
      blockNumber: this.lastBlock === undefined ? null : Number(this.lastBlock),
      error: this.error ?? null,
    };
  }
}
