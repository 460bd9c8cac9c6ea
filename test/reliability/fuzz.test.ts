/**
 * Reliability: a seeded fuzzer over every route of a real network (two node processes and a router on loopback,
 * no chain). It sends hostile bodies, a few in flight at once, to the router and a share straight to a node, and
 * fails on any 5xx, any answer that is neither a success nor a Protocol v1 error body, any request left hanging,
 * any process that dies, and resident memory that grows past a bound. `VERITY_FUZZ_COUNT` sets how many bodies
 * (5,000 by default: `npm run test:reliability` sends 100,000), `VERITY_FUZZ_SEED` the seed (fixed by default).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { LocalNetwork, repoRoot } from '@verity/devnet';
import { getJson, postJson, putBytes } from '@verity/http/client';
import { type ErrorCode, errorStatus } from '@verity/protocol';
import { createClient } from '@verity/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FuzzCase, type FuzzFixtures, type Hex, generateCase } from './fuzz.js';

const seed = Number(process.env.VERITY_FUZZ_SEED ?? 0x5eed);
const count = Number(process.env.VERITY_FUZZ_COUNT ?? 5_000);
/** Replays only these case indices (comma-separated), to reproduce a failure of a seeded run. */
const only = process.env.VERITY_FUZZ_ONLY?.split(',').map(Number);
const inFlight = 4;
/** A request not answered within this is a hang. */
const answerTimeoutMs = 30_000;
/** How much a process's resident memory may grow from its level after warm-up to the end of the run. */
const rssGrowthBoundBytes = 256 * 1024 * 1024;
const warmupCases = Math.min(300, Math.floor(count / 10));

/**
 * Failures known and reported to the product's engineers, not fixed yet: each is counted and printed, and does not
 * fail the run. An entry names the bug it stands for; remove it once the bug is fixed (the run then checks it again).
 */
interface KnownFailure {
  reason: string;
  /** `previous` is the case sent before this one on the same connection, when there was one. */
  matches(fuzzCase: FuzzCase, outcome: Outcome, previous: FuzzCase | undefined): boolean;
}
const knownFailures: KnownFailure[] = [];

interface Outcome {
  status: number;
  contentType: string;
  text: string;
  /** A transport failure: reset, hang, no answer. */
  error?: string;
  /** The index of the case sent before this one on the same keep-alive connection, if any. */
  previous?: number;
}

const lastCaseOn = new WeakMap<object, number>();

interface Failure {
  fuzzCase: FuzzCase;
  outcome: Outcome;
  problem: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: inFlight * 2 });

function send(baseUrl: string, fuzzCase: FuzzCase): Promise<Outcome> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...fuzzCase.headers };
    if (fuzzCase.body) headers['content-length'] = fuzzCase.body.length;
    // While the router's refused-upload bug stands (see knownBugs), an upload to it goes on a connection of its own.
    const ownConnection = fuzzCase.route === 'PUT /v1/blobs';
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: fuzzCase.method,
        path: fuzzCase.path,
        headers,
        agent: ownConnection ? false : agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Blobs can be megabytes: what matters of them is that they arrive (JSON answers are kept whole).
          if (size < 16 * 1024 * 1024) chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', (error) =>
          resolve({ status: response.statusCode ?? 0, contentType: '', text: '', error: `response: ${error.message}` }),
        );
      },
    );
    let previous: number | undefined;
    request.on('socket', (socket) => {
      previous = lastCaseOn.get(socket);
      lastCaseOn.set(socket, fuzzCase.index);
    });
    request.setTimeout(answerTimeoutMs, () => request.destroy(new Error(`no answer within ${answerTimeoutMs} ms`)));
    request.on('error', (error) =>
      resolve({ status: 0, contentType: '', text: '', error: error.message, ...(previous !== undefined ? { previous } : {}) }),
    );
    request.end(fuzzCase.body);
  });
}

