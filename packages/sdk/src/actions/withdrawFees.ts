/** Pays the client's account what the FeeSplitter owes it (its share of the fee split), into its wallet. */
import type { Hex } from '@verity/protocol';
import { VerityError } from '@verity/protocol';
import type { Address } from 'viem';
import { chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';

export interface WithdrawFeesReturnType {
  payee: Address;
  /** Token base units paid out; 0 (and no transaction) when nothing was owed. */
  amount: bigint;
  txHash: Hex | null;
}

export interface WithdrawFeesParameters {
  /** The FeeSplitter to withdraw from: default the deployment's (a node's own one holds its direct clients' fees). */
  feeSplitter?: Address;
}

export async function withdrawFees(client: Client, parameters: WithdrawFeesParameters = {}): Promise<WithdrawFeesReturnType> {
  const chain = await walletOf(client, 'withdrawFees');
  const feeSplitter = parameters.feeSplitter ?? (chain.deployment.contracts.feeSplitter as Address | undefined);
  if (!feeSplitter) throw new VerityError('INVALID_REQUEST', 'this deployment has no FeeSplitter: no fees are split on chain');
  const payee = chain.walletClient.account.address;
  const { getFeeBalances, withdrawFees: withdrawOnChain } = await chainModule();
  const { owed } = await onChain('reading the fee split', () => getFeeBalances(chain.publicClient, feeSplitter, { payee }));
  if (owed === 0n) return { payee, amount: 0n, txHash: null };
  const sent = await onChain('withdrawing fees', () => withdrawOnChain(chain.walletClient, feeSplitter));
  return { payee, amount: owed, txHash: sent.hash };
}
