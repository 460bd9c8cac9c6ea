/** @verity/node: the compute node (HTTP API, content-addressed model store, executor, receipt signer). */
export {
  type NodeApp,
  type NodeParts,
  type RunningNode,
  createNodeApp,
  defaultNodeParts,
  startNode,
} from './app.js';
export type { ChainAgent, ChainHealth } from './chain/agent.js';
export type { Settlement } from './chain/settlement.js';
export { runNodeCli } from './cli.js';
export { type NodeOptions, type NodeStartOptions, defaultNodeOptions, defaultNodePort } from './options.js';
export type { NodeHealth } from './routes/health.js';