const errorKeys = ['code', 'details', 'message', 'param', 'type'];

/** What is wrong with an answer, or undefined when it is a success or a Protocol v1 error body. */
function problemOf(fuzzCase: FuzzCase, outcome: Outcome): string | undefined {
  if (outcome.error) return `no answer: ${outcome.error}`;
  if (outcome.status >= 500) return `status ${outcome.status}`;
  // A HEAD answer has no body to check.
  if (fuzzCase.method === 'HEAD') return undefined;
  if (outcome.status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(outcome.text);
    } catch {
      return `status ${outcome.status} with a body that is not JSON`;
    }
    const error = (body as { error?: Record<string, unknown> } | null)?.error;
    if (!error || Object.keys(body as object).length !== 1) return 'error body is not {"error": {...}}';
    if (Object.keys(error).sort().join() !== errorKeys.join()) return `error keys are ${Object.keys(error).sort().join()}`;
    const code = error.code as ErrorCode;
    if (!(code in errorStatus)) return `unknown error code ${String(code)}`;
    if (errorStatus[code] !== outcome.status) return `code ${code} sent with status ${outcome.status}`;
    if (typeof error.message !== 'string' || error.message.length === 0) return 'error message is not a non-empty string';
    if (typeof error.details !== 'object' || error.details === null) return 'error details is not an object';
    if (error.type !== 'invalid_request_error') return `error type ${String(error.type)} for a 4xx`;
    if (error.param !== null && typeof error.param !== 'string') return 'error param is neither null nor a string';
    return undefined;
  }
  if (outcome.status < 200 || outcome.status >= 300) return `status ${outcome.status}`;
  if (outcome.contentType.startsWith('text/event-stream')) {
    // A stream that began may still end in an error event: one of the server's own making is a 5xx in disguise.
    for (const line of outcome.text.split('\n')) {
      if (!line.startsWith('data: {"error"')) continue;
      const type = (JSON.parse(line.slice(6)) as { error?: { type?: string } }).error?.type;
      if (type !== 'invalid_request_error') return `stream ended with an error event: ${line.slice(6, 300)}`;
    }
    if (!outcome.text.includes('data: [DONE]')) return 'stream ended without [DONE]';
    return undefined;
  }
  if (outcome.contentType.startsWith('application/json')) {
    try {
      JSON.parse(outcome.text);
    } catch {
      return 'a 2xx JSON answer that is not JSON';
    }
  }
  return undefined;
}

function snippet(bytes: Buffer | string | undefined, length = 300): string {
  if (bytes === undefined) return '(none)';
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  return JSON.stringify(text.length > length ? `${text.slice(0, length)}…(${text.length} chars)` : text);
}

function report(failure: Failure): string {
  const { fuzzCase: c, outcome: o, problem } = failure;
  return [
    `#${c.index} ${c.route} via ${c.target}: ${problem}`,
    `  request: ${c.method} ${c.path.slice(0, 200)} headers ${JSON.stringify(c.headers).slice(0, 200)}`,
    `  mutations: ${c.mutations.join('; ')}`,
    `  body: ${snippet(c.body)}`,
    `  answer: ${o.status} ${o.contentType} ${snippet(o.text)}`,
    ...(o.previous !== undefined ? [`  after case #${o.previous} on the same connection`] : []),
  ].join('\n');
}

/** VmRSS of a process, in bytes. */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? Number.NaN) * 1024;
}

/**
 * The router's process id: LocalNetwork keeps its router process to itself, so it is found as this process's child
 * running the router's entry.
 */
function routerPid(): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('packages/router/src/main.ts')) return Number(entry);
    } catch {
      // the process ended while looking
    }
  }
  throw new Error('the router process was not found among this process’s children');
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

