/**
 * Blob sources in chain mode, against a real anvil: the registered endpoint of an active node is a source with no
 * allow-list; any other URL is refused before a connection, and a staked endpoint on a private address is refused
 * too unless private peers are allowed.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anvilPrivateKeys } from '@verity/chain';
import { postJson } from '@verity/http/client';
import { type Hex, type ModelEntry, addressOf } from '@verity/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeStartOptions, RunningNode } from '../src/index.js';
import { TestChain, eventually } from './chain-helpers.js';
import { TempDirs, expectError, modelBytes, sha256Of, startTestNode, upload } from './helpers.js';

const dirs = new TempDirs();
const nodeKeys = anvilPrivateKeys.slice(1) as Hex[];
const modelId = sha256Of(modelBytes);
const running: RunningNode[] = [];
let chain: TestChain;
let internal: Server;
let internalUrl: string;
const hits: string[] = [];

beforeAll(async () => {
  chain = await TestChain.start();
  await chain.publish(modelId, 'm', '1');
  internal = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('internal-only');
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(running.map((node) => node.close()));
  await new Promise((resolve) => internal?.close(resolve));
  await chain?.close();
  await dirs.cleanup();
});

async function chainNode(key: Hex, options: Partial<NodeStartOptions> = {}): Promise<RunningNode> {
  const node = await startTestNode(dirs, {
    privateKey: key,
    rpcUrl: chain.rpcUrl,
    deployment: chain.deployment,
    heartbeatIntervalMs: 400,
    ...options,
  });
  running.push(node);
  return node;
}

function register(node: RunningNode, sources: string[]): Promise<unknown> {
  return postJson(`${node.url}/v1/models`, { name: 'm', version: '1', format: 'onnx', blob: modelId, sources });
}

describe('blob sources on chain', () => {
  it("fetches from an active node's registered endpoint, and from nothing else", async () => {
    const holder = await chainNode(nodeKeys[0]!);
    await upload(holder, modelBytes);
    await eventually(
      () => chain.node(addressOf(nodeKeys[0]!)),
      (n) => n?.active === true,
      15_000,
      'the holder active on chain',
    );
    // Every node here is on 127.0.0.1, as on the devnet: private targets are allowed, the chain decides the peers.
    const fetcher = await chainNode(nodeKeys[1]!, { allowPrivatePeers: true });
    const refused = await expectError(register(fetcher, [internalUrl]), 'INVALID_REQUEST', 400);
    expect(refused.details.sources).toEqual([{ source: internalUrl, reason: 'refused' }]);
    expect(hits).toEqual([]);

    // A staked endpoint on a private address is still refused by a node that keeps private targets refused.
    const strict = await chainNode(nodeKeys[2]!);
    const privateTarget = await expectError(register(strict, [holder.url]), 'INVALID_REQUEST', 400);
    expect(privateTarget.details.sources).toEqual([{ source: holder.url, reason: 'refused' }]);

    const entry = (await register(fetcher, [internalUrl, holder.url])) as ModelEntry;
    expect(entry.modelId).toBe(modelId);
    expect(hits).toEqual([]);
  });
});
