/** Approves NodeRegistry to pull a stake when the current allowance is short (used by registerNode and addStake). */
import { NodeRegistry, VerityToken } from '@verity/contracts';
import type { Address } from 'viem';
import { readContract, writeContract } from 'viem/actions';
import { confirm } from './internal.js';
import type { WriteClient, WriteResult } from './types.js';

export async function ensureStakeAllowance(
  client: WriteClient,
  nodeRegistry: Address,
  amount: bigint,
): Promise<WriteResult | undefined> {
  const token = await readContract(client, { address: nodeRegistry, abi: NodeRegistry.abi, functionName: 'token' });
  const allowance = await readContract(client, {
    address: token,
    abi: VerityToken.abi,
    functionName: 'allowance',
    args: [client.account.address, nodeRegistry],
  });
  if (allowance >= amount) return undefined;
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: token,
    abi: VerityToken.abi,
    functionName: 'approve',
    args: [nodeRegistry, amount],
  });
  return confirm(client, hash);
}
