/**
 * What every command gets: the global options (--url, --json) resolved, the output for its mode, an SDK client,
 * and reading of `@file` / `-` arguments.
 */
import { readFile } from 'node:fs/promises';
import { type VerityClient, createClient } from '@verity/sdk';
import type { Command } from 'commander';
import { type Io, Output, UsageError } from './output.js';

export const defaultUrl = 'http://127.0.0.1:7070';

export interface GlobalOptions {
  url: string;
  json: boolean;
}

export interface Session {
  globals: GlobalOptions;
  out: Output;
  /** A client for --url; `verify: false` leaves verification to the command, which reports it check by check. */
  client(options?: { verify?: boolean }): VerityClient;
}

export class Context {
  /** Set by a command that finished its output but must still exit non-zero (e.g. a failed verification). */
  exitCode = 0;

  constructor(readonly io: Io) {}

  session(command: Command): Session {
    const options = command.optsWithGlobals<{ url?: string; json?: boolean }>();
    // --url, else VERITY_URL (commander reads it), else the default; an empty VERITY_URL counts as unset.
    const globals: GlobalOptions = { url: options.url || defaultUrl, json: options.json === true };
    return {
      globals,
      out: new Output(this.io, globals.json),
      client: ({ verify } = {}) => {
        try {
          return createClient(verify === undefined ? { url: globals.url } : { url: globals.url, verify });
        } catch (error) {
          throw new UsageError(`--url: ${(error as Error).message}`);
        }
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
