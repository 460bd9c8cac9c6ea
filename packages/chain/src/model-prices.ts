/**
 * Published model prices, read from ModelRegistry. A model version's price is fixed when it is published, so a
 * price read once is kept. A failed read is not kept, but for `retryAfterMs` after a failure the reads fail at
 * once: a dead RPC must not hold up every request that asks.
 */
import type { Address, Hex } from 'viem';
import { getModel } from './actions/getModel.js';
import type { ReadClient } from './types.js';

export class ModelPrices {
  private readonly reading = new Map<string, Promise<bigint>>();
  private readonly read = new Map<string, bigint>();
  private failedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly client: ReadClient,
    private readonly modelRegistry: Address,
    private readonly retryAfterMs = 5_000,
  ) {}

  /** The model's price if it was read already: the common case, with no promise or timer to wait on. */
  known(modelId: Hex): bigint | undefined {
    return this.read.get(modelId.toLowerCase());
  }

  /** The model's price per answer, in token units; 0 for a model that is not published (a relayed one). */
  priceOf(modelId: Hex): Promise<bigint> {
    const key = modelId.toLowerCase();
    const pending = this.reading.get(key);
    if (pending) return pending;
    if (Date.now() - this.failedAt < this.retryAfterMs)
      return Promise.reject(new Error('the last read of the model registry failed; retrying shortly'));
    const reading = getModel(this.client, this.modelRegistry, { modelId }).then((model) => {
      const price = model?.priceWei ?? 0n;
      this.read.set(key, price);
      return price;
    });
    this.reading.set(key, reading);
    reading.catch(() => {
      this.reading.delete(key);
      this.failedAt = Date.now();
    });
    return reading;
  }
}
