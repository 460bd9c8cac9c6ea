/**
 * The local devnet: starts the anvil binary shipped by @foundry-rs/anvil's platform package, directly (the
 * package's bin.mjs wrapper leaves the child running when it is killed), with anvil's fixed development
 * accounts, and stops it on `stop()` or when this process exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Hex } from 'viem';
import { ChainError } from './errors.js';

/** Anvil's (and Hardhat's) default mnemonic: public knowledge, for local networks only. */
export const anvilMnemonic = 'test test test test test test test test test test test junk';

/** The first ten accounts of `anvilMnemonic`, each funded with `balanceEth` on start. */
export const anvilPrivateKeys: readonly Hex[] = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  '0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e',
  '0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356',
  '0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97',
  '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
];

export const anvilChainId = 31337;

export interface AnvilOptions {
  /** 0 lets anvil pick a free port. */
  port: number;
  host: string;
  chainId: number;
  /** Seconds between blocks; absent: a block per transaction (automine). */
  blockTime?: number;
  /** Number of funded accounts derived from `anvilMnemonic`. */
  accounts: number;
  balanceEth: number;
  /** Milliseconds to wait for the RPC to answer. */
  startTimeoutMs: number;
  /** Receives each line anvil prints (it logs every transaction). */
  log?: (line: string) => void;
  /** The anvil binary; default: the one in @foundry-rs/anvil's platform package (or $ANVIL_BIN). */
  binary?: string;
}

export const defaultAnvilOptions: AnvilOptions = {
  port: 8545,
  host: '127.0.0.1',
  chainId: anvilChainId,
  accounts: 10,
  balanceEth: 10_000,
  startTimeoutMs: 20_000,
};

export interface Anvil {
  rpcUrl: string;
  chainId: number;
  port: number;
  child: ChildProcess;
  /** Kills anvil and resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const platformPackages: Record<string, string> = {
  'linux-x64': '@foundry-rs/anvil-linux-amd64',
  'linux-arm64': '@foundry-rs/anvil-linux-arm64',
  'darwin-x64': '@foundry-rs/anvil-darwin-amd64',
  'darwin-arm64': '@foundry-rs/anvil-darwin-arm64',
  'win32-x64': '@foundry-rs/anvil-win32-amd64',
};

/** The path of the anvil binary: $ANVIL_BIN, else the platform package's bin/anvil. */
export function anvilBinaryPath(): string {
  const fromEnv = process.env.ANVIL_BIN;
  if (fromEnv) return fromEnv;
  const platformPackage = platformPackages[`${process.platform}-${process.arch}`];
  if (!platformPackage) {
    throw new ChainError('ANVIL_NOT_FOUND', `no anvil package for ${process.platform}-${process.arch}; set ANVIL_BIN`);
  }
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    // Resolved from @foundry-rs/anvil, whose optional dependency the platform package is.
    const anvilDir = dirname(require.resolve('@foundry-rs/anvil/package.json'));
    dir = dirname(createRequire(join(anvilDir, 'package.json')).resolve(`${platformPackage}/package.json`));
  } catch (cause) {
    throw new ChainError('ANVIL_NOT_FOUND', `${platformPackage} is not installed (npm install); or set ANVIL_BIN`, { cause });
  }
  const binary = join(dir, 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
  if (!existsSync(binary)) throw new ChainError('ANVIL_NOT_FOUND', `${binary} is missing`);
  return binary;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs on normal exit and process.exit(); a parent killed by SIGKILL cannot clean up (no portable fix).
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

async function answersChainId(rpcUrl: string): Promise<number | null> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(1_000),
    });
    const body = (await response.json()) as { result?: string };
    return body.result ? Number(BigInt(body.result)) : null;
  } catch {
    return null;
  }
}

/** Starts anvil and resolves once `eth_chainId` answers on its RPC URL. */
export async function startAnvil(options: Partial<AnvilOptions> = {}): Promise<Anvil> {
  const opts: AnvilOptions = { ...defaultAnvilOptions, ...options };
  const args = [
    '--host',
    opts.host,
    '--port',
    String(opts.port),
    '--chain-id',
    String(opts.chainId),
    '--mnemonic',
    anvilMnemonic,
    '--accounts',
    String(opts.accounts),
    '--balance',
    String(opts.balanceEth),
  ];
  if (opts.blockTime !== undefined) args.push('--block-time', String(opts.blockTime));

  const child = spawn(opts.binary ?? anvilBinaryPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  installExitHook();
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
  };

  const tail: string[] = [];
  const onLine = (line: string): void => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
    opts.log?.(line);
  };
  // Keep draining both pipes for the child's whole life: anvil logs every transaction, and a full pipe blocks it.
  createInterface({ input: child.stderr! }).on('line', onLine);
  const listening = new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      onLine(line);
      const match = /Listening on .*:(\d+)\s*$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`anvil exited (${code ?? signal}) before listening`)));
  });

  try {
    const deadline = Date.now() + opts.startTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const port = await Promise.race([
      listening,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no "Listening on" line')), opts.startTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    const rpcUrl = `http://${host}:${port}`;
    for (;;) {
      const chainId = await answersChainId(rpcUrl);
      if (chainId === opts.chainId) return { rpcUrl, chainId, port, child, stop };
      if (chainId !== null) throw new Error(`anvil answered chain id ${chainId}, expected ${opts.chainId}`);
      if (Date.now() > deadline) throw new Error(`eth_chainId did not answer within ${opts.startTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (cause) {
    await stop();
    throw new ChainError('ANVIL_START_FAILED', `anvil did not start: ${(cause as Error).message}\n${tail.join('\n')}`, {
      cause,
      details: { args: args.filter((a) => a !== anvilMnemonic) },
    });
  }
}
