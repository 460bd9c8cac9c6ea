/**
 * `verity wallet` (a cooperative refund too), paid `verity infer`, `verity node earnings|claim|settle` and
 * `verity model earnings` and `verity key` as a user runs them (child processes), against one devnet whose router charges with x402 batch-settlement (a real anvil, real nodes, the iris model).
 */
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalNetwork, devKeys, repoRoot } from '@verity/devnet';
import { type Hex, addressOf } from '@verity/protocol';
import { createClient } from '@verity/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const price = 10n ** 15n;
const payerKey = devKeys[8] as Hex;
const input = '{"x": [[5.1, 3.5, 1.4, 0.2]]}';
const royaltyBps = 1_000;

let network: LocalNetwork;
let env: Record<string, string>;
let paying: Record<string, string>;

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

beforeAll(async () => {
  network = await LocalNetwork.start({
    nodes: 1,
    routerPort: 0,
    nodeBasePort: 0,
    routerTimeoutMs: 20_000,
    // The router leaves the fee split's claims to the executor, so `verity node claim` has them to make.
    chain: { port: 0, epochMaxAgeMs: 1_000, payments: { priceWei: price, claimIntervalMs: 1_000, routerClaimsCharges: false } },
  });
  const chain = network.chain;
  if (!chain) throw new Error('no chain');
  const publisher = createClient({
    url: network.routerUrl,
    chain: { deployment: chain.deployment, privateKey: devKeys[0] as Hex },
  });
  await publisher.pushModel(join(repoRoot, 'models/iris.onnx'), { name: 'iris', version: '1', royaltyBps });
  env = { VERITY_URL: network.routerUrl, VERITY_DEPLOYMENT: chain.deploymentFile };
  paying = { ...env, VERITY_KEY: payerKey };
});

afterAll(async () => {
  await network?.stop();
});

describe('paid requests from the CLI', () => {
  it('without VERITY_KEY a priced request fails with PAYMENT_REQUIRED and the price', async () => {
    const { code, stdout } = await runCli(['infer', 'iris', '--input', input, '--json'], { env });
    expect(code).toBe(1);
    expect(json(stdout)).toMatchObject({ error: { code: 'PAYMENT_REQUIRED', details: { price: String(price) } } });
  });

  it('with VERITY_KEY it pays (deposit first), and --max-price below the price refuses unpaid', async () => {
    const paid = await runCli(['infer', 'iris', '--input', input, '--max-price', String(price)], { env: paying });
    expect(paid.stderr).toBe('');
    expect(paid.code).toBe(0);
    expect(paid.stdout).toContain('verified offline');

    const capped = await runCli(['infer', 'iris', '--input', input, '--max-price', String(price - 1n), '--json'], {
      env: paying,
    });
    expect(capped.code).toBe(1);
    expect(json(capped.stdout)).toMatchObject({ error: { code: 'PAYMENT_REQUIRED', details: { refused: 'spending_cap' } } });
    const usage = await runCli(['infer', 'iris', '--input', input, '--max-price', '0.5'], { env: paying });
    expect(usage.code).toBe(2);
  });
});

