/**
 * `npx tsx bench/llm.ts [--quick]`: text generation speed, writing bench/results/llm.json. For one fixed chat
 * request per model, tokens per second and time to first token (TTFT) of (a) the LLM engine in-process, (b) one
 * node over HTTP, (c) the router with policy none in front of that node and (d) the router with replicate:3 over
 * three nodes (an extra line, not part of the target); each streamed (SSE) and whole, at concurrency 1 and 4.
 * Target (the issue): through the router at least 95% of the direct tokens per second, streamed, at both.
 *
 * The primary workload is models/tiny-llama.gguf answering a chat to exactly 128 tokens at temperature 0 (it never
 * stops early, so every request does the same work); the demo chat model's ~37-token answer is a second, shorter
 * one, where the fixed per-request cost weighs more. A node runs one sequence at a time per model, so at
 * concurrency 4 requests queue there (and in the engine): aggregate tokens/s is the figure to compare, and TTFT
 * includes the wait. Configurations run in interleaved rounds (order rotated each round) so that load from other
 * work on the machine falls on all of them alike; each round's aggregate is kept to show the spread.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { LocalNetwork, repoRoot } from '@verity/devnet';
import { getJson, postJson, postJsonEvents, postJsonText, putBytes } from '@verity/http/client';
import { type LlmCompletionRequest, type LoadedLlm, createLlmEngine } from '@verity/runtime';
import { quantile } from './stats.js';

const quick = process.argv.includes('--quick');
const settings = {
  rounds: quick ? 1 : 8,
  /** Requests per configuration, mode and concurrency in each round (a multiple of 4, so waves are whole). */
  requestsPerRound: quick ? 8 : 12,
  warmupRequests: quick ? 2 : 4,
  concurrencies: [1, 4] as const,
  requestTimeoutMs: 120_000,
};
const target = { workload: 'tiny-llama', minRouterToDirectRatio: 0.95 };

interface Workload {
  name: string;
  file: string;
  messages: { role: 'user'; content: string }[];
  maxTokens: number;
  /** The answer must run to maxTokens (the figures are then per a fixed amount of work). */
  runsToLength: boolean;
}

const workloads: Workload[] = [
  {
    name: 'tiny-llama',
    file: join(repoRoot, 'models/tiny-llama.gguf'),
    messages: [{ role: 'user', content: 'What is Verity?' }],
    maxTokens: 128,
    runsToLength: true,
  },
  {
    name: 'verity-chat',
    file: join(repoRoot, 'models/verity-chat.gguf'),
    messages: [{ role: 'user', content: 'What is Verity?' }],
    maxTokens: 128,
    runsToLength: false,
  },
];

type Mode = 'stream' | 'whole';
type Config = 'direct' | 'node' | 'routerNone' | 'routerReplicate3';
const configLabels: Record<Config, string> = {
  direct: 'direct (engine)',
  node: 'one node',
  routerNone: 'router, none',
  routerReplicate3: 'router, replicate:3',
};

/** One request as the client saw it; ttftMs is NaN for whole answers (the text comes all at once). */
interface Sample {
  ttftMs: number;
  totalMs: number;
  tokens: number;
  text: string;
}
type Task = () => Promise<Sample>;

async function directStream(llm: LoadedLlm, request: LlmCompletionRequest): Promise<Sample> {
  const started = performance.now();
  const pieces = llm.stream(request);
  let ttftMs = Number.NaN;
  let text = '';
  for (;;) {
    const next = await pieces.next();
    if (next.done) return { ttftMs, totalMs: performance.now() - started, tokens: next.value.usage.completionTokens, text };
    if (Number.isNaN(ttftMs) && next.value.length > 0) ttftMs = performance.now() - started;
    text += next.value;
  }
}

async function directWhole(llm: LoadedLlm, request: LlmCompletionRequest): Promise<Sample> {
  const started = performance.now();
  const completion = await llm.complete(request);
  return {
    ttftMs: Number.NaN,
    totalMs: performance.now() - started,
    tokens: completion.usage.completionTokens,
    text: completion.text,
  };
}

interface ChunkJson {
  error?: unknown;
  choices?: { delta?: { content?: string | null } }[];
  usage?: { completion_tokens: number } | null;
}

