/** The node's options, their defaults (stated once, here) and their validation. */
import type { Deployment } from '@verity/chain';
import { type Hex, type Price, localChainId, parseEndpointUrl, stripUndefined } from '@verity/protocol';
import { defaultEngineOptions } from '@verity/runtime';
import { type ServerLimits, defaultServerOptions } from '@verity/http/server';
import type { RelayConfig } from './relay.js';

export interface NodeOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Holds node.sqlite and blobs/; created when missing. */
  dataDir: string;
  /** The operator key that signs receipts (0x + 64 hex). Never logged, never put in an error message. */
  privateKey: Hex;
  /** EIP-712 domain chainId of the receipts (in chain mode, the deployment's). */
  chainId: number;
  /** Fee per answer in wei, as a decimal string (uint256). */
  feeWei: string;
  /** Fee per prompt token of a language model's answer, in wei (decimal string); added to `feeWei`. */
  inputTokenFeeWei: string;
  /** Fee per generated token of a language model's answer, in wei (decimal string); added to `feeWei`. */
  outputTokenFeeWei: string;
  /** Largest JSON request body accepted. */
  bodyLimitBytes: number;
  /** JSON nesting depth, header and body timeouts, keep-alive and connection cap; defaultServerOptions' otherwise. */
  serverLimits?: Partial<ServerLimits>;
  /** Largest blob (model file) stored or loaded. */
  maxModelBytes: number;
  /** Quota of the blob store: stored blobs plus uploads in progress (at least maxModelBytes). */
  maxStoreBytes: number;
  /**
   * How long a blob no registered model uses is kept after its last write or lookup before it is collected: the
   * time a publisher has between uploading a blob and registering it.
   */
  blobGraceMs: number;
  /**
   * Most name@version registrations served at once (relays not counted): beyond it POST /v1/models answers
   * TOO_MANY_MODELS, so registrations cannot grow the node's memory and its /v1/models without bound.
   */
  maxModels: number;
  /** Most name@version registrations of one model file (its aliases); beyond it, TOO_MANY_MODELS. */
  maxNamesPerModel: number;

  /** Models served by relaying to upstream OpenAI-compatible servers (see relay.ts); none by default. */
  relays?: RelayConfig[];

  /**
   * Base URLs of peers this node may fetch blobs from (the `sources` of a model registration), besides the active
   * nodes' endpoints in NodeRegistry (chain mode). A source is fetched only when it is at or under one of them.
   */
  peerSources: string[];
  /** Fetch blobs from loopback, private and link-local addresses too (a devnet, a private cluster). Off by default. */
  allowPrivatePeers: boolean;

  // ---- chain mode: on when both rpcUrl and deployment are set ----
  /** JSON-RPC URL of the chain (it may hold credentials: never logged). */
  rpcUrl?: string;
  /** Where the contracts are (readDeployment of the deployer's file). */
  deployment?: Deployment;
  /** The public base URL announced on chain; default: the URL the node listens on. */
  endpoint?: string;
  /** Stake to keep, in wei (decimal string); default: NodeRegistry.minStake. */
  stakeWei?: string;
  /** Time between heartbeats; must stay well under NodeRegistry.livenessWindow (120 s by default). */
  heartbeatIntervalMs: number;
  /** An epoch closes at this many receipts... */
  epochMaxReceipts: number;
  /** ...or when its first receipt is this old. */
  epochMaxAgeMs: number;
  /**
   * Charge for answers with x402 (chain mode): a request needs a payment, or a signed forward from one of
   * `routers` (which charged the client and pays the node through its charge roots). Off when absent.
   */
  payments?: NodePaymentOptions;
}

export interface NodePaymentOptions {
  /** Routers served without a payment (their Verity-Router signature); none by default. */
  routers: Hex[];
  /**
   * The FeeSplitter the node's own channels pay into. Default: the node's own, deployed on its first paid start
   * with the rules of the deployment's FeeSplitter (and its owner), and remembered in the data directory.
   */
  feeSplitter?: Hex;
  /** How often the node claims its vouchers and posts and claims its charges. */
  claimIntervalMs?: number;
}

/** What startNode and createNodeApp take: everything but dataDir and privateKey has a default. */
export type NodeStartOptions = Partial<NodeOptions> & { dataDir: string; privateKey: Hex };

export const defaultNodeOptions: Omit<NodeOptions, 'dataDir' | 'privateKey'> = {
  host: '127.0.0.1',
  port: 0,
  chainId: localChainId,
  feeWei: '0',
  inputTokenFeeWei: '0',
  outputTokenFeeWei: '0',
  bodyLimitBytes: defaultServerOptions.bodyLimitBytes,
  maxModelBytes: defaultEngineOptions.maxModelBytes,
  maxStoreBytes: 20 * 1024 ** 3,
  blobGraceMs: 10 * 60_000,
  maxModels: 256,
  maxNamesPerModel: 8,
  heartbeatIntervalMs: 15_000,
  epochMaxReceipts: 1_000,
  epochMaxAgeMs: 10_000,
  peerSources: [],
  allowPrivatePeers: false,
};

/** The chain options of a node in chain mode, resolved. */
export type ChainModeOptions = NodeOptions & { rpcUrl: string; deployment: Deployment };

