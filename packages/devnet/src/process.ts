/** Starts a service entry (node or router) as a child process and waits for its "listening" line. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  address?: string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export interface SpawnServiceOptions {
  entry: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  /** Receives each stderr line of the child. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

export function spawnService(options: SpawnServiceOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry, ...options.args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 50) stderr.shift();
    options.log?.(line);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.entry} did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${stderr.join('\n')}`));
    }, options.startTimeoutMs ?? 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const event = JSON.parse(line) as { event?: string; url?: string; address?: string };
        if (event.event === 'listening' && event.url) {
          clearTimeout(timer);
          resolve({ child, url: event.url, exited, ...(event.address ? { address: event.address } : {}) });
        }
      } catch {
        // not an event line
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.entry} exited with code ${code} before listening:\n${stderr.join('\n')}`));
    });
  });
}

/** Stops a child politely (SIGTERM), then firmly if it does not exit in time. */
export async function stopService(service: ServiceProcess, graceMs = 5_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}
