/** @verity/router: routes Protocol v1 requests across nodes with failover and verification policies. */
export { type RouterOptions, defaultRouterOptions } from './options.js';
export { type RunningRouter, createRouterApp, startRouter } from './server.js';
export type { NodeState } from './node-set.js';
