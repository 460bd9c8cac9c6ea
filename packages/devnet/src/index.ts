/** @verity/devnet: starts a whole Verity network on loopback for development, tests and benchmarks. */
export { devFeeShares } from './chain.js';
export { devApiKey, devKeys, routerKey, treasuryAddress, verifierPoolAddress } from './keys.js';
export {
  LocalNetwork,
  type NetworkChain,
  type NetworkChainOptions,
  type NetworkNode,
  type NetworkOptions,
  defaultNetworkOptions,
  repoRoot,
} from './network.js';
export { type ServiceProcess, spawnService, stopService } from './process.js';
