/**
 * Which blob sources a node may fetch from. A source named in `POST /v1/models` is a URL from whoever calls the
 * node, so fetching it as given would let anyone make the node reach its own network (SSRF). A source is fetched
 * only when it is a clean http(s) base URL, is a peer (a registered endpoint of an active node in NodeRegistry, or
 * on the operator's allow-list), and its host is and resolves to public addresses only (unless the operator allows
 * private ones). The connection itself goes through a lookup that checks again the addresses it connects to, so a
 * name cannot resolve to a public address for the check and a private one for the connection.
 */
import { type LookupAddress, type LookupOptions, lookup } from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type Hex, endpointPath, parseEndpointUrl, routePath, routes } from '@verity/protocol';
import ipaddr from 'ipaddr.js';
import { Agent, type Dispatcher } from 'undici';
import { logEvent } from './log.js';

export interface PeerSourcesOptions {
  /** Base URLs the operator allows as sources, besides the chain's peers. */
  peerSources: readonly string[];
  /** Allow loopback, private, link-local and other non-public targets (a devnet on one host, a private cluster). */
  allowPrivatePeers: boolean;
  /** Chain mode: the registered endpoints of the active nodes. */
  endpoints?: () => Promise<readonly string[]>;
  /** How long a read of `endpoints` is used before it is read again. */
  endpointsCacheMs: number;
  /** A source missing from the cached endpoints makes them be read again, unless they are younger than this. */
  endpointsMinRereadMs: number;
}

export const defaultPeerSourcesOptions: PeerSourcesOptions = {
  peerSources: [],
  allowPrivatePeers: false,
  endpointsCacheMs: 5_000,
  endpointsMinRereadMs: 1_000,
};

/** Why a source was refused; for the operator's log only (a caller is told "refused", nothing more). */
export type RefusedBecause = 'malformed' | 'not-a-peer' | 'private-address';

export class PeerSourceRefused extends Error {
  readonly code = 'PEER_SOURCE_REFUSED';

  constructor(readonly because: RefusedBecause) {
    super(`blob source refused (${because})`);
    this.name = 'PeerSourceRefused';
  }
}

/** The URL of blob `sha256` under a source base URL (protocol's endpointPath: never by string concatenation). */
export function blobUrl(base: URL, sha256: Hex): URL {
  return endpointPath(base, routePath(routes.getBlob, { sha256 }));
}

/** Origin and path without trailing slashes: what a source and a peer's endpoint are compared by. */
function baseOf(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A source is a peer's when its base is the peer's, or lies under the peer's path. */
function covers(peerBase: string, sourceBase: string): boolean {
  return sourceBase === peerBase || sourceBase.startsWith(`${peerBase}/`);
}

const globalUnicastV6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether an IP address is a public unicast one. Refused: loopback, RFC 1918 private, link-local, CGNAT 100.64/10,
 * unspecified, broadcast, multicast, reserved and documentation ranges; in IPv6 everything outside global unicast
 * 2000::/3 (unique-local, link-local, loopback, IPv4-compatible), and the ranges that carry an IPv4 address
 * (IPv4-mapped, whose IPv4 address is judged instead, translated, NAT64, 6to4, Teredo). Not an address: false.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  return ip.range() === 'unicast' && ip.match(globalUnicastV6);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `net.connect` lookup that connects only to public addresses: a name with any non-public address fails, and the
 * socket connects to the very addresses that were checked (no second resolution a rebinding DNS could answer).
 */
export function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address))) {
      return callback(new PeerSourceRefused('private-address'), []);
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
}

/** The policy for blob sources of one node, and the connection pool its fetches go through. */
export class PeerSources {
  readonly options: PeerSourcesOptions;
  /** For peer fetches only: with private targets refused, it connects only to checked public addresses. */
  readonly dispatcher: Dispatcher;
  private readonly allowList: string[];
  private endpointsRead: { at: number; bases: string[] } | undefined;
  private reading: Promise<string[]> | undefined;

  constructor(options: Partial<PeerSourcesOptions> = {}) {
    this.options = { ...defaultPeerSourcesOptions, ...options };
    this.allowList = this.options.peerSources.flatMap((source) => {
      const url = parseEndpointUrl(source);
      if (!url) throw new TypeError('a peer source must be an http(s) base URL without credentials, query or fragment');
      return [baseOf(url)];
    });
    this.dispatcher = new Agent({
      keepAliveTimeout: 10_000,
      connections: 16,
      ...(this.options.allowPrivatePeers ? {} : { connect: { lookup: publicOnlyLookup } }),
    });
  }

  /** The source's base URL when it may be fetched from; throws PeerSourceRefused otherwise, before connecting. */
  async check(source: string): Promise<URL> {
    const url = parseEndpointUrl(source);
    if (!url) throw new PeerSourceRefused('malformed');
    if (!(await this.isPeer(baseOf(url)))) throw new PeerSourceRefused('not-a-peer');
    if (!this.options.allowPrivatePeers) await checkPublic(url);
    return url;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async isPeer(base: string): Promise<boolean> {
    if (this.allowList.some((peer) => covers(peer, base))) return true;
    if (!this.options.endpoints) return false;
    if ((await this.endpointBases(false)).some((peer) => covers(peer, base))) return true;
    // A node that registered since the last read is found on a fresh one.
    return (await this.endpointBases(true)).some((peer) => covers(peer, base));
  }

  private async endpointBases(missed: boolean): Promise<string[]> {
    const read = this.endpointsRead;
    const age = read ? Date.now() - read.at : Number.POSITIVE_INFINITY;
    if (read && age < (missed ? this.options.endpointsMinRereadMs : this.options.endpointsCacheMs)) return read.bases;
    this.reading ??= this.readEndpoints().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async readEndpoints(): Promise<string[]> {
    const read = this.options.endpoints;
    let bases: string[];
    try {
      bases = (await (read ? read() : [])).flatMap((endpoint) => {
        const url = parseEndpointUrl(endpoint);
        return url ? [baseOf(url)] : [];
      });
    } catch (error) {
      // The last list read stands (none before the first): an unreadable chain admits no new peer.
      logEvent('chain-error', { action: 'peer-endpoints', reason: error instanceof Error ? error.name : String(error) });
      bases = this.endpointsRead?.bases ?? [];
    }
    this.endpointsRead = { at: Date.now(), bases };
    return bases;
  }
}

/** Throws PeerSourceRefused unless the URL's host is, or resolves only to, public addresses. */
async function checkPublic(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // A name that does not resolve is left to the connection, which fails as unreachable.
  const addresses = isIP(host) ? [host] : (await lookupAll(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (!addresses.every(isPublicAddress)) throw new PeerSourceRefused('private-address');
}
