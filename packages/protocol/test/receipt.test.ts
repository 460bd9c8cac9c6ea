import { hashTypedData, verifyTypedData } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  type Hex,
  type ReceiptMessage,
  addressOf,
  hashTensorMap,
  receiptDigest,
  receiptDomain,
  signReceipt,
  toHex,
  verifyInferResponse,
  verifyReceipt,
} from '../src/index.js';

const keys: Hex[] = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
];
const outputs = { y: { dtype: 'float32' as const, shape: [1, 2], data: [0.25, 0.75] } };

function message(executor: Hex, overrides: Partial<ReceiptMessage> = {}): ReceiptMessage {
  return {
    requestId: `0x${'11'.repeat(32)}`,
    modelId: `0x${'22'.repeat(32)}`,
    inputHash: hashTensorMap({}),
    outputHash: hashTensorMap(outputs),
    executor,
    fee: '1000000000000000000000',
    timestamp: 1_790_000_000,
    policy: 'none',
    engine: 'onnxruntime-node/1.30.0/cpu-fp32',
    ...overrides,
  };
}

describe('receipts (EIP-712)', () => {
  it('derives the same address as viem', () => {
    for (const key of keys) expect(addressOf(key)).toBe(privateKeyToAccount(key).address);
  });

  it('computes the digest viem computes, with and without verifyingContract', () => {
    const executor = addressOf(keys[0]!);
    for (const domain of [receiptDomain(), receiptDomain(1, '0x5FbDB2315678afecb367f032d93F642f64180aa3')]) {
      const signed = signReceipt(keys[0]!, message(executor), domain);
      expect(toHex(receiptDigest(domain, signed.typedData.message))).toBe(hashTypedData(signed.typedData as never));
    }
  });

  it('signs receipts that viem verifyTypedData accepts as they come off the wire (JSON)', async () => {
    const executor = addressOf(keys[1]!);
    const wire = JSON.parse(JSON.stringify(signReceipt(keys[1]!, message(executor))));
    expect(await verifyTypedData({ ...wire.typedData, address: executor, signature: wire.signature })).toBe(true);
    const viemSignature = await privateKeyToAccount(keys[1]!).signTypedData(wire.typedData);
    expect(viemSignature).toBe(wire.signature);
  });

  it('verifies offline and names each failure', () => {
    const executor = addressOf(keys[0]!);
    const receipt = signReceipt(keys[0]!, message(executor));
    expect(verifyReceipt(receipt, { outputs }).ok).toBe(true);

    const tamperedOutputs = { y: { ...outputs.y, data: [0.75, 0.25] } };
    const report = verifyReceipt(receipt, { outputs: tamperedOutputs });
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.check === 'outputHash')?.ok).toBe(false);

    const forged = { ...receipt, typedData: { ...receipt.typedData, message: { ...receipt.typedData.message, fee: '1' } } };
    expect(verifyReceipt(forged).checks.find((c) => c.check === 'signature')?.ok).toBe(false);

    const otherSigner = signReceipt(keys[1]!, message(executor));
    expect(verifyReceipt(otherSigner).checks.find((c) => c.check === 'signature')?.message).toMatch(/recovers to/);

    expect(verifyReceipt({ typedData: {}, signature: '0x' }).checks[0]?.check).toBe('format');
  });

  it('requires k distinct agreeing executors for replicate:k', () => {
    const receipts = keys.map((key) => signReceipt(key, message(addressOf(key), { policy: 'replicate:3' })));
    const base = {
      requestId: receipts[0]!.typedData.message.requestId,
      modelId: receipts[0]!.typedData.message.modelId,
      outputs,
      policy: 'replicate:3',
    };
    expect(verifyInferResponse({ ...base, receipts }).ok).toBe(true);
    expect(verifyInferResponse({ ...base, receipts: receipts.slice(0, 2) }).ok).toBe(true);
    const oneTwice = [receipts[0], receipts[0]];
    const report = verifyInferResponse({ ...base, receipts: oneTwice });
    expect(report.ok).toBe(false);
    expect(report.checks.at(-1)?.check).toBe('quorum');
  });
});
