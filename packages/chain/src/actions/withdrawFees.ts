import { FeeSplitter } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface WithdrawFeesParameters {
  /** Whose fees to pay out (to that payee); the client's account when unset. */
  payee?: Address;
}

export type WithdrawFeesReturnType = WriteResult;

/** Pays a payee everything the FeeSplitter owes it. Reverts (NothingOwed) when that is nothing. */
export async function withdrawFees(
  client: WriteClient,
  feeSplitter: Address,
  parameters: WithdrawFeesParameters = {},
): Promise<WithdrawFeesReturnType> {
  const common = { account: client.account, chain: client.chain ?? null, address: feeSplitter, abi: FeeSplitter.abi } as const;
  const hash =
    parameters.payee === undefined
      ? await writeContract(client, { ...common, functionName: 'withdraw' })
      : await writeContract(client, { ...common, functionName: 'withdrawFor', args: [parameters.payee] });
  return confirm(client, hash);
}
