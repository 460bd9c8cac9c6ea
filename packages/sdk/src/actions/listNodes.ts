/** Every node operator NodeRegistry knows (active or not), with endpoint, price, stake, models and liveness. */
import type { NodeRecord } from '@verity/chain';
import { chainModule, chainOf, onChain } from '../chain.js';
import type { Client } from '../client.js';

export type ListNodesReturnType = NodeRecord[];

export async function listNodes(client: Client): Promise<ListNodesReturnType> {
  const chain = await chainOf(client, 'listNodes');
  const { listNodes: listNodesOnChain } = await chainModule();
  return onChain('listing the nodes', () => listNodesOnChain(chain.publicClient, chain.deployment.contracts.nodeRegistry));
}
