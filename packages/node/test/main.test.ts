/** main.ts as a real child process: the listening line, /health, the key kept out of output, exit 0 on SIGTERM. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getJson } from '@verity/http/client';
import { addressOf } from '@verity/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { TempDirs, keys } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dirs = new TempDirs();

afterAll(async () => {
  await dirs.cleanup();
});

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runMain(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/node/src/main.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function firstLine(child: Child, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!child.stdout().includes('\n')) {
    if (Date.now() > deadline) throw new Error(`no line on stdout within ${timeoutMs} ms; stderr: ${child.stderr()}`);
    if (child.process.exitCode !== null) throw new Error(`exited with ${child.process.exitCode}; stderr: ${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return child.stdout().split('\n')[0] as string;
}

describe('main.ts', () => {
  it('prints one listening line, serves /health and exits 0 on SIGTERM, never showing the key', async () => {
    const dataDir = await dirs.make();
    const child = runMain(['--port', '0', '--data-dir', dataDir, '--fee-wei', '5'], { VERITY_NODE_KEY: keys.b });
    try {
      const line = JSON.parse(await firstLine(child, 30_000)) as { event: string; url: string; address: string };
      expect(Object.keys(line)).toEqual(['event', 'url', 'address']);
      expect(line.event).toBe('listening');
      expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(line.address).toBe(addressOf(keys.b));
      expect(await getJson(`${line.url}/health`)).toEqual({
        ok: true,
        address: line.address,
        engine: expect.any(String),
        models: 0,
        inFlight: 0,
      });
      child.process.kill('SIGTERM');
      expect(await child.exited).toEqual({ code: 0, signal: null });
      expect(child.stdout().trim().split('\n')).toHaveLength(1);
      const secret = keys.b.slice(2);
      expect(child.stdout() + child.stderr()).not.toContain(secret);
    } finally {
      child.process.kill('SIGKILL');
    }
  });

  it('refuses to start without VERITY_NODE_KEY', async () => {
    const child = runMain(['--port', '0', '--data-dir', await dirs.make()], {});
    expect((await child.exited).code).toBe(2);
    expect(child.stdout()).toBe('');
    expect(child.stderr()).toContain('VERITY_NODE_KEY');
  });
});
