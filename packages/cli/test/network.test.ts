/** The CLI against a real node (startNode on 127.0.0.1, port 0) serving a real ONNX model, run as a child process. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningNode, startNode } from '@verity/node';
import { type InferResponse, type ModelList, verifyInferResponse } from '@verity/protocol';
import { randomMlp } from '@verity/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, runCli } from './helpers.js';

let dir: string;
let node: RunningNode;
let modelPath: string;
const input = '{"x": [[1, 2, 3, 4]]}';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-cli-net-'));
  modelPath = join(dir, 'm.onnx');
  await writeFile(modelPath, randomMlp('m', [4, 8, 3], 1));
  node = await startNode({ dataDir: join(dir, 'node'), privateKey: keys[0]! });
});

afterAll(async () => {
  await node?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('verity against a node', () => {
  it('answers health', async () => {
    const { code, stdout } = await runCli(['health', '--url', node.url]);
    expect(code).toBe(0);
    expect(stdout).toContain(`ok ${node.url}`);
    expect(stdout).toMatch(/address\s+0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266/);
  });

  it('pushes a model (format from the extension) and lists it', async () => {
    const push = await runCli(['model', 'push', modelPath, '--name', 'm', '--version', '1', '--url', node.url]);
    expect(push.stderr).toBe(''); // no progress bar without a terminal
    expect(push.code).toBe(0);
    expect(push.stdout).toContain('registered m@1');
    expect(push.stdout).toMatch(/model id\s+0x[0-9a-f]{64}/);

    const ls = await runCli(['model', 'ls', '--json'], { env: { VERITY_URL: node.url } });
    expect(ls.code).toBe(0);
    const list = JSON.parse(ls.stdout) as ModelList;
    expect(list.object).toBe('list');
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ id: 'm@1', format: 'onnx', size: (await readFile(modelPath)).length });

    const table = await runCli(['model', 'ls', '--url', node.url]);
    expect(table.code).toBe(0);
    const [header, row] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+MODEL ID\s+FORMAT\s+SIZE$/);
    expect(row).toMatch(/^m@1\s+0x[0-9a-f]{8}…\s+onnx\s+482 B$/);

    const json = await runCli(['model', 'push', modelPath, '--name', 'm', '--version', '2', '--json', '--url', node.url]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'm@2', modelId: list.data[0]!.modelId });
  });

  it('infers, printing outputs and the agreement', async () => {
    const { code, stdout, stderr } = await runCli(['infer', 'm@1', '--input', input, '--url', node.url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^outputs\n {2}y {2}float32 \[1, 3\] {2}\[-?\d\.\d+, -?\d\.\d+, -?\d\.\d+\]\n/);
    expect(stdout).toMatch(/policy\s+none/);
    expect(stdout).toMatch(/receipts\s+1/);
    expect(stdout).toMatch(/executors\s+1 distinct \(0xf39F…2266\)/);
    expect(stdout).toMatch(/verified offline\s+yes/);
  });

  it('prints the whole response with --json', async () => {
    const requestId = `0x${'7e'.repeat(32)}`;
    const { code, stdout } = await runCli([
      'infer',
      'm@1',
      '--input',
      input,
      '--request-id',
      requestId,
      '--json',
      '--url',
      node.url,
    ]);
    expect(code).toBe(0);
    const response = JSON.parse(stdout) as InferResponse;
    expect(response.requestId).toBe(requestId);
    expect(response.outputs.y).toMatchObject({ dtype: 'float32', shape: [1, 3] });
    expect(verifyInferResponse(response, { inputs: { x: { dtype: 'float32', shape: [1, 4], data: [1, 2, 3, 4] } } }).ok).toBe(
      true,
    );
  });

  it('saves the response with --output, for receipt verify; a tampered copy fails', async () => {
    const saved = join(dir, 'answer.json');
    const inputFile = join(dir, 'x.json');
    await writeFile(inputFile, JSON.stringify({ x: { dtype: 'float32', shape: [1, 4], data: [1, 2, 3, 4] } }));
    const run = await runCli(['infer', 'm', '--input', `@${inputFile}`, '--output', saved, '--url', node.url]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`saved to ${saved}`);

    const verify = await runCli(['receipt', 'verify', saved, '--input', `@${inputFile}`]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('✓ inputHash [receipt 0]');
    expect(verify.stdout).toContain('verified: all 7 checks pass');

    const response = JSON.parse(await readFile(saved, 'utf8')) as InferResponse;
    (response.outputs.y!.data as number[])[1] = 1;
    const tampered = join(dir, 'tampered.json');
    await writeFile(tampered, JSON.stringify(response));
    const bad = await runCli(['receipt', 'verify', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✗ outputHash [receipt 0]');
  });

  it('fails with the protocol error code: exit 1, error UNKNOWN_MODEL', async () => {
    const human = await runCli(['infer', 'nope@1', '--input', input, '--url', node.url]);
    expect(human.code).toBe(1);
    expect(human.stdout).toBe('');
    expect(human.stderr).toBe('error UNKNOWN_MODEL: no model "nope@1" on this node\n');

    const json = await runCli(['infer', 'nope@1', '--input', input, '--json', '--url', node.url]);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'UNKNOWN_MODEL', details: { status: 404 } } });
  });

  it('reports receipts that do not meet the policy: outputs shown, "verified offline: no", exit 1', async () => {
    // One node cannot replicate: it signs the policy it was asked for with one receipt, which verification refuses.
    const human = await runCli(['infer', 'm@1', '--input', input, '--policy', 'replicate:3', '--url', node.url]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/verified offline\s+no/);
    expect(human.stderr).toContain('✗ quorum');
    expect(human.stderr).toContain('error RECEIPT_INVALID');

    const json = await runCli(['infer', 'm@1', '--input', input, '--policy', 'replicate:3', '--json', '--url', node.url]);
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout) as {
      error: { code: string; details: { report: { ok: boolean }; response: InferResponse } };
    };
    expect(body.error.code).toBe('RECEIPT_INVALID');
    expect(body.error.details.report.ok).toBe(false);
    expect(body.error.details.response.policy).toBe('replicate:3');
  });
});
