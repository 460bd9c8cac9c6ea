/**
 * Relayed models: node B serves `tiny-relay@relay` by relaying to node A's OpenAI-compatible API (a real upstream
 * server over HTTP on 127.0.0.1, running the committed tiny llama). B's receipts say `relay` and name the upstream
 * model; B refuses to sign relayed answers under any other policy, and the router never routes them as verified.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson, postJson, putBytes } from '@verity/http/client';
import { type RunningNode, startNode } from '@verity/node';
import {
  ChatCompletionSchema,
  type Hex,
  ModelListSchema,
  VerityError,
  addressOf,
  generatedText,
  verifyTextResponse,
} from '@verity/protocol';
import { anvilPrivateKeys } from '@verity/chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningRouter, startRouter } from '../src/index.js';

const ggufBytes = new Uint8Array(readFileSync(new URL('../../../models/tiny-llama.gguf', import.meta.url)));
const keyA = anvilPrivateKeys[1] as Hex;
const keyB = anvilPrivateKeys[2] as Hex;
const messages = [{ role: 'user', content: 'Hello' }];

let dir: string;
let upstream: RunningNode;
let relay: RunningNode;
let router: RunningRouter;

async function errorOf(promise: Promise<unknown>): Promise<VerityError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VerityError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-relay-'));
  upstream = await startNode({ dataDir: join(dir, 'a'), privateKey: keyA });
  const { sha256 } = (await putBytes(`${upstream.url}/v1/blobs`, ggufBytes)) as { sha256: string };
  await postJson(`${upstream.url}/v1/models`, { name: 'tiny-llama', version: '1', format: 'gguf', blob: sha256 });
  relay = await startNode({
    dataDir: join(dir, 'b'),
    privateKey: keyB,
    relays: [{ name: 'tiny-relay', baseUrl: `${upstream.url}/v1`, upstreamModel: 'tiny-llama@1' }],
  });
  router = await startRouter({ nodes: [upstream.url, relay.url], port: 0, dataDir: join(dir, 'router') });
}, 60_000);

afterAll(async () => {
  await router?.close();
  await relay?.close();
  await upstream?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a relay node', () => {
  it('lists the relayed model with format relay and engine relay/<upstream model>', async () => {
    const list = ModelListSchema.parse(await getJson(`${relay.url}/v1/models`));
    expect(list.data.find((m) => m.id === 'tiny-relay@relay')).toMatchObject({ format: 'relay', engine: 'relay/tiny-llama@1' });
  });

  it('relays the exact answer and signs it under the policy relay, stating the upstream model', async () => {
    const request = { model: 'tiny-relay', messages, max_tokens: 12, verity: { policy: 'relay' } };
    const relayed = ChatCompletionSchema.parse(await postJson(`${relay.url}/v1/chat/completions`, request));
    const direct = ChatCompletionSchema.parse(
      await postJson(`${upstream.url}/v1/chat/completions`, { ...request, model: 'tiny-llama', verity: {} }),
    );
    expect(relayed.choices[0]?.message.content).toBe(direct.choices[0]?.message.content);
    const receipt = relayed.verity.receipts[0];
    expect(receipt?.typedData.message).toMatchObject({ policy: 'relay', engine: 'relay/tiny-llama@1' });
    expect(receipt?.typedData.message.executor.toLowerCase()).toBe(addressOf(keyB).toLowerCase());
    const report = verifyTextResponse(
      { ...generatedText(relayed), verity: relayed.verity },
      { request: { messages: [{ role: 'user', content: 'Hello' }], max_tokens: 12 } },
    );
    expect(report.ok).toBe(true);
  });

  it('refuses to answer a relayed model under any other policy, and relay for a model it runs', async () => {
    for (const policy of [undefined, 'none', 'replicate:1']) {
      const error = await errorOf(
        postJson(`${relay.url}/v1/chat/completions`, { model: 'tiny-relay', messages, verity: policy ? { policy } : {} }),
      );
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(/relay/);
    }
    const error = await errorOf(
      postJson(`${upstream.url}/v1/chat/completions`, { model: 'tiny-llama', messages, verity: { policy: 'relay' } }),
    );
    expect(error.code).toBe('INVALID_REQUEST');
  });
});

describe('the router and relayed models', () => {
  it('routes a relayed model only under the policy relay, never as verified work', async () => {
    const answer = ChatCompletionSchema.parse(
      await postJson(`${router.url}/v1/chat/completions`, {
        model: 'tiny-relay',
        messages,
        max_tokens: 8,
        verity: { policy: 'relay' },
      }),
    );
    expect(answer.verity.policy).toBe('relay');
    expect(answer.verity.receipts[0]?.typedData.message.policy).toBe('relay');
    for (const policy of ['none', 'replicate:1']) {
      const error = await errorOf(
        postJson(`${router.url}/v1/chat/completions`, { model: 'tiny-relay', messages, verity: { policy } }),
      );
      expect(error.code).toBe('INVALID_REQUEST');
    }
    const error = await errorOf(
      postJson(`${router.url}/v1/chat/completions`, { model: 'tiny-llama', messages, verity: { policy: 'relay' } }),
    );
    expect(error.code).toBe('INVALID_REQUEST');
  });
});
