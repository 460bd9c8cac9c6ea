import { ReceiptRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetRootParameters {
  operator: Address;
  epoch: bigint | number;
}

/** The root the operator posted for the epoch, or null when none was. */
export type GetRootReturnType = Hex | null;

export async function getRoot(
  client: ReadClient,
  receiptRegistry: Address,
  parameters: GetRootParameters,
): Promise<GetRootReturnType> {
  const root = await readContract(client, {
    address: receiptRegistry,
    abi: ReceiptRegistry.abi,
    functionName: 'rootOf',
    args: [parameters.operator, BigInt(parameters.epoch)],
  });
  return /^0x0{64}$/.test(root) ? null : root;
}
