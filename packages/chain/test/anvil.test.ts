import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPublicClient, createWalletClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { ChainError, anvilBinaryPath, anvilPrivateKeys, startAnvil } from '../src/index.js';

/** Running (a zombie, killed but not yet reaped by init, counts as dead). */
function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('startAnvil', () => {
  it('finds the binary of the platform package, not the wrapper script', () => {
    const binary = anvilBinaryPath();
    expect(existsSync(binary)).toBe(true);
    expect(binary).toMatch(/@foundry-rs\/anvil-[a-z0-9]+-[a-z0-9]+\/bin\/anvil(\.exe)?$/);
  });

  it('starts on a free port with the fixed accounts and chain id 31337, and kills the child on stop', async () => {
    const [a, b] = await Promise.all([startAnvil({ port: 0 }), startAnvil({ port: 0 })]);
    try {
      expect(a!.port).not.toBe(b!.port);
      expect(a!.rpcUrl).toBe(`http://127.0.0.1:${a!.port}`);
      const client = createPublicClient({ transport: http(a!.rpcUrl) });
      expect(await client.getChainId()).toBe(31337);
      const addresses = await createWalletClient({ transport: http(a!.rpcUrl) }).getAddresses();
      expect(addresses.map((x) => x.toLowerCase())).toEqual(
        anvilPrivateKeys.map((k) => privateKeyToAccount(k).address.toLowerCase()),
      );
      expect(await client.getBalance({ address: addresses[0]! })).toBe(10_000n * 10n ** 18n);
    } finally {
      await Promise.all([a!.stop(), b!.stop()]);
    }
    expect(alive(a!.child.pid)).toBe(false);
    expect(alive(b!.child.pid)).toBe(false);
    await a!.stop(); // twice is fine
  });

  it('mines on an interval with blockTime', async () => {
    const anvil = await startAnvil({ port: 0, blockTime: 1 });
    try {
      const client = createPublicClient({ transport: http(anvil.rpcUrl) });
      const first = await client.getBlockNumber({ cacheTime: 0 });
      await new Promise((resolve) => setTimeout(resolve, 2_200));
      expect((await client.getBlockNumber({ cacheTime: 0 })) - first).toBeGreaterThanOrEqual(1n);
    } finally {
      await anvil.stop();
    }
  });

  it('fails with ANVIL_START_FAILED when the port is taken, and leaves no child behind', async () => {
    const first = await startAnvil({ port: 0 });
    try {
      const error = await startAnvil({ port: first.port, startTimeoutMs: 5_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChainError);
      expect((error as ChainError).reason).toBe('ANVIL_START_FAILED');
      expect((error as ChainError).code).toBe('CHAIN_UNAVAILABLE');
    } finally {
      await first.stop();
    }
  });

  it('kills anvil when the parent process exits without calling stop', async () => {
    const entry = fileURLToPath(new URL('../src/anvil.ts', import.meta.url));
    const script = `import { startAnvil } from ${JSON.stringify(entry)};
const anvil = await startAnvil({ port: 0 });
console.log(anvil.child.pid);
process.exit(0);`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const pid = Number(output.trim().split('\n').pop());
    expect(pid).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive(pid)).toBe(false);
  });
});