/** A streamed chat completion: TTFT at the first event with content, the end at `[DONE]`, tokens from `usage`. */
async function httpStream(url: string, bodyText: string): Promise<Sample> {
  const started = performance.now();
  const { events } = await postJsonEvents(url, bodyText, { timeoutMs: settings.requestTimeoutMs });
  let ttftMs = Number.NaN;
  let totalMs = Number.NaN;
  let text = '';
  let tokens = -1;
  // Read to the end rather than break at [DONE], so the connection goes back to the keep-alive pool.
  for await (const data of events) {
    if (data === '[DONE]') {
      totalMs = performance.now() - started;
      continue;
    }
    const chunk = JSON.parse(data) as ChunkJson;
    if (chunk.error !== undefined) throw new Error(`${url}: the stream failed: ${JSON.stringify(chunk.error)}`);
    const piece = chunk.choices?.[0]?.delta?.content ?? '';
    if (piece.length > 0) {
      if (Number.isNaN(ttftMs)) ttftMs = performance.now() - started;
      text += piece;
    }
    if (chunk.usage) tokens = chunk.usage.completion_tokens;
  }
  if (Number.isNaN(totalMs)) throw new Error(`${url}: the stream ended without [DONE]`);
  return { ttftMs, totalMs, tokens, text };
}

async function httpWhole(url: string, bodyText: string): Promise<Sample> {
  const started = performance.now();
  const answer = JSON.parse(await postJsonText(url, bodyText, { timeoutMs: settings.requestTimeoutMs })) as {
    choices: { message: { content: string } }[];
    usage: { completion_tokens: number };
  };
  return {
    ttftMs: Number.NaN,
    totalMs: performance.now() - started,
    tokens: answer.usage.completion_tokens,
    text: answer.choices[0]?.message.content ?? '',
  };
}

/** Keeps `concurrency` clients busy until `requests` are done; the wall time covers the whole batch. */
async function runBatch(task: Task, concurrency: number, requests: number): Promise<{ samples: Sample[]; wallMs: number }> {
  const samples: Sample[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < requests) {
        issued += 1;
        samples.push(await task());
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

/**
 * CPU time (user + system, all threads) of the processes on the path, to say where a gap comes from: this process
 * (the engine when direct, else the HTTP client), the nodes and the router. Linux /proc; zeros elsewhere.
 */
interface CpuMs {
  bench: number;
  nodes: number;
  router: number;
}
const clockTicksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond) * 1000;
  } catch {
    return 0;
  }
}

/** The child process running `entry`, found in /proc (LocalNetwork does not expose the router's process). */
function childPidRunning(entry: string): number | undefined {
  try {
    const children = readdirSync('/proc/self/task').flatMap((task) =>
      readFileSync(`/proc/self/task/${task}/children`, 'utf8')
        .split(' ')
        .filter((pid) => pid.length > 0)
        .map(Number),
    );
    return children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(entry));
  } catch {
    return undefined;
  }
}

let nodePids: number[] = [];
let routerPid: number | undefined;

function cpuNow(): CpuMs {
  const self = process.cpuUsage();
  return {
    bench: (self.user + self.system) / 1000,
    nodes: nodePids.reduce((sum, pid) => sum + processCpuMs(pid), 0),
    router: processCpuMs(routerPid),
  };
}

/** All samples of one configuration, mode and concurrency, pooled over the rounds. */
interface Cell {
  samples: Sample[];
  wallMs: number;
  roundTokensPerSecond: number[];
  cpuMs: CpuMs;
}

