/** Chain fixtures for the node's chain-mode tests: a deployed anvil that can go away and come back with its state. */
import {
  type Anvil,
  type ChainClients,
  type Deployment,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  getNode,
  mintTokens,
  registerModel,
  startAnvil,
} from '@verity/chain';
import type { Hex } from '@verity/protocol';
import { addressOf } from '@verity/protocol';
import { createTestClient, http, parseEther } from 'viem';

export const ownerKey = anvilPrivateKeys[0] as Hex;

/** An anvil with Verity deployed, that can be stopped and started again on the same port with its state. */
export class TestChain {
  private state: Hex | undefined;

  private constructor(
    public anvil: Anvil,
    readonly clients: ChainClients,
    readonly deployment: Deployment,
  ) {}

  static async start(options: { livenessWindowSeconds?: number } = {}): Promise<TestChain> {
    const anvil = await startAnvil({ port: 0 });
    try {
      const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
      const owner = clients.walletFor(ownerKey);
      const deployed = await deployVerity(owner, { livenessWindowSeconds: options.livenessWindowSeconds ?? 60 });
      for (const key of anvilPrivateKeys.slice(1)) {
        await mintTokens(owner, deployed.contracts.token, { to: addressOf(key), amount: parseEther('10000') });
      }
      const deployment: Deployment = {
        chainId: anvil.chainId,
        rpcUrl: anvil.rpcUrl,
        contracts: deployed.contracts,
        deployedAt: new Date().toISOString(),
        deployBlock: Number(deployed.deployBlock),
      };
      return new TestChain(anvil, clients, deployment);
    } catch (error) {
      await anvil.stop();
      throw error;
    }
  }

  get running(): boolean {
    return this.anvil.child.exitCode === null && this.anvil.child.signalCode === null;
  }

  get rpcUrl(): string {
    return this.anvil.rpcUrl;
  }

  private testClient() {
    return createTestClient({ mode: 'anvil', chain: this.clients.chain, transport: http(this.anvil.rpcUrl) });
  }

  /** Stops anvil, keeping its state. */
  async stop(): Promise<void> {
    this.state = await this.testClient().dumpState();
    await this.anvil.stop();
  }

  /** Starts anvil again on the same port with the state it had when stopped. */
  async restart(): Promise<void> {
    this.anvil = await startAnvil({ port: this.anvil.port });
    if (this.state) await this.testClient().loadState({ state: this.state });
  }

  async close(): Promise<void> {
    await this.anvil.stop();
  }

  async node(operator: Hex) {
    return getNode(this.clients.publicClient, this.deployment.contracts.nodeRegistry, { operator });
  }

  /** Publishes a model version on ModelRegistry (account 0 is the publisher). */
  async publish(modelId: Hex, name: string, version: string): Promise<void> {
    await registerModel(this.clients.walletFor(ownerKey), this.deployment.contracts.modelRegistry, {
      modelId,
      name,
      version,
      format: 'onnx',
      metadataHash: `0x${'ab'.repeat(32)}`,
      priceWei: 0n,
      royaltyBps: 0,
    });
  }
}

/** Polls `read` until `done` holds for its value, or fails after `timeoutMs` with the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} not reached within ${timeoutMs} ms; last value ${JSON.stringify(last, (_, v) => (typeof v === 'bigint' ? v.toString() : v))}${lastError ? `; last error ${String(lastError)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
