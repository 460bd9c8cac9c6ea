/**
 * Payments, receiver side: what the batch-settlement contract holds for a receiver in a token (claimed from payers'
 * channels, and settled to the receiver) and, when the deployment has a FeeSplitter (the devnet's channels pay into
 * it), what the fee split credited to this address: an executor's, a publisher's, the verifier pool's or the
 * treasury's share, withdrawable from the splitter.
 */
import type { Address } from 'viem';
import { chainModule, chainOf, onChain } from '../chain.js';
import type { Client } from '../client.js';

export interface GetEarningsParameters {
  receiver: Address;
  /** Default: the deployment's token. */
  token?: Address;
  /** The FeeSplitter whose split to read: default the deployment's (a node's own one takes its direct clients' fees). */
  feeSplitter?: Address;
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
  /** With a FeeSplitter: this address's share of the split fees, all-time and still to withdraw. */
  split?: { feeSplitter: Address; earned: bigint; owed: bigint };
}

export async function getEarnings(client: Client, parameters: GetEarningsParameters): Promise<GetEarningsReturnType> {
  const chain = await chainOf(client, 'getEarnings');
  const { batchSettlementAddress, getFeeBalances, getReceiverTotals, getTokenBalance } = await chainModule();
  const token = parameters.token ?? (chain.deployment.contracts.token as Address);
  const { receiver } = parameters;
  const [{ totalClaimed: claimed, totalSettled: settled }, tokenBalance] = await onChain('reading the earnings', () =>
    Promise.all([
      getReceiverTotals(chain.publicClient, batchSettlementAddress, { receiver, token }),
      getTokenBalance(chain.publicClient, token, { owner: receiver }),
    ]),
  );
  const feeSplitter = parameters.feeSplitter ?? (chain.deployment.contracts.feeSplitter as Address | undefined);
  const split = feeSplitter
    ? {
        feeSplitter,
        ...(await onChain('reading the fee split', () => getFeeBalances(chain.publicClient, feeSplitter, { payee: receiver }))),
      }
    : undefined;
  return { receiver, token, claimed, settled, unsettled: claimed - settled, tokenBalance, ...(split ? { split } : {}) };
}
