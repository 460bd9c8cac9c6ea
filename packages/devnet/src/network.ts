/**
 * A whole local network on loopback: n nodes (each a process with its own operator key and data directory)
 * and a router in front of them; with `chain`, an anvil under them too, the contracts deployed and the accounts
 * funded, the nodes registered and staked on it and the router reading the node set from it. Used by
 * `npm start`, the end-to-end tests and the benchmarks.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Anvil, Deployment } from '@verity/chain';
import { type Hex, addressOf } from '@verity/protocol';
import type { DevChain } from './chain.js';
import { devKeys, routerKey } from './keys.js';
import { type ServiceProcess, spawnService, stopService } from './process.js';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface NetworkOptions {
  nodes: number;
  /** Router port; 0 picks a free one. */
  routerPort: number;
  /** First node port (then +1 per node); 0 picks free ones. */
  nodeBasePort: number;
  /** Where nodes keep blobs and records; a fresh temp directory when absent. */
  dataDir?: string;
  /**
   * TEST ONLY: faults injected into nodes by index. A faulty node runs the node's program through faulty-node.ts,
   * which wraps it with @verity/fixtures' fault injection (the node itself has no faults).
   */
  faults?: Record<number, 'wrong-output' | 'drop-stream'>;
  /** Per-attempt timeout of the router's requests to nodes. */
  routerTimeoutMs?: number;
  /** How often the router refreshes its node set (from the chain), health and models. */
  routerRefreshMs?: number;
  /** Run on a local chain (anvil); absent: no chain, the router gets the node list (as before the chain). */
  chain?: NetworkChainOptions;
  log?: (source: string, line: string) => void;
}

export interface NetworkChainOptions {
  /** anvil's port: 8545 for `npm start`, 0 picks a free one. */
  port: number;
  /** NodeRegistry's liveness window; short on the devnet (default 30 s) so a test can watch a node go stale. */
  livenessWindowSeconds?: number;
  /** NodeRegistry's unstaking delay (default 60 s). */
  unstakeDelaySeconds?: number;
  /** The nodes' heartbeat interval; default a quarter of the liveness window (at most 15 s, at least 250 ms). */
  heartbeatIntervalMs?: number;
  /** Passed to every node (the node's defaults otherwise: 1000 receipts, 10 s). */
  epochMaxReceipts?: number;
  epochMaxAgeMs?: number;
  /** VRT minted to each of anvil's accounts 0–9 (whole tokens; default 10 000). */
  mintTokens?: number;
  /**
   * The router charges with x402 (`batch-settlement`) at the prices on chain: every node asks `priceWei` VRT base
   * units per answer (its NodeRegistry price), raised part by part by a model's published price (per answer, and per
   * token for a language model); each receipt signs what its answer cost. Channels pay into the FeeSplitter; the router operator, anvil's account 9 (`routerKey`), is their
   * receiverAuthorizer.
   */
  payments?: {
    priceWei: bigint;
    claimIntervalMs?: number;
    /** false: the router leaves claiming fee shares to the executors (`verity node claim`). Default true. */
    routerClaimsCharges?: boolean;
  };
}

/** The devnet's chain: where it is, what is deployed on it, and the anvil process behind it. */
export interface NetworkChain {
  rpcUrl: string;
  chainId: number;
  deployment: Deployment;
  /** <dataDir>/deployment.json, which the nodes and the router read. */
  deploymentFile: string;
  /** Changes when the chain is restarted (startChain). */
  anvil: Anvil;
}

export const defaultNetworkOptions: NetworkOptions = { nodes: 3, routerPort: 7070, nodeBasePort: 7071 };

export interface NetworkNode {
  index: number;
  url: string;
  address: Hex;
  port: number;
  dataDir: string;
  service: ServiceProcess;
}

export class LocalNetwork {
  private constructor(
    readonly options: NetworkOptions,
    readonly dataDir: string,
    readonly nodes: NetworkNode[],
    private router: ServiceProcess,
    private devChain: DevChain | undefined,
  ) {}

  get routerUrl(): string {
    return this.router.url;
  }

  /** The local chain, when the network runs on one. */
  get chain(): NetworkChain | undefined {
    const chain = this.devChain;
    if (!chain) return undefined;
    return {
      rpcUrl: chain.anvil.rpcUrl,
      chainId: chain.deployment.chainId,
      deployment: chain.deployment,
      deploymentFile: chain.deploymentFile,
      anvil: chain.anvil,
    };
  }

