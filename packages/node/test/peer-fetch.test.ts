/**
 * Blob sources of `POST /v1/models` as an attacker would name them (real nodes and an internal-only HTTP server on
 * 127.0.0.1): a node fetches only from its allowed peers, refuses private targets unless told otherwise, cannot be
 * led off the blob path with `#` or `?`, and never reports what a failed source returned.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hex } from '@verity/protocol';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningNode, createNodeApp } from '../src/index.js';
import { TempDirs, keys, modelBytes, sha256Of, startTestNode, upload } from './helpers.js';

const dirs = new TempDirs();
const running: RunningNode[] = [];
const secret = 'internal-only: the admin password is hunter2';
const secretHash = sha256Of(new TextEncoder().encode(secret));
const modelHash = sha256Of(modelBytes);

/** A service only the node's network reaches: it answers every path with the secret, and counts requests. */
let internal: Server;
let internalUrl: string;
const hits: string[] = [];

beforeAll(async () => {
  internal = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end(secret);
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(running.map((node) => node.close()));
  await new Promise((resolve) => internal.close(resolve));
  await dirs.cleanup();
});

async function start(options: Parameters<typeof startTestNode>[1] = {}): Promise<RunningNode> {
  const node = await startTestNode(dirs, options);
  running.push(node);
  return node;
}

interface Answer {
  status: number;
  text: string;
  error: { code: string; details: { sources?: unknown } };
}

/** Registers `blob` from `sources` over HTTP, returning the raw answer. */
async function register(node: RunningNode, blob: Hex, sources: string[]): Promise<Answer> {
  const response = await request(`${node.url}/v1/models`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'm', version: '1', format: 'onnx', blob, sources }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, text, error: (JSON.parse(text) as { error: Answer['error'] }).error };
}

function expectNothingOfTheSecret(text: string): void {
  expect(text).not.toContain(secretHash.slice(2));
  expect(text).not.toContain('hunter2');
  expect(text).not.toContain('internal-only');
}

describe('blob sources', () => {
  it('are refused by default: no allow-list, no chain, no request reaches the internal server', async () => {
    const node = await start();
    const answer = await register(node, secretHash, [internalUrl, `${internalUrl}/anything#`]);
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({
      code: 'INVALID_REQUEST',
      details: {
        sources: [
          { source: internalUrl, reason: 'refused' },
          { source: `${internalUrl}/anything#`, reason: 'refused' },
        ],
      },
    });
    expect(hits).toEqual([]);
  });

  it('refuses an allow-listed loopback source while private peers are not allowed', async () => {
    const node = await start({ peerSources: [internalUrl] });
    const answer = await register(node, secretHash, [internalUrl]);
    expect(answer.status).toBe(400);
    expect(answer.error.details.sources).toEqual([{ source: internalUrl, reason: 'refused' }]);
    expect(hits).toEqual([]);
  });

  it('refuses the # and ? tricks that would cut off the blob path, even on an allowed origin', async () => {
    const node = await start({ peerSources: [internalUrl], allowPrivatePeers: true });
    const tricks = [`${internalUrl}/secret#`, `${internalUrl}/secret?`, `${internalUrl}/secret?x=`, `${internalUrl}/#/x`];
    const answer = await register(node, secretHash, tricks);
    expect(answer.status).toBe(400);
    expect(answer.error.details.sources).toEqual(tricks.map((source) => ({ source, reason: 'refused' })));
    expect(hits).toEqual([]);
  });

  it('reports a source serving wrong bytes as hash-mismatch, with neither their hash nor their text', async () => {
    const node = await start({ peerSources: [internalUrl], allowPrivatePeers: true });
    const answer = await register(node, modelHash, [`${internalUrl}/secret`]);
    // The node asked for the blob path only.
    expect(hits).toEqual([`/secret/v1/blobs/${modelHash}`]);
    expect(answer.status).toBe(422);
    expect(answer.error).toMatchObject({
      code: 'HASH_MISMATCH',
      details: { sha256: modelHash, sources: [{ source: `${internalUrl}/secret`, reason: 'hash-mismatch' }] },
    });
    expect(Object.keys(answer.error.details).sort()).toEqual(['sha256', 'sources']);
    expectNothingOfTheSecret(answer.text);
    // Nothing of what was fetched is kept either.
    const blob = await request(`${node.url}/v1/blobs/${secretHash}`);
    expect(blob.statusCode).toBe(404);
    await blob.body.dump();
    hits.length = 0;
  });

  it("does not echo an error answer's status text or body", async () => {
    const failing = createServer((req, res) => {
      res.writeHead(req.url?.startsWith('/gone') ? 404 : 500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'INTERNAL', message: secret, details: { secret } } }));
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    try {
      const { app, close } = await createNodeApp({
        dataDir: await dirs.make(),
        privateKey: keys.b,
        peerSources: [url],
        allowPrivatePeers: true,
      });
      try {
        const answer = await app.inject({
          method: 'POST',
          url: '/v1/models',
          payload: { name: 'm', version: '1', format: 'onnx', blob: modelHash, sources: [`${url}/gone`, `${url}/broken`] },
        });
        expect(answer.statusCode).toBe(404);
        expect(answer.json()).toMatchObject({
          error: {
            code: 'BLOB_NOT_FOUND',
            details: {
              sources: [
                { source: `${url}/gone`, reason: 'not-found' },
                { source: `${url}/broken`, reason: 'bad-status' },
              ],
            },
          },
        });
        expectNothingOfTheSecret(answer.body);
      } finally {
        await close();
      }
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });

  it('fetches from an allowed peer node, and reports an unreachable one in the fixed form', async () => {
    const a = await start();
    await upload(a, modelBytes);
    const closed = await start();
    const closedUrl = closed.url;
    await closed.close();
    const b = await start({ privateKey: keys.b, peerSources: [closedUrl, a.url], allowPrivatePeers: true });
    const missing = await register(b, `0x${'5e'.repeat(32)}`, [closedUrl, a.url]);
    expect(missing.status).toBe(404);
    expect(missing.error.details.sources).toEqual([
      { source: closedUrl, reason: 'unreachable' },
      { source: a.url, reason: 'not-found' },
    ]);
    const fetched = await register(b, modelHash, [closedUrl, a.url]);
    expect(fetched.status).toBe(200);
  });
});
