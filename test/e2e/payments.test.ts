/**
 * End to end, paid: a network on a real anvil whose router charges with x402 `batch-settlement`, and the official
 * @x402/fetch + @x402/evm client packages as the paying client (anvil's account 4). The first request deposits
 * into a channel, later ones only sign vouchers; only answered requests are charged, one price per agreeing
 * executor; the router claims and settles on chain, and the receiver's balance grows by what was charged.
 */
import { join } from 'node:path';
import { batchSettlementAddress, createChainClients, getChannel, getFeeBalances, getTokenBalance } from '@verity/chain';
import { LocalNetwork, devFeeShares, devKeys, repoRoot, routerKey, treasuryAddress, verifierPoolAddress } from '@verity/devnet';
import {
  type ChatCompletion,
  type InferResponse,
  type ModelEntry,
  VerityTextFieldSchema,
  formatApiKey,
  generatedText,
  routerHeader,
  signForward,
  verifyInferResponse,
  verifyTextResponse,
} from '@verity/protocol';
import { type VerityClient, createClient } from '@verity/sdk';
import { x402Client } from '@x402/core/client';
import { decodePaymentRequiredHeader, decodePaymentResponseHeader } from '@x402/core/http';
import { toClientEvmSigner } from '@x402/evm';
import { BatchSettlementEvmScheme } from '@x402/evm/batch-settlement/client';
import { wrapFetchWithPayment } from '@x402/fetch';
import OpenAI from 'openai';
import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const price = 10n ** 15n; // 0.001 VRT per executor answer
/** verity-chat's published prices per prompt and per generated token, on top of the nodes' price per answer. */
const chatTokenPrices = { inputTokenPriceWei: 10n ** 10n, outputTokenPriceWei: 10n ** 11n };
interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}
/** What one chat answer costs: the nodes' price per answer plus its tokens at the model's prices. */
const textFee = (usage: Usage): bigint =>
  price +
  BigInt(usage.prompt_tokens) * chatTokenPrices.inputTokenPriceWei +
  BigInt(usage.completion_tokens) * chatTokenPrices.outputTokenPriceWei;
const input = { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } };
const payer = privateKeyToAccount(devKeys[4] as `0x${string}`);
const routerAddress = privateKeyToAccount(routerKey).address;
const royaltyBps = 1_000;
/** The channels' receiver: the devnet's FeeSplitter. */
let receiver: Address;

let network: LocalNetwork;
const liar = () => (network.nodes[3] as { address: string }).address;
let paidFetch: typeof fetch;
let token: Address;
let chain: ReturnType<typeof createChainClients>;
/** The receiver's balance before anything was charged. */
let startBalance: bigint;

function post(body: unknown, init: RequestInit = {}) {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), ...init } as const;
}

/** What the PAYMENT-RESPONSE of an answer says was charged. */
function chargeOf(response: Response | string | undefined) {
  const header = typeof response === 'string' ? response : response?.headers.get('payment-response');
  if (!header) throw new Error('no PAYMENT-RESPONSE');
  const decoded = decodePaymentResponseHeader(header) as {
    transaction: string;
    amount?: string;
    extra?: { chargedAmount?: string };
  };
  return { transaction: decoded.transaction, amount: BigInt(decoded.extra?.chargedAmount ?? decoded.amount ?? '0') };
}

beforeAll(async () => {
  network = await LocalNetwork.start({
    nodes: 4,
    // Node 3 lies (signs altered outputs): under replication it dissents, and the client pays it nothing.
    faults: { 3: 'wrong-output' },
    routerPort: 0,
    nodeBasePort: 0,
    routerTimeoutMs: 10_000,
    chain: { port: 0, epochMaxAgeMs: 2_000, payments: { priceWei: price, claimIntervalMs: 1_000 } },
  });
  const deployment = network.chain?.deployment;
  if (!deployment) throw new Error('no chain');
  token = deployment.contracts.token as Address;
  receiver = deployment.contracts.feeSplitter as Address;
  chain = createChainClients({ chainId: deployment.chainId, rpcUrl: deployment.rpcUrl });
  const publisher = createClient({ url: network.routerUrl, chain: { deployment, privateKey: devKeys[0] as `0x${string}` } });
  await publisher.pushModel(join(repoRoot, 'models/iris.onnx'), { name: 'iris', version: '1', royaltyBps });
  const scheme = new BatchSettlementEvmScheme(toClientEvmSigner(payer, chain.publicClient), {
    depositPolicy: { depositMultiplier: 20 },
  });
  const client = new x402Client().register(`eip155:${deployment.chainId}`, scheme).setSpendControls({
    allowedAssets: [{ network: `eip155:${deployment.chainId}`, asset: token, maxAmountPerPayment: String(10n * price) }],
  });
  paidFetch = wrapFetchWithPayment(fetch, client);
  startBalance = await getTokenBalance(chain.publicClient, token, { owner: receiver });
});

