/**
 * Asks to leave the network: the client's node is inactive (and no longer routed to) at once; its stake can be
 * withdrawn after NodeRegistry's unstake delay, and stays slashable until then.
 */
import type { Hex } from '@verity/protocol';
import { chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';

export interface RequestUnstakeReturnType {
  operator: Hex;
  txHash: Hex;
  blockNumber: bigint;
  /** Unix seconds from which `withdrawStake` succeeds. */
  availableAt: number;
}

export async function requestUnstake(client: Client): Promise<RequestUnstakeReturnType> {
  const chain = await walletOf(client, 'requestUnstake');
  const { getNode, requestUnstake: requestUnstakeOnChain } = await chainModule();
  const registry = chain.deployment.contracts.nodeRegistry;
  const operator = chain.walletClient.account.address;
  const result = await onChain('requesting to unstake', () => requestUnstakeOnChain(chain.walletClient, registry));
  const node = await onChain('reading the node', () => getNode(chain.publicClient, registry, { operator }));
  return { operator, txHash: result.hash, blockNumber: result.blockNumber, availableAt: node?.unstakeAvailableAt ?? 0 };
}
