/**
 * The CLI's chain commands as a user runs them (child processes), against a real anvil with a fresh deployment
 * written to a deployment file, and a real node on 127.0.0.1: chain status, node register|stake|unstake|withdraw
 * with VERITY_KEY, node ls, model push publishing on chain, receipt verify --chain, and dispute equivocation.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Anvil,
  type Deployment,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  mintTokens,
  startAnvil,
  writeDeployment,
} from '@verity/chain';
import { type RunningNode, startNode } from '@verity/node';
import { type Hex, addressOf, receiptDomain, signReceipt } from '@verity/protocol';
import { randomMlp } from '@verity/fixtures';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

const operatorKey = anvilPrivateKeys[1] as Hex;
const publisherKey = anvilPrivateKeys[2] as Hex;
const operator = addressOf(operatorKey);

let dir: string;
let anvil: Anvil;
let deployment: Deployment;
let deploymentFile: string;
let node: RunningNode;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-cli-chain-'));
  anvil = await startAnvil({ port: 0 });
  const deployer = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId }).walletFor(anvilPrivateKeys[0] as Hex);
  const { contracts, deployBlock } = await deployVerity(deployer, { unstakeDelaySeconds: 3_600 });
  await mintTokens(deployer, contracts.token, { to: operator, amount: parseEther('1000') });
  deploymentFile = join(dir, 'deployment.json');
  deployment = writeDeployment(deploymentFile, {
    chainId: anvil.chainId,
    rpcUrl: anvil.rpcUrl,
    contracts,
    deployedAt: new Date().toISOString(),
    deployBlock: Number(deployBlock),
  });
  node = await startNode({ dataDir: join(dir, 'node'), privateKey: operatorKey });
  env = { VERITY_DEPLOYMENT: deploymentFile, VERITY_URL: node.url };
}, 60_000);

afterAll(async () => {
  await node?.close();
  await anvil?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('verity with a chain', () => {
  it('chain status --json: chain id, contracts, no operators or models yet', async () => {
    const { code, stdout, stderr } = await runCli(['chain', 'status', '--json'], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const status = JSON.parse(stdout) as Record<string, unknown>;
    expect(status).toMatchObject({
      rpcUrl: anvil.rpcUrl,
      chainId: anvil.chainId,
      contracts: deployment.contracts,
      operatorCount: 0,
      activeNodes: 0,
      modelCount: 0,
      models: [],
      minStakeWei: parseEther('100').toString(),
      unstakeDelaySeconds: 3_600,
    });
    expect(Number(status.blockNumber)).toBeGreaterThan(0);
  });

  it('node register needs VERITY_KEY (exit 2), then registers with it, never printing the key', async () => {
    const args = ['node', 'register', '--endpoint', node.url, '--stake', '100', '--price-wei', '1000'];
    const [noKey, badKey] = await Promise.all([runCli(args, { env }), runCli(args, { env: { ...env, VERITY_KEY: '0x1234' } })]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('node register signs a transaction: set VERITY_KEY');
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('VERITY_KEY must be 0x followed by 64 hex digits');
    expect(badKey.stderr).not.toContain('0x1234');

    const low = await runCli(['node', 'register', '--endpoint', node.url, '--stake', '1', '--json'], {
      env: { ...env, VERITY_KEY: operatorKey },
    });
    expect(low.code).toBe(1);
    expect(JSON.parse(low.stdout)).toMatchObject({ error: { code: 'INVALID_REQUEST', details: { revert: 'StakeTooLow' } } });

    const { code, stdout, stderr } = await runCli(args, { env: { ...env, VERITY_KEY: operatorKey } });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`registered ${operator}`);
    expect(stdout).toMatch(/stake\s+100 VRT/);
    expect(stdout).toMatch(/tx\s+0x[0-9a-f]{64}/);
    for (const text of [stdout, stderr, low.stdout]) expect(text.toLowerCase()).not.toContain(operatorKey.slice(2).toLowerCase());
  });

  it('node stake, node ls --json, chain status for people', async () => {
    const staked = await runCli(['node', 'stake', '50', '--json'], { env: { ...env, VERITY_KEY: operatorKey } });
    expect(staked.code).toBe(0);
    expect(JSON.parse(staked.stdout)).toMatchObject({
      operator,
      amountWei: parseEther('50').toString(),
      stakeWei: parseEther('150').toString(),
    });

    const [ls, status] = await Promise.all([runCli(['node', 'ls', '--json'], { env }), runCli(['chain', 'status'], { env })]);
    expect(ls.code).toBe(0);
    expect(JSON.parse(ls.stdout)).toEqual([
      expect.objectContaining({
        operator,
        endpoint: node.url,
        state: 'active',
        active: true,
        stake: parseEther('150').toString(),
        priceWei: '1000',
        modelIds: [],
      }),
    ]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/nodes\s+1 active of 1 registered/);
    expect(status.stdout).toContain(`node registry     ${deployment.contracts.nodeRegistry}`);
  });

  it('model push publishes on chain first when VERITY_KEY is set', async () => {
    const path = join(dir, 'm.onnx');
    await writeFile(path, randomMlp('m', [4, 8, 3], 1));
    const push = await runCli(['model', 'push', path, '--name', 'm', '--version', '1', '--royalty-bps', '500', '--json'], {
      env: { ...env, VERITY_KEY: publisherKey },
    });
    expect(push.code).toBe(0);
    const entry = JSON.parse(push.stdout) as { modelId: string; published: Record<string, unknown> };
    expect(entry.published).toMatchObject({
      modelId: entry.modelId,
      name: 'm',
      version: '1',
      royaltyBps: 500,
      priceWei: '0',
      alreadyPublished: false,
      publisher: addressOf(publisherKey),
    });

    // Without a key, a push is not published (and says so).
    const plain = await runCli(['model', 'push', path, '--name', 'm', '--version', '2'], { env });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('not published on chain (VERITY_KEY is not set)');

    const status = await runCli(['chain', 'status', '--json'], { env });
    expect(JSON.parse(status.stdout)).toMatchObject({
      modelCount: 1,
      models: [{ modelId: entry.modelId, name: 'm', version: '1' }],
    });
  });

  it('receipt verify --chain: a receipt its node does not settle is reported as not settled, exit 1', async () => {
    const answer = join(dir, 'answer.json');
    const infer = await runCli(['infer', 'm@1', '--input', '{"x": [[1, 2, 3, 4]]}', '--output', answer], { env });
    expect(infer.code).toBe(0);
    const [human, json, noDeployment] = await Promise.all([
      runCli(['receipt', 'verify', answer, '--chain'], { env }),
      runCli(['receipt', 'verify', answer, '--chain', '--json'], { env }),
      runCli(['receipt', 'verify', answer, '--chain'], { env: { VERITY_URL: node.url } }),
    ]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('verified: all');
    expect(human.stdout).toContain(`✗ receipt 0 (0x7099…79C8): not settled: the node reports no settlement for this receipt`);
    expect(human.stdout).toContain('NOT SETTLED: 1 of 1 receipt(s) not verified on chain');

    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, settlements: [{ outcome: 'unsettled', executor: operator }] });

    expect(noDeployment.code).toBe(2);
    expect(noDeployment.stderr).toContain(
      "receipt verify --chain needs the chain's deployment file: --deployment <file> or VERITY_DEPLOYMENT",
    );
  });

  it('receipt verify --chain on a saved chat answer: its stored answer is found, its receipt reported not settled', async () => {
    const push = await runCli(
      ['model', 'push', join(repoRoot, 'models/tiny-llama.gguf'), '--name', 'tiny-llama', '--version', '1'],
      {
        env,
      },
    );
    expect(push.code).toBe(0);
    const answer = join(dir, 'chat.json');
    const chat = await runCli(['chat', 'Hi', '--model', 'tiny-llama', '--max-tokens', '4', '--output', answer], { env });
    expect(chat.code).toBe(0);
    const human = await runCli(['receipt', 'verify', answer, '--chain'], { env });
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^chat completion 0x[0-9a-f]{64} \(policy none, 1 receipt\(s\)\)\n/);
    expect(human.stdout).toContain('verified: all');
    expect(human.stdout).toContain(`✗ receipt 0 (0x7099…79C8): not settled: the node reports no settlement for this receipt`);
  });

  it('node unstake, then withdraw before the delay fails with the reason; an RPC that is down is CHAIN_UNAVAILABLE', async () => {
    const unstake = await runCli(['node', 'unstake'], { env: { ...env, VERITY_KEY: operatorKey } });
    expect(unstake.code).toBe(0);
    expect(unstake.stdout).toContain(`unstake requested for ${operator}: the node is no longer active`);

    const [ls, withdraw, down] = await Promise.all([
      runCli(['node', 'ls', '--json'], { env }),
      runCli(['node', 'withdraw', '--json'], { env: { ...env, VERITY_KEY: operatorKey } }),
      runCli(['node', 'ls', '--rpc-url', 'http://127.0.0.1:9'], { env }),
    ]);
    expect(JSON.parse(ls.stdout)).toEqual([expect.objectContaining({ operator, state: 'unstaking', active: false })]);
    expect(withdraw.code).toBe(1);
    expect(JSON.parse(withdraw.stdout)).toMatchObject({
      error: { code: 'CHAIN_REVERTED', details: { revert: 'UnstakeLocked' } },
    });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^error CHAIN_UNAVAILABLE: /);
    expect(down.stderr).not.toContain('127.0.0.1:9');
  });

  it('dispute equivocation: two answers its node signed differently for one request slash its whole stake', async () => {
    const signed = (outputByte: string) =>
      signReceipt(
        operatorKey,
        {
          requestId: `0x${'5a'.repeat(32)}`,
          modelId: `0x${'6b'.repeat(32)}`,
          inputHash: `0x${'7c'.repeat(32)}`,
          outputHash: `0x${outputByte.repeat(32)}`,
          executor: operator,
          fee: '1000',
          timestamp: 1_790_000_000,
          policy: 'none',
          engine: 'onnxruntime-node/1.24.3/cpu-fp32',
        },
        receiptDomain(deployment.chainId, deployment.contracts.receiptRegistry),
      );
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    await writeFile(first, JSON.stringify({ receipts: [signed('01')] }));
    await writeFile(second, JSON.stringify(signed('02')));
    const reporter = anvilPrivateKeys[3] as Hex;

    const same = await runCli(['dispute', 'equivocation', first, first], { env: { ...env, VERITY_KEY: reporter } });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('no equivocation between the two files');

    const { code, stdout, stderr } = await runCli(['dispute', 'equivocation', first, second, '--json'], {
      env: { ...env, VERITY_KEY: reporter },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ executor: operator, slashedWei: parseEther('150').toString() });
    const ls = await runCli(['node', 'ls', '--json'], { env });
    expect(JSON.parse(ls.stdout)).toEqual([expect.objectContaining({ operator, stake: '0' })]);

    const again = await runCli(['dispute', 'equivocation', first, second, '--json'], { env: { ...env, VERITY_KEY: reporter } });
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'CHAIN_REVERTED', details: { revert: 'AlreadySlashed' } } });
  });
});
