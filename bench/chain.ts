/**
 * The chain benchmark, writing bench/results/chain.json: on a fresh anvil with a fresh deployment, the gas of each
 * write a node or publisher sends (register, stake, heartbeat, post root, publish model, ...), of
 * ReceiptRegistry.verify by proof length, of the example consumer accepting a result, and gas per inference for
 * settling receipts in epochs of 1, 10, 100 and 1,000 (one postRoot per epoch, whatever its size).
 * Target (DESIGN.md): at most 1,000 gas per inference at epoch size 1,000; checked here, and the exit code is 1 when
 * it is missed.
 *
 * Run: `npx tsx bench/chain.ts` (anvil comes from the @foundry-rs/anvil npm package; nothing else is needed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatGasReport, measureGas, startAnvil } from '@verity/chain';

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const target = { epochSize: 1_000, maxGasPerInference: 1_000 };

const anvil = await startAnvil({ port: 0 });
let report: Awaited<ReturnType<typeof measureGas>>;
try {
  const started = performance.now();
  report = await measureGas({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, epochSizes: [1, 10, 100, 1_000] });
  console.error(
    `measured in ${Math.round(performance.now() - started)} ms (solc ${report.solcVersion}):\n${formatGasReport(report)}`,
  );
} finally {
  await anvil.stop();
}

const atTarget = report.settlement.find((s) => s.epochSize === target.epochSize);
if (!atTarget) throw new Error(`no settlement measured at epoch size ${target.epochSize}`);
// Settling each receipt on its own (an epoch of one) is what per-request settlement costs.
const perRequest = report.settlement.find((s) => s.epochSize === 1);
const round = (value: number) => Math.round(value * 10) / 10;

const output = {
  benchmark: 'chain',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  chain: { node: 'anvil (@foundry-rs/anvil)', chainId: anvil.chainId, solcVersion: report.solcVersion },
  units:
    'gas used by each transaction, including the 21,000 base and calldata; verify as eth_estimateGas of a transaction calling it',
  writes: {
    registerNode: report.writes.registerNode,
    addStake: report.writes.addStake,
    heartbeat: report.writes.heartbeat,
    postRoot: report.writes.postRoot,
    publishModel: report.writes.publishModel,
    approve: report.writes.approve,
    updateNode: report.writes.updateNode,
    setModels: report.writes.setModels,
    requestUnstake: report.writes.requestUnstake,
  },
  verify: report.verify,
  consumerAccept: report.consumerAccept,
  settlement: report.settlement.map((s) => ({ ...s, gasPerInference: round(s.gasPerInference) })),
  target: {
    statement: `at most ${target.maxGasPerInference.toLocaleString('en-US')} gas per inference at epoch size ${target.epochSize.toLocaleString('en-US')}`,
    epochSize: target.epochSize,
    maxGasPerInference: target.maxGasPerInference,
    gasPerInference: round(atTarget.gasPerInference),
    met: atTarget.gasPerInference <= target.maxGasPerInference,
    /** How many times cheaper than settling each receipt in its own transaction. */
    vsPerRequestSettlement: perRequest ? round(perRequest.postRootGas / atTarget.gasPerInference) : null,
  },
};

mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}chain.json`, `${JSON.stringify(output, null, 2)}\n`);
console.error(`\n${output.target.statement}: ${output.target.gasPerInference} gas → ${output.target.met ? 'met' : 'MISSED'}`);
console.error('wrote bench/results/chain.json');
if (!output.target.met) process.exitCode = 1;
