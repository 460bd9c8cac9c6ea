/** Takes the client's whole stake back once the unstake delay has passed; the node is deregistered. */
import type { Hex } from '@verity/protocol';
import { chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';

export interface WithdrawStakeReturnType {
  operator: Hex;
  txHash: Hex;
  blockNumber: bigint;
  /** VRT returned, in wei. */
  amountWei: bigint;
}

export async function withdrawStake(client: Client): Promise<WithdrawStakeReturnType> {
  const chain = await walletOf(client, 'withdrawStake');
  const { getNode, withdrawStake: withdrawStakeOnChain } = await chainModule();
  const registry = chain.deployment.contracts.nodeRegistry;
  const operator = chain.walletClient.account.address;
  const before = await onChain('reading the node', () => getNode(chain.publicClient, registry, { operator }));
  const result = await onChain('withdrawing the stake', () => withdrawStakeOnChain(chain.walletClient, registry));
  return { operator, txHash: result.hash, blockNumber: result.blockNumber, amountWei: before?.stake ?? 0n };
}
