/**
 * No test machinery in production code: no production package's source imports @verity/fixtures or depends on it,
 * and the node's command line has no fault flag (faults are injected from outside, by @verity/fixtures).
 */
import { spawn } from 'node:child_process';
import { type Dirent, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TempDirs, keys } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const productionPackages = ['node', 'router', 'runtime', 'payments', 'sdk', 'cli', 'protocol', 'chain', 'http', 'contracts'];
const sourceFile = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
// A module specifier naming the package (or a path in it), in an import, export, import() or require.
const fixturesSpecifier = /['"`]@verity\/fixtures(?:\/[^'"`]*)?['"`]/;

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());

function sourceFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.isFile() && sourceFile.test(entry.name) ? [path] : [];
  });
}

describe('production packages', () => {
  it('never import @verity/fixtures from their sources', () => {
    const files = productionPackages.flatMap((name) => sourceFiles(join(repoRoot, 'packages', name, 'src')));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((file) => fixturesSpecifier.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => file.slice(repoRoot.length))).toEqual([]);
  });

  it('never depend on @verity/fixtures (devDependencies, for their tests, aside)', () => {
    for (const name of productionPackages) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8')) as Record<
        string,
        Record<string, string> | undefined
      >;
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
        expect(Object.keys(manifest[field] ?? {}), `${name}'s ${field}`).not.toContain('@verity/fixtures');
      }
    }
  });

  it('the node refuses --fault as an unknown option', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/node/src/main.ts', '--port', '0', '--data-dir', await dirs.make(), '--fault', 'wrong-output'],
      { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', VERITY_NODE_KEY: keys.a }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A node that took the flag would start and keep running: it is killed, and the expectations below fail.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    expect(stdout).toBe('');
    expect(stderr).toContain("unknown option '--fault'");
    expect(code).toBe(1);
  });
});
