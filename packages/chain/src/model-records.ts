/**
 * Published model records, read from ModelRegistry and kept: a version's publisher, name, version, format, price and
 * royalty never change once published, so a record read once is kept. That a model is not published (yet) is kept
 * only for `unpublishedTtlMs`, so its publication is seen soon after. `deprecated` is the one field that changes; `fresh`
 * reads it again. A failed read is not kept, but for `retryAfterMs` after a failure the reads fail at once: a dead
 * RPC must not hold up every request that asks.
 */
import { type Price, freePrice } from '@verity/protocol';
import type { Address, Hex } from 'viem';
import { getModel } from './actions/getModel.js';
import { type ModelRecord, type ReadClient, priceOfRecord } from './types.js';

export class ModelRecords {
  private readonly reading = new Map<string, Promise<ModelRecord | null>>();
  private readonly read = new Map<string, ModelRecord>();
  /** When each model id was last read as not published. */
  private readonly unpublishedAt = new Map<string, number>();
  private failedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly client: ReadClient,
    private readonly modelRegistry: Address,
    private readonly retryAfterMs = 5_000,
    private readonly unpublishedTtlMs = 5_000,
  ) {}

  /** The model's record if it was read already: the common case, with no promise or timer to wait on. */
  known(modelId: Hex): ModelRecord | undefined {
    return this.read.get(modelId.toLowerCase());
  }

  /** The model's published price if it was read already: free for a model read lately as not published. */
  knownPrice(modelId: Hex): Price | undefined {
    const key = modelId.toLowerCase();
    const record = this.read.get(key);
    if (record) return priceOfRecord(record);
    const at = this.unpublishedAt.get(key);
    return at !== undefined && Date.now() - at < this.unpublishedTtlMs ? freePrice : undefined;
  }

  /** The published record, or null when the model id is not published. `fresh` skips the kept record. */
  recordOf(modelId: Hex, options: { fresh?: boolean } = {}): Promise<ModelRecord | null> {
    const key = modelId.toLowerCase();
    if (!options.fresh) {
      const kept = this.read.get(key);
      if (kept) return Promise.resolve(kept);
    }
    const pending = this.reading.get(key);
    if (pending) return pending;
    if (Date.now() - this.failedAt < this.retryAfterMs)
      return Promise.reject(new Error('the last read of the model registry failed; retrying shortly'));
    const reading = getModel(this.client, this.modelRegistry, { modelId: key as Hex }).then(
      (model) => {
        this.reading.delete(key);
        if (model) this.read.set(key, model);
        else this.unpublishedAt.set(key, Date.now());
        return model;
      },
      (error: unknown) => {
        this.reading.delete(key);
        this.failedAt = Date.now();
        throw error;
      },
    );
    this.reading.set(key, reading);
    return reading;
  }

  /** The model's published price; free for a model that is not published (a relayed one). */
  async priceOf(modelId: Hex): Promise<Price> {
    const record = await this.recordOf(modelId);
    return record ? priceOfRecord(record) : freePrice;
  }
}
