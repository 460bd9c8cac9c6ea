/**
 * The client's answer size limits, against raw node:http servers on 127.0.0.1 that send more than they should:
 * an endless body, a declared length over the limit, an endless event, an endless stream of events.
 */
import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VerityError } from '@verity/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { getJson, postJsonEvents, postJsonText } from '../src/client.js';

let server: Server | undefined;
/** Resolves when the server's answer is closed (by the client aborting, or by the server ending it). */
let answerClosed: Promise<void>;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server answering every request with `answer`; resolves with its base URL. */
async function serve(answer: (response: ServerResponse) => void): Promise<string> {
  let closed: () => void = () => {};
  answerClosed = new Promise((resolve) => {
    closed = resolve;
  });
  server = createServer((request, response) => {
    request.resume();
    response.once('close', closed);
    answer(response);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Writes `piece` for as long as the client reads. */
function endless(response: ServerResponse, piece: string): void {
  const write = () => {
    while (!response.destroyed && response.write(piece)) {}
    if (!response.destroyed) response.once('drain', write);
  };
  write();
}

async function failure(promise: Promise<unknown>): Promise<VerityError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VerityError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

const mib = 1024 * 1024;

describe('answer size limits', { timeout: 10_000 }, () => {
  it('aborts an endless body at maxResponseBytes as NODE_UNAVAILABLE, never buffering it', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      endless(response, `[${'1,'.repeat(32 * 1024)}`);
    });
    const error = await failure(getJson(url, { maxResponseBytes: mib }));
    expect(error.code).toBe('NODE_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'RESPONSE_TOO_LARGE', limitBytes: mib });
    expect(error.message).toBe(`the answer to GET ${url} is larger than ${mib} bytes; the request was aborted`);
    await answerClosed;
  });

  it('refuses a declared content-length over the limit before reading it', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * mib) });
      response.write('[');
    });
    const error = await failure(postJsonText(url, '{}', { maxResponseBytes: mib }));
    expect(error.details).toMatchObject({ reason: 'RESPONSE_TOO_LARGE' });
    await answerClosed;
  });

  it('reads an answer at the limit', async () => {
    const text = JSON.stringify({ pad: 'x'.repeat(1_000 - 10) });
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(text);
    });
    expect(text).toHaveLength(1_000);
    expect(await postJsonText(url, '{}', { maxResponseBytes: 1_000 })).toBe(text);
  });

  it('aborts an endless event at maxEventBytes, after the events before it', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: first\n\n');
      endless(response, `data: ${'x'.repeat(16 * 1024)}\n`);
    });
    const { events } = await postJsonEvents(url, '{}', { maxEventBytes: mib });
    const received: string[] = [];
    const error = await failure(
      (async () => {
        for await (const data of events) received.push(data);
      })(),
    );
    expect(received).toEqual(['first']);
    expect(error.code).toBe('NODE_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'RESPONSE_TOO_LARGE', limitBytes: mib });
    await answerClosed;
  });

  it('aborts an endless stream of small events at maxResponseBytes', async () => {
    const url = await serve((response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      endless(response, `data: ${'x'.repeat(1_000)}\n\n`);
    });
    const { events } = await postJsonEvents(url, '{}', { maxResponseBytes: mib, maxEventBytes: 4_096 });
    let count = 0;
    const error = await failure(
      (async () => {
        for await (const _ of events) count += 1;
      })(),
    );
    expect(error.details).toMatchObject({ reason: 'RESPONSE_TOO_LARGE', limitBytes: mib });
    expect(count).toBeGreaterThan(100);
    expect(count).toBeLessThan(mib / 1_000);
    await answerClosed;
  });
});
