import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { ensureStakeAllowance } from '../allowance.js';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface AddStakeParameters {
  /** Tokens to add to the stake, in base units (the SDK's `amountWei`; `amount` as approveTokens' and mintTokens'). */
  amount: bigint;
  /** Approve the amount first when the allowance is short (default true). */
  approve?: boolean;
}

export type AddStakeReturnType = WriteResult & { approval?: WriteResult };

export async function addStake(
  client: WriteClient,
  nodeRegistry: Address,
  parameters: AddStakeParameters,
): Promise<AddStakeReturnType> {
  const approval = parameters.approve === false ? undefined : await ensureStakeAllowance(client, nodeRegistry, parameters.amount);
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: nodeRegistry,
    abi: NodeRegistry.abi,
    functionName: 'addStake',
    args: [parameters.amount],
  });
  const result = await confirm(client, hash);
  return approval ? { ...result, approval } : result;
}