afterAll(async () => {
  await network?.stop();
});

describe('a router that charges with x402 batch-settlement', () => {
  it('answers an unpaid request with 402, PAYMENT-REQUIRED (x402 v2) and the price in words', async () => {
    const response = await fetch(`${network.routerUrl}/v1/infer`, post({ model: 'iris', inputs: input }));
    expect(response.status).toBe(402);
    const required = decodePaymentRequiredHeader(response.headers.get('payment-required') ?? '');
    expect(required.x402Version).toBe(2);
    expect(required.accepts[0]).toMatchObject({
      scheme: 'batch-settlement',
      network: `eip155:${network.chain?.chainId}`,
      amount: String(price),
      payTo: receiver,
      extra: { name: 'Verity', version: '1', receiverAuthorizer: routerAddress },
    });
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('PAYMENT_REQUIRED');
    expect(body.error.message).toContain('0.001 VRT per request');
  });

  it('states what an answer costs in GET /v1/models, in OpenRouter’s habit', async () => {
    const list = (await (await fetch(`${network.routerUrl}/v1/models`)).json()) as {
      data: { name: string; pricing?: unknown }[];
    };
    expect(list.data.find((m) => m.name === 'iris')?.pricing).toEqual({ prompt: '0', completion: '0', request: '0.001' });
  });

  it('deposits on the first paid request, then only signs vouchers; each answer is charged once', async () => {
    const first = await paidFetch(`${network.routerUrl}/v1/infer`, post({ model: 'iris', inputs: input }));
    expect(first.status).toBe(200);
    expect(verifyInferResponse((await first.json()) as InferResponse).ok).toBe(true);
    const deposit = chargeOf(first);
    expect(deposit.transaction).toMatch(/^0x[0-9a-f]{64}$/);
    expect(deposit.amount).toBe(price);
    for (let i = 0; i < 3; i++) {
      const next = await paidFetch(`${network.routerUrl}/v1/infer`, post({ model: 'iris', inputs: input }));
      expect(next.status).toBe(200);
      expect(chargeOf(next)).toEqual({ transaction: '', amount: price });
    }
  });

  it('charges one price per agreeing executor, none for the dissenter, and nothing for an unanswered request', async () => {
    const replicated = await paidFetch(
      `${network.routerUrl}/v1/infer`,
      post({ model: 'iris', inputs: input, policy: 'replicate:4' }),
    );
    expect(replicated.status).toBe(200);
    const answer = (await replicated.json()) as InferResponse;
    expect(answer.receipts).toHaveLength(3);
    expect(answer.dissent?.map((d) => d.executor.toLowerCase())).toEqual([liar().toLowerCase()]);
    expect(chargeOf(replicated).amount).toBe(3n * price);

    const unanswerable = await paidFetch(
      `${network.routerUrl}/v1/infer`,
      post({ model: 'iris', inputs: input, policy: 'replicate:5' }),
    );
    expect(unanswerable.status).toBe(422);
    expect(unanswerable.headers.get('payment-response')).toBeNull();
    // The channel's base did not move: the next voucher at the old total + price is accepted.
    const after = await paidFetch(`${network.routerUrl}/v1/infer`, post({ model: 'iris', inputs: input }));
    expect(after.status).toBe(200);
    expect(chargeOf(after).amount).toBe(price);
  });

  it('claims and settles into the FeeSplitter, which splits it by the rules on chain: executors, publisher, verifiers, treasury', async () => {
    // 1 + 3 + 3 + 1 answers were charged above; the router claims every second and settles after each claim.
    const answers = 8n;
    const charged = answers * price;
    let received = 0n;
    for (let i = 0; i < 150 && received < charged; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      received = (await getTokenBalance(chain.publicClient, token, { owner: receiver })) - startBalance;
    }
    expect(received).toBe(charged);

    // Then the router tells the splitter who earned it: per answer 5% verifiers, 5% treasury, 10% royalty, 80% executor.
    const verifierShare = (price * BigInt(devFeeShares.verifierBps)) / 10_000n;
    const treasuryShare = (price * BigInt(devFeeShares.treasuryBps)) / 10_000n;
    const royalty = (price * BigInt(royaltyBps)) / 10_000n;
    const executorShare = price - verifierShare - treasuryShare - royalty;
    const earned = (payee: Address) => getFeeBalances(chain.publicClient, receiver, { payee }).then((b) => b.earned);
    for (let i = 0; i < 150 && (await earned(verifierPoolAddress)) < answers * verifierShare; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await earned(verifierPoolAddress)).toBe(answers * verifierShare);
    expect(await earned(treasuryAddress)).toBe(answers * treasuryShare);
    expect(await earned(privateKeyToAccount(devKeys[0] as `0x${string}`).address)).toBe(answers * royalty);
    const executors = await Promise.all(network.nodes.map((n) => earned(n.address as Address)));
    expect(executors.reduce((a, b) => a + b, 0n)).toBe(answers * executorShare);
    // The three honest operators agreed under replicate:4, so each earned at least that answer's share.
    for (const amount of executors.slice(0, 3)) expect(amount).toBeGreaterThanOrEqual(executorShare);
    // The router never held the money.
    expect((await getFeeBalances(chain.publicClient, receiver, { payee: routerAddress })).earned).toBe(0n);
  });
});

