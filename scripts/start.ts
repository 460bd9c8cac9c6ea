/**
 * `npm start`: the whole network on loopback: anvil on 127.0.0.1:8545 with the contracts deployed, three nodes
 * (each with its own operator key, registered and staked on chain) and a router on 127.0.0.1:7070 that reads the
 * node set from the chain. It publishes the demo models on chain (an ONNX classifier and a GGUF chat model) and
 * spreads them to the nodes, runs one verified inference and one chat with replicate:3, waits until the
 * inference's receipts are settled on chain, and serves until Ctrl-C, which stops every process started here.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChainClients, getFeeBalances } from '@verity/chain';
import { LocalNetwork, devApiKey, devKeys, repoRoot, treasuryAddress, verifierPoolAddress } from '@verity/devnet';
import {
  ChatCompletionSchema,
  InferResponseSchema,
  generatedText,
  verifyInferResponse,
  verifyTextResponse,
} from '@verity/protocol';
import { x402Client } from '@x402/core/client';
import { decodePaymentResponseHeader } from '@x402/core/http';
import { toClientEvmSigner } from '@x402/evm';
import { BatchSettlementEvmScheme } from '@x402/evm/batch-settlement/client';
import { wrapFetchWithPayment } from '@x402/fetch';
import { formatUnits } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createClient } from '@verity/sdk';

const demo = JSON.parse(readFileSync(join(repoRoot, 'models/iris.json'), 'utf8')) as {
  name: string;
  version: string;
  classes: string[];
  example: Record<string, never>;
};

const routerPort = Number(process.env.VERITY_ROUTER_PORT ?? 7070);
const nodeBasePort = Number(process.env.VERITY_NODE_BASE_PORT ?? 7071);
const chainPort = Number(process.env.VERITY_CHAIN_PORT ?? 8545);
const dataDir = join(repoRoot, '.verity/devnet');
/** Each node's price per answer (its NodeRegistry price): 0.001 VRT. */
const priceWei = 10n ** 15n;
/** iris's published price per answer, above the nodes' own: 0.002 VRT. */
const irisPriceWei = 2n * priceWei;
/** verity-chat's published prices per prompt and per generated token (0.000001 and 0.000002 VRT), on top of the nodes' 0.001 per answer. */
const chatTokenPrices = { inputTokenPriceWei: 10n ** 12n, outputTokenPriceWei: 2n * 10n ** 12n };
/** What `npm start` deposits behind the devnet's API key. */
const apiKeyDepositWei = 10n * 10n ** 18n;
// The devnet chain starts empty every time, so the nodes' records start empty too.
rmSync(dataDir, { recursive: true, force: true });

