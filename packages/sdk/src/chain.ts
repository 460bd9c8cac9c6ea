/**
 * Internal: the client's view of the chain (viem clients for a deployment, and the signing account when a key was
 * given), and the one place chain failures become VerityError codes: an RPC that does not answer is
 * CHAIN_UNAVAILABLE, a contract's custom error is mapped by name (VERSION_EXISTS, INVALID_REQUEST, UNKNOWN_MODEL,
 * or CHAIN_REVERTED with the error's name and arguments). Messages never carry the RPC URL or the key.
 *
 * viem and @verity/chain are loaded on first use, not when the SDK is imported: importing viem costs about a
 * second, which every `verity` command and every HTTP-only SDK user would otherwise pay.
 */
import type { Deployment } from '@verity/chain';
import { type Hex, VerityError, addressOf, addressPattern, parseModelRef } from '@verity/protocol';
import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from 'viem';
import type { Client } from './client.js';

export interface ChainConfig {
  /** The chain's JSON-RPC URL; default: the deployment's `rpcUrl`. */
  rpcUrl?: string;
  /** Where the contracts are (the deployment file's content, e.g. from `readDeployment`). */
  deployment: Deployment;
  /**
   * The key that signs transactions (publishing models, operating a node): 0x and 64 hex digits. It stays inside
   * a viem account object; the client never logs it, returns it, or puts it in an error.
   */
  privateKey?: Hex;
}

/** The chain as actions use it, once loaded. */
export interface LoadedChain {
  readonly deployment: Deployment;
  readonly publicClient: PublicClient<Transport, Chain>;
  /** Present when a key was given. */
  readonly walletClient?: WalletClient<Transport, Chain, Account>;
}

export interface ChainContext {
  readonly deployment: Deployment;
  /** The key's address, when a key was given. */
  readonly account?: Address;
  /** viem clients, created on first use; checks (once) that the RPC serves the deployment's chain. */
  load(): Promise<LoadedChain>;
  /** Model references resolved on chain (see resolveModelId), with when. */
  readonly resolved: Map<string, { modelId: Hex; at: number }>;
}

/** @verity/chain, imported once on first use. */
export const chainModule = (): Promise<typeof import('@verity/chain')> => import('@verity/chain');

const privateKeyPattern = /^0x[0-9a-fA-F]{64}$/;

/** Cheap checks at createClient time; the deployment's full schema is checked when the chain is first used. */
function checkDeployment(deployment: Deployment): void {
  const contracts = (deployment as Partial<Deployment> | undefined)?.contracts;
  const ok =
    typeof deployment === 'object' &&
    Number.isSafeInteger(deployment.chainId) &&
    deployment.chainId > 0 &&
    typeof deployment.rpcUrl === 'string' &&
    contracts !== undefined &&
    [contracts.token, contracts.modelRegistry, contracts.nodeRegistry, contracts.receiptRegistry].every(
      (address) => typeof address === 'string' && addressPattern.test(address),
    );
  if (!ok) throw new VerityError('INVALID_REQUEST', 'chain.deployment is not a Verity deployment (chainId, rpcUrl, contracts)');
}

