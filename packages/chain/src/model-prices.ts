/**
 * Published model prices, read from ModelRegistry. A model version's price is fixed when it is published, so a
 * price read once is kept. A failed read is not kept: the next caller asks again.
 */
import type { Address, Hex } from 'viem';
import { getModel } from './actions/getModel.js';
import type { ReadClient } from './types.js';

export class ModelPrices {
  private readonly known = new Map<string, Promise<bigint>>();

  constructor(
    private readonly client: ReadClient,
    private readonly modelRegistry: Address,
  ) {}

  /** The model's price per answer, in token units; 0 for a model that is not published (a relayed one). */
  priceOf(modelId: Hex): Promise<bigint> {
    const key = modelId.toLowerCase();
    const known = this.known.get(key);
    if (known) return known;
    const read = getModel(this.client, this.modelRegistry, { modelId }).then((model) => model?.priceWei ?? 0n);
    this.known.set(key, read);
    read.catch(() => this.known.delete(key));
    return read;
  }
}
