/**
 * The fee split's gas, for the payments benchmark: FeeSplitter.postCharges and claimCharges for 1 and 10 claims, on
 * its own Verity deployment on the benchmark's anvil. Two registered nodes sign real receipts and settle them in
 * ReceiptRegistry (postRoot); the distributor posts charge roots over them; claims carry both proofs.
 */
import {
  type ChargeClaim,
  type FeeCharge,
  anvilPrivateKeys,
  buildChargeTree,
  claimCharges,
  createChainClients,
  deployFeeSplitter,
  deployVerity,
  mintTokens,
  postCharges,
  postRoot,
  registerModel,
  registerNode,
} from '@verity/chain';
import {
  type Hex,
  type SignedReceipt,
  merkleTree,
  receiptDigest,
  receiptDomain,
  receiptLeaf,
  signReceipt,
} from '@verity/protocol';
import { parseEther } from 'viem';

export interface FeeSplitGas {
  /** postCharges of a root over 10 charges (the gas does not depend on the count). */
  postCharges: number;
  /** claimCharges of one claim, payees already credited before (their balance slots are warm in the sense of non-zero). */
  claimCharges1: number;
  /** claimCharges of 10 claims of one root: 2 executors × 5 requests, 2 models. */
  claimCharges10: number;
  /** claimCharges10 / 10. */
  perCharge: number;
  /** The first claim ever, which credits every payee from zero. */
  claimCharges1FirstCredit: number;
}

/** Measures on the anvil at `rpcUrl` with anvil's accounts 4–8 (the caller's other accounts are left alone). */
export async function measureFeeSplit(options: { rpcUrl: string; chainId: number }): Promise<FeeSplitGas> {
  const clients = createChainClients({ rpcUrl: options.rpcUrl, chainId: options.chainId, pollingIntervalMs: 10 });
  const keys = anvilPrivateKeys.slice(4, 9) as Hex[];
  const [owner, publisher, executorA, executorB, distributor] = keys.map((key) => clients.walletFor(key)) as [
    ReturnType<typeof clients.walletFor>,
    ReturnType<typeof clients.walletFor>,
    ReturnType<typeof clients.walletFor>,
    ReturnType<typeof clients.walletFor>,
    ReturnType<typeof clients.walletFor>,
  ];
  const { contracts } = await deployVerity(owner);
  const models = [`0x${'a1'.repeat(32)}`, `0x${'b2'.repeat(32)}`] as const;
  for (const [i, modelId] of models.entries()) {
    await registerModel(publisher, contracts.modelRegistry, {
      modelId,
      name: 'mlp',
      version: String(i + 1),
      format: 'onnx',
      metadataHash: `0x${'dd'.repeat(32)}`,
      priceWei: 1_000n,
      royaltyBps: 250 * i,
    });
  }
  for (const [i, node] of [executorA, executorB].entries()) {
    await mintTokens(owner, contracts.token, { to: node.account.address, amount: parseEther('100') });
    await registerNode(node, contracts.nodeRegistry, {
      endpoint: `http://127.0.0.1:900${i}`,
      priceWei: 1_000n,
      modelIds: [...models],
      stake: parseEther('100'),
    });
  }
  const splitter = (
    await deployFeeSplitter(owner, {
      token: contracts.token,
      modelRegistry: contracts.modelRegistry,
      nodeRegistry: contracts.nodeRegistry,
      receiptRegistry: contracts.receiptRegistry,
      distributor: distributor.account.address,
      treasury: owner.account.address,
      verifierPool: publisher.account.address,
      verifierBps: 500,
      treasuryBps: 500,
    })
  ).address;

  // Each node answers 6 requests (one for the warm-up, 5 for the batch) and settles them as one epoch.
  const domain = receiptDomain(options.chainId, contracts.receiptRegistry);
  let request = 0;
  const settled: { receipt: SignedReceipt; proof: Hex[]; epoch: bigint }[][] = [];
  for (const [n, node] of [executorA, executorB].entries()) {
    const receipts = Array.from({ length: 6 }, () => {
      request += 1;
      return signReceipt(
        keys[2 + n] as Hex,
        {
          requestId: `0x${request.toString(16).padStart(64, '0')}`,
          modelId: models[n] as Hex,
          inputHash: `0x${'01'.repeat(32)}`,
          outputHash: `0x${(9_000 + request).toString(16).padStart(64, '0')}`,
          executor: node.account.address,
          fee: String(1_000 + request),
          timestamp: 1_790_000_000 + request,
          policy: 'none',
          engine: 'onnxruntime-node/1.30.0/cpu-fp32',
        },
        domain,
      );
    });
    const tree = merkleTree(receipts.map((r) => receiptLeaf(receiptDigest(domain, r.typedData.message))));
    await postRoot(node, contracts.receiptRegistry, { epoch: 1, root: tree.root, count: receipts.length });
    settled.push(receipts.map((receipt, i) => ({ receipt, proof: tree.proof(i), epoch: 1n })));
  }
  const chargeOf = (s: { receipt: SignedReceipt }): FeeCharge => {
    const m = s.receipt.typedData.message;
    return { requestId: m.requestId, modelId: m.modelId, executor: m.executor, amount: BigInt(m.fee) };
  };
  const [fromA, fromB] = settled as [(typeof settled)[number], (typeof settled)[number]];
  const all = [...fromA, ...fromB];
  // The channels' settled fees, as they arrive: straight into the splitter.
  await mintTokens(owner, contracts.token, {
    to: splitter,
    amount: all.reduce((sum, s) => sum + BigInt(s.receipt.typedData.message.fee), 0n),
  });

  /** Posts a root over `group` and claims all of it in one transaction. */
  const round = async (group: typeof all) => {
    const charges = group.map(chargeOf);
    const tree = buildChargeTree(charges);
    const posted = await postCharges(distributor, splitter, {
      root: tree.root,
      total: charges.reduce((sum, c) => sum + c.amount, 0n),
      count: charges.length,
    });
    const claims: ChargeClaim[] = group.map((s, i) => ({
      rootId: posted.rootId,
      charge: charges[i] as FeeCharge,
      chargeProof: tree.proof(i),
      receipt: s.receipt,
      proof: s.proof,
      epoch: s.epoch,
    }));
    const claimed = await claimCharges(executorA, splitter, { claims });
    return { postGas: Number(posted.gasUsed), claimGas: Number(claimed.gasUsed) };
  };
  const first = await round([fromA[0] as (typeof all)[number]]);
  const one = await round([fromB[0] as (typeof all)[number]]);
  const ten = await round([...fromA.slice(1), ...fromB.slice(1)]);
  return {
    postCharges: ten.postGas,
    claimCharges1: one.claimGas,
    claimCharges10: ten.claimGas,
    perCharge: Math.round(ten.claimGas / 10),
    claimCharges1FirstCredit: first.claimGas,
  };
}
