/** The deployment file: where a chain's contracts are, written by the deployer and read by nodes and routers. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ChainError } from './errors.js';

const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected 0x and 40 hex digits') as unknown as z.ZodType<`0x${string}`>;

export const DeploymentSchema = z.object({
  chainId: z.number().int().positive(),
  rpcUrl: z.url(),
  contracts: z.object({
    token: Address,
    modelRegistry: Address,
    nodeRegistry: Address,
    receiptRegistry: Address,
    /** NodeRegistry's slasher: proofs of fraud (equivocation). */
    disputes: Address.optional(),
    exampleConsumer: Address.optional(),
    /** x402 batch-settlement at its canonical address (devnets install it there with anvil_setCode). */
    batchSettlement: Address.optional(),
    /** The ERC-3009 deposit collector that serves batchSettlement, at its canonical address. */
    erc3009DepositCollector: Address.optional(),
    /** Multicall3 at its canonical address (the official x402 facilitator reads through it). */
    multicall3: Address.optional(),
    /** The router's FeeSplitter: the payment channels' receiver, splitting settled fees by the rules on chain. */
    feeSplitter: Address.optional(),
  }),
  /** ISO 8601 time of the deployment. */
  deployedAt: z.iso.datetime(),
  /** The block of the first deployment transaction: where event scans start. */
  deployBlock: z.number().int().nonnegative().optional(),
});
export type Deployment = z.infer<typeof DeploymentSchema>;

/** Validates and writes the file atomically (a reader never sees half a file). */
export function writeDeployment(path: string, deployment: Deployment): Deployment {
  const parsed = DeploymentSchema.safeParse(deployment);
  if (!parsed.success) {
    throw new ChainError('INVALID_DEPLOYMENT', `invalid deployment: ${z.prettifyError(parsed.error)}`);
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(parsed.data, null, 2)}\n`);
  renameSync(temporary, path);
  return parsed.data;
}

export function readDeployment(path: string): Deployment {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new ChainError('INVALID_DEPLOYMENT', `cannot read deployment file ${path}: ${(cause as Error).message}`, { cause });
  }
  const parsed = DeploymentSchema.safeParse(json);
  if (!parsed.success) {
    throw new ChainError('INVALID_DEPLOYMENT', `invalid deployment file ${path}: ${z.prettifyError(parsed.error)}`, {
      details: { path },
    });
  }
  return parsed.data;
}
