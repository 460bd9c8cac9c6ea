import { FeeSplitter } from '@verity/contracts';
import { type Address, type Hex, parseEventLogs } from 'viem';
import { waitForTransactionReceipt, writeContract } from 'viem/actions';
import { ChainError } from '../errors.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface PostChargesParameters {
  /** buildChargeTree(charges).root. */
  root: Hex;
  /** The sum of the charges' amounts: reserved out of the undistributed funds. At most 2^128 - 1. */
  total: bigint;
  /** How many charges the tree holds. */
  count: number;
}

export interface PostChargesReturnType extends WriteResult {
  /** The id claims name the root by (FeeSplitter's ChargesPosted event). */
  rootId: bigint;
}

/**
 * Posts a charge root and reserves its total out of the funds the FeeSplitter received and has not allocated (the
 * client's account must be its distributor). Reverts when the total exceeds what is undistributed.
 */
export async function postCharges(
  client: WriteClient,
  feeSplitter: Address,
  parameters: PostChargesParameters,
): Promise<PostChargesReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: feeSplitter,
    abi: FeeSplitter.abi,
    functionName: 'postCharges',
    args: [parameters.root, parameters.total, parameters.count],
  });
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success') {
    throw new ChainError('TX_REVERTED', `transaction ${hash} reverted`, { details: { hash, blockNumber: receipt.blockNumber } });
  }
  const [posted] = parseEventLogs({ abi: FeeSplitter.abi, logs: receipt.logs, eventName: 'ChargesPosted' });
  if (!posted) throw new ChainError('TX_REVERTED', `transaction ${hash} emitted no ChargesPosted event`, { details: { hash } });
  return { hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, rootId: posted.args.rootId };
}
