import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Anvil, formatGasReport, measureGas, startAnvil } from '../src/index.js';

let anvil: Anvil;

beforeAll(async () => {
  anvil = await startAnvil({ port: 0 });
});

afterAll(async () => {
  await anvil?.stop();
});

describe('gas report', () => {
  it('measures every write, verify, and settlement per inference by epoch size', async () => {
    const report = await measureGas({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
    console.log(`gas (solc ${report.solcVersion}):\n${formatGasReport(report)}`);

    for (const value of Object.values(report.writes)) expect(value).toBeGreaterThan(21_000);
    expect(report.writes.heartbeat).toBeLessThan(30_000);
    expect(report.settlement.map((s) => s.epochSize)).toEqual([1, 10, 100, 1000]);
    for (const s of report.settlement) expect(s.gasPerInference).toBeCloseTo(s.postRootGas / s.epochSize);
    // One postRoot settles an epoch of any size: its gas does not grow with the epoch.
    const postRootGas = report.settlement.map((s) => s.postRootGas);
    expect(Math.max(...postRootGas) - Math.min(...postRootGas)).toBeLessThan(1_000);
    // Target (DESIGN.md): at most 1,000 gas per inference at epoch size 1,000.
    expect(report.settlement[3]!.gasPerInference).toBeLessThanOrEqual(1_000);
    // verify grows with the proof length only (log2 of the epoch size).
    expect(report.verify.map((v) => v.proofLength)).toEqual([0, 2, 4, 8]);
    expect(report.verify[3]!.gas).toBeLessThan(60_000);
    expect(report.consumerAccept).toBeGreaterThan(report.verify[3]!.gas);
  });
});
