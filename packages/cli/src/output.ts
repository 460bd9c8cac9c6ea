/**
 * Where the CLI writes, for people or for programs. Human mode: results on stdout, progress and errors on stderr,
 * colors only on a terminal. `--json` mode: exactly one JSON document on stdout (the result, or the Protocol v1
 * error body), nothing else anywhere.
 */
import { type ErrorBody, VerityError } from '@verity/protocol';
import cliProgress from 'cli-progress';
import { type Style, colors, formatBytes, plain } from './format.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });

/** A mistake in the command line itself (exit code 2), as opposed to a failure while doing the work (exit code 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const;

export interface Progress {
  update(sentBytes: number, totalBytes: number): void;
  stop(): void;
}

const noProgress: Progress = { update() {}, stop() {} };

export class Output {
  readonly style: Style;

  constructor(
    readonly io: Io,
    readonly json: boolean,
  ) {
    const color = !json && io.stdout.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
    this.style = color ? colors : plain;
  }

  /** A line of the human result, on stdout. */
  line(text = ''): void {
    this.io.stdout.write(`${text}\n`);
  }

  /** The JSON result; indented on a terminal, one line in a pipe. Amounts (bigint) are written as decimal strings. */
  result(value: unknown): void {
    const indent = this.io.stdout.isTTY ? 2 : undefined;
    this.io.stdout.write(`${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent)}\n`);
  }

  /** A progress bar on stderr, only for a person watching a terminal. */
  progress(label: string): Progress {
    if (this.json || this.io.stderr.isTTY !== true) return noProgress;
    const bar = new cliProgress.SingleBar({
      stream: this.io.stderr,
      format: `${label} [{bar}] {percentage}% {sent}/{size}`,
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
    });
    let started = false;
    return {
      update(sentBytes, totalBytes) {
        const payload = { sent: formatBytes(sentBytes), size: formatBytes(totalBytes) };
        if (!started) {
          bar.start(totalBytes, sentBytes, payload);
          started = true;
        } else bar.update(sentBytes, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }

  /** Reports an error the way this mode wants it and returns the exit code. */
  error(error: unknown): number {
    if (error instanceof UsageError) {
      if (this.json) this.result(errorBody('INVALID_REQUEST', error.message, { usage: true }));
      else this.io.stderr.write(`error: ${error.message}\n(run with --help for usage)\n`);
      return exitCodes.usage;
    }
    const verityError =
      error instanceof VerityError
        ? error
        : new VerityError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error });
    if (this.json) this.result(verityError.toBody());
    else this.io.stderr.write(`error ${verityError.code}: ${verityError.message}\n`);
    return exitCodes.failure;
  }
}

export function errorBody(code: ErrorBody['error']['code'], message: string, details: Record<string, unknown> = {}): ErrorBody {
  return new VerityError(code, message, { details }).toBody();
}
