import { VerityToken } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface ApproveTokensParameters {
  spender: Address;
  amount: bigint;
}

export type ApproveTokensReturnType = WriteResult;

export async function approveTokens(
  client: WriteClient,
  token: Address,
  parameters: ApproveTokensParameters,
): Promise<ApproveTokensReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: token,
    abi: VerityToken.abi,
    functionName: 'approve',
    args: [parameters.spender, parameters.amount],
  });
  return confirm(client, hash);
}
