/** Reads the NodeRegistry parameters a node lives by: the least stake and the liveness window. */
import { NodeRegistry } from '@verity/contracts';
import type { ReadClient } from '@verity/chain';
import type { Address } from 'viem';
import { readContract } from 'viem/actions';

export interface RegistryParameters {
  minStakeWei: bigint;
  livenessWindowSeconds: number;
}

export async function readRegistryParameters(client: ReadClient, nodeRegistry: Address): Promise<RegistryParameters> {
  const contract = { address: nodeRegistry, abi: NodeRegistry.abi } as const;
  const [minStakeWei, livenessWindow] = await Promise.all([
    readContract(client, { ...contract, functionName: 'minStake' }),
    readContract(client, { ...contract, functionName: 'livenessWindow' }),
  ]);
  return { minStakeWei, livenessWindowSeconds: Number(livenessWindow) };
}
