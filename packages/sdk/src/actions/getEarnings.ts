/**
 * Payments, receiver side: what the batch-settlement contract holds for a receiver (a router operator) in a
 * token: claimed from payers' channels, and settled (paid out to the receiver). Splitting these earnings between
 * executors, verifiers, publishers and the treasury is not done on chain yet, so this is the receiver's total.
 */
import type { Address } from 'viem';
import { chainModule, chainOf, onChain } from '../chain.js';
import type { Client } from '../client.js';

export interface GetEarningsParameters {
  receiver: Address;
  /** Default: the deployment's token. */
  token?: Address;
}

export interface GetEarningsReturnType {
  receiver: Address;
  token: Address;
  /** Claimed from channels, in total. */
  claimed: bigint;
  /** Of that, transferred to the receiver. */
  settled: bigint;
  /** claimed - settled: due at the next settle. */
  unsettled: bigint;
  /** The receiver's token balance. */
  tokenBalance: bigint;
}

export async function getEarnings(client: Client, parameters: GetEarningsParameters): Promise<GetEarningsReturnType> {
  const chain = await chainOf(client, 'getEarnings');
  const [{ BatchSettlement }, { readContract }, { batchSettlementAddress, getTokenBalance }] = await Promise.all([
    import('@verity/contracts'),
    import('viem/actions'),
    chainModule(),
  ]);
  const token = parameters.token ?? (chain.deployment.contracts.token as Address);
  const { receiver } = parameters;
  const [[claimed, settled], tokenBalance] = await onChain('reading the earnings', () =>
    Promise.all([
      readContract(chain.publicClient, {
        address: batchSettlementAddress,
        abi: BatchSettlement.abi,
        functionName: 'receivers',
        args: [receiver, token],
      }),
      getTokenBalance(chain.publicClient, token, { owner: receiver }),
    ]),
  );
  return { receiver, token, claimed, settled, unsettled: claimed - settled, tokenBalance };
}
