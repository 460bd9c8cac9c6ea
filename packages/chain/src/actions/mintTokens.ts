import { VerityToken } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface MintTokensParameters {
  to: Address;
  amount: bigint;
}

export type MintTokensReturnType = WriteResult;

/** The devnet faucet: mints tokens (the client's account must own the token). */
export async function mintTokens(
  client: WriteClient,
  token: Address,
  parameters: MintTokensParameters,
): Promise<MintTokensReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: token,
    abi: VerityToken.abi,
    functionName: 'mint',
    args: [parameters.to, parameters.amount],
  });
  return confirm(client, hash);
}
