/**
 * A whole local network on loopback: n nodes (each a process with its own operator key and data directory)
 * and a router in front of them. Used by `npm start`, the end-to-end tests and the benchmarks.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hex } from '@verity/protocol';
import { devKeys } from './keys.js';
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
  /** TEST ONLY: faults injected into nodes by index. */
  faults?: Record<number, 'wrong-output'>;
  /** Per-attempt timeout of the router's requests to nodes. */
  routerTimeoutMs?: number;
  log?: (source: string, line: string) => void;
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
  ) {}

  get routerUrl(): string {
    return this.router.url;
  }

  static async start(partial: Partial<NetworkOptions> = {}): Promise<LocalNetwork> {
    const options = { ...defaultNetworkOptions, ...partial };
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'verity-net-'));
    mkdirSync(dataDir, { recursive: true });
    const started: ServiceProcess[] = [];
    try {
      const nodes = await Promise.all(
        Array.from({ length: options.nodes }, async (_, index) => {
          const node = await LocalNetwork.spawnNode(options, dataDir, index, options.nodeBasePort === 0 ? 0 : options.nodeBasePort + index);
          started.push(node.service);
          return node;
        }),
      );
      const routerArgs = ['--port', String(options.routerPort), '--nodes', nodes.map((n) => n.url).join(','), '--data-dir', join(dataDir, 'router')];
      if (options.routerTimeoutMs) routerArgs.push('--timeout-ms', String(options.routerTimeoutMs));
      const router = await spawnService({
        entry: 'packages/router/src/main.ts',
        args: routerArgs,
        cwd: repoRoot,
        log: (line) => options.log?.('router', line),
      });
      return new LocalNetwork(options, dataDir, nodes, router);
    } catch (error) {
      await Promise.all(started.map((s) => stopService(s)));
      throw error;
    }
  }

  private static async spawnNode(options: NetworkOptions, dataDir: string, index: number, port: number): Promise<NetworkNode> {
    const key = devKeys[index + 1];
    if (!key) throw new Error(`no development key for node ${index}`);
    const nodeDir = join(dataDir, `node-${index + 1}`);
    const args = ['--host', '127.0.0.1', '--port', String(port), '--data-dir', nodeDir];
    const fault = options.faults?.[index];
    if (fault) args.push('--fault', fault);
    const service = await spawnService({
      entry: 'packages/node/src/main.ts',
      args,
      cwd: repoRoot,
      env: { VERITY_NODE_KEY: key },
      log: (line) => options.log?.(`node-${index + 1}`, line),
    });
    return { index, url: service.url, address: service.address as Hex, port: Number(new URL(service.url).port), dataDir: nodeDir, service };
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
    const fresh = await LocalNetwork.spawnNode(this.options, this.dataDir, index, node.port);
    this.nodes[index] = fresh;
  }

  private node(index: number): NetworkNode {
    const node = this.nodes[index];
    if (!node) throw new Error(`no node ${index}`);
    return node;
  }

  async stop(): Promise<void> {
    await stopService(this.router);
    await Promise.all(this.nodes.map((n) => stopService(n.service)));
  }
}
