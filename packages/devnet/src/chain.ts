/**
 * The devnet's chain: anvil started directly, Verity deployed by account 0 (its Disputes contract the only
 * slasher), x402 batch-settlement (with its ERC-3009 deposit collector) and Multicall3 installed at their canonical
 * addresses, VRT minted to accounts 0–9, and <dataDir>/deployment.json written for nodes and the router. anvil can
 * be stopped and started again on the same port with its state (anvil_dumpState / anvil_loadState), which is
 * how tests take the RPC away from a running network.
 */
import { join } from 'node:path';
import {
  type Anvil,
  type Deployment,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  getNode,
  installBatchSettlement,
  installMulticall3,
  deployFeeSplitter,
  mintTokens,
  startAnvil,
  writeDeployment,
} from '@verity/chain';
import { type Hex, addressOf } from '@verity/protocol';
import { createTestClient, http, parseEther } from 'viem';
import { routerKey, treasuryAddress, verifierPoolAddress } from './keys.js';
import type { NetworkChainOptions } from './network.js';

/** The devnet's fee split rules (basis points); the model's royalty comes from ModelRegistry. */
export const devFeeShares = { verifierBps: 500, treasuryBps: 500 } as const;

export const defaultDevChainOptions = {
  livenessWindowSeconds: 30,
  unstakeDelaySeconds: 60,
  mintTokens: 10_000,
} as const;

/** How long start() waits for every node to be registered and active on chain. */
const joinTimeoutMs = 30_000;

export class DevChain {
  /** The state anvil had when last stopped by stopKeepingState. */
  private state: Hex | undefined;

  private constructor(
    public anvil: Anvil,
    readonly deployment: Deployment,
    readonly deploymentFile: string,
    readonly heartbeatIntervalMs: number,
  ) {}

  static async start(options: NetworkChainOptions, dataDir: string): Promise<DevChain> {
    const anvil = await startAnvil({ port: options.port });
    try {
      const clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
      const deployer = clients.walletFor(anvilPrivateKeys[0] as Hex);
      const livenessWindowSeconds = options.livenessWindowSeconds ?? defaultDevChainOptions.livenessWindowSeconds;
      const deployed = await deployVerity(deployer, {
        livenessWindowSeconds,
        unstakeDelaySeconds: options.unstakeDelaySeconds ?? defaultDevChainOptions.unstakeDelaySeconds,
      });
      // x402 batch-settlement, its ERC-3009 collector and Multicall3 at the addresses the official x402
      // libraries use on every chain.
      const settlement = await installBatchSettlement(deployer);
      const multicall = await installMulticall3(deployer);
      // With payments, the router's channels pay into a FeeSplitter that the router operator distributes: 5% to
      // the verifier pool, 5% to the treasury, the model's royalty to its publisher, the rest to the executor.
      const splitter = options.payments
        ? await deployFeeSplitter(deployer, {
            token: deployed.contracts.token,
            modelRegistry: deployed.contracts.modelRegistry,
            nodeRegistry: deployed.contracts.nodeRegistry,
            receiptRegistry: deployed.contracts.receiptRegistry,
            distributor: addressOf(routerKey),
            treasury: treasuryAddress,
            verifierPool: verifierPoolAddress,
            verifierBps: devFeeShares.verifierBps,
            treasuryBps: devFeeShares.treasuryBps,
          })
        : undefined;
      const amount = parseEther(String(options.mintTokens ?? defaultDevChainOptions.mintTokens));
      for (const key of anvilPrivateKeys) {
        await mintTokens(deployer, deployed.contracts.token, { to: addressOf(key), amount });
      }
      const deploymentFile = join(dataDir, 'deployment.json');
      const deployment = writeDeployment(deploymentFile, {
        chainId: anvil.chainId,
        rpcUrl: anvil.rpcUrl,
        contracts: {
          ...deployed.contracts,
          batchSettlement: settlement.address,
          erc3009DepositCollector: settlement.depositCollector,
          multicall3: multicall.address,
          ...(splitter ? { feeSplitter: splitter.address } : {}),
        },
        deployedAt: new Date().toISOString(),
        deployBlock: Number(deployed.deployBlock),
      });
      const heartbeatIntervalMs =
        options.heartbeatIntervalMs ?? Math.min(15_000, Math.max(250, Math.floor((livenessWindowSeconds * 1_000) / 4)));
      return new DevChain(anvil, deployment, deploymentFile, heartbeatIntervalMs);
    } catch (error) {
      await anvil.stop();
      throw error;
    }
  }

  get running(): boolean {
    return this.anvil.child.exitCode === null && this.anvil.child.signalCode === null;
  }

  /** Resolves once every operator is registered and active on chain. */
  async waitForActive(operators: readonly Hex[]): Promise<void> {
    const { publicClient } = this.clients();
    const deadline = Date.now() + joinTimeoutMs;
    const pending = new Set(operators);
    while (pending.size > 0) {
      for (const operator of [...pending]) {
        const node = await getNode(publicClient, this.deployment.contracts.nodeRegistry, { operator }).catch(() => null);
        if (node?.registered && node.active) pending.delete(operator);
      }
      if (pending.size === 0) return;
      if (Date.now() > deadline)
        throw new Error(`nodes not registered and active on chain within ${joinTimeoutMs} ms: ${[...pending].join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Stops anvil, keeping its state in memory for `restart`. */
  async stopKeepingState(): Promise<void> {
    if (!this.running) return;
    this.state = await this.testClient().dumpState();
    await this.anvil.stop();
  }

  /** Starts anvil again on the same port with the state it had when stopped. */
  async restart(): Promise<void> {
    if (this.running) return;
    this.anvil = await startAnvil({ port: this.anvil.port });
    if (this.state) await this.testClient().loadState({ state: this.state });
  }

  async stop(): Promise<void> {
    await this.anvil.stop();
  }

  private clients() {
    return createChainClients({ rpcUrl: this.anvil.rpcUrl, chainId: this.deployment.chainId });
  }

  private testClient() {
    return createTestClient({ mode: 'anvil', chain: this.clients().chain, transport: http(this.anvil.rpcUrl) });
  }
}
