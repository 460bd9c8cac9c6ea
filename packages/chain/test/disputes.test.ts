/**
 * Disputes on a real anvil: two receipts one executor signed for the same request with different outputs slash its
 * whole stake at once (the reporter rewarded, the rest burned), and the node leaves the active set; anything else
 * (other requests, the same output, a forged or foreign signature, a second report) is refused by name.
 */
import { type Hex, type SignedReceipt, addressOf, receiptDomain, signReceipt } from '@verity/protocol';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Anvil,
  type ChainClients,
  type DeployVerityReturnType,
  anvilPrivateKeys,
  createChainClients,
  deployVerity,
  getNode,
  getTokenBalance,
  isEquivocationSlashed,
  listActiveNodes,
  mintTokens,
  registerModel,
  registerNode,
  reportEquivocation,
  revertErrorName,
  startAnvil,
} from '../src/index.js';

const [ownerKey, publisherKey, nodeKey, reporterKey, honestKey] = anvilPrivateKeys as [Hex, Hex, Hex, Hex, Hex];
const modelId: Hex = `0x${'0d'.repeat(32)}`;
const requestId: Hex = `0x${'7e'.repeat(32)}`;
const minStake = parseEther('100');

let anvil: Anvil;
let clients: ChainClients;
let contracts: DeployVerityReturnType['contracts'];

function receipt(key: Hex, outputByte: string, overrides: { requestId?: Hex; chainId?: number } = {}): SignedReceipt {
  return signReceipt(
    key,
    {
      requestId: overrides.requestId ?? requestId,
      modelId,
      inputHash: `0x${'11'.repeat(32)}`,
      outputHash: `0x${outputByte.repeat(32)}`,
      executor: addressOf(key),
      fee: '1000',
      timestamp: 1_790_000_000,
      policy: 'none',
      engine: 'onnxruntime-node/1.24.3/cpu-fp32',
    },
    receiptDomain(overrides.chainId ?? anvil.chainId, contracts.receiptRegistry),
  );
}

const report = (a: SignedReceipt, b: SignedReceipt) =>
  reportEquivocation(clients.walletFor(reporterKey), contracts.disputes, { receipts: [a, b] }).then(
    () => 'slashed',
    (error: unknown) => revertErrorName(error) ?? String(error),
  );

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
  clients = createChainClients({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  ({ contracts } = await deployVerity(clients.walletFor(ownerKey), { minStakeWei: minStake }));
  const owner = clients.walletFor(ownerKey);
  for (const key of [nodeKey, honestKey]) await mintTokens(owner, contracts.token, { to: addressOf(key), amount: minStake });
  await registerModel(clients.walletFor(publisherKey), contracts.modelRegistry, {
    modelId,
    name: 'm',
    version: '1',
    format: 'onnx',
    metadataHash: `0x${'00'.repeat(32)}`,
    priceWei: 0n,
    royaltyBps: 0,
  });
  for (const key of [nodeKey, honestKey]) {
    await registerNode(clients.walletFor(key), contracts.nodeRegistry, {
      endpoint: `http://127.0.0.1:${key === nodeKey ? 7171 : 7172}`,
      priceWei: 0n,
      modelIds: [modelId],
      stake: minStake,
    });
  }
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

describe('equivocation', () => {
  it('refuses what is not a proof: another request, the same output, a forged or foreign signature, two executors', async () => {
    expect(await report(receipt(nodeKey, 'aa'), receipt(nodeKey, 'bb', { requestId: `0x${'7f'.repeat(32)}` }))).toBe(
      'DifferentRequests',
    );
    expect(await report(receipt(nodeKey, 'aa'), receipt(nodeKey, 'aa'))).toBe('SameOutput');
    // Signed by another key while naming the node as executor.
    const forged = { ...receipt(honestKey, 'bb'), typedData: { ...receipt(nodeKey, 'bb').typedData } };
    expect(await report(receipt(nodeKey, 'aa'), forged)).toBe('BadSignature');
    // Signed for another chain: another digest, another signer.
    expect(await report(receipt(nodeKey, 'aa'), receipt(nodeKey, 'bb', { chainId: 1 }))).toBe('BadSignature');
    expect(await report(receipt(nodeKey, 'aa'), receipt(honestKey, 'bb'))).toBe('DifferentExecutors');
    expect((await getNode(clients.publicClient, contracts.nodeRegistry, { operator: addressOf(nodeKey) }))?.stake).toBe(minStake);
  });

  it('slashes the whole stake at once, rewards the reporter, and the node leaves the active set', async () => {
    const reporter = addressOf(reporterKey);
    const before = await getTokenBalance(clients.publicClient, contracts.token, { owner: reporter });
    expect(await report(receipt(nodeKey, 'aa'), receipt(nodeKey, 'bb'))).toBe('slashed');
    const node = await getNode(clients.publicClient, contracts.nodeRegistry, { operator: addressOf(nodeKey) });
    expect(node?.stake).toBe(0n);
    // The devnet's default slash reward: 50% to the reporter, the rest burned.
    expect(await getTokenBalance(clients.publicClient, contracts.token, { owner: reporter })).toBe(before + minStake / 2n);
    expect(
      await isEquivocationSlashed(clients.publicClient, contracts.disputes, { executor: addressOf(nodeKey), requestId }),
    ).toBe(true);
    const active = await listActiveNodes(clients.publicClient, contracts.nodeRegistry);
    expect(active.map((n) => n.operator.toLowerCase())).toEqual([addressOf(honestKey).toLowerCase()]);
  });

  it('slashes once per request: a second report is refused', async () => {
    expect(await report(receipt(nodeKey, 'aa'), receipt(nodeKey, 'cc'))).toBe('AlreadySlashed');
  });
});
