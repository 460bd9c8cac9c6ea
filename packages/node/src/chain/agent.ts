/**
 * A node's life on chain, assembled: clients for the RPC, one transaction queue for the operator's account, the
 * epoch book (the recorder of receipts), the root poster and the registry membership. Local parts (epochs) work
 * from construction; `start` begins talking to the chain and never waits for it, so a dead RPC delays only
 * registration and settlement, never serving.
 */
import { type Deployment, ModelRecords, type Registration, createChainClients, requirePublished } from '@verity/chain';
import { type Hex, type Price, type ReceiptDomain, VerityError, freePrice, higherPrice, receiptDomain } from '@verity/protocol';
import type { NodeDb } from '../db.js';
import { logEvent } from '../log.js';
import { describeChainError, redactRpcUrl } from './describe.js';
import { EpochBook } from './epochs.js';
import { Membership, type MembershipStatus } from './membership.js';
import { RootPoster } from './poster.js';
import { type Settlement, SettlementView } from './settlement.js';
import { TxQueue, withTimeout } from './tx-queue.js';

export interface ChainAgentOptions {
  rpcUrl: string;
  deployment: Deployment;
  privateKey: Hex;
  operator: Hex;
  /** The node's own price (`--fee-wei` and the token fees): its NodeRegistry price. */
  price: Price;
  /** Default: NodeRegistry.minStake. */
  stakeWei?: string;
  heartbeatIntervalMs: number;
  epochMaxReceipts: number;
  epochMaxAgeMs: number;
  /** The model ids the node holds now. */
  heldModels: () => Hex[];
}

export interface ChainHealth extends MembershipStatus {
  /** The RPC URL without anything that may be a credential. */
  rpcUrl: string;
  /** The epoch taking receipts, or null when none has any yet. */
  openEpoch: number | null;
  /** Closed epochs whose root is not on chain yet. */
  unpostedEpochs: number;
}

/** How long a stopping node waits for the roots it owes to be posted before leaving them for its next start. */
const shutdownPostingMs = 2_000;
/** How long a request waits for a model's price from the chain before the node signs its own price. */
const priceReadMs = 2_000;
/** How long a model registration waits for its announcement on chain before answering anyway. */
const announceWaitMs = 10_000;

export class ChainAgent {
  readonly domain: ReceiptDomain;
  readonly book: EpochBook;
  private readonly settlements: SettlementView;
  private readonly poster: RootPoster;
  private membership: Membership | undefined;
  private readonly queue = new TxQueue();
  readonly models: ModelRecords;
  private readonly clients;
  private readonly wallet;

  constructor(
    db: NodeDb,
    private readonly options: ChainAgentOptions,
  ) {
    const { deployment } = options;
    const registry = deployment.contracts.receiptRegistry;
    this.domain = receiptDomain(deployment.chainId, registry);
    this.clients = createChainClients({ rpcUrl: options.rpcUrl, chainId: deployment.chainId });
    this.wallet = this.clients.walletFor(options.privateKey);
    this.book = new EpochBook(db, {
      chainId: deployment.chainId,
      registry,
      maxReceipts: options.epochMaxReceipts,
      maxAgeMs: options.epochMaxAgeMs,
      onClosed: () => this.poster.kick(),
    });
    this.settlements = new SettlementView(db);
    this.models = new ModelRecords(this.clients.publicClient, deployment.contracts.modelRegistry);
    this.poster = new RootPoster(db, this.book, this.clients.publicClient, this.wallet, this.queue, {
      chainId: deployment.chainId,
      receiptRegistry: registry,
      operator: options.operator,
      rpcUrl: options.rpcUrl,
      ...(deployment.deployBlock !== undefined ? { deployBlock: BigInt(deployment.deployBlock) } : {}),
      canPost: () => this.membership?.isRegistered ?? false,
    });
    this.book.resume();
  }

