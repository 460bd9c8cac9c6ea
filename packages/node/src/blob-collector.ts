/**
 * Collects blobs no model uses, so uploads that were never registered (or whose registration failed) do not hold
 * the disk forever. A blob is deleted when no registered model version references it, no registration is using it
 * right now, and it has been idle (not written or looked up) for the grace period: the time a publisher has between
 * uploading a blob and registering it. Runs on a timer, and when the store is about to refuse a write for its quota.
 */
import type { Hex } from '@verity/protocol';
import type { BlobStore } from './blob-store.js';
import { describeError, logEvent } from './log.js';

export interface BlobCollectorOptions {
  /** How long an unreferenced blob is kept after its last write or lookup. */
  graceMs: number;
  /** Time between collections on the timer; default half the grace, from 1 s to 1 min. */
  intervalMs?: number;
}

export interface BlobCollectorModules {
  store: BlobStore;
  /** The blobs registered model versions use (the models table). */
  referenced: () => Iterable<Hex>;
  /** Whether a blob is in use beyond the models table right now: a registration under way names it. */
  inUse?: (sha256: Hex) => boolean;
}

export interface CollectResult {
  removed: Hex[];
  freedBytes: number;
}

export class BlobCollector {
  private running: Promise<CollectResult> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: BlobCollectorOptions,
    private readonly modules: BlobCollectorModules,
  ) {}

  start(): void {
    const { graceMs, intervalMs = Math.min(Math.max(graceMs / 2, 1_000), 60_000) } = this.options;
    this.timer ??= setInterval(() => {
      this.collect().catch((error: unknown) => logEvent('blob-collect-failed', { reason: describeError(error) }));
    }, intervalMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Deletes the blobs nothing uses; a call while a collection runs shares it. */
  collect(): Promise<CollectResult> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<CollectResult> {
    const { store, referenced, inUse } = this.modules;
    const kept = new Set([...referenced()].map((sha256) => sha256.toLowerCase()));
    const idleSince = Date.now() - this.options.graceMs;
    // Chosen and removed in one synchronous step: store.remove hides a blob from readers at once, so a registration
    // that starts after this step finds no blob (and asks for an upload) rather than one deleted under it.
    const idle = store.list().filter((blob) => blob.usedMs <= idleSince && !kept.has(blob.sha256) && !inUse?.(blob.sha256));
    const removals = idle.map((blob) => store.remove(blob.sha256));
    const outcomes = await Promise.allSettled(removals);
    const removed = idle.filter((_, i) => outcomes[i]?.status === 'fulfilled');
    const freedBytes = removed.reduce((sum, blob) => sum + blob.size, 0);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') logEvent('blob-collect-failed', { reason: describeError(outcome.reason) });
    }
    if (removed.length > 0) logEvent('blobs-collected', { count: removed.length, freedBytes, usedBytes: store.usedBytes });
    return { removed: removed.map((blob) => blob.sha256), freedBytes };
  }
}

/** The blobs named by registrations under way (several may name one blob): the collector's `inUse`. */
export class BlobHolds {
  private readonly counts = new Map<string, number>();

  /** Holds `sha256` until the returned release is called (once). */
  hold(sha256: string): () => void {
    const key = sha256.toLowerCase();
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }

  has(sha256: string): boolean {
    return this.counts.has(sha256.toLowerCase());
  }
}
