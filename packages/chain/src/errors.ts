/** Errors of the chain client: one class with a stable code, and helpers that name a contract's custom error. */
import { artifacts } from '@verity/contracts';
import { type Abi, BaseError, ContractFunctionRevertedError, type Hex, decodeErrorResult } from 'viem';

export type ChainErrorCode = 'ANVIL_NOT_FOUND' | 'ANVIL_START_FAILED' | 'TX_REVERTED' | 'INVALID_DEPLOYMENT';

export class ChainError extends Error {
  override readonly name = 'ChainError';
  readonly code: ChainErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ChainErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
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
