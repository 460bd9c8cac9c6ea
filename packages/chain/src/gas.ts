/**
 * Gas of every write and of verify, and gas per inference of settlement by epoch size, measured on a live chain
 * (a fresh deployment on anvil): what the benchmark quotes. Settling an epoch is one postRoot whatever its size,
 * so the cost per inference is postRoot's gas divided by the epoch size.
 */
import { ExampleConsumer, ReceiptRegistry, solcVersion } from '@verity/contracts';
import {
  type ReceiptMessage,
  addressOf,
  merkleTree,
  receiptDigest,
  receiptDomain,
  receiptLeaf,
  signReceipt,
} from '@verity/protocol';
import { type Hex, encodeFunctionData, parseEther } from 'viem';
import { estimateGas, writeContract } from 'viem/actions';
import { addStake } from './actions/addStake.js';
import { approveTokens } from './actions/approveTokens.js';
import { deployExampleConsumer } from './actions/deployExampleConsumer.js';
import { deployVerity } from './actions/deployVerity.js';
import { heartbeat } from './actions/heartbeat.js';
import { mintTokens } from './actions/mintTokens.js';
import { postRoot } from './actions/postRoot.js';
import { registerModel } from './actions/registerModel.js';
import { registerNode } from './actions/registerNode.js';
import { requestUnstake } from './actions/requestUnstake.js';
import { setNodeModels } from './actions/setNodeModels.js';
import { updateNode } from './actions/updateNode.js';
import { anvilPrivateKeys } from './anvil.js';
import { createChainClients } from './clients.js';
import { confirm } from './internal.js';
import { toReceiptStruct } from './types.js';

export interface MeasureGasOptions {
  rpcUrl: string;
  chainId: number;
  /** Funded keys: [deployer, publisher, operator, consumer caller]. Default: anvil's first four. */
  privateKeys?: readonly Hex[];
  /** Default [1, 10, 100, 1000]. */
  epochSizes?: readonly number[];
}

export interface GasReport {
  solcVersion: string;
  /** Gas used by each transaction (including the 21,000 base and calldata). */
  writes: {
    publishModel: number;
    approve: number;
    registerNode: number;
    addStake: number;
    heartbeat: number;
    updateNode: number;
    setModels: number;
    postRoot: number;
    requestUnstake: number;
  };
  /** ReceiptRegistry.verify as a transaction would cost it (eth_estimateGas), by proof length. */
  verify: { epochSize: number; proofLength: number; gas: number }[];
  /** ExampleConsumer.accept of one verified result (verify plus storing the result). */
  consumerAccept: number;
  /** One postRoot per epoch: gas per inference = postRoot gas / epoch size. */
  settlement: { epochSize: number; postRootGas: number; gasPerInference: number }[];
}

const modelId = `0x${'ab'.repeat(32)}` as Hex;

function receiptMessage(executor: Hex, epoch: number, index: number): ReceiptMessage {
  const n = (BigInt(epoch) << 32n) | BigInt(index);
  return {
    requestId: `0x${n.toString(16).padStart(64, '0')}`,
    modelId,
    inputHash: `0x${'01'.repeat(32)}`,
    outputHash: `0x${(n + 7n).toString(16).padStart(64, '0')}`,
    executor,
    fee: '1000000000000000',
    timestamp: 1_790_000_000 + index,
    policy: 'none',
    engine: 'onnxruntime-node/1.30.0/cpu-fp32',
  };
}

