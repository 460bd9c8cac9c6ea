/** Retry pacing for chain calls: doubling delays with jitter, capped, reset by a success; and abortable sleep. */

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const defaultBackoffOptions: BackoffOptions = { initialMs: 250, maxMs: 5_000 };

export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions = defaultBackoffOptions) {}

  /** The delay before the next retry (grows with each call until reset). */
  next(): number {
    const base = Math.min(this.options.maxMs, this.options.initialMs * 2 ** Math.min(this.attempt, 20));
    this.attempt += 1;
    // Up to 20% jitter, so nodes that lost the same RPC do not all come back in the same instant.
    return Math.round(base * (0.8 + 0.2 * Math.random()));
  }

  /** Failures in a row since the last reset. */
  get failures(): number {
    return this.attempt;
  }

  reset(): void {
    this.attempt = 0;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