export function isChainMode(options: NodeOptions): options is ChainModeOptions {
  return options.rpcUrl !== undefined && options.deployment !== undefined;
}

/** The port `main.ts` listens on when none is given (DESIGN.md: nodes on 7071 and up). */
export const defaultNodePort = 7071;

const privateKeyPattern = /^0x[0-9a-fA-F]{64}$/;
const feePattern = /^\d{1,78}$/;

/** The node's own price (its NodeRegistry price in chain mode): `feeWei` per answer plus its token fees. */
export function ownPrice(options: Pick<NodeOptions, 'feeWei' | 'inputTokenFeeWei' | 'outputTokenFeeWei'>): Price {
  return {
    request: BigInt(options.feeWei),
    inputToken: BigInt(options.inputTokenFeeWei),
    outputToken: BigInt(options.outputTokenFeeWei),
  };
}

/** Fills in defaults and rejects impossible values; messages never contain the key. */
export function resolveNodeOptions(options: NodeStartOptions): NodeOptions {
  const resolved: NodeOptions = { ...defaultNodeOptions, ...stripUndefined(options) } as NodeOptions;
  if (typeof resolved.privateKey !== 'string' || !privateKeyPattern.test(resolved.privateKey)) {
    throw new TypeError('privateKey must be 0x followed by 64 hex digits');
  }
  for (const key of ['feeWei', 'inputTokenFeeWei', 'outputTokenFeeWei'] as const) {
    if (!feePattern.test(resolved[key])) throw new TypeError(`${key} must be a decimal integer string, got "${resolved[key]}"`);
  }
  if (!Number.isInteger(resolved.chainId) || resolved.chainId <= 0)
    throw new TypeError(`chainId must be a positive integer, got ${resolved.chainId}`);
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535)
    throw new TypeError(`port must be 0..65535, got ${resolved.port}`);
  for (const key of ['bodyLimitBytes', 'maxModelBytes', 'maxStoreBytes', 'maxModels', 'maxNamesPerModel'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] <= 0)
      throw new TypeError(`${key} must be a positive integer, got ${resolved[key]}`);
  }
  if (resolved.maxStoreBytes < resolved.maxModelBytes) {
    throw new TypeError(
      `maxStoreBytes (${resolved.maxStoreBytes}) must be at least maxModelBytes (${resolved.maxModelBytes}): the store must hold the largest model`,
    );
  }
  if (!Number.isSafeInteger(resolved.blobGraceMs) || resolved.blobGraceMs < 0)
    throw new TypeError(`blobGraceMs must be a non-negative integer, got ${resolved.blobGraceMs}`);
  for (const key of ['heartbeatIntervalMs', 'epochMaxAgeMs'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] <= 0)
      throw new TypeError(`${key} must be a positive integer, got ${resolved[key]}`);
  }
  // postRoot takes the count as a uint32.
  if (!Number.isInteger(resolved.epochMaxReceipts) || resolved.epochMaxReceipts <= 0 || resolved.epochMaxReceipts > 0xffff_ffff) {
    throw new TypeError(`epochMaxReceipts must be an integer from 1 to 4294967295, got ${resolved.epochMaxReceipts}`);
  }
  if ((resolved.rpcUrl === undefined) !== (resolved.deployment === undefined)) {
    throw new TypeError('rpcUrl and deployment go together: set both for chain mode, or neither');
  }
  if (resolved.stakeWei !== undefined && !feePattern.test(resolved.stakeWei)) {
    throw new TypeError(`stakeWei must be a decimal integer string, got "${resolved.stakeWei}"`);
  }
  if (resolved.endpoint !== undefined) checkEndpoint(resolved.endpoint);
  // The URL is not repeated: it may hold credentials, which are refused.
  if (!Array.isArray(resolved.peerSources) || !resolved.peerSources.every((source) => parseEndpointUrl(source) !== undefined)) {
    throw new TypeError('peerSources must be http(s) base URLs without credentials, query or fragment');
  }
  if (resolved.rpcUrl !== undefined) checkHttpUrl('rpcUrl', resolved.rpcUrl, false);
  if (resolved.deployment !== undefined) {
    const { chainId } = resolved.deployment;
    // A chainId set apart from the deployment's would sign receipts no registry on this chain accepts.
    if (options.chainId !== undefined && options.chainId !== chainId) {
      throw new TypeError(`chainId ${options.chainId} differs from the deployment's chain ${chainId}`);
    }
    resolved.chainId = chainId;
  }
  return resolved;
}

function checkHttpUrl(name: string, value: string, echo = true): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    // An RPC URL may carry an API key: it is not repeated in the message.
    throw new TypeError(echo ? `${name} must be an http(s) URL, got "${value.slice(0, 100)}"` : `${name} must be an http(s) URL`);
  }
}

/** The endpoint announced on chain must be one routers probe (protocol's parseEndpointUrl). */
function checkEndpoint(value: string): void {
  if (!parseEndpointUrl(value)) {
    // Not repeated: a URL with credentials is refused, and they would be in it.
    throw new TypeError('endpoint must be an http(s) base URL with a host and no credentials, query or fragment');
  }
}
