/**
 * LocalNetwork with a chain: anvil, the contracts and funded accounts, nodes registered, staked and active on
 * it, a router reading them from it; the chain stopped and started again with its state; everything stopped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createChainClients, getNode, getTokenBalance, readDeployment } from '@verity/chain';
import { getJson } from '@verity/http/client';
import { type Hex, addressOf } from '@verity/protocol';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalNetwork, devKeys } from '../src/index.js';

let network: LocalNetwork;

beforeAll(async () => {
  network = await LocalNetwork.start({ nodes: 2, routerPort: 0, nodeBasePort: 0, chain: { port: 0, livenessWindowSeconds: 8 } });
});

afterAll(async () => {
  await network?.stop();
});

function clients() {
  const chain = network.chain!;
  return createChainClients({ rpcUrl: chain.rpcUrl, chainId: chain.chainId });
}

async function record(operator: Hex) {
  return getNode(clients().publicClient, network.chain!.deployment.contracts.nodeRegistry, { operator });
}

describe('LocalNetwork with a chain', () => {
  it('deploys, funds accounts 0–9, writes the deployment file, and registers, stakes and activates every node', async () => {
    const chain = network.chain!;
    expect(chain.chainId).toBe(31337);
    expect(chain.deploymentFile).toBe(join(network.dataDir, 'deployment.json'));
    expect(readDeployment(chain.deploymentFile)).toEqual(chain.deployment);
    expect(chain.deployment.rpcUrl).toBe(chain.rpcUrl);
    for (const node of network.nodes) {
      expect(await record(node.address)).toMatchObject({
        registered: true,
        active: true,
        endpoint: node.url,
        stake: parseEther('100'),
      });
      const health = (await getJson(`${node.url}/health`)) as { chain: { registered: boolean; rpcUrl: string } };
      expect(health.chain).toMatchObject({ registered: true, rpcUrl: chain.rpcUrl });
    }
    const { publicClient } = clients();
    const balances = await Promise.all(
      devKeys.map((key) => getTokenBalance(publicClient, chain.deployment.contracts.token, { owner: addressOf(key) })),
    );
    expect(balances).toEqual(devKeys.map((_, i) => parseEther(i === 1 || i === 2 ? '9900' : '10000')));
    expect(await getJson(`${network.routerUrl}/health`)).toMatchObject({ ok: true });
  });

  it('stops the chain keeping its state, and starts it again on the same port', async () => {
    const before = network.chain!;
    const operator = network.nodes[0]!.address;
    const { lastHeartbeat } = (await record(operator))!;
    await network.stopChain();
    expect(existsSync(before.deploymentFile)).toBe(true);
    await expect(clients().publicClient.getBlockNumber({ cacheTime: 0 })).rejects.toThrow();
    await network.startChain();
    expect(network.chain!.rpcUrl).toBe(before.rpcUrl);
    expect(network.chain!.anvil).not.toBe(before.anvil);
    // The nodes are still registered and heartbeat again once the chain is back.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const now = await record(operator).catch(() => null);
      if (now && now.lastHeartbeat > lastHeartbeat) break;
      if (Date.now() > deadline) throw new Error('no heartbeat after the chain came back');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect((await record(operator))?.registered).toBe(true);
  });
});
