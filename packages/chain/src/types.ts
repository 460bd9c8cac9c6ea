/** Shared types of the chain client: client shapes, contract addresses, decoded records. */
import type { Account, Address, Chain, Client, Hash, Hex, Transport } from 'viem';
import type { Price, ReceiptMessage } from '@verity/protocol';

/** A client that can send transactions: it carries the sender's account. */
export type WriteClient = Client<Transport, Chain | undefined, Account>;
/** Any client: reads need no account. */
export type ReadClient = Client<Transport, Chain | undefined, Account | undefined>;

/** The addresses of one Verity deployment. */
export interface VerityContracts {
  token: Address;
  modelRegistry: Address;
  nodeRegistry: Address;
  receiptRegistry: Address;
  /** NodeRegistry's slasher: proofs of fraud (equivocation). Absent from deployments made before it existed. */
  disputes?: Address;
  exampleConsumer?: Address;
}

/** What every write action returns once its transaction is mined. */
export interface WriteResult {
  hash: Hash;
  blockNumber: bigint;
  gasUsed: bigint;
}

/** The three prices a model or a node states on chain. */
export type PricedRecord = Pick<ModelRecord, 'priceWei' | 'inputTokenPriceWei' | 'outputTokenPriceWei'>;

/** A record's price as Protocol v1 computes with it. */
export function priceOfRecord(record: PricedRecord): Price {
  return { request: record.priceWei, inputToken: record.inputTokenPriceWei, outputToken: record.outputTokenPriceWei };
}

/** A model version as ModelRegistry stores it. */
export interface ModelRecord {
  modelId: Hex;
  publisher: Address;
  name: string;
  version: string;
  format: string;
  metadataHash: Hex;
  /** Per answer, in token base units. */
  priceWei: bigint;
  /** Per prompt token of an answer (language models). */
  inputTokenPriceWei: bigint;
  /** Per generated token of an answer (language models). */
  outputTokenPriceWei: bigint;
  royaltyBps: number;
  publishedAt: number;
  deprecated: boolean;
}

/** A node as NodeRegistry returns it; `active` is as of the block the read ran against. */
export interface NodeRecord {
  operator: Address;
  endpoint: string;
  /** Per answer, in token base units. */
  priceWei: bigint;
  /** Per prompt token of an answer (language models). */
  inputTokenPriceWei: bigint;
  /** Per generated token of an answer (language models). */
  outputTokenPriceWei: bigint;
  stake: bigint;
  modelIds: Hex[];
  registeredAt: number;
  lastHeartbeat: number;
  /** 0 unless unstaking: then when the stake can be withdrawn (unix seconds). */
  unstakeAvailableAt: number;
  registered: boolean;
  unstaking: boolean;
  active: boolean;
}

/** ReceiptRegistry.Receipt as viem encodes it. */
export interface ReceiptStruct {
  requestId: Hex;
  modelId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  executor: Address;
  fee: bigint;
  timestamp: bigint;
  policy: string;
  engine: string;
}

/** Protocol's receipt message (JSON: fee as a decimal string) as the contract struct. */
export function toReceiptStruct(message: ReceiptMessage): ReceiptStruct {
  return {
    requestId: message.requestId,
    modelId: message.modelId,
    inputHash: message.inputHash,
    outputHash: message.outputHash,
    executor: message.executor,
    fee: BigInt(message.fee),
    timestamp: BigInt(message.timestamp),
    policy: message.policy,
    engine: message.engine,
  };
}
