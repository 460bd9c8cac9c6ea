/**
 * The SDK paying for requests with x402 `batch-settlement`, against a devnet whose router charges (a real anvil,
 * the settlement contract at its canonical address, real nodes): infer and chat (whole and streamed) are paid
 * invisibly — the first request deposits, later ones only sign vouchers —, a request above the spending cap is
 * refused unpaid, and the wallet actions (deposit, balance, withdraw, cooperative refund) and the receiver's earnings read
 * and move the channel on chain.
 */
import { join } from 'node:path';
import { LocalNetwork, devKeys, repoRoot } from '@verity/devnet';
import type { Hex, TensorMap } from '@verity/protocol';
import { batchSettlementDomain, voucherTypes } from '@verity/chain';
import { encodePaymentSignatureHeader } from '@x402/core/http';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payerChannel } from '../src/channel.js';
import { type VerityClient, VerityError, createClient } from '../src/index.js';

const price = 10n ** 15n; // 0.001 VRT per executor answer
const inputs: TensorMap = { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } };
const payerKey = devKeys[5] as Hex;
/** The channels' receiver: the devnet's FeeSplitter (set once the network is up). */
let receiver: `0x${string}`;

let network: LocalNetwork;
let client: VerityClient;

function payingClient(privateKey: Hex, maxPerRequest = 10n * price): VerityClient {
  const deployment = network.chain?.deployment;
  if (!deployment) throw new Error('no chain');
  return createClient({ url: network.routerUrl, chain: { deployment }, payment: { privateKey, maxPerRequest } });
}

async function rejection(promise: Promise<unknown>): Promise<VerityError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerityError);
  return error as VerityError;
}

