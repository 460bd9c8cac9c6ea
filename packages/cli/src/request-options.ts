/** The request options several commands share (`--policy`, `--request-id`), checked before anything is sent. */
import { type Hex, bytes32Pattern, parsePolicy } from '@verity/protocol';
import { UsageError } from './output.js';

/** `--policy`: a Protocol v1 policy name, else a usage error. */
export function policyOption(text: string): string {
  try {
    parsePolicy(text);
  } catch (error) {
    throw new UsageError(`--policy: ${(error as Error).message}`);
  }
  return text;
}

/** `--request-id`: 0x and 64 hex digits, else a usage error. */
export function requestIdOption(text: string): Hex {
  if (!bytes32Pattern.test(text)) throw new UsageError(`--request-id must be 0x and 64 hex digits, got "${text}"`);
  return text as Hex;
}
