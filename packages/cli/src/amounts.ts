/**
 * VRT amounts on the command line: people write tokens ("100", "0.5"); the chain counts wei (18 decimals).
 * Done here rather than with viem, which the CLI loads only for commands that reach the chain.
 */
import { UsageError } from './output.js';

const decimals = 18;

export function parseVrt(text: string, what: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,18}))?$/.exec(text.trim());
  if (!match) throw new UsageError(`${what} must be an amount of VRT such as 100 or 0.5, got "${text}"`);
  return BigInt(match[1] as string) * 10n ** BigInt(decimals) + BigInt((match[2] ?? '').padEnd(decimals, '0'));
}

export function parseWei(text: string, what: string): bigint {
  if (!/^\d{1,78}$/.test(text.trim())) throw new UsageError(`${what} must be a whole number of wei, got "${text}"`);
  return BigInt(text.trim());
}

export function formatVrt(wei: bigint): string {
  const digits = wei.toString().padStart(decimals + 1, '0');
  const fraction = digits.slice(-decimals).replace(/0+$/, '');
  return `${digits.slice(0, -decimals)}${fraction ? `.${fraction}` : ''} VRT`;
}

/** An RPC URL fit to print: scheme, host and port, and `/…` when a path or query (where API keys live) was hidden. */
export function shownRpcUrl(rpcUrl: string): string {
  try {
    const url = new URL(rpcUrl);
    const hidden = (url.pathname !== '/' && url.pathname !== '') || url.search !== '';
    return `${url.protocol}//${url.host}${hidden ? '/…' : ''}`;
  } catch {
    return '(invalid URL)';
  }
}