interface CellSummary {
  requests: number;
  completionTokensPerRequest: number;
  /** The median over rounds of a round's aggregate (its completion tokens over its wall time): robust to bursts of other load. */
  tokensPerSecond: number;
  /** All completion tokens over all rounds' wall time. */
  pooledTokensPerSecond: number;
  /** The lowest and highest round's aggregate, for the noise. */
  roundTokensPerSecond: { min: number; max: number };
  /** CPU time per completion token of each process on the path (bench: the engine when direct, else the client). */
  cpuMicrosecondsPerToken: { bench: number; nodes: number; router: number; total: number };
  /** Each request's tokens over its own time, first byte sent to last received (queueing included). */
  perRequestTokensPerSecond: { p50: number; p95Low: number };
  /** Streams only. */
  ttftMs?: { p50: number; p95: number };
  latencyMs: { p50: number; p95: number; mean: number };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function summarize(cell: Cell, mode: Mode): CellSummary {
  const tokens = cell.samples.reduce((sum, s) => sum + s.tokens, 0);
  const perRequest = cell.samples.map((s) => (s.tokens / s.totalMs) * 1000);
  const totals = cell.samples.map((s) => s.totalMs);
  const ttfts = cell.samples.map((s) => s.ttftMs);
  const perToken = (ms: number) => Math.round((ms / tokens) * 1000);
  return {
    requests: cell.samples.length,
    completionTokensPerRequest: cell.samples[0]?.tokens ?? 0,
    tokensPerSecond: round1(quantile(cell.roundTokensPerSecond, 0.5)),
    pooledTokensPerSecond: round1((tokens / cell.wallMs) * 1000),
    roundTokensPerSecond: {
      min: round1(Math.min(...cell.roundTokensPerSecond)),
      max: round1(Math.max(...cell.roundTokensPerSecond)),
    },
    cpuMicrosecondsPerToken: {
      bench: perToken(cell.cpuMs.bench),
      nodes: perToken(cell.cpuMs.nodes),
      router: perToken(cell.cpuMs.router),
      total: perToken(cell.cpuMs.bench + cell.cpuMs.nodes + cell.cpuMs.router),
    },
    perRequestTokensPerSecond: { p50: round1(quantile(perRequest, 0.5)), p95Low: round1(quantile(perRequest, 0.05)) },
    ...(mode === 'stream' ? { ttftMs: { p50: round3(quantile(ttfts, 0.5)), p95: round3(quantile(ttfts, 0.95)) } } : {}),
    latencyMs: {
      p50: round3(quantile(totals, 0.5)),
      p95: round3(quantile(totals, 0.95)),
      mean: round3(totals.reduce((sum, x) => sum + x, 0) / totals.length),
    },
  };
}

async function registerOn(nodeUrl: string, bytes: Uint8Array, name: string): Promise<void> {
  const { sha256 } = (await putBytes(`${nodeUrl}/v1/blobs`, bytes)) as { sha256: string };
  await postJson(`${nodeUrl}/v1/models`, { name, version: '1', format: 'gguf', blob: sha256 });
}

async function waitForModel(routerUrl: string, id: string, nodes: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const list = (await getJson(`${routerUrl}/v1/models`)) as { data: { id: string; nodes?: string[] }[] };
    if ((list.data.find((m) => m.id === id)?.nodes?.length ?? 0) >= nodes) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the router never listed ${id} on ${nodes} nodes`);
}

/** One workload's tasks: direct, and over HTTP to a node or the router. */
function tasksFor(workload: Workload, llm: LoadedLlm, nodeUrl: string, routerUrl: string): Record<Config, Record<Mode, Task>> {
  const request: LlmCompletionRequest = { messages: workload.messages, maxTokens: workload.maxTokens, temperature: 0 };
  const body = (stream: boolean, policy: string) =>
    JSON.stringify({
      model: `${workload.name}@1`,
      messages: workload.messages,
      max_tokens: workload.maxTokens,
      temperature: 0,
      stream,
      verity: { policy },
    });
  const http = (base: string, policy: string): Record<Mode, Task> => {
    const url = `${base}/v1/chat/completions`;
    const streamBody = body(true, policy);
    const wholeBody = body(false, policy);
    return { stream: () => httpStream(url, streamBody), whole: () => httpWhole(url, wholeBody) };
  };
  return {
    direct: { stream: () => directStream(llm, request), whole: () => directWhole(llm, request) },
    node: http(nodeUrl, 'none'),
    routerNone: http(routerUrl, 'none'),
    routerReplicate3: http(routerUrl, 'replicate:3'),
  };
}

/** Every request must give the reference answer: same tokens, same text (greedy decoding is deterministic). */
function check(workload: Workload, reference: Sample, label: string, samples: readonly Sample[]): void {
  for (const s of samples) {
    if (s.tokens !== reference.tokens || s.text !== reference.text) {
      throw new Error(
        `${workload.name} ${label}: answered ${s.tokens} tokens (${JSON.stringify(s.text.slice(0, 40))}), expected ${reference.tokens}`,
      );
    }
  }
}

/** Warms each configuration up, then runs the rounds, rotating the order of configurations each round. */
async function measure(
  workload: Workload,
  tasks: Record<Config, Record<Mode, Task>>,
  configs: readonly Config[],
  reference: Sample,
  cells: Map<string, Cell>,
): Promise<void> {
  const entries = configs.flatMap((config) =>
    (['stream', 'whole'] as const).flatMap((mode) =>
      settings.concurrencies.map((concurrency) => ({ config, mode, concurrency })),
    ),
  );
  for (const config of configs) {
    for (const mode of ['stream', 'whole'] as const) {
      const { samples } = await runBatch(tasks[config][mode], 1, settings.warmupRequests);
      check(workload, reference, `${config} ${mode} (warm-up)`, samples);
    }
  }
  for (let r = 0; r < settings.rounds; r++) {
    const shift = (r * settings.concurrencies.length * 2) % entries.length;
    for (const { config, mode, concurrency } of [...entries.slice(shift), ...entries.slice(0, shift)]) {
      const cpuBefore = cpuNow();
      const { samples, wallMs } = await runBatch(tasks[config][mode], concurrency, settings.requestsPerRound);
      const cpuAfter = cpuNow();
      check(workload, reference, `${config} ${mode} @${concurrency}`, samples);
      const key = `${config}/${mode}/${concurrency}`;
      const cell = cells.get(key) ?? {
        samples: [],
        wallMs: 0,
        roundTokensPerSecond: [],
        cpuMs: { bench: 0, nodes: 0, router: 0 },
      };
      cell.samples.push(...samples);
      cell.wallMs += wallMs;
      cell.cpuMs.bench += cpuAfter.bench - cpuBefore.bench;
      cell.cpuMs.nodes += cpuAfter.nodes - cpuBefore.nodes;
      cell.cpuMs.router += cpuAfter.router - cpuBefore.router;
      cell.roundTokensPerSecond.push((samples.reduce((sum, s) => sum + s.tokens, 0) / wallMs) * 1000);
      cells.set(key, cell);
    }
    loadSamples.push(loadavg()[0] ?? Number.NaN);
    console.error(`  ${workload.name}: ${configs.join(', ')}: round ${r + 1}/${settings.rounds} done`);
  }
}

const loadAtStart = loadavg()[0] ?? Number.NaN;
/** The 1-minute load average after each round: other work on the machine shows here. */
const loadSamples: number[] = [];
const network = await LocalNetwork.start({ nodes: 3, routerPort: 0, nodeBasePort: 0, routerRefreshMs: 1_000 });
nodePids = network.nodes.flatMap((n) => (n.service.child.pid === undefined ? [] : [n.service.child.pid]));
routerPid = childPidRunning('packages/router/src/main.ts');
if (routerPid === undefined) console.error('the router process was not found: its CPU time is not counted');
const engine = createLlmEngine();
const loaded = new Map<string, LoadedLlm>();
const cells = new Map<string, Map<string, Cell>>();
const references = new Map<string, { sample: Sample; finishReason: string; promptTokens: number; engine: string }>();
try {
  const [firstNode, ...otherNodes] = network.nodes;
  if (!firstNode) throw new Error('the network has no node');
  const bytes = new Map(workloads.map((w) => [w.name, new Uint8Array(readFileSync(w.file))]));
  const tasks = new Map<string, Record<Config, Record<Mode, Task>>>();

  // (a)–(c): the model on one node only, so the router has exactly the node that (b) measures behind it.
  for (const workload of workloads) {
    const llm = await engine.load({ path: workload.file });
    loaded.set(workload.name, llm);
    const completion = await llm.complete({ messages: workload.messages, maxTokens: workload.maxTokens, temperature: 0 });
    if (workload.runsToLength && completion.usage.completionTokens !== workload.maxTokens) {
      throw new Error(`${workload.name} stopped after ${completion.usage.completionTokens} tokens, before max_tokens`);
    }
    references.set(workload.name, {
      sample: { ttftMs: Number.NaN, totalMs: Number.NaN, tokens: completion.usage.completionTokens, text: completion.text },
      finishReason: completion.finishReason,
      promptTokens: completion.usage.promptTokens,
      engine: llm.engine,
    });
    await registerOn(firstNode.url, bytes.get(workload.name)!, workload.name);
    await waitForModel(network.routerUrl, `${workload.name}@1`, 1);
    tasks.set(workload.name, tasksFor(workload, llm, firstNode.url, network.routerUrl));
    cells.set(workload.name, new Map());
  }
  for (const workload of workloads) {
    console.error(`\n== ${workload.name}: direct, one node, router (policy none)`);
    await measure(
      workload,
      tasks.get(workload.name)!,
      ['direct', 'node', 'routerNone'],
      references.get(workload.name)!.sample,
      cells.get(workload.name)!,
    );
  }

  // (d): the model on all three nodes for replicate:3.
  for (const workload of workloads) {
    for (const node of otherNodes) await registerOn(node.url, bytes.get(workload.name)!, workload.name);
    await waitForModel(network.routerUrl, `${workload.name}@1`, 3);
  }
  for (const workload of workloads) {
    console.error(`\n== ${workload.name}: router (replicate:3)`);
    await measure(
      workload,
      tasks.get(workload.name)!,
      ['routerReplicate3'],
      references.get(workload.name)!.sample,
      cells.get(workload.name)!,
    );
  }
} finally {
  for (const llm of loaded.values()) await llm.dispose();
  await network.stop();
}
const loadAtEnd = loadavg()[0] ?? Number.NaN;

const configs: Config[] = ['direct', 'node', 'routerNone', 'routerReplicate3'];
const concurrencyKey = (c: number) => `concurrency${c}`;
const results: Record<string, unknown> = {};
const ratios: Record<string, Record<string, number>> = {};
const lines: string[] = [];
for (const workload of workloads) {
  const reference = references.get(workload.name)!;
  const byWorkload = cells.get(workload.name)!;
  const summaries: Record<string, Record<string, Record<string, CellSummary>>> = {};
  for (const config of configs) {
    summaries[config] = {};
    for (const mode of ['stream', 'whole'] as const) {
      const byConcurrency: Record<string, CellSummary> = {};
      for (const c of settings.concurrencies) {
        const cell = byWorkload.get(`${config}/${mode}/${c}`);
        if (cell) byConcurrency[concurrencyKey(c)] = summarize(cell, mode);
      }
      summaries[config][mode] = byConcurrency;
    }
  }
  const get = (config: Config, mode: Mode, c: number) => summaries[config]?.[mode]?.[concurrencyKey(c)];
  const ratio: Record<string, number> = {};
  for (const mode of ['stream', 'whole'] as const) {
    for (const c of settings.concurrencies) {
      for (const [config, name] of [
        ['node', 'node'],
        ['routerNone', 'router'],
      ] as const) {
        const over = get(config, mode, c);
        const direct = get('direct', mode, c);
        if (over && direct)
          ratio[`${name}ToDirect_${mode}_${concurrencyKey(c)}`] = round3(over.tokensPerSecond / direct.tokensPerSecond);
      }
    }
  }
  ratios[workload.name] = ratio;
  results[workload.name] = {
    request: {
      endpoint: 'POST /v1/chat/completions',
      messages: workload.messages,
      max_tokens: workload.maxTokens,
      temperature: 0,
    },
    engine: reference.engine,
    promptTokens: reference.promptTokens,
    completionTokens: reference.sample.tokens,
    finishReason: reference.finishReason,
    configurations: summaries,
    ratios: ratio,
  };

  lines.push(
    '',
    `${workload.name}: chat, ${reference.sample.tokens} completion tokens/request (finish: ${reference.finishReason}), tokens/s = median over rounds of completion tokens / wall time`,
    `${'configuration'.padEnd(20)} conc | ${'stream tok/s'.padStart(12)} ${'rounds min–max'.padStart(15)} ${'TTFT p50/p95 ms'.padStart(16)} ${'req tok/s p50'.padStart(13)} ${'CPU µs/token bench+nodes+router'.padStart(32)} | ${'whole tok/s'.padStart(11)} ${'latency p50 ms'.padStart(14)}`,
  );
  for (const config of configs) {
    for (const c of settings.concurrencies) {
      const stream = get(config, 'stream', c);
      const whole = get(config, 'whole', c);
      if (!stream || !whole) continue;
      const ttft = stream.ttftMs ? `${stream.ttftMs.p50.toFixed(1)} / ${stream.ttftMs.p95.toFixed(1)}` : '';
      const cpu = stream.cpuMicrosecondsPerToken;
      lines.push(
        `${configLabels[config].padEnd(20)} ${String(c).padStart(4)} | ${stream.tokensPerSecond.toFixed(0).padStart(12)} ${`${stream.roundTokensPerSecond.min.toFixed(0)}–${stream.roundTokensPerSecond.max.toFixed(0)}`.padStart(15)} ${ttft.padStart(16)} ${stream.perRequestTokensPerSecond.p50.toFixed(0).padStart(13)} ${`${cpu.bench}+${cpu.nodes}+${cpu.router}=${cpu.total}`.padStart(32)} | ${whole.tokensPerSecond.toFixed(0).padStart(11)} ${whole.latencyMs.p50.toFixed(1).padStart(14)}`,
      );
    }
  }
  lines.push(
    `router/direct, streamed: ${settings.concurrencies.map((c) => `@${c} ${ratio[`routerToDirect_stream_${concurrencyKey(c)}`]}`).join(', ')}; ` +
      `node/direct: ${settings.concurrencies.map((c) => `@${c} ${ratio[`nodeToDirect_stream_${concurrencyKey(c)}`]}`).join(', ')}`,
  );
}

const targetRatios = Object.fromEntries(
  settings.concurrencies.map((c) => [
    concurrencyKey(c),
    ratios[target.workload]?.[`routerToDirect_stream_${concurrencyKey(c)}`] ?? 0,
  ]),
);
const targetMet = Object.values(targetRatios).every((r) => r >= target.minRouterToDirectRatio);
/** Wall time the router path adds per token over the engine: what a slower (real-sized) model would pay per token. */
const addedMicrosecondsPerToken = Object.fromEntries(
  settings.concurrencies.map((c) => {
    const configurations = (
      results[target.workload] as { configurations: Record<string, Record<Mode, Record<string, CellSummary>>> }
    ).configurations;
    const direct = configurations.direct?.stream[concurrencyKey(c)]?.tokensPerSecond ?? Number.NaN;
    const router = configurations.routerNone?.stream[concurrencyKey(c)]?.tokensPerSecond ?? Number.NaN;
    return [concurrencyKey(c), Math.round(1e6 / router - 1e6 / direct)];
  }),
);
const output = {
  benchmark: 'llm',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage1m: {
      start: round1(loadAtStart),
      end: round1(loadAtEnd),
      minOverRounds: round1(Math.min(...loadSamples)),
      maxOverRounds: round1(Math.max(...loadSamples)),
    },
  },
  settings: { quick, ...settings, nodes: 3 },
  units:
    "tokensPerSecond: the median over rounds of a batch's completion tokens over its wall time (pooledTokensPerSecond: over all rounds); per request: from sending the request to the last event, queueing included; TTFT: from sending to the first piece of text; CPU: user + system time of each process over the batches, per completion token",
  results,
  target: {
    statement: `through the router (policy none) at least ${target.minRouterToDirectRatio * 100}% of the direct tokens per second, streamed, at concurrency ${settings.concurrencies.join(' and ')}`,
    workload: target.workload,
    minRatio: target.minRouterToDirectRatio,
    routerToDirect: targetRatios,
    targetMet,
    routerAddedMicrosecondsPerToken: addedMicrosecondsPerToken,
  },
};
mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
writeFileSync(join(repoRoot, 'bench/results/llm.json'), `${JSON.stringify(output, null, 2)}\n`);
console.error(lines.join('\n'));
console.error(
  `\n${output.target.statement}: ${Object.entries(targetRatios)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} → ${targetMet ? 'met' : 'MISSED'}; the router path adds ${Object.entries(addedMicrosecondsPerToken)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} µs per token`,
);
console.error(
  `load average (1 min) ${round1(loadAtStart)} at start, ${round1(Math.min(...loadSamples))}–${round1(Math.max(...loadSamples))} over the rounds, on ${cpus().length} CPUs`,
);
console.error('wrote bench/results/llm.json');
