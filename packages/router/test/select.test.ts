/** Node selection: expected wait first, then what each node would charge; one node per operator. */
import { type Hex, perRequest } from '@verity/protocol';
import { describe, expect, it } from 'vitest';
import { type NodeState, newNodeState } from '../src/node-set.js';
import { rankNodes } from '../src/select.js';

function node(name: string, latencyMs: number, priceWei?: bigint, inFlight = 0): NodeState {
  return {
    ...newNodeState(`http://${name}`, `0x${name.padStart(40, '0')}` as Hex),
    healthy: true,
    inFlight,
    latencyMs,
    ...(priceWei === undefined ? {} : { chain: { price: perRequest(priceWei), stakeWei: 10n ** 20n, modelIds: new Set<Hex>() } }),
  };
}

const urls = (nodes: NodeState[]) => nodes.map((n) => n.url);
const priced = (node: NodeState): bigint => node.chain?.price.request ?? 0n;

describe('rankNodes', () => {
  it('prefers the cheaper of two nodes equally fast and loaded', () => {
    for (let i = 0; i < 20; i++)
      expect(urls(rankNodes([node('a', 2, 3n * 10n ** 15n), node('b', 2, 10n ** 15n)], priced))).toEqual([
        'http://b',
        'http://a',
      ]);
  });

  it('never lets price outweigh a node twice as fast, or one with half the load', () => {
    expect(urls(rankNodes([node('cheap', 4, 0n), node('fast', 2, 10n ** 18n)], priced))).toEqual(['http://fast', 'http://cheap']);
    expect(urls(rankNodes([node('cheap', 2, 0n, 1), node('idle', 2, 10n ** 18n, 0)], priced))).toEqual([
      'http://idle',
      'http://cheap',
    ]);
  });

  it('ranks by speed alone when the request is not priced', () => {
    expect(urls(rankNodes([node('slow', 3), node('quick', 1)]))).toEqual(['http://quick', 'http://slow']);
  });
});
