/**
 * Chat and completions through the SDK against real nodes (startNode on 127.0.0.1, port 0) serving the committed
 * GGUF model with the real node-llama-cpp: whole and streamed answers verified, tampered copies rejected offline,
 * and a node that dies mid-stream (@verity/fixtures' fault 'drop-stream') making the stream throw instead of ending.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFaultyNode } from '@verity/fixtures';
import { type RunningNode, startNode } from '@verity/node';
import { type Hex, addressOf, chatInputHash, completionInputHash, textOutputHash } from '@verity/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream } from '../src/text.js';
import {
  type ChatParameters,
  type ChatCompletion,
  type CompleteParameters,
  type ModelEntry,
  VerityError,
  chatStream,
  createClient,
  isTextAnswer,
} from '../src/index.js';

const key: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const fragileKey: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const modelPath = fileURLToPath(new URL('../../../models/tiny-llama.gguf', import.meta.url));

const messages = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Say something.' },
] as const;
const chatRequest: ChatParameters = { model: 'tiny-llama@1', messages, max_tokens: 16 };
const completeRequest: CompleteParameters = { model: 'tiny-llama@1', prompt: 'Verity is', max_tokens: 8 };

let dir: string;
let node: RunningNode;
let fragile: RunningNode;
let entry: ModelEntry;

async function rejection(promise: Promise<unknown>): Promise<VerityError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerityError);
  return error as VerityError;
}

/** Reads a whole stream, returning the pieces, or the error the loop threw. */
async function readAll(stream: AsyncIterable<string>): Promise<{ pieces: string[]; error?: unknown }> {
  const pieces: string[] = [];
  try {
    for await (const piece of stream) pieces.push(piece);
    return { pieces };
  } catch (error) {
    return { pieces, error };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verity-sdk-text-'));
  [node, fragile] = await Promise.all([
    startNode({ dataDir: join(dir, 'node'), privateKey: key }),
    startFaultyNode({ dataDir: join(dir, 'fragile'), privateKey: fragileKey }, 'drop-stream'),
  ]);
  // pushModel: PUT /v1/blobs, then POST /v1/models with format gguf (from the extension).
  [entry] = await Promise.all([
    createClient({ url: node.url }).pushModel(modelPath, { name: 'tiny-llama', version: '1' }),
    createClient({ url: fragile.url }).pushModel(modelPath, { name: 'tiny-llama', version: '1' }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([node?.close(), fragile?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('chat and complete', () => {
  it('chats, and the receipt commits to this request, this model and this text', async () => {
    const client = createClient({ url: node.url });
    expect(entry.format).toBe('gguf');
    const requestId: Hex = `0x${'c4'.repeat(32)}`;
    const answer = await client.chat({ ...chatRequest, requestId });
    expect(answer).toMatchObject({ object: 'chat.completion', model: 'tiny-llama@1', id: `chatcmpl-${requestId.slice(2)}` });
    const choice = answer.choices[0]!;
    expect(choice.message.content?.length).toBeGreaterThan(0);
    expect(answer.verity).toMatchObject({ requestId, modelId: entry.modelId, policy: 'none' });
    expect(answer.verity.receipts[0]!.typedData.message).toMatchObject({
      executor: addressOf(key),
      inputHash: chatInputHash({ messages, max_tokens: 16 }),
      outputHash: textOutputHash({ text: choice.message.content ?? '', finishReason: choice.finish_reason }),
    });
    expect(client.verifyText(answer, { request: { ...chatRequest, requestId } })).toMatchObject({ ok: true });
    // The node keeps the answer: getReceipt returns it, checked against its text.
    const stored = await client.getReceipt(requestId);
    expect(isTextAnswer(stored)).toBe(true);
    expect(stored).toEqual(answer);
  });

  it('completes a prompt, the default max_tokens (16) hashed as the node hashes it', async () => {
    const client = createClient({ url: node.url });
    const answer = await client.complete({ model: 'tiny-llama', prompt: 'Verity is' });
    expect(answer.object).toBe('text_completion');
    expect(answer.usage.completion_tokens).toBeLessThanOrEqual(16);
    expect(answer.verity.receipts[0]!.typedData.message.inputHash).toBe(completionInputHash({ prompt: 'Verity is' }));
    expect(client.verifyText(answer, { request: { model: 'tiny-llama', prompt: 'Verity is', max_tokens: 16 } }).ok).toBe(true);
  });

  it('streams a chat: the pieces make up the text the verified answer holds, the same as the whole answer', async () => {
    const client = createClient({ url: node.url });
    const whole = await client.chat(chatRequest);
    const stream = await client.chatStream(chatRequest);
    expect(stream.requestId).toMatch(/^0x[0-9a-f]{64}$/);
    const { pieces, error } = await readAll(stream);
    expect(error).toBeUndefined();
    expect(pieces.length).toBeGreaterThan(1);
    const answer = await stream.completion();
    expect(pieces.join('')).toBe(answer.choices[0]!.message.content);
    expect(answer.choices[0]).toEqual(whole.choices[0]);
    expect(answer).toMatchObject({ object: 'chat.completion', id: `chatcmpl-${stream.requestId!.slice(2)}`, usage: whole.usage });
    expect(answer.verity.requestId).toBe(stream.requestId);
    expect(client.verifyText(answer, { request: chatRequest }).ok).toBe(true);
    // A second loop gets nothing more; the answer stays.
    expect((await readAll(stream)).pieces).toEqual([]);
    expect(await stream.completion()).toBe(answer);
  });

  it('streams a tool call: the answer holds the call, with null content, and its receipts cover it', async () => {
    const client = createClient({ url: node.url });
    const tools = [
      {
        type: 'function' as const,
        function: { name: 'lookup', parameters: { type: 'object', properties: { q: { enum: ['a', 'b'] } }, required: ['q'] } },
      },
    ];
    const request: ChatParameters = { ...chatRequest, max_tokens: 64, tools, tool_choice: 'required' };
    const whole = await client.chat(request);
    const stream = await client.chatStream(request);
    await readAll(stream);
    const answer = await stream.completion();
    // The same call as the whole answer's (ids are per request).
    expect(answer.choices[0]?.message.tool_calls?.map((c) => c.function)).toEqual(
      whole.choices[0]?.message.tool_calls?.map((c) => c.function),
    );
    expect(answer.choices[0]?.finish_reason).toBe('tool_calls');
    expect(answer.choices[0]?.message.content).toBeNull();
    expect(answer.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('lookup');
    expect(client.verifyText(answer, { request }).ok).toBe(true);
  });

  it('streams a completion, and completion() alone reads the stream to its end', async () => {
    const client = createClient({ url: node.url });
    const whole = await client.complete(completeRequest);
    const read = await client.completeStream(completeRequest);
    const { pieces } = await readAll(read);
    expect(pieces.join('')).toBe(whole.choices[0]!.text);
    const unread = await client.completeStream(completeRequest);
    const answer = await unread.completion();
    expect(answer.object).toBe('text_completion');
    expect(answer.choices[0]).toEqual(whole.choices[0]);
    expect(client.verifyText(answer, { request: completeRequest }).ok).toBe(true);
  });

  it('works as standalone actions taking the client first, with the stream options a user would pass', async () => {
    const stream = await chatStream(createClient({ url: node.url }), {
      model: entry.modelId,
      messages: [{ role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] }, messages[1]],
      max_tokens: 6,
      temperature: 0.8,
      seed: 7,
      stop: ['\n\n'],
    });
    const answer = await stream.completion();
    expect(answer.verity.modelId).toBe(entry.modelId);
  });
});

describe('what is refused', () => {
  it('rejects tampered copies of an answer offline: text, finish reason, receipt, and a request that was not sent', async () => {
    const client = createClient({ url: node.url });
    const answer = await client.chat(chatRequest);
    const failing = (copy: unknown, request: Record<string, unknown> = { ...chatRequest }) =>
      client
        .verifyText(copy as ChatCompletion, { request })
        .checks.filter((c) => !c.ok)
        .map((c) => c.check);

    const text = structuredClone(answer);
    text.choices[0]!.message.content += ' (edited)';
    expect(failing(text)).toEqual(['outputHash', 'quorum']);

    const finish = structuredClone(answer);
    finish.choices[0]!.finish_reason = finish.choices[0]!.finish_reason === 'stop' ? 'length' : 'stop';
    expect(failing(finish)).toEqual(['outputHash', 'quorum']);

    const receipt = structuredClone(answer);
    receipt.verity.receipts[0]!.typedData.message.fee = '1';
    expect(failing(receipt)).toEqual(['signature', 'quorum']);

    expect(failing(answer, { ...chatRequest, messages: [{ role: 'user', content: 'Something else.' }] })).toEqual([
      'inputHash',
      'quorum',
    ]);
    expect(failing(answer, { ...chatRequest, model: `0x${'00'.repeat(32)}` })).toEqual(['modelId']);
    expect(failing({ ...answer, object: 'text_completion' })).toEqual(['format']);
    // Without the request, only what the answer itself claims is checked.
    expect(client.verifyText(text).checks.find((c) => c.check === 'inputHash')).toBeUndefined();
  });

  it('throws RECEIPT_INVALID, whole or streamed, when the receipts do not meet the policy', async () => {
    // A node alone signs one receipt whatever the policy: replicate:2 asks for two executors.
    const client = createClient({ url: node.url });
    const whole = await rejection(client.chat({ ...chatRequest, policy: 'replicate:2' }));
    expect(whole.code).toBe('RECEIPT_INVALID');
    expect(whole.message).toMatch(/^the response does not verify: quorum: 1 distinct executor\(s\) .* needs 2$/);

    const stream = await client.chatStream({ ...chatRequest, policy: 'replicate:2' });
    const { pieces, error } = await readAll(stream);
    expect(pieces.length).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: 'RECEIPT_INVALID' });
    await expect(stream.completion()).rejects.toBe(error);

    // Turned off, the same answer comes back as it is.
    const unchecked = await createClient({ url: node.url, verify: false }).chat({ ...chatRequest, policy: 'replicate:2' });
    expect(unchecked.verity.receipts).toHaveLength(1);
  });

  it('throws when a node dies mid-stream: never a truncated answer', async () => {
    const client = createClient({ url: fragile.url });
    const stream = await client.chatStream(chatRequest);
    const { pieces, error } = await readAll(stream);
    expect(pieces).toHaveLength(1);
    expect(error).toBeInstanceOf(VerityError);
    expect((error as VerityError).code).toBe('NODE_UNAVAILABLE');
    expect((error as VerityError).message).toMatch(
      /connection lost in the middle of the stream; the text so far is not an answer$/,
    );
    expect((error as VerityError).details).toMatchObject({ partial: true, receivedChars: pieces[0]!.length });
    await expect(stream.completion()).rejects.toBe(error);

    const unread = await client.completeStream(completeRequest);
    await expect(unread.completion()).rejects.toMatchObject({ code: 'NODE_UNAVAILABLE' });
    // The same node answers whole requests (the fault cuts streams only).
    expect((await client.chat(chatRequest)).verity.receipts).toHaveLength(1);
  });

  it('closes the connection when the loop stops early, and then has no answer', async () => {
    const stream = await createClient({ url: node.url }).chatStream({ ...chatRequest, max_tokens: 24 });
    for await (const _piece of stream) break;
    await expect(stream.completion()).rejects.toMatchObject({ code: 'INVALID_REQUEST', details: { cancelled: true } });
  });

  it('brings back errors before the first piece from the call itself, with their code', async () => {
    const client = createClient({ url: node.url });
    await expect(client.chatStream({ ...chatRequest, model: 'nope@1' })).rejects.toMatchObject({
      code: 'UNKNOWN_MODEL',
      details: { status: 404 },
    });
    await expect(client.chat({ ...chatRequest, messages: [] })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'invalid chat request: messages: messages must not be empty',
    });
    await expect(client.complete({ ...completeRequest, policy: 'sometimes' })).rejects.toMatchObject({
      code: 'UNKNOWN_POLICY',
    });
    await expect(client.chat({ ...chatRequest, n: 2 } as ChatParameters & { n: number })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      details: { issues: [{ path: 'n', message: 'n is not supported' }] },
    });
  });
});

describe('reading a stream', () => {
  const header = { id: 'chatcmpl-1', created: 1, model: 'm@1', object: 'chat.completion.chunk' };
  const piece = (content: string) =>
    JSON.stringify({ ...header, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
  async function* events(...data: string[]): AsyncGenerator<string, void, void> {
    yield* data;
  }
  async function failure(...data: string[]): Promise<VerityError> {
    const generator = readStream('chat', events(...data));
    return rejection(
      (async () => {
        for (;;) if ((await generator.next()).done) return;
      })(),
    );
  }

  it('turns an error event into a VerityError: its code when known, else NODE_UNAVAILABLE', async () => {
    const known = await failure(piece('Hi'), JSON.stringify({ error: { code: 'ENGINE_ERROR', message: 'out of memory' } }));
    expect({ code: known.code, message: known.message, details: known.details }).toEqual({
      code: 'ENGINE_ERROR',
      message: 'out of memory',
      details: { partial: true, receivedChars: 2 },
    });
    const unknown = await failure(piece('Hi'), JSON.stringify({ error: { code: 'server_is_sad', message: 'sorry' } }));
    expect(unknown.code).toBe('NODE_UNAVAILABLE');
    expect(unknown.message).toBe('POST /v1/chat/completions: the stream failed: sorry; the text so far is not an answer');
  });

  it('refuses a stream that ends without its closing chunk or [DONE], or breaks the framing', async () => {
    expect((await failure(piece('Hi'))).message).toMatch(/the stream ended before \[DONE\]/);
    expect((await failure(piece('Hi'), '[DONE]')).message).toMatch(/without its closing chunk/);
    expect((await failure(piece('Hi'), 'not json')).message).toMatch(/an event that is not JSON/);
    expect((await failure(piece('Hi'), '{"id": 1}')).message).toMatch(/breaks Protocol v1/);
    const closing = JSON.stringify({ ...header, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    expect((await failure(piece('Hi'), closing, piece('more'))).message).toMatch(/text after the closing chunk/);
    expect((await failure(piece('Hi'), '[DONE]', piece('more'))).message).toMatch(/an event after \[DONE\]/);
  });
});