describe('a node that charges too (an x402 resource server of its own)', () => {
  const body = JSON.stringify({ model: 'iris', inputs: input });
  const direct = (node: { url: string }, headers: Record<string, string> = {}) =>
    fetch(`${node.url}/v1/infer`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a direct unpaid request with 402 and its own FeeSplitter; serves the router it trusts, and only it', async () => {
    const node = network.nodes[0] as { url: string; address: `0x${string}` };
    const unpaid = await direct(node);
    expect(unpaid.status).toBe(402);
    const required = decodePaymentRequiredHeader(unpaid.headers.get('payment-required') as string);
    expect(required.accepts[0]).toMatchObject({ scheme: 'batch-settlement', amount: String(price) });
    expect(String(required.accepts[0]?.payTo).toLowerCase()).not.toBe(receiver.toLowerCase());
    // Another key's signature, the router's signature on another body or for another node: all pay.
    const notTheRouter = await direct(node, { [routerHeader]: signForward(devKeys[5] as `0x${string}`, node.address, body) });
    expect(notTheRouter.status).toBe(402);
    const otherBody = signForward(routerKey, node.address, body.replace('5.1', '5.2'));
    expect((await direct(node, { [routerHeader]: otherBody })).status).toBe(402);
    const otherNode = signForward(routerKey, (network.nodes[1] as { address: `0x${string}` }).address, body);
    expect((await direct(node, { [routerHeader]: otherNode })).status).toBe(402);
    const stale = signForward(routerKey, node.address, body, Date.now() - 10 * 60_000);
    expect((await direct(node, { [routerHeader]: stale })).status).toBe(402);
    // The router's own forward is served without a payment: the router charged its client.
    const forwarded = await direct(node, { [routerHeader]: signForward(routerKey, node.address, body) });
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers.get('payment-response')).toBeNull();
  });

  it('is paid directly by the official x402 client, and splits that fee in its own FeeSplitter', async () => {
    const node = network.nodes[1] as { url: string; address: Address };
    const splitter = decodePaymentRequiredHeader((await direct(node)).headers.get('payment-required') as string).accepts[0]
      ?.payTo as Address;
    const response = await paidFetch(`${node.url}/v1/infer`, post({ model: 'iris', inputs: input }));
    expect(response.status).toBe(200);
    expect(chargeOf(response).amount).toBe(price);
    const answer = (await response.json()) as InferResponse;
    expect(verifyInferResponse(answer).ok).toBe(true);
    expect(answer.receipts[0]?.typedData.message.fee).toBe(String(price));

    // The node claims and settles into its splitter, posts its charge root and claims it with its settled receipt.
    const verifierShare = (price * BigInt(devFeeShares.verifierBps)) / 10_000n;
    const royalty = (price * BigInt(royaltyBps)) / 10_000n;
    const earned = (payee: Address) => getFeeBalances(chain.publicClient, splitter, { payee }).then((b) => b.earned);
    for (let i = 0; i < 150 && (await earned(verifierPoolAddress)) < verifierShare; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await earned(verifierPoolAddress)).toBe(verifierShare);
    expect(await earned(privateKeyToAccount(devKeys[0] as `0x${string}`).address)).toBe(royalty);
    expect(await earned(node.address)).toBe(price - royalty - 2n * verifierShare);
  });
});

