/**
 * The state of the network as the chain holds it: chain id and block, the contracts, NodeRegistry's parameters,
 * how many operators registered and how many are active, and the published models (up to `maxModels`).
 */
import type { Deployment, ModelRecord } from '@verity/chain';
import { chainModule, chainOf, onChain } from '../chain.js';
import type { Client } from '../client.js';

export interface GetChainStatusParameters {
  /** Most models listed (the newest are left out past it; `modelCount` counts them all). Default 100. */
  maxModels?: number;
}

export interface GetChainStatusReturnType {
  chainId: number;
  blockNumber: bigint;
  /** Unix seconds of that block. */
  blockTimestamp: number;
  contracts: Deployment['contracts'];
  minStakeWei: bigint;
  livenessWindowSeconds: number;
  unstakeDelaySeconds: number;
  /** Operators that ever registered. */
  operatorCount: number;
  /** Registered, staked, not unstaking, heartbeat within the liveness window (as of `blockNumber`). */
  activeNodes: number;
  modelCount: number;
  models: ModelRecord[];
}

export async function getChainStatus(
  client: Client,
  parameters: GetChainStatusParameters = {},
): Promise<GetChainStatusReturnType> {
  const chain = await chainOf(client, 'getChainStatus');
  const { publicClient, deployment } = chain;
  const { nodeRegistry, modelRegistry } = deployment.contracts;
  const [{ getModel, listNodes }, { ModelRegistry, NodeRegistry }, { getBlock, readContract }] = await Promise.all([
    chainModule(),
    import('@verity/contracts'),
    import('viem/actions'),
  ]);
  return onChain('reading the chain status', async () => {
    // Every read at one block, so the figures agree with each other.
    const block = await getBlock(publicClient, { blockTag: 'latest' });
    const at = { blockNumber: block.number };
    const nodes = { address: nodeRegistry, abi: NodeRegistry.abi, ...at } as const;
    const [minStake, livenessWindow, unstakeDelay, modelCount, operators] = await Promise.all([
      readContract(publicClient, { ...nodes, functionName: 'minStake' }),
      readContract(publicClient, { ...nodes, functionName: 'livenessWindow' }),
      readContract(publicClient, { ...nodes, functionName: 'unstakeDelay' }),
      readContract(publicClient, { address: modelRegistry, abi: ModelRegistry.abi, functionName: 'modelCount', ...at }),
      listNodes(publicClient, nodeRegistry, at),
    ]);
    const listed = Math.min(Number(modelCount), parameters.maxModels ?? 100);
    const models: ModelRecord[] = [];
    for (let i = 0; i < listed; i++) {
      const modelId = await readContract(publicClient, {
        address: modelRegistry,
        abi: ModelRegistry.abi,
        functionName: 'modelAt',
        args: [BigInt(i)],
        ...at,
      });
      const model = await getModel(publicClient, modelRegistry, { modelId });
      if (model) models.push(model);
    }
    return {
      chainId: deployment.chainId,
      blockNumber: block.number,
      blockTimestamp: Number(block.timestamp),
      contracts: deployment.contracts,
      minStakeWei: minStake,
      livenessWindowSeconds: Number(livenessWindow),
      unstakeDelaySeconds: Number(unstakeDelay),
      operatorCount: operators.length,
      activeNodes: operators.filter((n) => n.active).length,
      modelCount: Number(modelCount),
      models,
    };
  });
}