export function createChainContext(config: ChainConfig): ChainContext {
  checkDeployment(config.deployment);
  const { privateKey } = config;
  if (privateKey !== undefined && (typeof privateKey !== 'string' || !privateKeyPattern.test(privateKey))) {
    throw new VerityError('INVALID_REQUEST', 'chain.privateKey must be 0x followed by 64 hex digits');
  }
  const rpcUrl = config.rpcUrl ?? config.deployment.rpcUrl;
  let clients: Promise<LoadedChain> | undefined;
  let checked: Promise<void> | undefined;

  const create = async (): Promise<LoadedChain> => {
    const chain = await chainModule();
    const parsed = chain.DeploymentSchema.safeParse(config.deployment);
    if (!parsed.success) {
      throw new VerityError(
        'INVALID_REQUEST',
        `chain.deployment is not a Verity deployment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const created = chain.createChainClients({ rpcUrl, chainId: parsed.data.chainId });
    return {
      deployment: parsed.data,
      publicClient: created.publicClient,
      ...(privateKey !== undefined ? { walletClient: created.walletFor(privateKey) } : {}),
    };
  };
  const load = async (): Promise<LoadedChain> => {
    clients ??= create();
    const loaded = await clients;
    checked ??= (async () => {
      const { getChainId } = await import('viem/actions');
      let chainId: number;
      try {
        chainId = await getChainId(loaded.publicClient);
      } catch (error) {
        checked = undefined; // asked again next time
        throw await chainFailure(error, 'reading the chain id');
      }
      if (chainId !== loaded.deployment.chainId) {
        throw new VerityError(
          'CHAIN_UNAVAILABLE',
          `the RPC serves chain ${chainId}, but the deployment is on chain ${loaded.deployment.chainId}`,
          {
            details: { chainId, expected: loaded.deployment.chainId },
          },
        );
      }
    })();
    await checked;
    return loaded;
  };
  return {
    deployment: config.deployment,
    ...(privateKey !== undefined ? { account: addressOf(privateKey) } : {}),
    load,
    resolved: new Map(),
  };
}

/** The client's chain, checked to answer for the deployment's chain id; INVALID_REQUEST when it has none. */
export async function chainOf(client: Client, what: string): Promise<LoadedChain> {
  if (!client.chain) {
    throw new VerityError('INVALID_REQUEST', `${what} needs a chain: createClient({ url, chain: { deployment, rpcUrl? } })`);
  }
  return client.chain.load();
}

/** The client's chain and signing account; INVALID_REQUEST when it has no key. */
export async function walletOf(
  client: Client,
  what: string,
): Promise<LoadedChain & { walletClient: WalletClient<Transport, Chain, Account> }> {
  if (client.chain && client.chain.account === undefined) {
    throw new VerityError('INVALID_REQUEST', `${what} sends a transaction: give the client a key (chain.privateKey)`);
  }
  return (await chainOf(client, what)) as LoadedChain & { walletClient: WalletClient<Transport, Chain, Account> };
}

/** Runs a chain call and turns whatever it throws into a VerityError. */
export async function onChain<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw await chainFailure(error, what);
  }
}

/** bigint and nested values as JSON can hold them (details end up in JSON error bodies). */
export function jsonable(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonable);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonable(v)]));
  }
  return value;
}

/** Wei as VRT (18 decimals), for messages: 1500000000000000000n → "1.5 VRT". */
export function formatVrt(wei: unknown): string {
  if (typeof wei !== 'bigint') return String(wei);
  const negative = wei < 0n;
  const digits = (negative ? -wei : wei).toString().padStart(19, '0');
  const whole = digits.slice(0, -18);
  const fraction = digits.slice(-18).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} VRT`;
}

/** What each custom error means, for people; unlisted errors become CHAIN_REVERTED naming the error. */
const reverts: Record<string, (args: readonly unknown[]) => [VerityError['code'], string]> = {
  VersionExists: ([name, version, modelId]) => [
    'VERSION_EXISTS',
    `${String(name)}@${String(version)} is already published with model id ${String(modelId)}`,
  ],
  ModelExists: ([modelId]) => ['VERSION_EXISTS', `model id ${String(modelId)} is already published`],
  NameOwnedByOther: ([name, owner]) => [
    'CHAIN_REVERTED',
    `the model name "${String(name)}" belongs to another publisher (${String(owner)})`,
  ],
  InvalidName: () => ['INVALID_REQUEST', 'the model name is empty, too long, or holds "@", spaces or control characters'],
  InvalidVersion: () => ['INVALID_REQUEST', 'the version is empty, too long, or holds "@", spaces or control characters'],
  InvalidFormat: () => ['INVALID_REQUEST', 'the model format is empty, too long, or holds spaces'],
  RoyaltyTooHigh: ([bps]) => ['INVALID_REQUEST', `royalty ${String(bps)} bps is above 10000 (100%)`],
  ZeroModelId: () => ['INVALID_REQUEST', 'the model id is zero'],
  DifferentExecutors: () => ['INVALID_REQUEST', 'the two receipts name different executors'],
  DifferentRequests: () => ['INVALID_REQUEST', 'the two receipts are for different requests (requestId, model or inputHash)'],
  SameOutput: () => ['INVALID_REQUEST', 'the two receipts state the same output'],
  BadSignature: ([which]) => [
    'RECEIPT_INVALID',
    `the ${Number(which) === 0 ? 'first' : 'second'} receipt is not signed by its executor under this chain's ReceiptRegistry`,
  ],
  AlreadySlashed: ([executor, requestId]) => [
    'CHAIN_REVERTED',
    `${String(executor)} was already slashed for equivocating on ${String(requestId)}`,
  ],
  NothingToSlash: ([operator]) => ['CHAIN_REVERTED', `${String(operator)} has no stake left to slash`],
  StakeTooLow: ([stake, minimum]) => [
    'INVALID_REQUEST',
    `a stake of ${formatVrt(stake)} is below the minimum of ${formatVrt(minimum)}`,
  ],
  ZeroAmount: () => ['INVALID_REQUEST', 'the amount is zero'],
  InvalidEndpoint: () => ['INVALID_REQUEST', 'the endpoint is empty or longer than 256 bytes'],
  TooManyModels: ([count, max]) => [
    'INVALID_REQUEST',
    `${String(count)} models is more than the ${String(max)} a node may announce`,
  ],
  UnknownModel: ([modelId]) => ['UNKNOWN_MODEL', `model id ${String(modelId)} is not published on chain`],
  DeprecatedModel: ([modelId]) => ['CHAIN_REVERTED', `model id ${String(modelId)} is deprecated`],
  AlreadyRegistered: ([operator]) => ['CHAIN_REVERTED', `operator ${String(operator)} is already registered`],
  NotRegistered: ([operator]) => ['CHAIN_REVERTED', `operator ${String(operator)} is not registered`],
  Unstaking: ([operator]) => ['CHAIN_REVERTED', `operator ${String(operator)} is unstaking`],
  NotUnstaking: ([operator]) => ['CHAIN_REVERTED', `operator ${String(operator)} has not requested to unstake`],
  UnstakeLocked: ([availableAt]) => [
    'CHAIN_REVERTED',
    `the stake is locked until ${new Date(Number(availableAt) * 1000).toISOString()}`,
  ],
  ERC20InsufficientBalance: ([, balance, needed]) => [
    'CHAIN_REVERTED',
    `not enough VRT: the balance is ${formatVrt(balance)}, ${formatVrt(needed)} needed`,
  ],
  ERC20InsufficientAllowance: ([, allowance, needed]) => [
    'CHAIN_REVERTED',
    `the VRT allowance of ${formatVrt(allowance)} is short of ${formatVrt(needed)}`,
  ],
};

/** Whether an error or any of its causes has one of these names (viem's error classes, matched by name). */
function causedBy(error: unknown, names: readonly string[]): { shortMessage?: string } | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    if (names.includes(e.name)) return e as { shortMessage?: string };
  }
  return undefined;
}

export async function chainFailure(error: unknown, what: string): Promise<VerityError> {
  const { ChainError, revertError } = await chainModule();
  if (error instanceof ChainError) {
    // Already a Protocol v1 code; said again with what was being done.
    return new VerityError(error.code, `${what}: ${error.message}`, {
      cause: error,
      details: jsonable(error.details) as Record<string, unknown>,
    });
  }
  if (error instanceof VerityError) return error;
  const revert = revertError(error);
  if (revert) {
    const describe = reverts[revert.name];
    const details = { revert: revert.name, args: jsonable(revert.args) };
    if (describe) {
      const [code, message] = describe(revert.args);
      return new VerityError(code, `${what}: ${message}`, { cause: error, details });
    }
    return new VerityError('CHAIN_REVERTED', `${what}: the contract reverted with ${revert.name}`, { cause: error, details });
  }
  const short = (error as { shortMessage?: string }).shortMessage ?? (error instanceof Error ? error.message : String(error));
  if (causedBy(error, ['HttpRequestError', 'TimeoutError', 'WebSocketRequestError', 'SocketClosedError'])) {
    return new VerityError('CHAIN_UNAVAILABLE', `${what}: the chain's RPC did not answer (${short})`, { cause: error });
  }
  if (causedBy(error, ['InsufficientFundsError'])) {
    return new VerityError('INVALID_REQUEST', `${what}: the account has not enough ETH to pay for gas`, { cause: error });
  }
  if (causedBy(error, ['ContractFunctionZeroDataError'])) {
    return new VerityError(
      'CHAIN_UNAVAILABLE',
      `${what}: no Verity contract answers at the deployment's address on this chain (is the deployment file for this chain?)`,
      {
        cause: error,
      },
    );
  }
  return new VerityError('INTERNAL', `${what}: ${short}`, { cause: error });
}

/**
 * The model id a model reference means: the id itself, or, with a chain, what ModelRegistry resolves the name to
 * (name@version, or the name's latest usable version), which no router or node can change. Without a chain a name
 * cannot be checked: undefined. UNKNOWN_MODEL when the chain publishes no such name.
 */
export async function resolveModelId(client: Client, ref: string): Promise<Hex | undefined> {
  const parsed = parseModelRef(ref);
  if (parsed.kind === 'id') return parsed.modelId;
  if (!client.chain) return undefined;
  // name@version never changes meaning once published; "name" (the latest) is read again after a few seconds.
  const kept = client.chain.resolved.get(ref);
  if (kept && (parsed.version !== undefined || Date.now() - kept.at < latestNameTtlMs)) return kept.modelId;
  const loaded = await client.chain.load();
  const { resolveModel } = await chainModule();
  let modelId: Hex | null;
  try {
    modelId = await resolveModel(loaded.publicClient, loaded.deployment.contracts.modelRegistry, {
      name: parsed.name,
      ...(parsed.version !== undefined ? { version: parsed.version } : {}),
    });
  } catch (error) {
    throw await chainFailure(error, `resolving ${ref} in the model registry`);
  }
  if (modelId === null) {
    throw new VerityError('UNKNOWN_MODEL', `no model "${ref}" is published on chain`, { details: { model: ref } });
  }
  const resolved = modelId.toLowerCase() as Hex;
  client.chain.resolved.set(ref, { modelId: resolved, at: Date.now() });
  return resolved;
}

/** How long the SDK keeps what a bare model name resolved to on chain (its publisher may publish a newer version). */
const latestNameTtlMs = 5_000;
