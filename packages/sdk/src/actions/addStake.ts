/** Adds VRT to the client's node stake on NodeRegistry (approved first when the allowance is short). */
import { type Hex, VerityError } from '@verity/protocol';
import { chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';

export interface AddStakeParameters {
  /** VRT to add, in wei. */
  amountWei: bigint;
}

export interface AddStakeReturnType {
  operator: Hex;
  txHash: Hex;
  blockNumber: bigint;
  approvalTxHash?: Hex;
}

export async function addStake(client: Client, parameters: AddStakeParameters): Promise<AddStakeReturnType> {
  if (parameters.amountWei <= 0n) throw new VerityError('INVALID_REQUEST', 'the amount to stake must be more than 0');
  const chain = await walletOf(client, 'addStake');
  const { addStake: addStakeOnChain } = await chainModule();
  const result = await onChain('adding stake', () =>
    addStakeOnChain(chain.walletClient, chain.deployment.contracts.nodeRegistry, { amount: parameters.amountWei }),
  );
  return {
    operator: chain.walletClient.account.address,
    txHash: result.hash,
    blockNumber: result.blockNumber,
    ...(result.approval ? { approvalTxHash: result.approval.hash } : {}),
  };
}
