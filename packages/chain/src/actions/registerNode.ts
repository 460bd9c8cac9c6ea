import { NodeRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import { ensureStakeAllowance } from '../allowance.js';
import { confirm, sortedModelIds } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export interface RegisterNodeParameters {
  /** The node's HTTP base URL. */
  endpoint: string;
  /** Per answer, in token base units. */
  priceWei: bigint;
  /** Per prompt token of a language model's answer (default 0). */
  inputTokenPriceWei?: bigint;
  /** Per generated token of a language model's answer (default 0). */
  outputTokenPriceWei?: bigint;
  /** Published, non-deprecated model ids (any order: sent sorted, as the contract wants). */
  modelIds: readonly Hex[];
  /** Tokens to stake, at least NodeRegistry.minStake. */
  stake: bigint;
  /** Approve the stake first when the allowance is short (default true). */
  approve?: boolean;
}

export type RegisterNodeReturnType = WriteResult & { approval?: WriteResult };

/** Registers the client's account as a node operator, staking `stake` tokens. */
export async function registerNode(
  client: WriteClient,
  nodeRegistry: Address,
  parameters: RegisterNodeParameters,
): Promise<RegisterNodeReturnType> {
  const approval = parameters.approve === false ? undefined : await ensureStakeAllowance(client, nodeRegistry, parameters.stake);
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: nodeRegistry,
    abi: NodeRegistry.abi,
    functionName: 'register',
    args: [
      parameters.endpoint,
      parameters.priceWei,
      parameters.inputTokenPriceWei ?? 0n,
      parameters.outputTokenPriceWei ?? 0n,
      sortedModelIds(parameters.modelIds),
      parameters.stake,
    ],
  });
  const result = await confirm(client, hash);
  return approval ? { ...result, approval } : result;
}
