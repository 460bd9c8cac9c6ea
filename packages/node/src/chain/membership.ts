/**
 * The node's membership in NodeRegistry: on start, register and stake (or, when already registered, update the
 * endpoint and price, top up the stake and sync the models); then heartbeat on a timer. Announces exactly the
 * models the node holds that are published and not deprecated on chain. Every failure is logged and retried with
 * backoff: a node whose RPC is down keeps serving and joins when the RPC answers.
 */
import {
  type ChainClients,
  type GetNodeRegistryParametersReturnType,
  type NodeRecord,
  addStake,
  getModel,
  getNode,
  getNodeRegistryParameters,
  heartbeat,
  registerNode,
  setNodeModels,
  updateNode,
} from '@verity/chain';
import type { Hex, Price } from '@verity/protocol';
import type { Account, Address, Chain, Transport, WalletClient } from 'viem';
import { logEvent } from '../log.js';
import { Backoff, sleep } from './backoff.js';
import { describeChainError, revertName } from './describe.js';
import type { TxQueue } from './tx-queue.js';

export interface MembershipOptions {
  operator: Address;
  nodeRegistry: Address;
  modelRegistry: Address;
  endpoint: string;
  /** The node's own price, as NodeRegistry states it. */
  price: Price;
  /** Stake to keep; default (undefined) NodeRegistry.minStake. */
  stakeWei?: bigint;
  heartbeatIntervalMs: number;
  rpcUrl: string;
  /** The model ids the node holds and serves now. */
  heldModels: () => Hex[];
  /** Called after each successful round (joined, or heartbeat sent): the chain answers and the node is registered. */
  onRound?: () => void;
}

export interface MembershipStatus {
  registered: boolean;
  /** As of the last read of the node's record (absent until one succeeded). */
  active?: boolean;
  /** The node's last heartbeat on chain (unix seconds), or null when none is known. */
  lastHeartbeatAt: number | null;
}

type Wallet = WalletClient<Transport, Chain, Account>;

/** NodeRegistry.MAX_MODELS: the most model ids one node announces. */
const maxAnnouncedModels = 256;

