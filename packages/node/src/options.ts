/** The node's options, their defaults (stated once, here) and their validation. */
import { type Hex, localChainId } from '@verity/protocol';
import { defaultEngineOptions } from '@verity/runtime';
import { defaultServerOptions } from '@verity/http/server';

export interface NodeOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Holds node.sqlite and blobs/; created when missing. */
  dataDir: string;
  /** The operator key that signs receipts (0x + 64 hex). Never logged, never put in an error message. */
  privateKey: Hex;
  /** EIP-712 domain chainId of the receipts. */
  chainId: number;
  /** Fee per request in wei, as a decimal string (uint256). */
  feeWei: string;
  /** Largest JSON request body accepted. */
  bodyLimitBytes: number;
  /** Largest blob (model file) stored or loaded. */
  maxModelBytes: number;
  /**
   * TEST ONLY: 'wrong-output' makes the node alter its outputs before hashing and signing them, so it returns
   * validly signed wrong answers, for testing verification policies against a Byzantine node. Never set in production.
   */
  fault?: 'wrong-output';
}

/** What startNode and createNodeApp take: everything but dataDir and privateKey has a default. */
export type NodeStartOptions = Partial<NodeOptions> & { dataDir: string; privateKey: Hex };

export const defaultNodeOptions: Omit<NodeOptions, 'dataDir' | 'privateKey'> = {
  host: '127.0.0.1',
  port: 0,
  chainId: localChainId,
  feeWei: '0',
  bodyLimitBytes: defaultServerOptions.bodyLimitBytes,
  maxModelBytes: defaultEngineOptions.maxModelBytes,
};

/** The port `main.ts` listens on when none is given (DESIGN.md: nodes on 7071 and up). */
export const defaultNodePort = 7071;

const privateKeyPattern = /^0x[0-9a-fA-F]{64}$/;
const feePattern = /^\d{1,78}$/;

/** Fills in defaults and rejects impossible values; messages never contain the key. */
export function resolveNodeOptions(options: NodeStartOptions): NodeOptions {
  const resolved: NodeOptions = { ...defaultNodeOptions, ...stripUndefined(options) } as NodeOptions;
  if (typeof resolved.privateKey !== 'string' || !privateKeyPattern.test(resolved.privateKey)) {
    throw new TypeError('privateKey must be 0x followed by 64 hex digits');
  }
  if (!feePattern.test(resolved.feeWei)) throw new TypeError(`feeWei must be a decimal integer string, got "${resolved.feeWei}"`);
  if (!Number.isInteger(resolved.chainId) || resolved.chainId <= 0) throw new TypeError(`chainId must be a positive integer, got ${resolved.chainId}`);
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) throw new TypeError(`port must be 0..65535, got ${resolved.port}`);
  for (const key of ['bodyLimitBytes', 'maxModelBytes'] as const) {
    if (!Number.isInteger(resolved[key]) || resolved[key] <= 0) throw new TypeError(`${key} must be a positive integer, got ${resolved[key]}`);
  }
  if (resolved.fault !== undefined && resolved.fault !== 'wrong-output') throw new TypeError(`unknown fault "${String(resolved.fault)}"`);
  return resolved;
}

// `{ port: undefined }` must not override a default (exactOptionalPropertyTypes does not stop plain JS callers).
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
