/** @verity/router: routes Protocol v1 requests across nodes with failover and verification policies. */
export { type RouterOptions, type RouterStartOptions, defaultRouterOptions } from './options.js';
export { type RunningRouter, createRouterApp, startRouter } from './server.js';
export type { NodeState } from './node-set.js';
export type { ChainHealth } from './chain-source.js';