export class Membership {
  private registered = false;
  private record: NodeRecord | undefined;
  private parameters: GetNodeRegistryParametersReturnType | undefined;
  private failing = false;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly publicClient: ChainClients['publicClient'],
    private readonly wallet: Wallet,
    private readonly queue: TxQueue,
    private readonly options: MembershipOptions,
  ) {}

  get isRegistered(): boolean {
    return this.registered;
  }

  status(): MembershipStatus {
    const status: MembershipStatus = { registered: this.registered, lastHeartbeatAt: this.record?.lastHeartbeat ?? null };
    if (this.record) status.active = this.record.active;
    return status;
  }

  start(): void {
    // run() handles its own failures; this catch only keeps a bug from becoming an unhandled rejection (a crash).
    this.loop ??= this.run().catch((error: unknown) =>
      logEvent('chain-loop-failed', { reason: describeChainError(error, this.options.rpcUrl) }),
    );
  }

  /** Ends the loop at its next step (a call in flight finishes on its own). */
  stop(): void {
    this.abort.abort();
  }

  /**
   * Brings the node's model list on chain in line with the models it holds (after a registration on the node),
   * behind whatever chain job is running. Does nothing before the node is registered: joining announces them.
   */
  async announceModels(): Promise<void> {
    await this.queue.run(async () => {
      if (!this.registered || this.record?.unstaking) return;
      await this.syncModels(await this.readRecord());
    });
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    const backoff = new Backoff({ initialMs: 250, maxMs: Math.min(5_000, this.options.heartbeatIntervalMs) });
    while (!signal.aborted) {
      const action = this.registered ? 'heartbeat' : 'join';
      try {
        if (this.registered) await this.queue.run(() => this.beat());
        else await this.queue.run(() => this.join());
        if (this.failing) logEvent('chain-reachable', { action });
        this.failing = false;
        backoff.reset();
        this.options.onRound?.();
        await sleep(this.options.heartbeatIntervalMs, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.failing = true;
        const retryInMs = backoff.next();
        logEvent('chain-error', { action, reason: describeChainError(error, this.options.rpcUrl), retryInMs });
        await sleep(retryInMs, signal);
      }
    }
  }

  /** Register, or update what differs; either way the node ends registered, staked, announced and alive. */
  private async join(): Promise<void> {
    const { nodeRegistry, operator, endpoint, price } = this.options;
    const prices = { priceWei: price.request, inputTokenPriceWei: price.inputToken, outputTokenPriceWei: price.outputToken };
    const parameters = await this.readParameters();
    const target = this.targetStake(parameters);
    const existing = await getNode(this.publicClient, nodeRegistry, { operator });
    if (!existing?.registered) {
      const modelIds = await this.usableHeldModels();
      const result = await registerNode(this.wallet, nodeRegistry, { endpoint, ...prices, modelIds, stake: target });
      logEvent('chain-registered', {
        operator,
        endpoint,
        stakeWei: target.toString(),
        models: modelIds.length,
        txHash: result.hash,
      });
    } else if (existing.unstaking) {
      // The operator is leaving: no heartbeat or update is accepted any more, but roots can still be posted.
      logEvent('chain-unstaking', { operator, availableAt: existing.unstakeAvailableAt });
    } else {
      const repriced = (Object.keys(prices) as (keyof typeof prices)[]).some((key) => existing[key] !== prices[key]);
      if (existing.endpoint !== endpoint || repriced) {
        await updateNode(this.wallet, nodeRegistry, { endpoint, ...prices });
        logEvent('chain-node-updated', {
          operator,
          endpoint,
          priceWei: String(price.request),
          inputTokenPriceWei: String(price.inputToken),
          outputTokenPriceWei: String(price.outputToken),
        });
      }
      if (existing.stake < target) {
        const amount = target - existing.stake;
        await addStake(this.wallet, nodeRegistry, { amount });
        logEvent('chain-stake-added', { operator, amountWei: amount.toString(), stakeWei: target.toString() });
      }
      await this.syncModels(existing);
      await heartbeat(this.wallet, nodeRegistry);
    }
    this.registered = true;
    this.record = await this.readRecord();
  }

  private async beat(): Promise<void> {
    const record = await this.readRecord();
    if (!record?.registered) {
      // Withdrawn, or a chain that lost its state: join again.
      this.registered = false;
      this.record = record ?? undefined;
      throw new Error('the node is not registered on chain');
    }
    if (!record.unstaking) {
      try {
        await heartbeat(this.wallet, this.options.nodeRegistry);
      } catch (error) {
        if (revertName(error) === 'NotRegistered') this.registered = false;
        throw error;
      }
      await this.syncModels(record);
    }
    this.record = await this.readRecord();
  }

  /** setModels when the held, usable models differ from the list on chain. Call it inside a queue job. */
  private async syncModels(record: NodeRecord | undefined): Promise<void> {
    if (!record?.registered || record.unstaking) return;
    const wanted = await this.usableHeldModels();
    const current = new Set(record.modelIds.map((id) => id.toLowerCase()));
    if (wanted.length === current.size && wanted.every((id) => current.has(id))) return;
    const result = await setNodeModels(this.wallet, this.options.nodeRegistry, { modelIds: wanted });
    logEvent('chain-models-set', { models: wanted.length, txHash: result.hash });
    this.record = await this.readRecord();
  }

  /** The models the node holds that are published on chain and not deprecated (NodeRegistry accepts only those). */
  private async usableHeldModels(): Promise<Hex[]> {
    const held = [...new Set(this.options.heldModels().map((id) => id.toLowerCase() as Hex))];
    const records = await Promise.all(
      held.map((modelId) => getModel(this.publicClient, this.options.modelRegistry, { modelId })),
    );
    const usable = held.filter((_, i) => {
      const record = records[i];
      return record !== null && record !== undefined && !record.deprecated;
    });
    // NodeRegistry takes at most maxAnnouncedModels ids: a longer list would make every setModels revert, forever.
    if (usable.length > maxAnnouncedModels) {
      logEvent('chain-models-capped', { held: usable.length, announced: maxAnnouncedModels });
      return usable.slice(0, maxAnnouncedModels);
    }
    return usable;
  }

  private async readRecord(): Promise<NodeRecord | undefined> {
    return (await getNode(this.publicClient, this.options.nodeRegistry, { operator: this.options.operator })) ?? undefined;
  }

  private async readParameters(): Promise<GetNodeRegistryParametersReturnType> {
    if (this.parameters) return this.parameters;
    const parameters = await getNodeRegistryParameters(this.publicClient, this.options.nodeRegistry);
    this.parameters = parameters;
    const { heartbeatIntervalMs } = this.options;
    // Two missed beats in a row should not be enough to go stale.
    if (heartbeatIntervalMs * 3 > parameters.livenessWindowSeconds * 1_000) {
      logEvent('heartbeat-interval-too-long', { heartbeatIntervalMs, livenessWindowSeconds: parameters.livenessWindowSeconds });
    }
    if (this.options.stakeWei !== undefined && this.options.stakeWei < parameters.minStakeWei) {
      logEvent('stake-below-minimum', {
        stakeWei: this.options.stakeWei.toString(),
        minStakeWei: parameters.minStakeWei.toString(),
      });
    }
    return parameters;
  }

  private targetStake(parameters: GetNodeRegistryParametersReturnType): bigint {
    const wanted = this.options.stakeWei ?? parameters.minStakeWei;
    // biome-ignore lint/complexity/useMathMinMax: bigints, which Math.max does not take
    return wanted > parameters.minStakeWei ? wanted : parameters.minStakeWei;
  }
}
