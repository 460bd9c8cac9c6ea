/**
 * What checking a voucher adds to a paid request, for bench/payments.ts (and its check in the payments tests): the
 * time of PaymentGate.charge() on a voucher payload (decode, config and channel-id check, signer recovery, the SQLite
 * reservation) plus commit(), per request.
 */
import type { PaymentGate } from '@verity/payments';
import type { PaymentRequirements } from '@x402/core/types';

export interface MeasureVoucherCheckReturnType {
  requests: number;
  p50Us: number;
  p90Us: number;
  meanUs: number;
}

/**
 * Charges and commits each header in order (each a voucher payload one price above the previous, on a channel that
 * already has its deposit and fresh on-chain state) and reports the latency percentiles in microseconds.
 */
export async function measureVoucherCheck(
  gate: PaymentGate,
  requirements: PaymentRequirements,
  headers: readonly string[],
): Promise<MeasureVoucherCheckReturnType> {
  const times: number[] = [];
  for (const header of headers) {
    const started = process.hrtime.bigint();
    const charge = await gate.charge(header, requirements);
    charge.commit();
    times.push(Number(process.hrtime.bigint() - started) / 1_000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    requests: times.length,
    p50Us: Math.round(at(0.5)),
    p90Us: Math.round(at(0.9)),
    meanUs: Math.round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
  };
}
