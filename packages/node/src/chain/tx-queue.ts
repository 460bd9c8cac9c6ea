/**
 * Runs the operator account's chain jobs one at a time. Every write of a node (register, heartbeat, set models,
 * post a root) comes from one account; viem reads the nonce when it sends, so two jobs at once would race for
 * it. A job that hangs (an RPC that stops answering mid-call) gives up its turn after `jobTimeoutMs`.
 */

export class TxQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly jobTimeoutMs = 60_000) {}

  /** Runs `job` after every job queued before it; settles with its outcome (or a timeout error). */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => withTimeout(job(), this.jobTimeoutMs));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every job queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
