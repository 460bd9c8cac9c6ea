/**
 * API keys on prepaid channels (docs/payments.md, "API keys"): a key is the private key of a batch-settlement
 * channel's `payerAuthorizer`, with the payer and the salt that name the channel. A router that receives it as
 * `Authorization: Bearer <key>` rebuilds the channel from its own terms (receiver, token, withdraw delay) and signs
 * the cumulative vouchers itself, never beyond the channel's deposit: what a leaked key can spend is that deposit.
 *
 * Text form: `vk1_` + 64 hex digits of the authorizer key + 40 of the payer + 64 of the salt (172 characters).
 */
import { type Hex, addressPattern, bytes32Pattern } from './hex.js';
import { addressOf } from './receipt.js';

export interface ApiKey {
  /** Signs the channel's vouchers (the channel's payerAuthorizer). Never logged, never in an error message. */
  authorizerKey: Hex;
  /** The channel's payer: whose deposit is spent, and who gets refunds. */
  payer: Hex;
  /** The channel's salt: one payer may hold many keys, one channel each. */
  salt: Hex;
}

export const apiKeyPrefix = 'vk1_';
const apiKeyPattern = /^vk1_([0-9a-f]{64})([0-9a-f]{40})([0-9a-f]{64})$/;

export function formatApiKey(key: ApiKey): string {
  const parts = [key.authorizerKey, key.payer, key.salt];
  if (!bytes32Pattern.test(key.authorizerKey) || !addressPattern.test(key.payer) || !bytes32Pattern.test(key.salt)) {
    throw new TypeError('an API key needs a 32-byte authorizer key, a payer address and a 32-byte salt');
  }
  return `${apiKeyPrefix}${parts.map((part) => part.slice(2).toLowerCase()).join('')}`;
}

/** The key, or undefined when `text` is not one (the caller answers 401 without echoing it). */
export function parseApiKey(text: string): ApiKey | undefined {
  const match = apiKeyPattern.exec(text);
  if (!match) return undefined;
  return { authorizerKey: `0x${match[1]}`, payer: `0x${match[2]}`, salt: `0x${match[3]}` };
}

/** The key of an `Authorization: Bearer <key>` header: undefined when there is no bearer token at all. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
}

/** The address that signs a key's vouchers: the channel's payerAuthorizer. */
export function apiKeyAuthorizer(key: ApiKey): Hex {
  return addressOf(key.authorizerKey);
}

/** A short, safe name for a key in output and logs: its authorizer address, never the key. */
export function apiKeyLabel(key: ApiKey): string {
  const address = apiKeyAuthorizer(key);
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
