import { ModelRegistry } from '@verity/contracts';
import type { Address, BlockNumber, BlockTag, Hash } from 'viem';
import { getContractEvents } from 'viem/actions';
import type { ModelRecord, ReadClient } from '../types.js';

export interface GetModelRegisteredEventsParameters {
  publisher?: Address;
  fromBlock?: BlockNumber | BlockTag;
  toBlock?: BlockNumber | BlockTag;
}

/** The version as published (the registry's record without what changes later), and where. */
export interface ModelRegisteredEvent extends Omit<ModelRecord, 'publishedAt' | 'deprecated'> {
  blockNumber: bigint;
  transactionHash: Hash;
}

export type GetModelRegisteredEventsReturnType = ModelRegisteredEvent[];

export async function getModelRegisteredEvents(
  client: ReadClient,
  modelRegistry: Address,
  parameters: GetModelRegisteredEventsParameters = {},
): Promise<GetModelRegisteredEventsReturnType> {
  const logs = await getContractEvents(client, {
    address: modelRegistry,
    abi: ModelRegistry.abi,
    eventName: 'ModelRegistered',
    args: parameters.publisher !== undefined ? { publisher: parameters.publisher } : {},
    fromBlock: parameters.fromBlock ?? 'earliest',
    toBlock: parameters.toBlock ?? 'latest',
    strict: true,
  });
  // Pending logs (no block yet) are left out: only mined facts.
  return logs.flatMap((log) => {
    if (log.blockNumber === null || log.transactionHash === null) return [];
    return [
      {
        modelId: log.args.modelId,
        publisher: log.args.publisher,
        name: log.args.name,
        version: log.args.version,
        format: log.args.format,
        metadataHash: log.args.metadataHash,
        priceWei: log.args.priceWei,
        inputTokenPriceWei: log.args.inputTokenPriceWei,
        outputTokenPriceWei: log.args.outputTokenPriceWei,
        royaltyBps: log.args.royaltyBps,
        blockNumber: log.blockNumber,
        transactionHash: log.transactionHash,
      },
    ];
  });
}
