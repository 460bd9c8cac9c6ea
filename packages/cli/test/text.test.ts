/**
 * `verity chat`, `verity complete` and `verity receipt verify` on their answers, run as a user runs them (child
 * processes) against real nodes on 127.0.0.1 serving the committed GGUF model: one honest, one that cuts every
 * stream after its first piece (@verity/fixtures' fault 'drop-stream').
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultyNode } from '@verity/fixtures';
import { type RunningNode, startNode } from '@verity/node';
import {
  type ChatCompletion,
  type TextCompletion,
  type VerificationReport,
  chatInputHash,
  verifyTextResponse,
} from '@verity/protocol';
import { createClient } from '@verity/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, repoRoot, runCli } from './helpers.js';

const modelPath = join(repoRoot, 'models/tiny-llama.gguf');
const receiptLine = /^✓ verified: 1 receipt\(s\), executor 0xf39F…2266, policy none(; stopped at the token limit)?\n$/;

let dir: string;
let node: RunningNode;
let fragile: RunningNode;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-cli-text-'));
  [node, fragile] = await Promise.all([
    startNode({ dataDir: join(dir, 'node'), privateKey: keys[0]! }),
    startFaultyNode({ dataDir: join(dir, 'fragile'), privateKey: keys[1]! }, 'drop-stream'),
  ]);
  await Promise.all(
    [node, fragile].map((n) => createClient({ url: n.url }).pushModel(modelPath, { name: 'tiny-llama', version: '1' })),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([node?.close(), fragile?.close()]);
  await rm(dir, { recursive: true, force: true });
});

const chatArgs = ['--model', 'tiny-llama', '--max-tokens', '16'];
const text = (answer: ChatCompletion | TextCompletion) =>
  'message' in answer.choices[0]! ? (answer.choices[0].message.content ?? '') : answer.choices[0]!.text;

describe('verity chat', () => {
  it('streams the answer to stdout and the verification line to stderr; --json gives the whole answer', async () => {
    const [streamed, json] = await Promise.all([
      runCli(['chat', 'Say', 'something.', ...chatArgs, '--url', node.url]),
      runCli(['chat', 'Say something.', ...chatArgs, '--json', '--url', node.url]),
    ]);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const answer = JSON.parse(json.stdout) as ChatCompletion;
    expect(answer.object).toBe('chat.completion');
    expect(answer.verity.receipts[0]!.typedData.message.inputHash).toBe(
      chatInputHash({ messages: [{ role: 'user', content: 'Say something.' }], max_tokens: 16 }),
    );
    const { finish_reason } = answer.choices[0]!;
    expect(verifyTextResponse({ text: text(answer), finishReason: finish_reason, verity: answer.verity }).ok).toBe(true);

    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toBe(`${text(answer)}\n`);
    expect(streamed.stderr).toMatch(receiptLine);
  });

  it('reads the message from stdin, takes a system message, and answers at once with --no-stream', async () => {
    const [piped, system] = await Promise.all([
      runCli(['chat', ...chatArgs, '--no-stream', '--url', node.url], { stdin: 'Say something.\n' }),
      runCli(['chat', 'Hi', ...chatArgs, '--system', 'You are terse.', '--seed', '3', '--temperature', '0.5', '--json'], {
        env: { VERITY_URL: node.url },
      }),
    ]);
    const whole = await createClient({ url: node.url }).chat({
      model: 'tiny-llama',
      messages: [{ role: 'user', content: 'Say something.' }],
      max_tokens: 16,
    });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(`${text(whole)}\n`);
    expect(piped.stderr).toMatch(receiptLine);

    expect(system.code).toBe(0);
    const answer = JSON.parse(system.stdout) as ChatCompletion;
    const messages = [
      { role: 'system' as const, content: 'You are terse.' },
      { role: 'user' as const, content: 'Hi' },
    ];
    expect(answer.verity.receipts[0]!.typedData.message.inputHash).toBe(
      chatInputHash({ messages, max_tokens: 16, seed: 3, temperature: 0.5 }),
    );
  });

  it('exits 1 when the node dies mid-stream: the error after the partial text, no verification line', async () => {
    const human = await runCli(['chat', 'Say something.', ...chatArgs, '--url', fragile.url]);
    expect(human.code).toBe(1);
    expect(human.stdout.length).toBeGreaterThan(1);
    expect(human.stdout.endsWith('\n')).toBe(true);
    expect(human.stderr).toMatch(/^error NODE_UNAVAILABLE: /);
    expect(human.stderr).not.toContain('verified');
  });

  it('exits 1 with RECEIPT_INVALID when the receipts do not meet the policy, for people and programs', async () => {
    // A node alone signs one receipt whatever the policy; replicate:2 needs two executors.
    const args = ['chat', 'Say something.', ...chatArgs, '--policy', 'replicate:2', '--url', node.url];
    const [human, json] = await Promise.all([runCli(args), runCli([...args, '--json'])]);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain('✗ quorum: 1 distinct executor(s)');
    expect(human.stderr).toContain('error RECEIPT_INVALID: the answer does not verify (1 check(s) failed)');
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout) as { error: { code: string; details: { report: VerificationReport } } };
    expect(body.error.code).toBe('RECEIPT_INVALID');
    expect(body.error.details.report.ok).toBe(false);
  });

  it('refuses bad options and a missing message as usage errors (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['chat', ...chatArgs], 'no message: give it as arguments, or on stdin'],
      [['chat', 'Hi', '--model', 'm', '--temperature', '3'], '--temperature must be a number from 0 to 2, got "3"'],
      [['chat', 'Hi', '--model', 'm', '--max-tokens', '0'], '--max-tokens must be a whole number from 1 to 1000000'],
      [['chat', 'Hi', '--model', 'm', '--policy', 'majority'], '--policy: unknown policy "majority"'],
      [['complete', 'Hi'], "required option '--model <ref>' not specified"],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli([...args, '--url', node.url])));
    for (const [index, [, message]] of cases.entries()) {
      expect(results[index]!.code).toBe(2);
      expect(results[index]!.stderr).toContain(message);
    }
  });
});

describe('verity complete', () => {
  it('continues a prompt, streamed or whole, with the same text', async () => {
    const args = ['complete', 'Verity is', '--model', 'tiny-llama@1', '--max-tokens', '8', '--url', node.url];
    const [streamed, json] = await Promise.all([runCli(args), runCli([...args, '--json'])]);
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout) as TextCompletion;
    expect(answer.object).toBe('text_completion');
    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toBe(`${text(answer)}\n`);
    expect(streamed.stderr).toMatch(receiptLine);
  });
});

describe('verity receipt verify, on chat and completion answers', () => {
  it('checks a saved answer against its text, and with --request against the request sent', async () => {
    const saved = join(dir, 'chat.json');
    const run = await runCli(['chat', 'Say something.', ...chatArgs, '--output', saved, '--url', node.url]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`saved to ${saved}`);

    const request = join(dir, 'request.json');
    await writeFile(
      request,
      JSON.stringify({ model: 'tiny-llama', messages: [{ role: 'user', content: 'Say something.' }], max_tokens: 16 }),
    );
    const other = join(dir, 'other-request.json');
    await writeFile(other, JSON.stringify({ model: 'tiny-llama', messages: [{ role: 'user', content: 'Hi.' }] }));
    const answer = JSON.parse(await readFile(saved, 'utf8')) as ChatCompletion;
    answer.choices[0]!.message.content += '!';
    const tampered = join(dir, 'tampered.json');
    await writeFile(tampered, JSON.stringify(answer));

    const [plain, withRequest, wrongRequest, edited, json] = await Promise.all([
      runCli(['receipt', 'verify', saved]),
      runCli(['receipt', 'verify', saved, '--request', request]),
      runCli(['receipt', 'verify', saved, '--request', other]),
      runCli(['receipt', 'verify', tampered]),
      runCli(['receipt', 'verify', '-', '--request', request, '--json'], { stdin: await readFile(saved, 'utf8') }),
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^chat completion 0x[0-9a-f]{64} \(policy none, 1 receipt\(s\)\)\n/);
    expect(plain.stdout).toContain('✓ outputHash [receipt 0]: output hashes to outputHash');
    expect(plain.stdout).not.toContain('inputHash');

    expect(withRequest.code).toBe(0);
    expect(withRequest.stdout).toContain('✓ inputHash [receipt 0]: request hashes to inputHash');
    expect(withRequest.stdout.trimEnd().split('\n').at(-1)).toBe('verified: all 7 checks pass');

    expect(wrongRequest.code).toBe(1);
    expect(wrongRequest.stdout).toMatch(/✗ inputHash \[receipt 0\]: request hashes to 0x[0-9a-f]{64}, receipt says 0x/);

    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('✗ outputHash [receipt 0]');
    expect(edited.stdout).toMatch(/NOT VERIFIED: 2 of \d+ checks fail/);

    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as VerificationReport).checks.map((c) => c.check)).toEqual([
      'format',
      'signature',
      'requestId',
      'modelId',
      'outputHash',
      'inputHash',
      'quorum',
    ]);
  });

  it('checks a saved completion, and refuses options that do not fit the file', async () => {
    const saved = join(dir, 'completion.json');
    const run = await runCli(['complete', 'Verity is', '--model', 'tiny-llama', '--output', saved, '--url', node.url]);
    expect(run.code).toBe(0);
    const request = join(dir, 'completion-request.json');
    // As sent: the default max_tokens (16) is what the receipt's inputHash covers.
    await writeFile(request, JSON.stringify({ model: 'tiny-llama', prompt: 'Verity is' }));
    const notJson = join(dir, 'not-json.txt');
    await writeFile(notJson, 'prompt: Verity is');
    const [ok, withInput, badRequest] = await Promise.all([
      runCli(['receipt', 'verify', saved, '--request', request]),
      runCli(['receipt', 'verify', saved, '--input', '{"x": [[1]]}']),
      runCli(['receipt', 'verify', saved, '--request', notJson]),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^completion 0x[0-9a-f]{64} \(policy none, 1 receipt\(s\)\)\n/);
    expect(ok.stdout).toContain('✓ inputHash [receipt 0]');
    expect(withInput.code).toBe(2);
    expect(withInput.stderr).toContain('--input is for infer responses: for a chat or completion answer, use --request');
    expect(badRequest.code).toBe(2);
    expect(badRequest.stderr).toContain('--request is not JSON');
  });
});
