/**
 * The shared server's edge: the JSON body parser's nesting bound, and the header and body timeouts and connection
 * cap, over real sockets on 127.0.0.1 with short timeouts set through the options.
 */
import { type Socket, connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerOptions, createServer, jsonBodyText, jsonDepthBeyond, listen } from '../src/server.js';

const nested = (depth: number, leaf = '1') => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A server whose POST /echo answers its JSON body and whose PUT /upload counts the bytes it streams. */
async function start(options: Partial<ServerOptions> = {}): Promise<{ app: FastifyInstance; port: number }> {
  app = createServer(options);
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  app.post('/echo', async (request) => ({ body: request.body, text: jsonBodyText(request) ?? null }));
  app.put('/upload', async (request) => {
    let bytes = 0;
    for await (const chunk of request.body as AsyncIterable<Buffer>) bytes += chunk.length;
    return { bytes };
  });
  const url = await listen(app, '127.0.0.1', 0);
  return { app, port: Number(new URL(url).port) };
}

/** Opens a raw socket and resolves, once the server closes it, with how long that took (gives up after 3 s). */
function openSocket(port: number): { socket: Socket; closed: Promise<{ ms: number; data: string }> } {
  const started = performance.now();
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  setTimeout(() => socket.destroy(), 3_000).unref();
  let data = '';
  socket.on('data', (chunk) => {
    data += chunk.toString();
  });
  const closed = new Promise<{ ms: number; data: string }>((resolve) =>
    socket.once('close', () => resolve({ ms: performance.now() - started, data })),
  );
  return { socket, closed };
}

/** Writes `text` one byte every `intervalMs` until the socket closes or `stopAfterMs` passes. */
function trickle(socket: Socket, text: string, intervalMs: number, stopAfterMs: number): void {
  let i = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length || performance.now() - started > stopAfterMs) {
      clearInterval(timer);
      return;
    }
    socket.write(text[i++] as string);
  }, intervalMs);
}

describe('JSON bodies', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepthBeyond(nested(64), 64)).toBe(false);
    expect(jsonDepthBeyond(nested(65), 64)).toBe(true);
    expect(jsonDepthBeyond(`{"a":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`, 2)).toBe(false);
    expect(jsonDepthBeyond('[{"a":[1,{"b":{}}]}]', 5)).toBe(false);
    expect(jsonDepthBeyond('[{"a":[1,{"b":{}}]}]', 4)).toBe(true);
  });

  it('refuses a body nested deeper than maxJsonDepth with 400 BAD_JSON, and takes one at the bound', async () => {
    app = createServer({ maxJsonDepth: 64 });
    app.post('/echo', async (request) => request.body);
    const post = (payload: string) =>
      app!.inject({ method: 'POST', url: '/echo', payload, headers: { 'content-type': 'application/json' } });
    const ok = await post(nested(64));
    expect(ok.statusCode).toBe(200);
    for (const payload of [nested(65), `{"model":"m","x":${nested(20_000)}}`]) {
      const refused = await post(payload);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        error: { code: 'BAD_JSON', message: 'the JSON body nests deeper than 64 levels of arrays and objects' },
      });
    }
  });

  it('keeps the exact text of a JSON body only when asked', async () => {
    for (const keepJsonText of [false, true]) {
      app = createServer({ keepJsonText });
      app.post('/echo', async (request) => ({ text: jsonBodyText(request) ?? null }));
      const reply = await app.inject({
        method: 'POST',
        url: '/echo',
        payload: '{ "a" : 1 }',
        headers: { 'content-type': 'application/json' },
      });
      expect(reply.json()).toEqual({ text: keepJsonText ? '{ "a" : 1 }' : null });
      await app.close();
    }
    app = undefined;
  });
});

describe('slow clients', () => {
  it('closes a connection whose headers trickle in, within headersTimeoutMs', async () => {
    const { port } = await start({ headersTimeoutMs: 200 });
    const { socket, closed } = openSocket(port);
    trickle(socket, `GET /echo HTTP/1.1\r\nHost: x\r\n${'X-Slow: y\r\n'.repeat(100)}\r\n`, 20, 5_000);
    const { ms } = await closed;
    expect(ms).toBeLessThan(1_000);
  });

  it('closes a connection whose body trickles in, within bodyTimeoutMs', async () => {
    const { port } = await start({ bodyTimeoutMs: 300, minBodyBytesPerSecond: 1_000 });
    const { socket, closed } = openSocket(port);
    const body = JSON.stringify({ pad: 'x'.repeat(1_000) });
    socket.write(`POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // 50 bytes a second earns 50 ms a second: the body is cut near 300 ms, long before it could end.
    trickle(socket, body, 20, 5_000);
    const { ms, data } = await closed;
    expect(ms).toBeLessThan(1_000);
    expect(data).toBe('');
  });

  it('lets a body that arrives at a normal rate take longer than bodyTimeoutMs', async () => {
    const { port } = await start({ bodyTimeoutMs: 200, minBodyBytesPerSecond: 1_000 });
    const { socket, closed } = openSocket(port);
    const total = 16 * 1_000;
    socket.write(
      `PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${total}\r\nConnection: close\r\n\r\n`,
    );
    // 1,000 bytes every 50 ms (20,000 a second) for 800 ms: four times bodyTimeoutMs.
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= total) return clearInterval(timer);
      socket.write('x'.repeat(1_000));
      sent += 1_000;
    }, 50);
    const { ms, data } = await closed;
    clearInterval(timer);
    expect(ms).toBeGreaterThan(700);
    expect(data).toMatch(/^HTTP\/1\.1 200/);
    expect(data).toContain(`{"bytes":${total}}`);
  });

  it('accepts no more than maxConnections connections at once', async () => {
    const { port } = await start({ maxConnections: 2 });
    const sockets = [openSocket(port), openSocket(port)];
    await Promise.all(sockets.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = openSocket(port);
    const { ms } = await third.closed;
    expect(ms).toBeLessThan(1_000);
    for (const { socket } of sockets) expect(socket.destroyed).toBe(false);
    for (const { socket } of sockets) socket.destroy();
  });
});
