/**
 * One transaction queue per key: every transaction a resource server's key sends (deposits through the facilitator,
 * voucher claims and settles, refunds, charge roots and charge claims) is handed its nonce here, one at a time.
 *
 * Only the sending is queued (fill, sign, submit), never the wait for a receipt, so a client's deposit waits for at
 * most the sends queued before it, not for a batch of claims to be mined. The nonce is the chain's pending count,
 * read before each send (a restarted process starts from the chain, never from a counter of its own), or one past
 * this queue's last send when the RPC has not counted that yet. A send refused for its nonce ("nonce too low",
 * "replacement transaction underpriced": another process sent from the key) is retried once with a fresh one.
 */
import { stripUndefined } from '@verity/protocol';
import type { Account, Address, Chain, Transport, WalletClient } from 'viem';
import { BaseError } from 'viem';
import { getTransactionCount, sendTransaction, writeContract } from 'viem/actions';

export const defaultTransactionQueueOptions = {
  /** A send (fill, sign, submit) that takes longer gives up its turn, so a hung RPC does not stop the key. */
  sendTimeoutMs: 30_000,
} as const;

export interface TransactionQueueOptions {
  sendTimeoutMs?: number;
  /**
   * Runs each send in another queue of the same key instead of this one's own turns (a node's, whose heartbeats
   * and roots are sent from the same account).
   */
  serialize?: <T>(run: () => Promise<T>) => Promise<T>;
}

type Wallet = WalletClient<Transport, Chain, Account>;

export class TransactionQueue {
  readonly options: Required<Omit<TransactionQueueOptions, 'serialize'>>;
  private tail: Promise<unknown> = Promise.resolve();
  /** One past this queue's last submitted nonce; a floor under the pending count an RPC may report late. */
  private next: number | undefined;
  /** Sends that had to be retried with a fresh nonce (another sender used the key). */
  retries = 0;

  constructor(
    private readonly wallet: Wallet,
    private readonly queueOptions: TransactionQueueOptions = {},
  ) {
    this.options = { ...defaultTransactionQueueOptions, ...stripUndefined({ sendTimeoutMs: queueOptions.sendTimeoutMs }) };
  }

  get address(): Address {
    return this.wallet.account.address;
  }

  /** Submits one transaction with the nonce this queue gives it; resolves with what `submit` returns (its hash). */
  send<T>(submit: (nonce: number) => Promise<T>): Promise<T> {
    const run = () => withTimeout(this.submit(submit), this.options.sendTimeoutMs);
    if (this.queueOptions.serialize) return this.queueOptions.serialize(run);
    const result = this.tail.then(run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async submit<T>(submit: (nonce: number) => Promise<T>): Promise<T> {
    const nonce = await this.nonce();
    try {
      const sent = await submit(nonce);
      this.next = nonce + 1;
      return sent;
    } catch (error) {
      // Any other refusal (a failed gas estimate, a revert) used no nonce: the next send takes the same one.
      if (!isNonceError(error)) throw error;
      this.next = undefined;
      this.retries++;
      const fresh = await this.nonce();
      const sent = await submit(fresh);
      this.next = fresh + 1;
      return sent;
    }
  }

  private async nonce(): Promise<number> {
    const pending = await getTransactionCount(this.wallet, { address: this.wallet.account.address, blockTag: 'pending' });
    return this.next !== undefined && this.next > pending ? this.next : pending;
  }
}

/**
 * The wallet whose every transaction (its `sendTransaction`, its `writeContract`, and viem's actions given it, such
 * as @verity/chain's) goes through `queue`.
 */
export function queuedWallet(wallet: Wallet, queue: TransactionQueue): Wallet {
  const sending = wallet.extend((base) => ({
    sendTransaction: ((args: Parameters<Wallet['sendTransaction']>[0]) =>
      queue.send((nonce) =>
        sendTransaction(base, { ...args, nonce } as Parameters<typeof sendTransaction>[1]),
      )) as Wallet['sendTransaction'],
  }));
  // viem's writeContract sends through the client's own `sendTransaction` when it has one: the queued one here.
  const queued = sending.extend((client) => ({
    writeContract: ((args: Parameters<Wallet['writeContract']>[0]) =>
      writeContract(client, args as Parameters<typeof writeContract>[1])) as Wallet['writeContract'],
  })) as unknown as Wallet;
  queuedWallets.add(queued);
  return queued;
}

const queuedWallets = new WeakSet<Wallet>();

/** Whether `wallet` sends through a transaction queue already (made by queuedWallet). */
export function isQueuedWallet(wallet: Wallet): boolean {
  return queuedWallets.has(wallet);
}

const queues = new Map<string, TransactionQueue>();

/** The process's one queue for a key on a chain (created on first use with `wallet`). */
export function transactionQueueOf(wallet: Wallet, options: TransactionQueueOptions = {}): TransactionQueue {
  const id = `${wallet.chain.id}:${wallet.account.address.toLowerCase()}`;
  let queue = queues.get(id);
  if (!queue) {
    queue = new TransactionQueue(wallet, options);
    queues.set(id, queue);
  }
  return queue;
}

const nonceErrors =
  /nonce too low|nonce has already been used|replacement transaction underpriced|replacement underpriced|already known|transaction already imported|NonceTooLowError/i;

/** Whether a send was refused because its nonce was taken (by this key's other sender, or a send before a restart). */
export function isNonceError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof BaseError && (nonceErrors.test(e.shortMessage) || nonceErrors.test(e.details ?? ''))) return true;
    if (e instanceof Error && nonceErrors.test(e.message)) return true;
  }
  return false;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a transaction was not sent within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
