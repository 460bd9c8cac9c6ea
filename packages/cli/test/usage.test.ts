/** The command line itself: help with examples, usage errors (exit code 2), JSON errors, the bin script. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { repoRoot, runCli } from './helpers.js';

/** Runs the CLI in this process (for help texts: no child process needed), capturing stdout and stderr. */
async function runHere(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        append(chunk.toString('utf8'));
        callback();
      },
    });
  const code = await run(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    stdin: new PassThrough(),
    env,
  });
  return { code, stdout, stderr };
}

describe('verity (command line)', () => {
  it('shows help with examples on every command', async () => {
    for (const args of [
      [],
      ['health'],
      ['model', 'push'],
      ['model', 'ls'],
      ['infer'],
      ['chat'],
      ['complete'],
      ['receipt', 'verify'],
    ]) {
      const { code, stdout } = await runCli([...args, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Examples:\n  $ verity ');
      expect(stdout).toContain('--json');
    }
  });

  it('shows help with examples on every chain command, and the chain options everywhere', async () => {
    for (const args of [
      ['node', 'register'],
      ['node', 'stake'],
      ['node', 'unstake'],
      ['node', 'withdraw'],
      ['node', 'ls'],
      ['chain', 'status'],
    ]) {
      const { code, stdout } = await runHere([...args, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('Examples:\n  $ ');
      expect(stdout).toContain('--json');
      expect(stdout).toContain('--deployment <file>');
      expect(stdout).toContain('--rpc-url <url>');
    }
    const registerHelp = (await runHere(['node', 'register', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(registerHelp).toContain('Signs with the key in $VERITY_KEY (never read from the command line)');
    expect((await runHere(['receipt', 'verify', '--help'])).stdout).toContain('--chain');
  });

  it('refuses chain commands without a deployment, or with a malformed VERITY_KEY, as usage errors (exit 2)', async () => {
    const noDeployment = await runHere(['chain', 'status']);
    expect(noDeployment.code).toBe(2);
    expect(noDeployment.stderr).toContain(
      "chain status needs the chain's deployment file: --deployment <file> or VERITY_DEPLOYMENT",
    );

    const missing = await runHere(['node', 'ls', '--deployment', '/nonexistent/deployment.json', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'INVALID_REQUEST', details: { usage: true } } });
    expect(missing.stdout).toContain('cannot read deployment file /nonexistent/deployment.json');

    const badAmount = await runHere(['node', 'stake', '1.2.3']);
    expect(badAmount.code).toBe(2);
    expect(badAmount.stderr).toContain('the amount must be an amount of VRT such as 100 or 0.5, got "1.2.3"');
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
      error: {
        code: 'INVALID_REQUEST',
        message: "unknown option '--bogus'",
        details: { usage: true },
        type: 'invalid_request_error',
        param: null,
      },
    });
  });

  it('reports an unreachable node as NODE_UNAVAILABLE (exit 1), for people and programs', async () => {
    // Port 9 (discard) on loopback: nothing listens there in the test environment.
    const human = await runCli(['health', '--url', 'http://127.0.0.1:9']);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^error NODE_UNAVAILABLE: GET http:\/\/127\.0\.0\.1:9\/health failed/);

    const json = await runCli(['health', '--json'], { env: { VERITY_URL: 'http://127.0.0.1:9' } });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      error: { code: 'NODE_UNAVAILABLE', details: { url: 'http://127.0.0.1:9/health' } },
    });
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
