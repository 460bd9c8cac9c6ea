/** What the router's routes are built from: its options and the parts createRouterApp assembles once. */
import type { ChainNodeSource } from './chain-source.js';
import type { Charging } from './charging.js';
import type { ModelDistributor } from './models.js';
import type { NodeSet } from './node-set.js';
import type { RouterOptions } from './options.js';
import type { PolicyContext } from './policies.js';

export interface RouterParts {
  opts: RouterOptions;
  /** The chain the nodes, names and prices come from; undefined for a static node list. */
  chain: ChainNodeSource | undefined;
  nodeSet: NodeSet;
  distributor: ModelDistributor;
  /** How requests are routed (policies.ts); `charging.routePaid` narrows it per paid request. */
  policyContext: PolicyContext;
  charging: Charging;
}
