/** Test helpers: run the real `verity` CLI as a child process, and build signed infer responses to check. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  type Hex,
  type InferResponse,
  type ReceiptMessage,
  type TensorMap,
  addressOf,
  hashTensorMap,
  signReceipt,
} from '@verity/protocol';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `verity <args>` the way a user would (node + tsx, cwd at the repo root), with no TTY. */
export function runCli(
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const { VERITY_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', ...args], {
      cwd: repoRoot,
      env: { ...env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Anvil's well-known dev keys. */
export const keys: Hex[] = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
];

export const inputs: TensorMap = { x: { dtype: 'float32', shape: [1, 4], data: [1, 2, 3, 4] } };
export const outputs: TensorMap = { y: { dtype: 'float32', shape: [1, 3], data: [0.25, -0.5, 0.75] } };
export const requestId: Hex = `0x${'ab'.repeat(32)}`;
export const modelId: Hex = `0x${'cd'.repeat(32)}`;

/** A response as a node or router would send it, signed by the given keys. */
export function signedResponse(signers: readonly Hex[], policy = 'none'): InferResponse {
  const receipts = signers.map((key) => {
    const message: ReceiptMessage = {
      requestId,
      modelId,
      inputHash: hashTensorMap(inputs),
      outputHash: hashTensorMap(outputs),
      executor: addressOf(key),
      fee: '0',
      timestamp: 1_790_000_000,
      policy,
      engine: 'onnxruntime-node/1.30.0/cpu-fp32',
    };
    return signReceipt(key, message);
  });
  return { requestId, modelId, outputs: structuredClone(outputs), policy, receipts };
}