async function rpc(method: string, params: unknown[]): Promise<void> {
  const response = await fetch(network.chain?.rpcUrl ?? '', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { error?: unknown };
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
}

beforeAll(async () => {
  network = await LocalNetwork.start({
    nodes: 1,
    routerPort: 0,
    nodeBasePort: 0,
    routerTimeoutMs: 20_000,
    chain: { port: 0, payments: { priceWei: price, claimIntervalMs: 1_000 } },
  });
  const deployment = network.chain?.deployment;
  if (!deployment) throw new Error('no chain');
  receiver = deployment.contracts.feeSplitter as `0x${string}`;
  const publisher = createClient({ url: network.routerUrl, chain: { deployment, privateKey: devKeys[0] as Hex } });
  await publisher.pushModel(join(repoRoot, 'models/iris.onnx'), { name: 'iris', version: '1' });
  await publisher.pushModel(join(repoRoot, 'models/verity-chat.gguf'), { name: 'verity-chat', version: '1' });
  client = payingClient(payerKey);
});

afterAll(async () => {
  await network?.stop();
});

describe('paid requests', () => {
  it('an unpaying client gets PAYMENT_REQUIRED with the price in words', async () => {
    const error = await rejection(createClient({ url: network.routerUrl }).infer({ model: 'iris', inputs }));
    expect(error.code).toBe('PAYMENT_REQUIRED');
    expect(error.message).toContain('0.001 VRT per request');
  });

  it('pays for infer invisibly: the first request deposits, the next ones only sign vouchers', async () => {
    const before = await client.balance();
    expect(before).toMatchObject({ balance: 0n, totalClaimed: 0n, charged: null, withdrawal: null, receiver });

    const first = await client.infer({ model: 'iris', inputs });
    expect(first.receipts).toHaveLength(1);
    const afterFirst = await client.balance();
    // The router asks a first deposit of 10 prices (extra.minDeposit); the scheme follows it.
    expect(afterFirst.balance).toBe(10n * price);
    expect(afterFirst.charged).toBe(price);
    expect(afterFirst.tokenBalance).toBe(before.tokenBalance - 10n * price);

    for (let i = 0; i < 3; i++) await client.infer({ model: 'iris', inputs });
    const after = await client.balance();
    expect(after.balance).toBe(10n * price); // no second deposit
    expect(after.charged).toBe(4n * price);
    expect(after.available).toBe(6n * price);
    expect(after.tokenBalance).toBe(afterFirst.tokenBalance);
  });

  it('pays for chat, whole and streamed (the charge of a stream comes in its last chunk)', async () => {
    const messages = [{ role: 'user', content: 'What is Verity?' }] as const;
    const answer = await client.chat({ model: 'verity-chat', messages, max_tokens: 8 });
    expect(answer.verity.receipts).toHaveLength(1);
    expect((await client.balance()).charged).toBe(5n * price);

    const stream = await client.chatStream({ model: 'verity-chat', messages, max_tokens: 8 });
    let text = '';
    for await (const piece of stream) text += piece;
    const streamed = await stream.completion();
    expect(streamed.choices[0]?.message.content).toBe(text);
    expect(streamed.verity.payment).toBeTypeOf('string');
    // The next request signs on the base the stream's charge moved: it is accepted at once.
    await client.complete({ model: 'verity-chat', prompt: 'Verity is', max_tokens: 4 });
    expect((await client.balance()).charged).toBe(7n * price);
  });

  it('serves concurrent requests of one client one after another (one channel, one base)', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => client.infer({ model: 'iris', inputs })));
    expect(answers).toHaveLength(3);
    expect((await client.balance()).charged).toBe(10n * price);
  });

  it('tops up when the channel runs out', async () => {
    // 10 charged of a 10-price deposit: the next voucher needs more, so the scheme deposits again.
    await client.infer({ model: 'iris', inputs });
    const after = await client.balance();
    expect(after.balance).toBeGreaterThan(10n * price);
    expect(after.charged).toBe(11n * price);
  });

  it('refuses a request above the spending cap without paying', async () => {
    const capped = payingClient(devKeys[6] as Hex, price - 1n);
    const error = await rejection(capped.infer({ model: 'iris', inputs }));
    expect(error.code).toBe('PAYMENT_REQUIRED');
    expect(error.message).toBe(
      `the request costs ${price} base units of ${network.chain?.deployment.contracts.token}, above the spending cap of ${price - 1n} (maxPerRequest): nothing was paid`,
    );
    expect(error.details).toMatchObject({ refused: 'spending_cap', price: String(price), maxPerRequest: String(price - 1n) });
    expect(await capped.balance()).toMatchObject({ balance: 0n, charged: null });
  });

  it('a fresh client with the same key resumes the channel from the chain, without a new deposit', async () => {
    const before = await client.balance();
    const fresh = payingClient(payerKey);
    await fresh.infer({ model: 'iris', inputs });
    const after = await fresh.balance();
    expect(after.balance).toBe(before.balance);
    expect(after.charged).toBe(12n * price);
  });
});

