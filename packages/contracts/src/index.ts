/** @verity/contracts: the Solidity contracts' ABIs and bytecode (generated into artifacts.ts), typed for viem. */
export {
  BatchSettlement,
  ExampleConsumer,
  ModelRegistry,
  NodeRegistry,
  ReceiptRegistry,
  VerityToken,
  artifacts,
  solcVersion,
} from './artifacts.js';
