/**
 * Opens an untrusted model file in a throwaway child process first, so that a hostile file that crashes or
 * hangs the native parser takes down the probe, never the node.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { VerityError } from '@verity/protocol';

const ortEntry = createRequire(import.meta.url).resolve('onnxruntime-node');

const probeScript = `
const ort = require(process.argv[1]);
ort.InferenceSession.create(process.argv[2], { intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 4 })
  .then((s) => { process.stdout.write(JSON.stringify({ ok: true, inputs: s.inputNames.length })); return s.release(); })
  .catch((e) => { process.stdout.write(JSON.stringify({ ok: false, message: String(e && e.message || e).slice(0, 300) })); });
`;

const ggufProbeChild = fileURLToPath(new URL('./llm/probe-child.mjs', import.meta.url));

export interface ProbeOptions {
  timeoutMs: number;
  maxOldSpaceMb: number;
}

export const defaultProbeOptions: ProbeOptions = { timeoutMs: 30_000, maxOldSpaceMb: 2048 };

/** Resolves when the ONNX file at `path` loads in a child process; throws INVALID_MODEL otherwise. */
export function probeOnnxFile(path: string, options: Partial<ProbeOptions> = {}): Promise<void> {
  return probe('ONNX', ['-e', probeScript, ortEntry, path], options);
}

/** Resolves when the GGUF file at `path` loads (and tokenizes) in a child process; throws INVALID_MODEL otherwise. */
export function probeGgufFile(path: string, options: Partial<ProbeOptions> = {}): Promise<void> {
  return probe('GGUF', [ggufProbeChild, path], options);
}

/** A message with the file's path replaced: errors go to clients, and the node's paths are none of their business. */
export function withoutPath(message: string, path: string): string {
  return message.split(path).join('<model file>');
}

function probe(format: string, args: string[], options: Partial<ProbeOptions>): Promise<void> {
  const path = args[args.length - 1] as string;
  const { timeoutMs, maxOldSpaceMb } = { ...defaultProbeOptions, ...options };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [`--max-old-space-size=${maxOldSpaceMb}`, ...args],
      { timeout: timeoutMs, maxBuffer: 1 << 20, env: probeEnv() },
      (error, stdout) => {
        let result: { ok: boolean; message?: string } | undefined;
        try {
          result = JSON.parse(stdout) as { ok: boolean; message?: string };
        } catch {
          result = undefined;
        }
        if (result?.ok) return resolve();
        const reason = withoutPath(
          result?.message ??
            (error?.killed
              ? `timed out after ${timeoutMs} ms`
              : `the parser crashed (${error?.signal ?? error?.code ?? 'no output'})`),
          path,
        );
        reject(new VerityError('INVALID_MODEL', `not a loadable ${format} model: ${reason}`, { details: { reason } }));
      },
    );
  });
}

/** The probe's environment: the parent's, for the native binaries' lookup, without the node's own secrets. */
function probeEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VERITY_')));
}
