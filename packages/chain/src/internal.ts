/** Helpers shared by the actions (not exported from the package). */
import type { Hash } from 'viem';
import { waitForTransactionReceipt } from 'viem/actions';
import { ChainError } from './errors.js';
import type { NodeRecord, ReadClient, WriteResult } from './types.js';

/** Waits for a transaction and fails loudly when it reverted (gas estimation catches most reverts before). */
export async function confirm(client: ReadClient, hash: Hash): Promise<WriteResult> {
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success') {
    throw new ChainError('TX_REVERTED', `transaction ${hash} reverted`, { details: { hash, blockNumber: receipt.blockNumber } });
  }
  return { hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
}

interface RawNodeInfo {
  operator: `0x${string}`;
  endpoint: string;
  priceWei: bigint;
  inputTokenPriceWei: bigint;
  outputTokenPriceWei: bigint;
  stake: bigint;
  modelIds: readonly `0x${string}`[];
  registeredAt: bigint;
  lastHeartbeat: bigint;
  unstakeAvailableAt: bigint;
  registered: boolean;
  unstaking: boolean;
  active: boolean;
}

export function toNodeRecord(raw: RawNodeInfo): NodeRecord {
  return {
    operator: raw.operator,
    endpoint: raw.endpoint,
    priceWei: raw.priceWei,
    inputTokenPriceWei: raw.inputTokenPriceWei,
    outputTokenPriceWei: raw.outputTokenPriceWei,
    stake: raw.stake,
    modelIds: [...raw.modelIds],
    registeredAt: Number(raw.registeredAt),
    lastHeartbeat: Number(raw.lastHeartbeat),
    unstakeAvailableAt: Number(raw.unstakeAvailableAt),
    registered: raw.registered,
    unstaking: raw.unstaking,
    active: raw.active,
  };
}

export function sortedModelIds(modelIds: readonly `0x${string}`[]): `0x${string}`[] {
  // NodeRegistry wants strictly ascending ids; lower-case hex sorts as the numbers do.
  return [...new Set(modelIds.map((id) => id.toLowerCase() as `0x${string}`))].sort();
}
