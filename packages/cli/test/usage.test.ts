/** The command line itself: help with examples, usage errors (exit code 2), JSON errors, the bin script. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

describe('verity (command line)', () => {
  it('shows help with examples on every command', async () => {
    for (const args of [[], ['health'], ['model', 'push'], ['model', 'ls'], ['infer'], ['receipt', 'verify']]) {
      const { code, stdout } = await runCli([...args, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Examples:\n  $ verity ');
      expect(stdout).toContain('--json');
    }
  });

  it('exits 2 on usage errors, with commander messages in human mode', async () => {
    const unknownOption = await runCli(['model', 'ls', '--bogus']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("error: unknown option '--bogus'");

    const missing = await runCli(['model', 'push', 'x.onnx', '--name', 'm']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--version <version>' not specified");

    const choice = await runCli(['model', 'push', 'x.onnx', '--name', 'm', '--version', '1', '--format', 'pt']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('Allowed choices are onnx, gguf');

    const noCommand = await runCli(['model']);
    expect(noCommand.code).toBe(2);

    const badInput = await runCli(['infer', 'm@1', '--input', '{"x": [[1, 2], [3]]}']);
    expect(badInput.code).toBe(2);
    expect(badInput.stderr).toContain('error: --input: "x" is a ragged array');

    const badRequestId = await runCli(['infer', 'm@1', '--input', '{"x": [[1]]}', '--request-id', '0x12']);
    expect(badRequestId.code).toBe(2);
    expect(badRequestId.stderr).toContain('--request-id must be 0x and 64 hex digits');

    const badPolicy = await runCli(['infer', 'm@1', '--input', '{"x": [[1]]}', '--policy', 'majority']);
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stderr).toContain('--policy: unknown policy "majority"');

    const badUrl = await runCli(['health', '--url', 'ftp://example.com']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--url: expected an http or https URL');
  });

  it('prints usage errors as a protocol error body with --json, and nothing on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['model', 'ls', '--bogus', '--json']);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      error: { code: 'INVALID_REQUEST', message: "unknown option '--bogus'", details: { usage: true } },
    });
  });

  it('reports an unreachable node as NODE_UNAVAILABLE (exit 1), for people and programs', async () => {
    // Port 9 (discard) on loopback: nothing listens there in the test environment.
    const human = await runCli(['health', '--url', 'http://127.0.0.1:9']);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^error NODE_UNAVAILABLE: GET http:\/\/127\.0\.0\.1:9\/health failed/);

    const json = await runCli(['health', '--json'], { env: { VERITY_URL: 'http://127.0.0.1:9' } });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'NODE_UNAVAILABLE', details: { url: 'http://127.0.0.1:9/health' } } });
  });

  it('runs through bin/verity.js (tsx registered by the script itself)', async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(repoRoot, 'packages/cli/bin/verity.js'), '-V'], { cwd: '/' });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out }));
    });
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
