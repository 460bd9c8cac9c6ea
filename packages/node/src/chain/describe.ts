/**
 * Secret-free descriptions of chain failures for the node's log. viem's messages carry the request URL and body
 * (an RPC URL may hold an API key), so only the short message and the contract's custom error are kept, and any
 * remaining occurrence of the RPC URL is replaced by its redacted form.
 */
import { revertError } from '@verity/chain';
import { BaseError } from 'viem';

/** scheme://host[:port], with "/…" when the URL had a path or query (where providers put keys); never userinfo. */
export function redactRpcUrl(rpcUrl: string): string {
  try {
    const url = new URL(rpcUrl);
    const hidden = (url.pathname !== '/' && url.pathname !== '') || url.search !== '';
    return `${url.protocol}//${url.host}${hidden ? '/…' : ''}`;
  } catch {
    return '(invalid url)';
  }
}

/** The custom error a contract reverted with, e.g. "StakeTooLow", or undefined. */
export function revertName(error: unknown): string | undefined {
  return revertError(error)?.name;
}

export function describeChainError(error: unknown, rpcUrl: string): string {
  const reverted = revertError(error);
  let text: string;
  if (reverted) text = `reverted with ${reverted.name}`;
  else if (error instanceof BaseError) text = `${error.name}: ${error.shortMessage}`;
  else if (error instanceof Error) text = `${error.name}: ${error.message}`;
  else text = String(error);
  return text.split(rpcUrl).join(redactRpcUrl(rpcUrl)).slice(0, 300);
}
