import { BatchSettlement } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import type { ChannelConfig } from '../batch-settlement.js';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface DepositToChannelParameters {
  /** The channel (its id is channelIdOf of it). */
  config: ChannelConfig;
  /** Token base units to deposit. */
  amount: bigint;
  /** The deposit collector that moves the tokens (e.g. erc3009DepositCollectorAddress). */
  collector: Address;
  /** What the collector needs (e.g. erc3009CollectorData: the payer's signed authorization). */
  collectorData: Hex;
}

export type DepositToChannelReturnType = WriteResult;

/** Adds to a batch-settlement channel's escrow, opening the channel on its first deposit. */
export async function depositToChannel(
  client: WriteClient,
  batchSettlement: Address,
  parameters: DepositToChannelParameters,
): Promise<DepositToChannelReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: batchSettlement,
    abi: BatchSettlement.abi,
    functionName: 'deposit',
    args: [parameters.config, parameters.amount, parameters.collector, parameters.collectorData],
  });
  return confirm(client, hash);
}
