/**
 * Which endpoints the router probes, and what its public /health says about the nodes that fail: real HTTP servers
 * on 127.0.0.1 that record every path they are asked for. An endpoint with a fragment or query (the `#` trick, which
 * would make the router probe any path) is never contacted; a failing node shows a fixed reason, never the error.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { endpointPath, parseEndpointUrl as endpointUrl } from '@verity/protocol';
import { createRouterApp } from '../src/server.js';

/** A server that answers every request with `answer` and records the paths asked for. */
async function recordingServer(answer: (path: string) => { status: number; body: string }) {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    const { status, body } = answer(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, paths, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('endpointUrl', () => {
  it('takes an http(s) base URL with a host, with or without a path', () => {
    for (const text of ['http://127.0.0.1:7071', 'https://node.example', 'https://node.example/verity']) {
      expect(endpointUrl(text)?.href.replace(/\/$/, '')).toBe(text);
    }
  });

  it('refuses a fragment or query (even an empty one), credentials, another scheme, and what URL would rewrite', () => {
    for (const text of [
      'http://node.example/admin#',
      'http://node.example/#',
      'http://node.example/admin?x=',
      'http://node.example?',
      'http://user:secret@node.example',
      'http://user@node.example',
      'http://node.example/ad\nmin',
      'http://node.example/ad\tmin',
      'http://node.example\\admin',
      ' http://node.example',
      'ftp://node.example',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'node.example:7071',
      '',
    ]) {
      expect(endpointUrl(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('builds probe URLs on the path, never on the string', () => {
    const base = endpointUrl('http://node.example/verity') as URL;
    expect(endpointPath(base, '/health').href).toBe('http://node.example/verity/health');
    expect(endpointPath(endpointUrl('http://node.example') as URL, '/v1/models').href).toBe('http://node.example/v1/models');
  });
});

describe("the router's probes and /health", () => {
  let honest: Awaited<ReturnType<typeof recordingServer>>;
  let garbled: Awaited<ReturnType<typeof recordingServer>>;
  let closedPort: string;
  let router: Awaited<ReturnType<typeof createRouterApp>>;
  const logged: string[] = [];

  beforeAll(async () => {
    honest = await recordingServer((path) =>
      path.endsWith('/health')
        ? { status: 200, body: JSON.stringify({ ok: true, address: `0x${'11'.repeat(20)}` }) }
        : { status: 200, body: JSON.stringify({ object: 'list', data: [] }) },
    );
    garbled = await recordingServer(() => ({ status: 200, body: 'secret-internal-detail, not JSON' }));
    const closed = await recordingServer(() => ({ status: 200, body: '' }));
    closedPort = closed.url;
    await closed.close();
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
    router = await createRouterApp({
      port: 0,
      refreshIntervalMs: 60_000,
      nodes: [`${honest.url}/verity`, `${honest.url}/admin#`, `${honest.url}/admin?x=`, `${garbled.url}`, closedPort],
    });
  });

  afterAll(async () => {
    await router?.close();
    await honest?.close();
    await garbled?.close();
    vi.restoreAllMocks();
  });

  it('probes a valid endpoint under its path, and never contacts one with a fragment or query', () => {
    expect(new Set(honest.paths)).toEqual(new Set(['/verity/health', '/verity/v1/models']));
  });

  it('shows a failing node only a fixed reason; the detail goes to the log', async () => {
    const response = await router.app.inject({ method: 'GET', url: '/health' });
    const nodes = (response.json() as { nodes: { url: string; healthy: boolean; problem?: string }[] }).nodes;
    expect(nodes.map((n) => [n.url, n.healthy, n.problem])).toEqual([
      [`${honest.url}/verity`, true, undefined],
      [`${honest.url}/admin#`, false, 'bad-endpoint'],
      [`${honest.url}/admin?x=`, false, 'bad-endpoint'],
      [garbled.url, false, 'bad-answer'],
      [closedPort, false, 'unreachable'],
    ]);
    expect(response.body).not.toContain('JSON');
    expect(response.body).not.toContain('ECONNREFUSED');
    expect(logged.some((line) => line.includes(JSON.stringify(garbled.url)) && line.includes('not JSON'))).toBe(true);
    expect(logged.some((line) => line.includes(JSON.stringify(closedPort)) && line.includes('unreachable'))).toBe(true);
  });
});
