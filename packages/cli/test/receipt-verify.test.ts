/** `verity receipt verify` against files signed here with the protocol's own signReceipt: offline, real CLI. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerificationReport } from '@verity/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputs, keys, runCli, signedResponse } from './helpers.js';

let dir: string;
const file = async (name: string, value: unknown): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-cli-verify-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('verity receipt verify', () => {
  it('accepts a valid response, printing every check', async () => {
    const path = await file('valid.json', signedResponse([keys[0]!]));
    const { code, stdout, stderr } = await runCli(['receipt', 'verify', path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✓ signature [receipt 0]: signed by executor 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(stdout).toContain('✓ outputHash [receipt 0]: outputs hash to outputHash');
    expect(stdout).toContain('✓ quorum');
    expect(stdout).not.toContain('✗');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('verified: all 6 checks pass');
  });

  it('rejects a response whose output was altered after signing', async () => {
    const response = signedResponse([keys[0]!]);
    (response.outputs.y!.data as number[])[0] = 0.26;
    const { code, stdout } = await runCli(['receipt', 'verify', await file('tampered.json', response)]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ outputHash \[receipt 0\]: outputs hash to 0x[0-9a-f]{64}, receipt says 0x/);
    expect(stdout).toContain('✓ signature [receipt 0]');
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^NOT VERIFIED: \d+ of \d+ checks fail$/);
  });

  it('rejects a receipt signed by someone other than its executor', async () => {
    const response = signedResponse([keys[0]!]);
    const forged = signedResponse([keys[1]!]).receipts[0]!;
    response.receipts[0]!.signature = forged.signature; // key 1 signed it, the message names key 0's address
    const { code, stdout } = await runCli(['receipt', 'verify', await file('forged.json', response)]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '✗ signature [receipt 0]: signature does not recover to executor 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    );
    expect(stdout).toContain('✗ quorum: 0 distinct executor(s)');
  });

  it('rejects a response without the quorum its policy needs', async () => {
    // Three receipts, one executor: replicate:3 needs more than one operator to agree, however many it needs.
    const response = signedResponse([keys[0]!, keys[0]!, keys[0]!], 'replicate:3');
    const { code, stdout } = await runCli(['receipt', 'verify', await file('quorum.json', response)]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /✗ quorum: 1 distinct executor\(s\) signed valid receipts for these outputs; policy replicate:3 needs [23]/,
    );
    expect(stdout).not.toContain('✗ signature');

    const full = signedResponse(keys, 'replicate:3');
    const ok = await runCli(['receipt', 'verify', await file('quorum-ok.json', full)]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ quorum: 3 distinct executor(s)');
  });

  it('checks a single signed receipt, and the inputs when given', async () => {
    const receipt = signedResponse([keys[2]!]).receipts[0]!;
    const path = await file('receipt.json', receipt);
    const plain = await runCli(['receipt', 'verify', path]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('signed receipt');
    expect(plain.stdout).toContain('✓ signature: signed by executor 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');

    const withInputs = await runCli(['receipt', 'verify', path, '--input', JSON.stringify(inputs)]);
    expect(withInputs.code).toBe(0);
    expect(withInputs.stdout).toContain('✓ inputHash: inputs hash to inputHash');

    const otherInputs = await runCli(['receipt', 'verify', path, '--input', '{"x": [[1, 2, 3, 5]]}']);
    expect(otherInputs.code).toBe(1);
    expect(otherInputs.stdout).toContain('✗ inputHash');
  });

  it('prints the report as JSON with --json, exit code following it', async () => {
    const valid = await runCli(['receipt', 'verify', await file('valid-json.json', signedResponse([keys[0]!])), '--json']);
    expect(valid.code).toBe(0);
    expect(valid.stderr).toBe('');
    const report = JSON.parse(valid.stdout) as VerificationReport;
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.check)).toEqual(['format', 'signature', 'requestId', 'modelId', 'outputHash', 'quorum']);

    const tampered = signedResponse([keys[0]!]);
    tampered.outputs.y!.shape = [3, 1];
    const bad = await runCli(['--json', 'receipt', 'verify', await file('tampered-json.json', tampered)]);
    expect(bad.code).toBe(1);
    const badReport = JSON.parse(bad.stdout) as VerificationReport;
    expect(badReport.ok).toBe(false);
    expect(badReport.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['outputHash', 'quorum']);
  });

  it('reads stdin for "-"', async () => {
    const { code, stdout } = await runCli(['receipt', 'verify', '-'], { stdin: JSON.stringify(signedResponse([keys[0]!])) });
    expect(code).toBe(0);
    expect(stdout).toContain('verified: all 6 checks pass');
  });

  it('fails on files that are not JSON or not receipts, and on missing files', async () => {
    const notJson = await runCli(['receipt', 'verify', await file('broken.json', '{"requestId": ')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^error BAD_JSON: .*broken\.json is not JSON/);
    expect(notJson.stdout).toBe('');

    const notJsonJson = await runCli(['receipt', 'verify', join(dir, 'broken.json'), '--json']);
    expect(notJsonJson.code).toBe(1);
    expect(JSON.parse(notJsonJson.stdout)).toMatchObject({ error: { code: 'BAD_JSON', details: {} } });
    expect(notJsonJson.stderr).toBe('');

    const other = await runCli(['receipt', 'verify', await file('other.json', { hello: 'world' })]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain(
      '✗ format: neither an infer response (with receipts), a chat or completion answer (with verity), nor a signed receipt',
    );

    const missing = await runCli(['receipt', 'verify', join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: cannot read file');
    expect(missing.stderr).toContain('ENOENT');
  });
});
