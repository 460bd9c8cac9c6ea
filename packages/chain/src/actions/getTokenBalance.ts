import { VerityToken } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';
import type { ReadClient } from '../types.js';

export interface GetTokenBalanceParameters {
  owner: Address;
}

export type GetTokenBalanceReturnType = bigint;

export async function getTokenBalance(
  client: ReadClient,
  token: Address,
  parameters: GetTokenBalanceParameters,
): Promise<GetTokenBalanceReturnType> {
  return readContract(client, { address: token, abi: VerityToken.abi, functionName: 'balanceOf', args: [parameters.owner] });
}