describe('verity wallet', () => {
  it('needs VERITY_KEY and a deployment', async () => {
    const [noKey, noChain] = await Promise.all([
      runCli(['wallet', 'balance'], { env }),
      runCli(['wallet', 'balance'], { env: { VERITY_URL: network.routerUrl, VERITY_KEY: payerKey } }),
    ]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('wallet balance signs a transaction: set VERITY_KEY');
    expect(noChain.code).toBe(2);
    expect(noChain.stderr).toContain("wallet balance needs the chain's deployment file");
  });

  it('balance, deposit, and a later run resumes the channel without a new deposit', async () => {
    const before = json((await runCli(['wallet', 'balance', '--json'], { env: paying })).stdout);
    // The first deposit was capped at 5 x --max-price (the scheme's deposit multiplier times the spending cap).
    expect(before).toMatchObject({
      payer: addressOf(payerKey),
      receiver: network.chain?.deployment.contracts.feeSplitter,
      balance: String(5n * price),
    });

    const deposited = await runCli(['wallet', 'deposit', '0.005', '--json'], { env: paying });
    expect(deposited.code).toBe(0);
    expect(json(deposited.stdout)).toMatchObject({ amount: String(5n * price), balance: String(10n * price) });

    const again = await runCli(['infer', 'iris', '--input', input, '--json'], { env: paying });
    expect(again.code, `${again.stdout}${again.stderr}`).toBe(0);
    const human = await runCli(['wallet', 'balance'], { env: paying });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/balance\s+0\.01 VRT/);
    expect(human.stdout).toMatch(/withdrawal\s+none/);
    expect(human.stdout.toLowerCase()).not.toContain(payerKey.slice(2).toLowerCase());
  });

  it('node earnings shows what the router claimed', async () => {
    const chain = network.chain;
    if (!chain) throw new Error('no chain');
    const reader = createClient({ url: network.routerUrl, chain: { deployment: chain.deployment } });
    const receiver = chain.deployment.contracts.feeSplitter as `0x${string}`;
    for (let i = 0; i < 100 && (await reader.getEarnings({ receiver })).claimed < 2n * price; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { stdout } = await runCli(['node', 'earnings', '--address', receiver, '--json'], { env });
    expect(json(stdout)).toMatchObject({ receiver, claimed: String(2n * price) });
    const human = await runCli(['node', 'earnings', '--address', receiver], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/claimed\s+0\.002 VRT/);
  });

  it("node claim pays the executor's share of both paid answers, each against its settled receipt", async () => {
    // Each charge is claimable once the router posted its charge root and the node its receipts' epoch root.
    const operator = { ...env, VERITY_KEY: devKeys[1] as Hex };
    const executor = network.nodes[0]?.address as Hex;
    const claimable = async () => {
      const charges = (await (await fetch(`${network.routerUrl}/v1/charges?executor=${executor}`)).json()) as {
        data: { requestId: string; rootId: string | null }[];
      };
      const settled = await Promise.all(
        charges.data.map(async (c) => {
          const stored = (await (await fetch(`${network.routerUrl}/v1/receipts/${c.requestId}`)).json()) as {
            settlement?: { status: string };
          };
          return c.rootId !== null && stored.settlement?.status === 'posted';
        }),
      );
      return settled.filter(Boolean).length;
    };
    for (let i = 0; i < 150 && (await claimable()) < 2; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    const { code, stdout, stderr } = await runCli(['node', 'claim', '--json'], { env: operator });
    expect(code, stderr).toBe(0);
    expect(json(stdout)).toMatchObject({ executor, claimed: 2, amount: String(2n * price), waiting: 0 });
    // Nothing is paid twice: a second claim finds nothing to do.
    const again = await runCli(['node', 'claim'], { env: operator });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/claimed\s+0 charges/);
    // Another operator, which answered none of them, has nothing to claim.
    const outsider = await runCli(['node', 'claim', '--json'], { env: { ...env, VERITY_KEY: devKeys[2] as Hex } });
    expect(json(outsider.stdout)).toMatchObject({ claimed: 0, amount: '0', waiting: 0 });
  });

  it('model earnings shows the gross paid for the model answers and the royalty, once the split is claimed', async () => {
    const chain = network.chain;
    if (!chain) throw new Error('no chain');
    const royalty = (2n * price * BigInt(royaltyBps)) / 10_000n;
    const { code, stdout } = await runCli(['model', 'earnings', 'iris@1', '--json'], { env });
    expect(code).toBe(0);
    const earnings = json(stdout);
    expect(earnings).toMatchObject({
      name: 'iris',
      version: '1',
      publisher: addressOf(devKeys[0] as Hex),
      royaltyBps,
      feeSplitter: chain.deployment.contracts.feeSplitter,
      gross: String(2n * price),
      royalty: String(royalty),
    });
    // By model id too, and in words.
    const human = await runCli(['model', 'earnings', earnings.modelId as string], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/gross\s+0\.002 VRT/);
    expect(human.stdout).toMatch(/royalty\s+0\.0002 VRT \(10% to 0x/);

    const unknown = await runCli(['model', 'earnings', 'nope@1', '--json'], { env });
    expect(unknown.code).toBe(1);
    expect(json(unknown.stdout)).toMatchObject({ error: { code: 'UNKNOWN_MODEL' } });
  });

  it("node settle pays the executor's share into its wallet, once", async () => {
    const operator = { ...env, VERITY_KEY: devKeys[1] as Hex };
    // 80% of two answers: 10% royalty, 5% verifier pool and 5% treasury go elsewhere.
    const { code, stdout, stderr } = await runCli(['node', 'settle', '--json'], { env: operator });
    expect(code, stderr).toBe(0);
    expect(json(stdout)).toMatchObject({ payee: network.nodes[0]?.address, amount: String((2n * price * 80n) / 100n) });
    const again = await runCli(['node', 'settle'], { env: operator });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/paid\s+0 VRT/);
  });

  it('refund returns what was not charged at once; the next paid request deposits again', async () => {
    const before = json((await runCli(['wallet', 'balance', '--json'], { env: paying })).stdout);
    expect(before).toMatchObject({ balance: String(10n * price), totalClaimed: String(2n * price) });

    const refund = await runCli(['wallet', 'refund', '--json'], { env: paying });
    expect(refund.stderr).toBe('');
    expect(refund.code).toBe(0);
    expect(json(refund.stdout)).toMatchObject({ channelId: before.channelId, amount: String(8n * price) });
    const after = json((await runCli(['wallet', 'balance', '--json'], { env: paying })).stdout);
    expect(after).toMatchObject({ balance: String(2n * price), totalClaimed: String(2n * price), unclaimed: '0' });
    expect(BigInt(after.tokenBalance as string)).toBe(BigInt(before.tokenBalance as string) + 8n * price);

    const nothing = await runCli(['wallet', 'refund'], { env: paying });
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/did not grant a cooperative refund \(.*(no remaining balance|refund_no_balance)/);

    const paid = await runCli(['infer', 'iris', '--input', input, '--max-price', String(price), '--json'], { env: paying });
    expect(paid.code).toBe(0);
    const resumed = json((await runCli(['wallet', 'balance', '--json'], { env: paying })).stdout);
    expect(resumed).toMatchObject({ balance: String(7n * price) });
  });

  it('withdraw starts, and --finalize waits for the delay', async () => {
    const started = await runCli(['wallet', 'withdraw', '--json'], { env: paying });
    expect(started.code).toBe(0);
    const { amount } = json(started.stdout);
    // 7 deposited, 3 charged: 5 unclaimed, or 4 once the router claimed the last charge.
    expect([String(4n * price), String(5n * price)]).toContain(amount);

    const early = await runCli(['wallet', 'withdraw', '--finalize'], { env: paying });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('error INVALID_REQUEST: withdraw: the withdrawal can be finalized after');
    const balance = json((await runCli(['wallet', 'balance', '--json'], { env: paying })).stdout);
    expect(balance).toMatchObject({ withdrawal: { amount } });
  });
});

describe('verity key', () => {
  const keyEnv = () => ({ ...env, VERITY_KEY: devKeys[6] as Hex, VERITY_HOME: home });
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'verity-home-'));
  });

  it('creates a key on a prepaid channel, lists what it has left without showing it, and revokes it', async () => {
    const created = await runCli(['key', 'create', '--deposit', '0.003', '--name', 'ci', '--json'], { env: keyEnv() });
    expect(created.code).toBe(0);
    const { key, label } = json(created.stdout) as { key: string; label: string };
    expect(key).toMatch(/^vk1_/);
    expect((await stat(join(home, 'keys.json'))).mode & 0o777).toBe(0o600);

    const answer = await fetch(`${network.routerUrl}/v1/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: 'iris', inputs: { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } } }),
    });
    expect(answer.status).toBe(200);

    const listed = await runCli(['key', 'ls'], { env: keyEnv() });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(label);
    expect(listed.stdout).toMatch(/ci\s+\S+\s+0\.003 VRT\s+0\.001 VRT\s+0\.002 VRT/);
    expect(listed.stdout + listed.stderr).not.toContain(key.slice(4, 40));

    const revoked = await runCli(['key', 'revoke', 'ci', '--json'], { env: keyEnv() });
    expect(revoked.code).toBe(0);
    expect(json(revoked.stdout)).toMatchObject({ revoked: true, refunded: String(2n * price) });
    expect(json((await runCli(['key', 'ls', '--json'], { env: keyEnv() })).stdout)).toEqual({ object: 'list', data: [] });
    const after = await fetch(`${network.routerUrl}/v1/key`, { headers: { authorization: `Bearer ${key}` } });
    expect(((await after.json()) as { data: { limit_remaining: string } }).data.limit_remaining).toBe('0');
  });
});
