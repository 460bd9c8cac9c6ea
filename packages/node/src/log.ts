/** The node's log: one JSON line per event on stderr, so stdout stays free for the launcher's "listening" line. */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function logEvent(event: string, fields: LogFields = {}): void {
  process.stderr.write(`${JSON.stringify({ event, time: new Date().toISOString(), ...fields })}\n`);
}

/** A short, secret-free description of an error for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