describe('paid text, priced per token', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    model: 'verity-chat',
    messages: [{ role: 'user', content: 'What is Verity?' }],
    ...extra,
  });
  let contextLength: number;

  beforeAll(async () => {
    // The chat model is pushed here rather than above: nodes load it once.
    const deployment = network.chain?.deployment;
    if (!deployment) throw new Error('no chain');
    const publisher = createClient({ url: network.routerUrl, chain: { deployment, privateKey: devKeys[0] as `0x${string}` } });
    await publisher.pushModel(join(repoRoot, 'models/verity-chat.gguf'), {
      name: 'verity-chat',
      version: '1',
      ...chatTokenPrices,
      royaltyBps,
    });
    const list = (await (await fetch(`${network.routerUrl}/v1/models`)).json()) as { data: ModelEntry[] };
    contextLength = list.data.find((m) => m.name === 'verity-chat')?.context_length ?? 0;
    expect(contextLength).toBeGreaterThan(0);
  });

  it('states its token prices in GET /v1/models and quotes a 402 at the ceiling of max_tokens', async () => {
    const list = (await (await fetch(`${network.routerUrl}/v1/models`)).json()) as { data: ModelEntry[] };
    expect(list.data.find((m) => m.name === 'verity-chat')?.pricing).toEqual({
      prompt: '0.00000001',
      completion: '0.0000001',
      request: '0.001',
    });
    // max_tokens 8: at most 8 generated tokens and the rest of the context prompt, per executor asked.
    const ceiling =
      price + BigInt(contextLength - 8) * chatTokenPrices.inputTokenPriceWei + 8n * chatTokenPrices.outputTokenPriceWei;
    for (const [policy, k] of [
      ['none', 1n],
      ['replicate:2', 2n],
    ] as const) {
      const response = await fetch(`${network.routerUrl}/v1/chat/completions`, post(body({ max_tokens: 8, verity: { policy } })));
      expect(response.status).toBe(402);
      const required = decodePaymentRequiredHeader(response.headers.get('payment-required') ?? '');
      expect(required.accepts[0]?.amount).toBe(String(k * ceiling));
    }
  });

  it('carries the PAYMENT-RESPONSE of a paid stream in its last chunk: each agreeing executor is charged the tokens its answer used', async () => {
    const response = await paidFetch(
      `${network.routerUrl}/v1/chat/completions`,
      post(body({ stream: true, verity: { policy: 'replicate:4' } })),
    );
    expect(response.status).toBe(200);
    const events = (await response.text()).split('\n\n').filter((e) => e.startsWith('data: {'));
    const last = JSON.parse((events.at(-1) as string).slice(6)) as { verity?: unknown; usage?: Usage };
    const verity = VerityTextFieldSchema.parse(last.verity);
    // The three honest executors agreed; the liar's answer is not paid for.
    expect(verity.receipts).toHaveLength(3);
    const fee = textFee(last.usage as Usage);
    expect(fee).toBeGreaterThan(price);
    for (const receipt of verity.receipts) expect(receipt.typedData.message.fee).toBe(String(fee));
    expect(chargeOf(verity.payment).amount).toBe(3n * fee);
  });

  it('is charged by a node directly for the tokens used, the fee its receipt signs, and that charge is split on chain', async () => {
    const node = network.nodes[2] as { url: string; address: Address };
    const unpaid = await fetch(`${node.url}/v1/chat/completions`, post(body({ max_tokens: 16 })));
    expect(unpaid.status).toBe(402);
    const required = decodePaymentRequiredHeader(unpaid.headers.get('payment-required') as string).accepts[0];
    const ceiling =
      price + BigInt(contextLength - 16) * chatTokenPrices.inputTokenPriceWei + 16n * chatTokenPrices.outputTokenPriceWei;
    expect(required?.amount).toBe(String(ceiling));
    const splitter = required?.payTo as Address;
    const earned = (payee: Address) => getFeeBalances(chain.publicClient, splitter, { payee }).then((b) => b.earned);
    const payees = [verifierPoolAddress, treasuryAddress, privateKeyToAccount(devKeys[0] as `0x${string}`).address, node.address];
    const before = await Promise.all(payees.map(earned));

    const response = await paidFetch(`${node.url}/v1/chat/completions`, post(body({ max_tokens: 16 })));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ChatCompletion;
    const fee = textFee(answer.usage);
    expect(answer.verity.receipts[0]?.typedData.message.fee).toBe(String(fee));
    expect(chargeOf(response).amount).toBe(fee);
    expect(fee).toBeLessThan(ceiling);

    // The node settles its receipt and claims the charge in its own FeeSplitter, split by the rules on chain.
    const verifierShare = (fee * BigInt(devFeeShares.verifierBps)) / 10_000n;
    const treasuryShare = (fee * BigInt(devFeeShares.treasuryBps)) / 10_000n;
    const royalty = (fee * BigInt(royaltyBps)) / 10_000n;
    for (let i = 0; i < 150 && (await earned(verifierPoolAddress)) < (before[0] as bigint) + verifierShare; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const after = await Promise.all(payees.map(earned));
    expect(after.map((amount, i) => amount - (before[i] as bigint))).toEqual([
      verifierShare,
      treasuryShare,
      royalty,
      fee - verifierShare - treasuryShare - royalty,
    ]);
  });
});

