import { ReceiptRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface PostRootParameters {
  epoch: bigint | number;
  /** protocol's merkleRoot over the epoch's receiptLeaf values. */
  root: Hex;
  /** Receipts in the epoch. */
  count: number;
}

export type PostRootReturnType = WriteResult;

/** Settles an epoch of the client's receipts (the account must be a registered node). Once per epoch. */
export async function postRoot(
  client: WriteClient,
  receiptRegistry: Address,
  parameters: PostRootParameters,
): Promise<PostRootReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: receiptRegistry,
    abi: ReceiptRegistry.abi,
    functionName: 'postRoot',
    args: [BigInt(parameters.epoch), parameters.root, parameters.count],
  });
  return confirm(client, hash);
}
