/**
 * End to end on a chain: anvil with the contracts, three staked node processes and a router that reads the node
 * set from the chain. A result is settled and accepted by the example consumer contract; a node that unstakes, and
 * a node that stops heart-beating, leave routing.
 */
import { join } from 'node:path';
import { deployExampleConsumer, verifyReceiptOnChain } from '@verity/chain';
import { LocalNetwork, devKeys, repoRoot } from '@verity/devnet';
import { type TensorMap, VerityError } from '@verity/protocol';
import { createClient } from '@verity/sdk';
import { createWalletClient, http, publicActions } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExampleConsumer } from '@verity/contracts';

const irisPath = join(repoRoot, 'models/iris.onnx');
const setosa: TensorMap = { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } };

describe('a network coordinated by the chain', () => {
  let network: LocalNetwork;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    network = await LocalNetwork.start({
      nodes: 3,
      routerPort: 0,
      nodeBasePort: 0,
      routerTimeoutMs: 5_000,
      routerRefreshMs: 500,
      chain: { port: 0, livenessWindowSeconds: 6, heartbeatIntervalMs: 1_000, epochMaxReceipts: 3, epochMaxAgeMs: 1_000 },
    });
    client = createClient({ url: network.routerUrl, chain: { deployment: network.chain!.deployment, privateKey: devKeys[0]! } });
    await client.pushModel(irisPath, { name: 'iris', version: '1.0.0' });
  });
  afterAll(async () => {
    await network?.stop();
  });

  it('routes to the staked nodes it reads from the chain, and settles their receipts on chain', async () => {
    const response = await client.infer({ model: 'iris@1.0.0', inputs: setosa, policy: 'replicate:3' });
    expect(new Set(response.receipts.map((r) => r.typedData.message.executor))).toEqual(
      new Set(network.nodes.map((n) => n.address)),
    );
    // Receipts are signed for the ReceiptRegistry's EIP-712 domain.
    for (const receipt of response.receipts) {
      expect(receipt.typedData.domain.verifyingContract).toBe(network.chain!.deployment.contracts.receiptRegistry);
    }
    const receipt = response.receipts[0]!;
    await expect
      .poll(async () => (await client.verifySettlement({ receipt })).outcome, { timeout: 20_000, interval: 500 })
      .toBe('valid');

    // A consumer contract accepts the result only through ReceiptRegistry.verify.
    const wallet = createWalletClient({
      account: privateKeyToAccount(devKeys[0]!),
      chain: { ...foundry, id: network.chain!.chainId },
      transport: http(network.chain!.rpcUrl),
    }).extend(publicActions);
    const consumer = await deployExampleConsumer(wallet, network.chain!.deployment.contracts.receiptRegistry, {
      modelId: response.modelId,
    });
    const verdict = await client.verifySettlement({ receipt });
    const settlement = verdict.settlement!;
    expect(
      (
        await verifyReceiptOnChain(wallet, network.chain!.deployment.contracts.receiptRegistry, {
          receipt,
          proof: settlement.proof!,
          epoch: settlement.epoch,
        })
      ).valid,
    ).toBe(true);
    const { request } = await wallet.simulateContract({
      address: consumer.address,
      abi: ExampleConsumer.abi,
      functionName: 'accept',
      args: [
        {
          ...receipt.typedData.message,
          fee: BigInt(receipt.typedData.message.fee),
          timestamp: BigInt(receipt.typedData.message.timestamp),
        },
        receipt.signature,
        settlement.proof!,
        BigInt(settlement.epoch),
      ],
    });
    await wallet.waitForTransactionReceipt({ hash: await wallet.writeContract(request) });
    const accepted = await wallet.readContract({
      address: consumer.address,
      abi: ExampleConsumer.abi,
      functionName: 'isAccepted',
      args: [receipt.typedData.message.requestId],
    });
    expect(accepted).toBe(true);
  });

  it('drops a node that unstakes, and one that stops heart-beating', async () => {
    const unstaking = network.nodes[2]!;
    const operator = createClient({
      url: network.routerUrl,
      chain: { deployment: network.chain!.deployment, privateKey: devKeys[3]! },
    });
    await operator.requestUnstake();
    await expect
      .poll(
        async () => {
          try {
            await client.infer({ model: 'iris', inputs: setosa, policy: 'replicate:3' });
            return 'served';
          } catch (error) {
            return error instanceof VerityError ? error.code : 'other';
          }
        },
        { timeout: 10_000, interval: 300 },
      )
      .toBe('NOT_ENOUGH_NODES');
    for (let i = 0; i < 10; i++) {
      const answer = await client.infer({ model: 'iris', inputs: setosa });
      expect(answer.receipts[0]!.typedData.message.executor).not.toBe(unstaking.address);
    }

    // Node 1 dies: no more heartbeats. Once its liveness window passes, the chain says inactive and routing drops it.
    const silent = network.nodes[0]!;
    await network.crashNode(0);
    await expect
      .poll(
        async () => {
          const nodes = await operator.listNodes();
          return nodes.filter((n) => n.active).map((n) => n.operator.toLowerCase());
        },
        { timeout: 20_000, interval: 500 },
      )
      .not.toContain(silent.address.toLowerCase());
    for (let i = 0; i < 10; i++) {
      const answer = await client.infer({ model: 'iris', inputs: setosa });
      expect(answer.receipts[0]!.typedData.message.executor).toBe(network.nodes[1]!.address);
    }
  });
});
