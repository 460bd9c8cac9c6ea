/**
 * Errors of the chain client: ChainError, a VerityError whose `code` is a Protocol v1 code (callers check the one code
 * set) and whose `reason` names the chain-specific kind; and helpers that name a contract's custom error.
 */
import { artifacts } from '@verity/contracts';
import { type ErrorCode, type ErrorDetails, VerityError } from '@verity/protocol';
import { type Abi, BaseError, ContractFunctionRevertedError, type Hex, decodeErrorResult } from 'viem';

/** What went wrong on the chain side, finer than the Protocol v1 code it maps to (`chainErrorCodes`). */
export type ChainErrorReason = 'ANVIL_NOT_FOUND' | 'ANVIL_START_FAILED' | 'TX_REVERTED' | 'INVALID_DEPLOYMENT';

/** The Protocol v1 code of each reason. */
export const chainErrorCodes = {
  /** No anvil binary for this platform: the local chain cannot be had. */
  ANVIL_NOT_FOUND: 'CHAIN_UNAVAILABLE',
  /** anvil exited or did not answer (e.g. its port is taken). */
  ANVIL_START_FAILED: 'CHAIN_UNAVAILABLE',
  /** A mined transaction failed, or a deployment left no code. */
  TX_REVERTED: 'CHAIN_REVERTED',
  /** A deployment file or object that is not a Verity deployment. */
  INVALID_DEPLOYMENT: 'INVALID_REQUEST',
} as const satisfies Record<ChainErrorReason, ErrorCode>;

export class ChainError extends VerityError {
  override readonly name = 'ChainError';
  /** The chain-specific kind; also in `details.reason`, so that it survives an error body. */
  readonly reason: ChainErrorReason;

  constructor(reason: ChainErrorReason, message: string, options: { details?: ErrorDetails; cause?: unknown } = {}) {
    super(chainErrorCodes[reason], message, { ...options, details: { ...options.details, reason } });
    this.reason = reason;
  }
}

/** Every custom error of every Verity contract (and of the OpenZeppelin code they use), for decoding. */
const verityErrors: Abi = (() => {
  const seen = new Set<string>();
  const errors: Abi[number][] = [];
  for (const artifact of Object.values(artifacts)) {
    for (const item of artifact.abi as Abi) {
      if (item.type !== 'error') continue;
      const key = `${item.name}(${item.inputs.map((i) => i.type).join(',')})`;
      if (!seen.has(key)) {
        seen.add(key);
        errors.push(item);
      }
    }
  }
  return errors;
})();

/**
 * The custom error a contract reverted with, with its decoded arguments, found anywhere in a viem error's cause
 * chain. A revert that the called contract's ABI does not name (e.g. the token's ERC20InsufficientAllowance
 * bubbling up through NodeRegistry) is decoded against every Verity contract's errors.
 */
export function revertError(error: unknown): { name: string; args: readonly unknown[] } | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined;
  if (reverted.data) return { name: reverted.data.errorName, args: reverted.data.args ?? [] };
  if (!reverted.raw || reverted.raw === '0x') return undefined;
  try {
    const decoded = decodeErrorResult({ abi: verityErrors, data: reverted.raw as Hex });
    return { name: decoded.errorName, args: decoded.args ?? [] };
  } catch {
    return undefined;
  }
}

/** The name of the custom error a contract reverted with (e.g. 'StakeTooLow'); undefined for other failures. */
export function revertErrorName(error: unknown): string | undefined {
  return revertError(error)?.name;
}
