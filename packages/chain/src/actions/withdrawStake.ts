import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export type WithdrawStakeReturnType = WriteResult;

/** Returns the whole stake once the unstake delay has passed, and deregisters the node. */
export async function withdrawStake(client: WriteClient, nodeRegistry: Address): Promise<WithdrawStakeReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: nodeRegistry,
    abi: NodeRegistry.abi,
    functionName: 'withdrawStake',
  });
  return confirm(client, hash);
}
