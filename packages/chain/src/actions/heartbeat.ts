import { NodeRegistry } from '@verity/contracts';
import type { Address } from 'viem';
import { writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import type { WriteClient, WriteResult } from '../types.js';

export type HeartbeatReturnType = WriteResult;

/** Proves liveness: the node stays active for NodeRegistry.livenessWindow seconds. */
export async function heartbeat(client: WriteClient, nodeRegistry: Address): Promise<HeartbeatReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: nodeRegistry,
    abi: NodeRegistry.abi,
    functionName: 'heartbeat',
  });
  return confirm(client, hash);
}
