import { ModelRegistry } from '@verity/contracts';
import type { Address, BlockNumber, BlockTag, Hash, Hex } from 'viem';
import { getContractEvents } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetModelRegisteredEventsParameters {
  publisher?: Address;
  fromBlock?: BlockNumber | BlockTag;
  toBlock?: BlockNumber | BlockTag;
}

export interface ModelRegisteredEvent {
  modelId: Hex;
  publisher: Address;
  name: string;
  version: string;
  format: string;
  metadataHash: Hex;
  priceWei: bigint;
  royaltyBps: number;
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
        royaltyBps: log.args.royaltyBps,
        blockNumber: log.blockNumber,
        transactionHash: log.transactionHash,
      },
    ];
  });
}
