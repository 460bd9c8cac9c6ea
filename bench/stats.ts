/** Latency and throughput measurement helpers for the benchmarks. */

export interface LatencyStats {
  n: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function latencyStats(samplesMs: number[]): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    meanMs: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
  };
}

/** Runs `task` sequentially `count` times (after `warmup` runs) and returns per-call latencies. */
export async function measureSequential(
  task: () => Promise<unknown>,
  count: number,
  warmup = Math.min(50, count),
): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return latencyStats(samples);
}

export interface ThroughputStats extends LatencyStats {
  concurrency: number;
  durationMs: number;
  requestsPerSecond: number;
}

/** Keeps `concurrency` calls in flight for `durationMs` and reports completed calls per second. */
export async function measureThroughput(
  task: () => Promise<unknown>,
  concurrency: number,
  durationMs: number,
): Promise<ThroughputStats> {
  const samples: number[] = [];
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await task();
        samples.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - start;
  return {
    ...latencyStats(samples),
    concurrency,
    durationMs: Math.round(elapsed),
    requestsPerSecond: Math.round((samples.length / elapsed) * 1000 * 10) / 10,
  };
}

/** Mean cost of a synchronous operation in microseconds. */
export function microseconds(operation: () => unknown, iterations: number): number {
  for (let i = 0; i < Math.min(100, iterations); i++) operation();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) operation();
  return Math.round(((performance.now() - start) / iterations) * 1000 * 100) / 100;
}

/** The q-quantile (0 ≤ q ≤ 1) of `samples`, taken by rank as latencyStats takes its percentiles; NaN when empty. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