describe('the wallet', () => {
  it('deposits explicitly; the next request pays from it with a voucher only', async () => {
    const other = payingClient(devKeys[7] as Hex);
    const deposited = await other.deposit({ amount: 3n * price });
    expect(deposited).toMatchObject({ amount: 3n * price, balance: 3n * price });
    expect(deposited.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    // The router trusts its mirror of a channel for a few seconds; a new channel is read at once.
    await other.infer({ model: 'iris', inputs });
    expect(await other.balance()).toMatchObject({ balance: 3n * price, charged: price, available: 2n * price });
    const error = await rejection(other.deposit({ amount: 0n }));
    expect(error.code).toBe('INVALID_REQUEST');
  });

  it('shows the router claiming and settling what it charged', async () => {
    let state = await client.balance();
    for (let i = 0; i < 100 && state.totalClaimed < (state.charged ?? 0n); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = await client.balance();
    }
    expect(state.totalClaimed).toBe(12n * price);
    expect(state.unclaimed).toBe(state.balance - 12n * price);
    const earnings = await client.getEarnings({ receiver });
    expect(earnings.claimed).toBeGreaterThanOrEqual(12n * price);
    expect(earnings.unsettled).toBe(earnings.claimed - earnings.settled);
  });

  it('refunds at once what was not charged: the router claims the charged part and refunds the rest', async () => {
    const refunder = payingClient(devKeys[4] as Hex);
    await refunder.deposit({ amount: 5n * price });
    await refunder.infer({ model: 'iris', inputs });
    await refunder.infer({ model: 'iris', inputs });
    const before = await refunder.balance();
    expect(before).toMatchObject({ balance: 5n * price, charged: 2n * price });

    const refunded = await refunder.refund();
    expect(refunded).toMatchObject({ channelId: before.channelId, amount: 3n * price });
    expect(refunded.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    const after = await refunder.balance();
    expect(after).toMatchObject({ balance: 2n * price, totalClaimed: 2n * price, unclaimed: 0n, available: 0n });
    expect(after.tokenBalance).toBe(before.tokenBalance + 3n * price);
    // Nothing is left to refund; the next paid request deposits into the channel again.
    const again = await rejection(refunder.refund());
    expect(again.code).toBe('INVALID_REQUEST');
    expect(again.message).toMatch(/no remaining balance|refund_no_balance/);
    await refunder.infer({ model: 'iris', inputs });
    const resumed = await refunder.balance();
    expect(resumed.balance).toBeGreaterThan(2n * price);
    expect(resumed.charged).toBe(3n * price);
  });

  it('refuses a refund request whose voucher the payer did not sign', async () => {
    const refunder = payingClient(devKeys[4] as Hex);
    const channel = await payerChannel(refunder, 'test');
    const state = await refunder.balance();
    const stranger = privateKeyToAccount(devKeys[3] as Hex);
    const signature = await stranger.signTypedData({
      domain: batchSettlementDomain(channel.chainId),
      types: voucherTypes,
      primaryType: 'Voucher',
      message: { channelId: channel.channelId, maxClaimableAmount: 3n * price },
    });
    const header = encodePaymentSignatureHeader({
      x402Version: 2,
      accepted: channel.terms,
      payload: {
        type: 'refund',
        channelConfig: channel.config,
        voucher: { channelId: channel.channelId, maxClaimableAmount: String(3n * price), signature },
      },
    } as unknown as Parameters<typeof encodePaymentSignatureHeader>[0]);
    const response = await fetch(`${network.routerUrl}/v1/infer`, { headers: { 'PAYMENT-SIGNATURE': header } });
    expect(response.status).toBe(402);
    expect(((await response.json()) as { error: { details: unknown } }).error.details).toMatchObject({
      x402Code: 'invalid_batch_settlement_evm_voucher_signature',
    });
    expect((await refunder.balance()).balance).toBe(state.balance);
  });

  it('withdraws: initiates, refuses to finalize before the delay, finalizes after it', async () => {
    const before = await client.balance();
    const started = await client.withdraw();
    expect(started).toMatchObject({ status: 'initiated', amount: before.unclaimed });
    expect((await client.balance()).withdrawal).toMatchObject({ amount: before.unclaimed, finalizeAfter: started.finalizeAfter });

    const early = await rejection(client.withdraw({ finalize: true }));
    expect(early.code).toBe('INVALID_REQUEST');
    expect(early.message).toContain('the withdrawal can be finalized after');
    const twice = await rejection(client.withdraw());
    expect(twice.message).toContain('a withdrawal is already pending');

    await rpc('evm_increaseTime', [901]);
    await rpc('evm_mine', []);
    const finalized = await client.withdraw({ finalize: true });
    expect(finalized.status).toBe('finalized');
    const after = await client.balance();
    expect(after).toMatchObject({ withdrawal: null, charged: null });
    expect(after.tokenBalance).toBe(before.tokenBalance + finalized.amount);
    expect(after.balance).toBe(before.balance - finalized.amount);
  });
});
