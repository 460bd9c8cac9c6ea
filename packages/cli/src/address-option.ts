/** An address given as an option, checked: undefined when absent, a usage error (exit 2) when malformed. */
import { addressPattern } from '@verity/protocol';
import { UsageError } from './output.js';

export function addressOption(flag: string, value: string | undefined): `0x${string}` | undefined {
  if (value === undefined) return undefined;
  if (!addressPattern.test(value)) throw new UsageError(`${flag} must be 0x and 40 hex digits, got "${value}"`);
  return value as `0x${string}`;
}
