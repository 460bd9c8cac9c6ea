/** @verity/contracts: the Solidity contracts' ABIs and bytecode (generated into artifacts.ts), typed for viem. */
export {
  BatchSettlement,
  Disputes,
  ExampleConsumer,
  FeeSplitter,
  ModelRegistry,
  NodeRegistry,
  ReceiptRegistry,
  VerityToken,
  artifacts,
  solcVersion,
} from './artifacts.js';