console.log('Starting a local Verity network: anvil, the contracts, 3 staked nodes and a router…');
const network = await LocalNetwork.start({
  nodes: 3,
  routerPort,
  nodeBasePort,
  dataDir,
  chain: { port: chainPort, epochMaxAgeMs: 3_000, payments: { priceWei, claimIntervalMs: 3_000 } },
  log: (source, line) => {
    if (process.env.VERITY_VERBOSE) console.error(`[${source}] ${line}`);
  },
});
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the network…');
  await network.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  const chain = network.chain;
  if (!chain) throw new Error('the devnet started without its chain');
  console.log(`  chain   ${chain.rpcUrl} (chain id ${chain.chainId}); deployment in ${chain.deploymentFile}`);
  for (const [name, address] of Object.entries(chain.deployment.contracts))
    console.log(`          ${name.padEnd(16)} ${address}`);
  for (const node of network.nodes) console.log(`  node ${node.index + 1}  ${node.url}  operator ${node.address} (staked)`);
  console.log(`  router  ${network.routerUrl}`);

  // Account 0 publishes the demo model (anvil's well-known development key: local use only).
  const client = createClient({ url: network.routerUrl, chain: { deployment: chain.deployment, privateKey: devKeys[0]! } });
  // Priced at 0.002 VRT per answer, with a 10% royalty: the fee split pays it to the publisher.
  const model = await client.pushModel(join(repoRoot, 'models/iris.onnx'), {
    name: demo.name,
    version: demo.version,
    priceWei: irisPriceWei,
    royaltyBps: 1_000,
  });
  console.log(
    `\nPublished ${model.name}@${model.version} (${model.modelId}) on chain and on ${model.nodes?.length ?? 1} node(s).`,
  );

  // The demo client (anvil's account 4) pays with the official x402 client packages: the first request deposits
  // into a batch-settlement channel, later ones only sign vouchers.
  const payer = privateKeyToAccount(devKeys[4]!);
  const publicClient = createChainClients({ chainId: chain.chainId, rpcUrl: chain.rpcUrl }).publicClient;
  const x402 = new x402Client()
    .register(
      `eip155:${chain.chainId}`,
      new BatchSettlementEvmScheme(toClientEvmSigner(payer, publicClient), { depositPolicy: { depositMultiplier: 100 } }),
    )
    .setSpendControls({
      allowedAssets: [
        {
          network: `eip155:${chain.chainId}`,
          asset: chain.deployment.contracts.token,
          // replicate:3 of a chat without max_tokens: at most 3 × (0.001 + 511 × 0.000002 + 0.000001) VRT.
          maxAmountPerPayment: String(10n ** 16n),
        },
      ],
    });
  const paidFetch = wrapFetchWithPayment(fetch, x402);
  const paidPost = async (path: string, body: unknown) => {
    const answer = await paidFetch(`${network.routerUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${path} answered ${answer.status}: ${await answer.text()}`);
    const payment = answer.headers.get('payment-response');
    return { body: (await answer.json()) as unknown, payment: payment ? decodePaymentResponseHeader(payment) : undefined };
  };
  const paid = await paidPost('/v1/infer', {
    model: `${demo.name}@${demo.version}`,
    inputs: demo.example,
    policy: 'replicate:3',
  });
  const response = InferResponseSchema.parse(paid.body);
  if (!verifyInferResponse(response).ok) throw new Error('the demo answer does not verify');
  const label = Number((response.outputs.label?.data as number[] | undefined)?.[0]);
  const responsePath = join(dataDir, 'demo-response.json');
  writeFileSync(responsePath, `${JSON.stringify(response, null, 2)}\n`);
  console.log(`\nDemo inference, policy replicate:3: predicted "${demo.classes[label] ?? label}"`);
  console.log(`  probabilities ${JSON.stringify(response.outputs.probabilities?.data)}`);
  console.log(`  ${response.receipts.length} receipts from distinct operators agree; verified offline.`);
  console.log(
    `  paid ${formatUnits(BigInt(paid.payment?.amount ?? 0), 18)} VRT (iris's price, 0.002, per agreeing executor) from ${payer.address}; ` +
      `deposit transaction ${paid.payment?.transaction || '(none)'}`,
  );

  // The demo chat model (built in closed form by `npm run demo-chat`): readable answers about Verity.
  const chatModel = await client.pushModel(join(repoRoot, 'models/verity-chat.gguf'), {
    name: 'verity-chat',
    version: '1',
    ...chatTokenPrices,
  });
  console.log(
    `\nPublished ${chatModel.name}@${chatModel.version} (${chatModel.modelId}) on chain and on ${chatModel.nodes?.length ?? 1} node(s).`,
  );
  const question = 'What is Verity?';
  const paidChat = await paidPost('/v1/chat/completions', {
    model: 'verity-chat',
    messages: [{ role: 'user', content: question }],
    verity: { policy: 'replicate:3' },
  });
  const chat = ChatCompletionSchema.parse(paidChat.body);
  const answerText = generatedText(chat);
  const chatReport = verifyTextResponse(
    { ...answerText, verity: chat.verity },
    { request: { messages: [{ role: 'user', content: question }] } },
  );
  const chatPath = join(dataDir, 'demo-chat.json');
  writeFileSync(chatPath, `${JSON.stringify(chat, null, 2)}\n`);
  console.log(`\nDemo chat, policy replicate:3: "${question}"`);
  console.log(`  ${answerText.text.trim()}`);
  console.log(
    `  ${chat.verity.receipts.length} receipts from distinct operators agree on the exact text; ${chatReport.ok ? 'verified offline ✓' : 'verification FAILED ✗'}`,
  );

  const { usage } = chat;
  console.log(
    `  paid ${formatUnits(BigInt(paidChat.payment?.amount ?? 0), 18)} VRT with a voucher (no new deposit): per agreeing executor, the nodes' 0.001 ` +
      `plus ${usage.prompt_tokens} prompt tokens at 0.000001 and ${usage.completion_tokens} generated at 0.000002, each receipt's fee`,
  );

  console.log('\nWaiting for the nodes to settle the receipts on chain (epochs close every 3 s)…');
  for (const receipt of response.receipts) {
    let verdict = await client.verifySettlement({ receipt });
    for (let i = 0; i < 40 && verdict.outcome === 'unsettled'; i++) {
      await sleep(500);
      verdict = await client.verifySettlement({ receipt });
    }
    const where = verdict.settlement
      ? `epoch ${verdict.settlement.epoch}, root posted in ${verdict.settlement.txHash ?? '?'}`
      : '';
    console.log(
      `  ${verdict.outcome === 'valid' ? '✓' : '✗'} ${receipt.typedData.message.executor}: ${verdict.outcome} ${where}`,
    );
  }

  // The router claims the vouchers and settles them into the FeeSplitter (the channels' receiver), then posts a
  // charge root of what it charged; the contract pays each charge against its executor's settled receipt and
  // splits it by the rules on chain.
  const splitter = chain.deployment.contracts.feeSplitter;
  if (!splitter) throw new Error('the devnet has no FeeSplitter');
  const charged = BigInt(paid.payment?.amount ?? 0) + BigInt(paidChat.payment?.amount ?? 0);
  const earnedBy = async (payee: `0x${string}`) => (await getFeeBalances(publicClient, splitter, { payee })).earned;
  for (let i = 0; i < 80 && (await earnedBy(verifierPoolAddress)) < (charged * 5n) / 100n; i++) await sleep(500);
  const publisherAddress = privateKeyToAccount(devKeys[0]!).address;
  console.log(
    `\nPayments: ${formatUnits(charged, 18)} VRT charged for 6 executor answers, claimed and settled on chain into the FeeSplitter ${splitter}, each answer paid out against its executor's settled receipt, and split there:`,
  );
  for (const node of network.nodes)
    console.log(`  executor ${node.address}  ${formatUnits(await earnedBy(node.address as `0x${string}`), 18)} VRT`);
  console.log(`  publisher ${publisherAddress}  ${formatUnits(await earnedBy(publisherAddress), 18)} VRT (10% royalty on iris)`);
  console.log(`  verifier pool ${verifierPoolAddress}  ${formatUnits(await earnedBy(verifierPoolAddress), 18)} VRT (5%)`);
  console.log(`  treasury ${treasuryAddress}  ${formatUnits(await earnedBy(treasuryAddress), 18)} VRT (5%)`);
  console.log('  (each withdraws from the FeeSplitter; the router never holds the money)');

  // The devnet's API key (public knowledge): the demo payer's prepaid channel, for OpenAI-compatible clients.
  const keyed = await createClient({
    url: network.routerUrl,
    chain: { deployment: chain.deployment },
    payment: { privateKey: devKeys[4]! },
  }).createApiKey({ deposit: apiKeyDepositWei, key: devApiKey });
  console.log(
    `\nAn API key for OpenAI-compatible clients: anvil account 4's prepaid channel, ${formatUnits(keyed.balance, 18)} VRT (devnet only):`,
  );
  console.log(`  export VERITY_API_KEY=${devApiKey}`);
  console.log(`  node --input-type=module -e "import OpenAI from 'openai';
    const openai = new OpenAI({ baseURL: '${network.routerUrl}/v1', apiKey: process.env.VERITY_API_KEY });
    const reply = await openai.chat.completions.create({ model: 'verity-chat', messages: [{ role: 'user', content: 'How do nodes agree?' }] });
    console.log(reply.choices[0].message.content, reply.verity.receipts.length, 'receipt(s)');"`);
  console.log(
    `  curl -s ${network.routerUrl}/v1/chat/completions -H "authorization: Bearer $VERITY_API_KEY" -H 'content-type: application/json' \\
    -d '{"model": "verity-chat", "messages": [{"role": "user", "content": "How do nodes agree?"}]}'`,
  );
  console.log(
    `  curl -s ${network.routerUrl}/v1/key -H "authorization: Bearer $VERITY_API_KEY"   # deposit, usage, what is left`,
  );

  console.log(`\nCheck it yourself:
  npm run verity -- receipt verify ${responsePath}
  npm run verity -- receipt verify ${responsePath} --chain --deployment ${chain.deploymentFile}
  npm run verity -- receipt verify ${chatPath}          # the chat answer: its receipts against the text
  export VERITY_KEY=${devKeys[5]} VERITY_DEPLOYMENT=${chain.deploymentFile}   # anvil account 5 pays (devnet only)
  npm run verity -- infer iris --input '{"x": {"dtype": "float32", "shape": [1,4], "data": [6.7,3.0,5.2,2.3]}}' --policy replicate:3
  npm run verity -- chat "How do nodes agree?" --model verity-chat
  npm run verity -- wallet balance
  npm run verity -- chain status --deployment ${chain.deploymentFile}
  curl -s ${network.routerUrl}/v1/models
  curl -si ${network.routerUrl}/v1/infer -H 'content-type: application/json' -d '{"model": "iris", "inputs": {}}'   # 402 and the price
  curl -si ${network.nodes[0]?.url}/v1/infer -H 'content-type: application/json' -d '{"model": "iris", "inputs": {}}'   # a node charges its direct clients too
  curl -sN ${network.routerUrl}/v1/chat/completions -H 'content-type: application/json' \\
    -d '{"model": "verity-chat", "stream": true, "messages": [{"role": "user", "content": "How do nodes agree?"}]}'
  (curl gets 402 until it pays: any x402 client, e.g. @x402/fetch, or the SDK with createClient({ url, payment }))

Serving on ${network.routerUrl}. Press Ctrl-C to stop.`);
} catch (error) {
  console.error('Demo failed:', error);
  await stop(1);
}
