/**
 * Posts the root of every closed epoch to ReceiptRegistry, oldest first, through the operator's transaction
 * queue; on failure keeps the epoch owed and retries with backoff, so no root is lost to an RPC outage. Before
 * posting it reads the chain: a root already there is the one this node posted before a crash (recorded as
 * posted), or, when it differs, a root posted under this number by an earlier life of this key (a wiped data
 * directory), and the epoch moves to a fresh number. After posting it reads the root back, because a chain that
 * came back without its state takes a call to a missing contract as a plain transfer.
 */
import { type ChainClients, getRoot, getRootPostedEvents, postRoot } from '@verity/chain';
import type { Hex } from '@verity/protocol';
import type { Account, Address, Chain, Transport, WalletClient } from 'viem';
import type { EpochRow, NodeDb } from '../db.js';
import { logEvent } from '../log.js';
import { Backoff, sleep } from './backoff.js';
import { describeChainError } from './describe.js';
import type { EpochBook } from './epochs.js';
import type { TxQueue } from './tx-queue.js';

export interface RootPosterOptions {
  chainId: number;
  receiptRegistry: Address;
  operator: Address;
  rpcUrl: string;
  /** Where RootPosted event scans start. */
  deployBlock?: bigint;
  /** Whether the operator is registered (ReceiptRegistry takes roots only from registered nodes). */
  canPost: () => boolean;
}

export class RootPoster {
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private readonly backoff = new Backoff();

  constructor(
    private readonly db: NodeDb,
    private readonly book: EpochBook,
    private readonly publicClient: ChainClients['publicClient'],
    private readonly wallet: WalletClient<Transport, Chain, Account>,
    private readonly queue: TxQueue,
    private readonly options: RootPosterOptions,
  ) {}

  /** Closed epochs not yet posted. */
  get owed(): number {
    return this.db.epochCount(this.options.receiptRegistry, this.options.chainId, 'closed');
  }

  /** Starts posting what is owed, unless a run is already going (it picks up new epochs before it ends). */
  kick(): void {
    if (this.running || this.abort.signal.aborted) return;
    // run() handles its own failures; the catch only keeps a bug from becoming an unhandled rejection (a crash).
    this.running = this.run()
      .catch((error: unknown) => logEvent('epoch-poster-failed', { reason: describeChainError(error, this.options.rpcUrl) }))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** Resolves when the current run (if any) has ended. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  stop(): void {
    this.abort.abort();
  }

  private async run(): Promise<void> {
    const { signal } = this.abort;
    while (!signal.aborted && this.options.canPost()) {
      let owed = 0;
      try {
        const epochs = this.db.epochs(this.options.receiptRegistry, this.options.chainId, 'closed');
        owed = epochs.length;
        if (owed === 0) return;
        for (const epoch of epochs) {
          if (signal.aborted) return;
          await this.post(epoch);
        }
        this.backoff.reset();
      } catch (error) {
        // Stopping closes SQLite under a post in flight: nothing is lost, the next start posts it.
        if (signal.aborted) return;
        const retryInMs = this.backoff.next();
        logEvent('epoch-post-failed', { reason: describeChainError(error, this.options.rpcUrl), owed, retryInMs });
        await sleep(retryInMs, signal);
      }
    }
  }

  private async post(epoch: EpochRow): Promise<void> {
    const root = epoch.root as Hex;
    const { operator, receiptRegistry } = this.options;
    const onChain = await getRoot(this.publicClient, receiptRegistry, { operator, epoch: epoch.epoch });
    if (onChain !== null && onChain.toLowerCase() === root.toLowerCase()) {
      const txHash = await this.findPostingTx(epoch.epoch);
      this.db.markEpochPosted(epoch.epoch, txHash, Date.now());
      logEvent('epoch-posted', { epoch: epoch.epoch, root, txHash, found: true });
      return;
    }
    if (onChain !== null) {
      const to = this.book.allocate();
      this.db.renumberEpoch(epoch.epoch, to);
      logEvent('epoch-renumbered', { from: epoch.epoch, to, reason: 'another root is already posted under this number' });
      return;
    }
    const result = await this.queue.run(() =>
      postRoot(this.wallet, receiptRegistry, { epoch: epoch.epoch, root, count: epoch.count }),
    );
    const posted = await getRoot(this.publicClient, receiptRegistry, { operator, epoch: epoch.epoch });
    if (posted === null || posted.toLowerCase() !== root.toLowerCase()) {
      throw new Error(`transaction ${result.hash} was mined but the registry holds no root for epoch ${epoch.epoch}`);
    }
    this.db.markEpochPosted(epoch.epoch, result.hash, Date.now());
    logEvent('epoch-posted', {
      epoch: epoch.epoch,
      root,
      count: epoch.count,
      txHash: result.hash,
      gasUsed: Number(result.gasUsed),
    });
  }

  private async findPostingTx(epoch: number): Promise<Hex | null> {
    const events = await getRootPostedEvents(this.publicClient, this.options.receiptRegistry, {
      operator: this.options.operator,
      epoch,
      ...(this.options.deployBlock !== undefined ? { fromBlock: this.options.deployBlock } : {}),
    });
    return events[0]?.transactionHash ?? null;
  }
}
