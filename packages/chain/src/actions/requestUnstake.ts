import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export type RequestUnstakeReturnType = WriteResult;

/** Leaves the network: inactive at once; the stake can be withdrawn after NodeRegistry.unstakeDelay. */
export async function requestUnstake(client: WriteClient, nodeRegistry: Address): Promise<RequestUnstakeReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: nodeRegistry,
    abi: NodeRegistry.abi,
    functionName: 'requestUnstake',
  });
  return confirm(client, hash);
}