describe('API keys on prepaid channels', () => {
  const keyPayer = privateKeyToAccount(devKeys[5] as `0x${string}`);
  const chatBody = { model: 'verity-chat', messages: [{ role: 'user' as const, content: 'What is Verity?' }], max_tokens: 8 };
  let keys: VerityClient;
  let key: string;
  /** What the key was charged so far. */
  let spent = 0n;
  /** The most one chatBody answer can cost (8 tokens generated, the rest of the context prompt). */
  const chatCeiling = async () => {
    const list = (await (await fetch(`${network.routerUrl}/v1/models`)).json()) as { data: ModelEntry[] };
    const context = BigInt(list.data.find((m) => m.name === 'verity-chat')?.context_length ?? 0);
    return price + (context - 8n) * chatTokenPrices.inputTokenPriceWei + 8n * chatTokenPrices.outputTokenPriceWei;
  };

  beforeAll(async () => {
    const deployment = network.chain?.deployment;
    if (!deployment) throw new Error('no chain');
    keys = createClient({
      url: network.routerUrl,
      chain: { deployment },
      payment: { privateKey: devKeys[5] as `0x${string}`, maxPerRequest: 10n * price },
    });
    const created = await keys.createApiKey({ deposit: 5n * price });
    expect(created.key).toMatch(/^vk1_[0-9a-f]{168}$/);
    expect(created.payer).toBe(keyPayer.address.toLowerCase());
    expect(created.balance).toBe(5n * price);
    key = created.key;
  });

  it('pays for the official openai client: whole and streamed chat and a tensor model, receipts verify', async () => {
    const openai = new OpenAI({ baseURL: `${network.routerUrl}/v1`, apiKey: key });
    const whole = (await openai.chat.completions.create(chatBody)) as unknown as ChatCompletion;
    expect(verifyTextResponse({ ...generatedText(whole), verity: whole.verity }).ok).toBe(true);
    expect(whole.verity.receipts[0]?.typedData.message.fee).toBe(String(textFee(whole.usage)));

    const stream = await openai.chat.completions.create({ ...chatBody, stream: true });
    let text = '';
    let verity: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      verity = (chunk as { verity?: unknown }).verity ?? verity;
    }
    const last = VerityTextFieldSchema.parse(verity);
    expect(last.receipts).toHaveLength(1);
    const streamed = BigInt(last.receipts[0]?.typedData.message.fee ?? 0);
    expect(chargeOf(last.payment).amount).toBe(streamed);
    expect(text.length).toBeGreaterThan(0);

    const tensor = (await openai.post('/infer', { body: { model: 'iris', inputs: input } })) as InferResponse;
    expect(verifyInferResponse(tensor).ok).toBe(true);

    const listed = (await openai.models.list()).data.find((m) => m.id.startsWith('verity-chat@')) as unknown as ModelEntry;
    expect(listed.context_length).toBeGreaterThan(0);
    const state = await keys.getApiKey(key);
    spent = textFee(whole.usage) + streamed + price;
    expect(state).toMatchObject({ usage: String(spent), limit: String(5n * price), limit_remaining: String(5n * price - spent) });
    expect(JSON.stringify(state)).not.toContain(key.slice(4, 20));
  });

  it('answers a malformed or an unknown key with 401 in OpenAI’s error shape; x402 clients are unchanged', async () => {
    for (const apiKey of [
      'unused',
      formatApiKey({ authorizerKey: `0x${'11'.repeat(32)}`, payer: keyPayer.address, salt: `0x${'22'.repeat(32)}` }),
    ]) {
      const openai = new OpenAI({ baseURL: `${network.routerUrl}/v1`, apiKey, maxRetries: 0 });
      const failure = await openai.chat.completions.create(chatBody).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(OpenAI.AuthenticationError);
      const { status, code, type } = failure as InstanceType<typeof OpenAI.AuthenticationError>;
      expect({ status, code, type }).toEqual({ status: 401, code: 'INVALID_API_KEY', type: 'invalid_request_error' });
      expect((failure as Error).message).not.toContain(apiKey.slice(4));
    }
    // No Authorization header: the x402 flow, as before.
    expect((await fetch(`${network.routerUrl}/v1/chat/completions`, post(chatBody))).status).toBe(402);
  });

  it('stops a key when its deposit runs out: 402 with the reason, and the channel is charged exactly what was answered', async () => {
    const openai = new OpenAI({ baseURL: `${network.routerUrl}/v1`, apiKey: key, maxRetries: 0 });
    const ceiling = await chatCeiling();
    // Each request reserves its ceiling while it runs: as many fit at once as the deposit left covers.
    const fit = Number((5n * price - spent) / ceiling);
    const outcomes = await Promise.all(
      Array.from({ length: fit + 2 }, () =>
        openai.chat.completions.create(chatBody).then(
          (answer) => textFee((answer as unknown as ChatCompletion).usage),
          (error: unknown) => (error as { status?: number }).status,
        ),
      ),
    );
    const fees = outcomes.filter((o): o is bigint => typeof o === 'bigint');
    expect(fees).toHaveLength(fit);
    expect(outcomes.filter((o) => o === 402)).toHaveLength(2);
    spent += fees.reduce((a, b) => a + b, 0n);
    // Answer by answer until what is left cannot cover one more ceiling; then the clear refusal.
    for (;;) {
      const next = await openai.chat.completions.create(chatBody).catch((error: unknown) => error as Error);
      if (next instanceof Error) {
        expect(next.message).toContain('deposit is spent');
        break;
      }
      spent += textFee((next as unknown as ChatCompletion).usage);
    }
    const state = await keys.getApiKey(key);
    expect(state).toMatchObject({ usage: String(spent), limit_remaining: String(5n * price - spent) });
    expect(5n * price - spent).toBeLessThan(ceiling);
    // The router claims exactly that on chain, never more.
    const channel = state.channelId as `0x${string}`;
    const deadline = Date.now() + 20_000;
    let claimed = 0n;
    while (Date.now() < deadline) {
      claimed = (await getChannel(chain.publicClient, batchSettlementAddress, { channelId: channel })).totalClaimed;
      if (claimed === spent) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(claimed).toBe(spent);
  });

  it('revokes a key: its unspent deposit goes back to the payer at once, and it spends nothing more', async () => {
    const fresh = await keys.createApiKey({ deposit: 3n * price });
    const openai = new OpenAI({ baseURL: `${network.routerUrl}/v1`, apiKey: fresh.key, maxRetries: 0 });
    const answer = (await openai.chat.completions.create(chatBody)) as unknown as ChatCompletion;
    const left = 3n * price - textFee(answer.usage);
    const before = await getTokenBalance(chain.publicClient, token, { owner: keyPayer.address });
    const revoked = await keys.revokeApiKey(fresh.key);
    expect(revoked).toMatchObject({ revoked: true, channelId: fresh.channelId, refunded: String(left) });
    expect(await getTokenBalance(chain.publicClient, token, { owner: keyPayer.address })).toBe(before + left);
    const after = await openai.chat.completions.create(chatBody).catch((error: unknown) => error);
    expect((after as { status?: number }).status).toBe(402);
  });
});
