/** @verity/devnet: starts a whole Verity network on loopback for development, tests and benchmarks. */
export { devKeys } from './keys.js';
export {
  LocalNetwork,
  type NetworkChain,
  type NetworkChainOptions,
  type NetworkNode,
  type NetworkOptions,
  defaultNetworkOptions,
  repoRoot,
  routerKey,
} from './network.js';
export { type ServiceProcess, spawnService, stopService } from './process.js';