  static async start(partial: Partial<NetworkOptions> = {}): Promise<LocalNetwork> {
    const options = { ...defaultNetworkOptions, ...partial };
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'verity-net-'));
    mkdirSync(dataDir, { recursive: true });
    const started: ServiceProcess[] = [];
    let chain: DevChain | undefined;
    try {
      // Loaded only with a chain: a chainless network need not load viem and the contracts.
      if (options.chain) chain = await (await import('./chain.js')).DevChain.start(options.chain, dataDir);
      // Without a chain each node is told its peers' URLs (its blob sources), so the ports are chosen up front; on
      // a chain the staked endpoints are the peers, and a node on port 0 announces the URL it listens on.
      const ports =
        options.nodeBasePort !== 0
          ? Array.from({ length: options.nodes }, (_, index) => options.nodeBasePort + index)
          : chain
            ? Array.from({ length: options.nodes }, () => 0)
            : await freePorts(options.nodes);
      const peers = chain ? [] : ports.map(nodeUrl);
      const nodes = await Promise.all(
        ports.map(async (port, index) => {
          const node = await LocalNetwork.spawnNode(options, dataDir, index, port, chain, peers);
          started.push(node.service);
          return node;
        }),
      );
      // The router reads the node set from the chain: it starts once every node is registered and active there.
      if (chain) await chain.waitForActive(nodes.map((n) => n.address));
      const routerArgs = ['--port', String(options.routerPort), '--data-dir', join(dataDir, 'router')];
      if (chain) routerArgs.push('--rpc-url', chain.anvil.rpcUrl, '--deployment', chain.deploymentFile);
      else routerArgs.push('--nodes', nodes.map((n) => n.url).join(','));
      if (options.routerTimeoutMs) routerArgs.push('--timeout-ms', String(options.routerTimeoutMs));
      if (options.routerRefreshMs) routerArgs.push('--refresh-ms', String(options.routerRefreshMs));
      const payments = options.chain?.payments;
      if (payments) {
        routerArgs.push('--payments');
        if (payments.claimIntervalMs) routerArgs.push('--claim-interval-ms', String(payments.claimIntervalMs));
        if (payments.routerClaimsCharges === false) routerArgs.push('--no-claim-charges');
      }
      const router = await spawnService({
        entry: 'packages/router/src/main.ts',
        args: routerArgs,
        ...(payments ? { env: { VERITY_ROUTER_KEY: routerKey } } : {}),
        cwd: repoRoot,
        log: (line) => options.log?.('router', line),
      });
      return new LocalNetwork(options, dataDir, nodes, router, chain);
    } catch (error) {
      await Promise.all(started.map((s) => stopService(s)));
      await chain?.stop();
      throw error;
    }
  }

  private static async spawnNode(
    options: NetworkOptions,
    dataDir: string,
    index: number,
    port: number,
    chain: DevChain | undefined,
    peers: string[],
  ): Promise<NetworkNode> {
    const key = devKeys[index + 1];
    if (!key) throw new Error(`no development key for node ${index}`);
    const nodeDir = join(dataDir, `node-${index + 1}`);
    // Every node is on 127.0.0.1: blob fetches between them need private targets allowed.
    const args = ['--host', '127.0.0.1', '--port', String(port), '--data-dir', nodeDir, '--allow-private-peers'];
    if (peers.length > 0) args.push('--peer-source', peers.join(','));
    if (chain) {
      args.push(
        '--rpc-url',
        chain.anvil.rpcUrl,
        '--deployment',
        chain.deploymentFile,
        '--heartbeat-interval-ms',
        String(chain.heartbeatIntervalMs),
      );
      // With port 0 the URL is known only once listening; the node then announces the URL it listens on.
      if (port !== 0) args.push('--endpoint', nodeUrl(port));
      if (options.chain?.epochMaxReceipts !== undefined)
        args.push('--epoch-max-receipts', String(options.chain.epochMaxReceipts));
      if (options.chain?.epochMaxAgeMs !== undefined) args.push('--epoch-max-age-ms', String(options.chain.epochMaxAgeMs));
      // A paid network: each node charges its direct clients too, and serves the devnet's router unpaid.
      if (options.chain?.payments)
        args.push('--fee-wei', String(options.chain.payments.priceWei), '--payments', '--router', addressOf(routerKey));
      if (options.chain?.payments?.claimIntervalMs)
        args.push('--claim-interval-ms', String(options.chain.payments.claimIntervalMs));
    }
    const fault = options.faults?.[index];
    const service = await spawnService({
      ...(fault
        ? { entry: 'packages/devnet/src/faulty-node.ts', args: [fault, ...args] }
        : { entry: 'packages/node/src/main.ts', args }),
      cwd: repoRoot,
      env: { VERITY_NODE_KEY: key },
      log: (line) => options.log?.(`node-${index + 1}`, line),
    });
    return {
      index,
      url: service.url,
      address: service.address as Hex,
      port: Number(new URL(service.url).port),
      dataDir: nodeDir,
      service,
    };
  }

  /** Kills a node abruptly (SIGKILL), as a crash would. */
  async crashNode(index: number): Promise<void> {
    const node = this.node(index);
    node.service.child.kill('SIGKILL');
    await node.service.exited;
  }

  async stopNode(index: number): Promise<void> {
    await stopService(this.node(index).service);
  }

  /** Starts a stopped node again on the same port with the same key and data. */
  async restartNode(index: number): Promise<void> {
    const node = this.node(index);
    await stopService(node.service);
    const peers = this.devChain ? [] : this.nodes.map((n) => nodeUrl(n.port));
    const fresh = await LocalNetwork.spawnNode(this.options, this.dataDir, index, node.port, this.devChain, peers);
    this.nodes[index] = fresh;
  }

  /** Stops anvil, keeping the chain's state (for RPC-outage tests); nodes and router keep running. */
  async stopChain(): Promise<void> {
    if (!this.devChain) throw new Error('this network runs without a chain');
    await this.devChain.stopKeepingState();
  }

  /** Starts anvil again on the same port with the state it had when stopped. */
  async startChain(): Promise<void> {
    if (!this.devChain) throw new Error('this network runs without a chain');
    await this.devChain.restart();
  }

  private node(index: number): NetworkNode {
    const node = this.nodes[index];
    if (!node) throw new Error(`no node ${index}`);
    return node;
  }

  /** Stops the router, then the nodes (which post the roots they owe while the chain is still up), then anvil. */
  async stop(): Promise<void> {
    await stopService(this.router);
    await Promise.all(this.nodes.map((n) => stopService(n.service)));
    await this.devChain?.stop();
  }
}

function nodeUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** `count` distinct free ports on 127.0.0.1, held together while chosen so none is picked twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
