/**
 * Which blob sources a node may fetch from: URL hygiene, the blob URL built with the URL API, the classification of
 * non-public addresses, the allow-list and the chain's endpoints (an injected list), and the connection-time
 * lookup that refuses a name resolving to a private address (real sockets on 127.0.0.1).
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hex } from '@verity/protocol';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEndpointUrl as parseSourceUrl } from '@verity/protocol';
import { PeerSourceRefused, PeerSources, blobUrl, isPublicAddress } from '../src/peer-sources.js';

const hash = `0x${'ab'.repeat(32)}` as Hex;

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '255.255.255.255',
    '224.0.0.1',
    '192.0.2.10',
    '198.18.0.1',
  ])('refuses IPv4 %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:0:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::a00:1',
    '2002:a00:1::1',
    '2001::1',
    '2001:db8::1',
  ])('refuses IPv6 %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001::1', '::ffff:8.8.8.8'])(
    'admits public %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('refuses what is not an address', () => {
    expect(isPublicAddress('localhost')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });
});

describe('source URLs', () => {
  it.each([
    'http://peer.example/#',
    'http://peer.example/x#frag',
    'http://peer.example/?',
    'http://peer.example/x?a=1',
    'http://user:pass@peer.example/',
    'http://user@peer.example/',
    'ftp://peer.example/',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (source) => {
    expect(parseSourceUrl(source)).toBeUndefined();
  });

  it('admits a clean http(s) base URL', () => {
    expect(parseSourceUrl('https://peer.example:8443/verity/')?.href).toBe('https://peer.example:8443/verity/');
  });

  it('appends the blob path to the pathname', () => {
    expect(blobUrl(new URL('http://peer.example:7071'), hash).href).toBe(`http://peer.example:7071/v1/blobs/${hash}`);
    expect(blobUrl(new URL('http://peer.example/base/'), hash).href).toBe(`http://peer.example/base/v1/blobs/${hash}`);
    // Characters that would end the path in a string are escaped by the URL API.
    expect(blobUrl(new URL('http://peer.example/a%23b'), hash).pathname).toBe(`/a%23b/v1/blobs/${hash}`);
  });
});

describe('PeerSources', () => {
  it('admits only sources at or under an allow-listed base, by origin and path', async () => {
    const peers = new PeerSources({ peerSources: ['http://peer.example:7071/base/'], allowPrivatePeers: true });
    try {
      expect((await peers.check('http://peer.example:7071/base')).href).toBe('http://peer.example:7071/base');
      await expect(peers.check('http://PEER.example:7071/base/sub/')).resolves.toBeInstanceOf(URL);
      for (const source of [
        'http://peer.example:7071/basement',
        'http://peer.example:7071/',
        'http://peer.example:7072/base',
        'https://peer.example:7071/base',
        'http://peer.example.evil.test:7071/base',
        'http://evil.test/http://peer.example:7071/base',
        'http://peer.example:7071/base/../internal',
        'http://peer.example:7071/base/#',
        'http://peer.example:7071/base?',
      ]) {
        await expect(peers.check(source), source).rejects.toBeInstanceOf(PeerSourceRefused);
      }
    } finally {
      await peers.close();
    }
  });

  it('refuses every source without an allow-list or a chain', async () => {
    const peers = new PeerSources({ allowPrivatePeers: true });
    await expect(peers.check('http://peer.example:7071')).rejects.toMatchObject({ because: 'not-a-peer' });
    await peers.close();
  });

  it("admits the chain's endpoints, caching them and reading them again once on a miss", async () => {
    let endpoints = ['http://a.example:7071', 'not a url', 'http://b.example:7071/'];
    let reads = 0;
    const peers = new PeerSources({
      allowPrivatePeers: true,
      endpoints: async () => {
        reads++;
        return endpoints;
      },
      endpointsCacheMs: 60_000,
      endpointsMinRereadMs: 0,
    });
    try {
      await peers.check('http://a.example:7071');
      await peers.check('http://b.example:7071');
      expect(reads).toBe(1);
      // A node that registered since: one fresh read finds it.
      endpoints = [...endpoints, 'http://c.example:7071'];
      await peers.check('http://c.example:7071');
      expect(reads).toBe(2);
      // A source no node announces: one fresh read, then refused.
      await expect(peers.check('http://d.example:7071')).rejects.toMatchObject({ because: 'not-a-peer' });
      expect(reads).toBe(3);
      await expect(peers.check('not a url')).rejects.toMatchObject({ because: 'malformed' });
    } finally {
      await peers.close();
    }
  });

  it('does not read the chain again on a miss right after a read', async () => {
    let reads = 0;
    const peers = new PeerSources({
      allowPrivatePeers: true,
      endpoints: async () => {
        reads++;
        return [];
      },
      endpointsMinRereadMs: 60_000,
    });
    await expect(peers.check('http://a.example:7071')).rejects.toBeInstanceOf(PeerSourceRefused);
    await expect(peers.check('http://a.example:7071')).rejects.toBeInstanceOf(PeerSourceRefused);
    expect(reads).toBe(1);
    await peers.close();
  });

  it('refuses an allow-listed private target unless private peers are allowed', async () => {
    const peers = new PeerSources({ peerSources: ['http://127.0.0.1:7071', 'http://localhost:7071', 'http://[::1]:7071'] });
    try {
      for (const source of ['http://127.0.0.1:7071', 'http://localhost:7071', 'http://[::1]:7071']) {
        await expect(peers.check(source), source).rejects.toMatchObject({ because: 'private-address' });
      }
    } finally {
      await peers.close();
    }
    const allowing = new PeerSources({ peerSources: ['http://127.0.0.1:7071'], allowPrivatePeers: true });
    await expect(allowing.check('http://127.0.0.1:7071')).resolves.toBeInstanceOf(URL);
    await allowing.close();
  });

  it('refuses a non-http(s) or credentialed allow-list entry', () => {
    expect(() => new PeerSources({ peerSources: ['http://user:secret@peer.example'] })).toThrow(/^a peer source must be/);
  });
});

describe('the peer dispatcher', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('internal');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('will not connect to a name that resolves to a private address (checked when connecting)', async () => {
    const peers = new PeerSources();
    try {
      await expect(request(`http://localhost:${port}/`, { dispatcher: peers.dispatcher })).rejects.toBeInstanceOf(
        PeerSourceRefused,
      );
      expect(hits).toEqual([]);
    } finally {
      await peers.close();
    }
    // The same request through a dispatcher that allows private targets arrives: the refusal above was the lookup's.
    const allowing = new PeerSources({ allowPrivatePeers: true });
    const answer = await request(`http://localhost:${port}/`, { dispatcher: allowing.dispatcher });
    expect(await answer.body.text()).toBe('internal');
    expect(hits).toEqual(['/']);
    await allowing.close();
  });
});