describe(`the fuzzer over every route (seed ${seed}, ${count} bodies)`, () => {
  let network: LocalNetwork;
  let fixtures: FuzzFixtures;

  beforeAll(async () => {
    network = await LocalNetwork.start({ nodes: 2, routerPort: 0, nodeBasePort: 0, routerTimeoutMs: 10_000 });
    const client = createClient({ url: network.routerUrl });
    const iris = await client.pushModel(join(repoRoot, 'models/iris.onnx'), { name: 'iris', version: '1.0.0' });
    const chat = await client.pushModel(join(repoRoot, 'models/verity-chat.gguf'), { name: 'verity-chat', version: '1' });
    const answer = (await postJson(`${network.routerUrl}/v1/infer`, {
      model: 'iris',
      inputs: { x: { dtype: 'float32', shape: [1, 4], data: [5.1, 3.5, 1.4, 0.2] } },
    })) as { requestId: Hex };
    const spare = (await putBytes(`${network.routerUrl}/v1/blobs`, readFileSync(join(repoRoot, 'models/tiny-llama.gguf')))) as {
      sha256: Hex;
    };
    fixtures = { irisBlob: iris.modelId, chatBlob: chat.modelId, spareBlob: spare.sha256, requestId: answer.requestId };
  });
  afterAll(async () => {
    agent.destroy();
    await network?.stop();
  });

  it(
    'answers every body with a success or a Protocol v1 error, never a 5xx, and stays up within its memory',
    async () => {
      const pids = {
        router: routerPid(),
        ...Object.fromEntries(network.nodes.map((n) => [`node-${n.index + 1}`, n.service.child.pid!])),
      };
      const started = performance.now();
      const failures: Failure[] = [];
      const known = new Map<string, number>();
      const statuses = new Map<number, number>();
      const rss: Record<string, { warm: number; end: number; peak: number }> = {};
      const sample = (phase: 'warm' | 'end' | 'peak') => {
        for (const [name, pid] of Object.entries(pids)) {
          const value = rssOf(pid);
          rss[name] ??= { warm: value, end: value, peak: value };
          const entry = rss[name];
          if (phase === 'warm') entry.warm = value;
          if (phase === 'end') entry.end = value;
          entry.peak = Math.max(entry.peak, value);
        }
      };
      sample('warm');
      const timeByRoute = new Map<string, { n: number; ms: number; max: number }>();
      const indices = only ?? Array.from({ length: count }, (_, i) => i);
      let next = 0;
      const lane = async () => {
        for (let at = next++; at < indices.length; at = next++) {
          const index = indices[at]!;
          const fuzzCase = generateCase(seed, index, fixtures);
          const node = network.nodes[index % network.nodes.length]!;
          const sent = performance.now();
          const outcome = await send(fuzzCase.target === 'router' ? network.routerUrl : node.url, fuzzCase);
          const ms = performance.now() - sent;
          const timing = timeByRoute.get(fuzzCase.route) ?? { n: 0, ms: 0, max: 0 };
          timeByRoute.set(fuzzCase.route, { n: timing.n + 1, ms: timing.ms + ms, max: Math.max(timing.max, ms) });
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          const problem = problemOf(fuzzCase, outcome);
          if (problem) {
            const previous = outcome.previous === undefined ? undefined : generateCase(seed, outcome.previous, fixtures);
            const allowed = knownFailures.find((k) => k.matches(fuzzCase, outcome, previous));
            if (allowed) known.set(allowed.reason, (known.get(allowed.reason) ?? 0) + 1);
            else failures.push({ fuzzCase, outcome, problem });
          }
          if (index === warmupCases) sample('warm');
          else if (index % 250 === 0) sample('peak');
        }
      };
      await Promise.all(Array.from({ length: inFlight }, lane));
      const seconds = (performance.now() - started) / 1000;
      sample('end');

      const summary = [
        `fuzz: seed ${seed}, ${indices.length} bodies in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)}/s), ${failures.length} failures`,
        `  statuses: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
        ...[...timeByRoute].map(
          ([route, t]) => `  ${route}: ${t.n} sent, mean ${(t.ms / t.n).toFixed(1)} ms, max ${t.max.toFixed(0)} ms`,
        ),
        ...Object.entries(rss).map(
          ([name, r]) => `  ${name} RSS: after warm-up ${mib(r.warm)}, end ${mib(r.end)}, peak ${mib(r.peak)}`,
        ),
        ...[...known].map(([reason, n]) => `  known failure ×${n}: ${reason}`),
      ].join('\n');
      console.log(summary);
      const shown = failures.slice(0, 20).map(report).join('\n');
      expect(failures.length, `seed ${seed} (VERITY_FUZZ_SEED=${seed} to replay):\n${shown}\n${summary}`).toBe(0);
      // Every process is still up and answering, and the network still serves both kinds of model.
      for (const [name, pid] of Object.entries(pids)) expect(() => rssOf(pid), `${name} exited`).not.toThrow();
      for (const url of [network.routerUrl, ...network.nodes.map((n) => n.url)]) {
        expect(((await getJson(`${url}/health`)) as { ok: boolean }).ok, `${url}/health`).toBe(true);
      }
      await postJson(`${network.routerUrl}/v1/infer`, {
        model: 'iris',
        inputs: { x: { dtype: 'float32', shape: [1, 4], data: [6.7, 3.0, 5.2, 2.3] } },
        policy: 'replicate:2',
      });
      await postJson(`${network.routerUrl}/v1/chat/completions`, {
        model: 'verity-chat',
        messages: [{ role: 'user', content: 'What is Verity?' }],
        max_tokens: 4,
      });

      for (const [name, r] of Object.entries(rss))
        expect(r.end - r.warm, `${name} RSS grew from ${mib(r.warm)} to ${mib(r.end)} (seed ${seed})`).toBeLessThan(
          rssGrowthBoundBytes,
        );
    },
    // Generous: the count is the knob; a hang is caught per request (answerTimeoutMs).
    120_000 + count * 100,
  );
  /** Bugs the fuzzer found (and that are fixed): each test states the behaviour wanted. */
  describe('bugs it found', () => {
    it('router: answers the next request on a connection after it refused an upload still being sent', async () => {
      const url = new URL(network.routerUrl);
      const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
      const exchange = (method: string, path: string, headers: Record<string, string | number>, body?: Buffer) =>
        new Promise<number>((resolve, reject) => {
          const request = httpRequest({ host: url.hostname, port: url.port, method, path, headers, agent: keepAlive }, (r) => {
            r.resume();
            r.on('end', () => resolve(r.statusCode ?? 0));
          });
          request.setTimeout(5_000, () => request.destroy(new Error('no answer within 5 s')));
          request.on('error', reject);
          if (!body) return void request.end();
          // The node refuses the malformed hash at once, while most of the body is still on its way.
          request.write(body.subarray(0, 65_536));
          setTimeout(() => request.end(body.subarray(65_536)), 300);
        });
      try {
        const body = Buffer.alloc(1 << 20, 7);
        const headers = { 'content-length': body.length, 'x-verity-sha256': '0xabc' };
        expect(await exchange('PUT', '/v1/blobs', headers, body)).toBe(400);
        expect(await exchange('GET', '/health', {})).toBe(200);
      } finally {
        keepAlive.destroy();
      }
    }, 20_000);

    it('router: keeps serving a model by its name after its file is registered under another name', async () => {
      await postJson(`${network.routerUrl}/v1/models`, {
        name: 'iris-alias',
        version: '1',
        format: 'onnx',
        blob: fixtures.irisBlob,
      });
      const list = (await getJson(`${network.routerUrl}/v1/models`)) as { data: { id: string }[] };
      expect(list.data.map((m) => m.id)).toEqual(expect.arrayContaining(['iris@1.0.0', 'iris-alias@1']));
    });
  });
});