  /** Joins the registry (announcing `endpoint`), heartbeats, and posts owed roots, all in the background. */
  start(endpoint: string): void {
    if (this.membership) return;
    const { options } = this;
    const { deployment } = options;
    if (/^https?:\/\/(0\.0\.0\.0|\[::\])[:/]/.test(endpoint)) {
      logEvent('endpoint-unroutable', { endpoint, hint: 'set --endpoint to the URL other hosts reach this node at' });
    }
    this.membership = new Membership(this.clients.publicClient, this.wallet, this.queue, {
      operator: options.operator,
      nodeRegistry: deployment.contracts.nodeRegistry,
      modelRegistry: deployment.contracts.modelRegistry,
      endpoint,
      price: options.price,
      ...(options.stakeWei !== undefined ? { stakeWei: BigInt(options.stakeWei) } : {}),
      heartbeatIntervalMs: options.heartbeatIntervalMs,
      rpcUrl: options.rpcUrl,
      heldModels: options.heldModels,
      onRound: () => this.poster.kick(),
    });
    logEvent('chain-mode', {
      rpcUrl: redactRpcUrl(options.rpcUrl),
      chainId: deployment.chainId,
      nodeRegistry: deployment.contracts.nodeRegistry,
      receiptRegistry: deployment.contracts.receiptRegistry,
      endpoint,
    });
    this.membership.start();
  }

  /** Announces the held models on chain (after a model registration), waiting a bounded time; never throws. */
  async announceModels(): Promise<void> {
    const membership = this.membership;
    if (!membership) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        membership.announceModels(),
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logEvent('chain-models-pending', { reason: `no answer within ${announceWaitMs} ms; retried with the heartbeats` });
            resolve();
          }, announceWaitMs);
        }),
      ]);
    } catch (error) {
      // The heartbeat loop syncs the list again.
      logEvent('chain-error', { action: 'announce-models', reason: describeChainError(error, this.options.rpcUrl) });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The price this node asks for an answer of a model: its own (its NodeRegistry price), each part raised to the
   * model's published one when that is higher. When the RPC cannot tell the model's price, the node's own.
   */
  async priceFor(modelId: Hex): Promise<Price> {
    const published =
      this.models.knownPrice(modelId) ??
      (await withTimeout(this.models.priceOf(modelId), priceReadMs).catch((error: unknown) => {
        logEvent('chain-error', { action: 'model-price', modelId, reason: describeChainError(error, this.options.rpcUrl) });
        return freePrice;
      }));
    return higherPrice(this.options.price, published);
  }

  /**
   * Refuses a model registration that ModelRegistry does not publish as stated (MODEL_NOT_PUBLISHED). While the
   * RPC is down the registration is taken unchecked, as the node keeps serving through an outage: its blob was
   * admitted already (a published hash or the operator's grant), and only models published on chain are announced.
   */
  async requirePublished(registration: Registration): Promise<void> {
    try {
      await requirePublished(this.models, registration);
    } catch (error) {
      if (!(error instanceof VerityError) || error.code !== 'CHAIN_UNAVAILABLE') throw error;
      logEvent('model-unchecked', { model: `${registration.name}@${registration.version}`, reason: error.message });
    }
  }

  /** Runs a transaction job of the operator's account in its one queue (other modules sending from the same key). */
  serialize<T>(job: () => Promise<T>): Promise<T> {
    return this.queue.run(job);
  }

  /** The chain clients: reads, and writes from the operator's account (send those through `serialize`). */
  get chainClients() {
    return { publicClient: this.clients.publicClient, wallet: this.wallet };
  }

  settlementOf(requestId: Hex): Settlement | null {
    return this.settlements.of(requestId);
  }

  health(): ChainHealth {
    return {
      rpcUrl: redactRpcUrl(this.options.rpcUrl),
      ...(this.membership?.status() ?? { registered: false, lastHeartbeatAt: null }),
      openEpoch: this.book.openEpoch,
      unpostedEpochs: this.poster.owed,
    };
  }

  /**
   * Closes the open epoch, gives the poster a moment to post what is owed, then stops every loop. Whatever is
   * still owed stays in SQLite for the next start.
   */
  async stop(): Promise<void> {
    this.book.closeOpen();
    this.book.stop();
    if (this.membership?.isRegistered) {
      this.poster.kick();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.poster.idle(), new Promise((resolve) => (timer = setTimeout(resolve, shutdownPostingMs)))]);
      clearTimeout(timer);
    }
    this.poster.stop();
    // Not awaited: a call in flight to an RPC that stopped answering must not hold up the shutdown (the loops
    // touch SQLite only through the poster, which is stopped).
    this.membership?.stop();
  }
}
