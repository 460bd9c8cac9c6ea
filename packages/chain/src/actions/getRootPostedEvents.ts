import { ReceiptRegistry } from '@verity/contracts';
import type { Address, BlockNumber, BlockTag, Hash, Hex } from 'viem';
import { getContractEvents } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetRootPostedEventsParameters {
  operator?: Address;
  epoch?: bigint | number;
  /** Default: the earliest block (pass the deployment's deployBlock on a long chain). */
  fromBlock?: BlockNumber | BlockTag;
  toBlock?: BlockNumber | BlockTag;
}

export interface RootPostedEvent {
  operator: Address;
  epoch: bigint;
  root: Hex;
  count: number;
  blockNumber: bigint;
  transactionHash: Hash;
  logIndex: number;
}

export type GetRootPostedEventsReturnType = RootPostedEvent[];

/** RootPosted events (an explorer's list of settled epochs; a node's proof of which transaction posted a root). */
export async function getRootPostedEvents(
  client: ReadClient,
  receiptRegistry: Address,
  parameters: GetRootPostedEventsParameters = {},
): Promise<GetRootPostedEventsReturnType> {
  const args: { operator?: Address; epoch?: bigint } = {};
  if (parameters.operator !== undefined) args.operator = parameters.operator;
  if (parameters.epoch !== undefined) args.epoch = BigInt(parameters.epoch);
  const logs = await getContractEvents(client, {
    address: receiptRegistry,
    abi: ReceiptRegistry.abi,
    eventName: 'RootPosted',
    args,
    fromBlock: parameters.fromBlock ?? 'earliest',
    toBlock: parameters.toBlock ?? 'latest',
    strict: true,
  });
  // Pending logs (no block yet) are left out: only mined facts.
  return logs.flatMap((log) => {
    if (log.blockNumber === null || log.transactionHash === null || log.logIndex === null) return [];
    return [
      {
        operator: log.args.operator,
        epoch: log.args.epoch,
        root: log.args.root,
        count: log.args.count,
        blockNumber: log.blockNumber,
        transactionHash: log.transactionHash,
        logIndex: log.logIndex,
      },
    ];
  });
}