export async function measureGas(options: MeasureGasOptions): Promise<GasReport> {
  const keys = options.privateKeys ?? anvilPrivateKeys;
  const [deployerKey, publisherKey, operatorKey, callerKey] = [keys[0], keys[1], keys[2], keys[3]];
  if (!deployerKey || !publisherKey || !operatorKey || !callerKey) throw new RangeError('measureGas needs four funded keys');
  const clients = createChainClients({ rpcUrl: options.rpcUrl, chainId: options.chainId });
  const deployer = clients.walletFor(deployerKey);
  const publisher = clients.walletFor(publisherKey);
  const operator = clients.walletFor(operatorKey);
  const caller = clients.walletFor(callerKey);
  const gas = (value: bigint): number => Number(value);

  const { contracts } = await deployVerity(deployer, { livenessWindowSeconds: 3_600 });
  const stake = parseEther('1000');
  await mintTokens(deployer, contracts.token, { to: operator.account.address, amount: stake * 2n });
  const publishModel = await registerModel(publisher, contracts.modelRegistry, {
    modelId,
    name: 'gas-mlp',
    version: '1.0.0',
    format: 'onnx',
    metadataHash: `0x${'cd'.repeat(32)}`,
    priceWei: 10n ** 15n,
    royaltyBps: 500,
  });
  const approve = await approveTokens(operator, contracts.token, { spender: contracts.nodeRegistry, amount: stake * 2n });
  const register = await registerNode(operator, contracts.nodeRegistry, {
    endpoint: 'http://127.0.0.1:7071',
    priceWei: 10n ** 15n,
    modelIds: [modelId],
    stake,
  });
  const added = await addStake(operator, contracts.nodeRegistry, { amount: stake });
  const beat = await heartbeat(operator, contracts.nodeRegistry);
  const updated = await updateNode(operator, contracts.nodeRegistry, {
    endpoint: 'http://127.0.0.1:7072',
    priceWei: 2n * 10n ** 15n,
  });
  const models = await setNodeModels(operator, contracts.nodeRegistry, { modelIds: [modelId] });
  const consumer = await deployExampleConsumer(deployer, contracts.receiptRegistry, { modelId });

  const executor = addressOf(operatorKey);
  const domain = receiptDomain(options.chainId, contracts.receiptRegistry);
  const settlement: GasReport['settlement'] = [];
  const verify: GasReport['verify'] = [];
  let consumerAccept = 0;
  const sizes = options.epochSizes ?? [1, 10, 100, 1000];
  for (const [epoch, size] of sizes.entries()) {
    const receipts = Array.from({ length: size }, (_, i) => signReceipt(operatorKey, receiptMessage(executor, epoch, i), domain));
    const tree = merkleTree(receipts.map((r) => receiptLeaf(receiptDigest(domain, r.typedData.message))));
    const posted = await postRoot(operator, contracts.receiptRegistry, { epoch, root: tree.root, count: size });
    settlement.push({ epochSize: size, postRootGas: gas(posted.gasUsed), gasPerInference: gas(posted.gasUsed) / size });

    const last = receipts[size - 1]!;
    const proof = tree.proof(size - 1);
    const args = [toReceiptStruct(last.typedData.message), last.signature, proof, BigInt(epoch)] as const;
    // verify is a view: estimate it as if a transaction called it.
    const verifyGas = await estimateGas(caller, {
      account: caller.account,
      to: contracts.receiptRegistry,
      data: encodeFunctionData({ abi: ReceiptRegistry.abi, functionName: 'verify', args }),
    });
    verify.push({ epochSize: size, proofLength: proof.length, gas: gas(verifyGas) });
    if (size === sizes[sizes.length - 1]) {
      const hash = await writeContract(caller, {
        account: caller.account,
        chain: caller.chain,
        address: consumer.address,
        abi: ExampleConsumer.abi,
        functionName: 'accept',
        args,
      });
      consumerAccept = gas((await confirm(caller, hash)).gasUsed);
    }
  }
  const unstake = await requestUnstake(operator, contracts.nodeRegistry);

  return {
    solcVersion,
    writes: {
      publishModel: gas(publishModel.gasUsed),
      approve: gas(approve.gasUsed),
      registerNode: gas(register.gasUsed),
      addStake: gas(added.gasUsed),
      heartbeat: gas(beat.gasUsed),
      updateNode: gas(updated.gasUsed),
      setModels: gas(models.gasUsed),
      postRoot: settlement[0]?.postRootGas ?? 0,
      requestUnstake: gas(unstake.gasUsed),
    },
    verify,
    consumerAccept,
    settlement,
  };
}

/** The report as a text table, for logs and the README. */
export function formatGasReport(report: GasReport): string {
  const rows: [string, string][] = [
    ...Object.entries(report.writes).map(([name, value]): [string, string] => [name, value.toLocaleString('en-US')]),
    ...report.verify.map((v): [string, string] => [
      `verify (epoch ${v.epochSize}, proof ${v.proofLength})`,
      v.gas.toLocaleString('en-US'),
    ]),
    ['ExampleConsumer.accept', report.consumerAccept.toLocaleString('en-US')],
    ...report.settlement.map((s): [string, string] => [
      `settle per inference (epoch ${s.epochSize})`,
      s.gasPerInference.toLocaleString('en-US', { maximumFractionDigits: 1 }),
    ]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padEnd(width)}  ${value.padStart(10)}`).join('\n');
}
