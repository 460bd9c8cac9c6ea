/**
 * What every command gets: the global options (--url, --json, --rpc-url, --deployment) resolved, the output for its
 * mode, an SDK client (with the chain when asked), and reading of `@file` / `-` arguments.
 *
 * The chain key comes from the environment only (VERITY_KEY): never from argv (other users see argv in `ps`), and
 * it is never printed, not even in an error.
 */
import { readFile } from 'node:fs/promises';
import type { Deployment } from '@verity/chain';
import type { Hex } from '@verity/protocol';
import { type ChainConfig, type PaymentConfig, type VerityClient, createClient } from '@verity/sdk';
import type { Command } from 'commander';
import { type Io, Output, UsageError } from './output.js';

export const defaultUrl = 'http://127.0.0.1:7070';

/** Environment variables the CLI reads (the key has no command-line option, on purpose). */
export const env = { url: 'VERITY_URL', rpcUrl: 'VERITY_RPC_URL', deployment: 'VERITY_DEPLOYMENT', key: 'VERITY_KEY' } as const;

/** Said in the help of every command that signs a transaction. */
export const keyNote = 'Signs with the key in $VERITY_KEY (never read from the command line).';

/** Said in the help of every command that sends a request that may be priced. */
export const paymentNote =
  'When the server charges (HTTP 402, x402 batch-settlement) and $VERITY_KEY is set, the request is paid from that ' +
  "key's channel with the server: deposit on the first request, a signed voucher after. Give --deployment so that " +
  'the channel is read from the chain (a later run resumes it); --max-price caps what one request may cost.';

export interface GlobalOptions {
  url: string;
  json: boolean;
  /** --rpc-url / VERITY_RPC_URL: overrides the deployment file's rpcUrl. */
  rpcUrl?: string;
  /** --deployment / VERITY_DEPLOYMENT: the deployment file's path. */
  deployment?: string;
}

export interface ChainSetup {
  deployment: Deployment;
  /** The RPC URL in use (the deployment's unless --rpc-url). */
  rpcUrl: string;
  /** Whether VERITY_KEY is set (the key itself is only in the client). */
  hasKey: boolean;
}

export interface Session {
  globals: GlobalOptions;
  out: Output;
  /** A client for --url; `verify: false` leaves verification to the command, which reports it check by check. */
  client(options?: { verify?: boolean }): VerityClient;
  /** Whether a deployment file was given (--deployment or VERITY_DEPLOYMENT). */
  readonly hasChain: boolean;
  /**
   * A client for --url with the chain of --deployment; `key: 'required'` also needs VERITY_KEY, `'optional'` uses
   * it when set. A missing or unreadable deployment file, or a malformed key, is a usage error.
   */
  chainClient(options: {
    key: 'required' | 'optional' | 'none';
    verify?: boolean;
    why: string;
  }): Promise<{ client: VerityClient; chain: ChainSetup }>;
  /**
   * A client for requests that may be priced: with VERITY_KEY set it pays a 402 (x402 batch-settlement) up to
   * `maxPriceWei` per request, reading its channel from the chain of --deployment when one is given (so a later
   * run resumes the channel instead of depositing again). Without VERITY_KEY, a plain client.
   */
  requestClient(options: { verify?: boolean; maxPriceWei?: bigint }): Promise<VerityClient>;
  /** A client that pays with VERITY_KEY on the chain of --deployment (both required): for `verity wallet`. */
  paymentClient(options: { why: string }): Promise<{ client: VerityClient; chain: ChainSetup }>;
}

const keyPattern = /^0x[0-9a-fA-F]{64}$/;

function httpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export class Context {
  /** Set by a command that finished its output but must still exit non-zero (e.g. a failed verification). */
  exitCode = 0;

  constructor(readonly io: Io) {}

  session(command: Command): Session {
    const options = command.optsWithGlobals<{ url?: string; json?: boolean; rpcUrl?: string; deployment?: string }>();
    // --url, else VERITY_URL (commander reads it), else the default; an empty VERITY_URL counts as unset.
    const globals: GlobalOptions = { url: options.url || defaultUrl, json: options.json === true };
    if (options.rpcUrl) globals.rpcUrl = options.rpcUrl;
    if (options.deployment) globals.deployment = options.deployment;
    const io = this.io;
    const makeClient = (verify: boolean | undefined, chain?: ChainConfig, payment?: PaymentConfig): VerityClient => {
      try {
        return createClient({
          url: globals.url,
          ...(verify === undefined ? {} : { verify }),
          ...(chain ? { chain } : {}),
          ...(payment ? { payment } : {}),
        });
      } catch (error) {
        const message = (error as Error).message;
        throw new UsageError(/^(chain|payment)\./.test(message) ? message : `--url: ${message}`);
      }
    };
    const loadChain = async (why: string): Promise<{ deployment: Deployment; rpcUrl: string }> => {
      if (!globals.deployment) {
        throw new UsageError(`${why} needs the chain's deployment file: --deployment <file> or ${env.deployment}`);
      }
      let deployment: Deployment;
      try {
        // Loaded here, not at start: viem (under @verity/chain) takes about a second to import.
        const { readDeployment } = await import('@verity/chain');
        deployment = readDeployment(globals.deployment);
      } catch (error) {
        throw new UsageError(`--deployment: ${(error as Error).message}`);
      }
      const rpcUrl = globals.rpcUrl ?? deployment.rpcUrl;
      if (!httpUrl(rpcUrl)) throw new UsageError(`--rpc-url: expected an http or https URL`);
      return { deployment, rpcUrl };
    };
    const readKey = (why: string, required: boolean): Hex | undefined => {
      const privateKey = io.env[env.key] || undefined;
      if (required && privateKey === undefined) {
        throw new UsageError(
          `${why} signs a transaction: set ${env.key} to the account's private key (it is never read from the command line)`,
        );
      }
      if (privateKey !== undefined && !keyPattern.test(privateKey)) {
        throw new UsageError(`${env.key} must be 0x followed by 64 hex digits`);
      }
      return privateKey as Hex | undefined;
    };
    return {
      globals,
      out: new Output(this.io, globals.json),
      client: ({ verify } = {}) => makeClient(verify),
      hasChain: globals.deployment !== undefined,
      chainClient: async ({ key, verify, why }) => {
        const { deployment, rpcUrl } = await loadChain(why);
        const privateKey = key === 'none' ? undefined : readKey(why, key === 'required');
        const chain: ChainConfig = { deployment, rpcUrl, ...(privateKey ? { privateKey } : {}) };
        return { client: makeClient(verify, chain), chain: { deployment, rpcUrl, hasKey: privateKey !== undefined } };
      },
      requestClient: async ({ verify, maxPriceWei }) => {
        const privateKey = readKey('a paid request', false);
        if (privateKey === undefined) return makeClient(verify);
        const chain = globals.deployment === undefined ? undefined : await loadChain('a paid request');
        const payment = { privateKey, ...(maxPriceWei === undefined ? {} : { maxPerRequest: maxPriceWei }) };
        return makeClient(verify, chain, payment);
      },
      paymentClient: async ({ why }) => {
        const { deployment, rpcUrl } = await loadChain(why);
        const privateKey = readKey(why, true) as Hex;
        return {
          client: makeClient(undefined, { deployment, rpcUrl }, { privateKey }),
          chain: { deployment, rpcUrl, hasKey: true },
        };
      },
    };
  }

  /** Reads a file, or stdin for "-". A file that cannot be read is a usage error. */
  async readText(path: string, what: string): Promise<string> {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of this.io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    }
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}
