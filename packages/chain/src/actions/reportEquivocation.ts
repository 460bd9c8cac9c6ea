import { Disputes } from '@verity/contracts';
import type { SignedReceipt } from '@verity/protocol';
import type { Address, Hex } from 'viem';
import { readContract, writeContract } from 'viem/actions';
import { confirm } from '../internal.js';
import { type ReadClient, type WriteClient, type WriteResult, toReceiptStruct } from '../types.js';

export interface ReportEquivocationParameters {
  /** Two receipts signed by one executor for the same request (requestId, model, inputHash) with other outputs. */
  receipts: readonly [SignedReceipt, SignedReceipt];
}

export type ReportEquivocationReturnType = WriteResult;

/**
 * Proves an executor signed two answers to one request: Disputes slashes its whole stake at once and pays the
 * client's account NodeRegistry's slash reward. Reverts with Disputes' named errors (DifferentRequests, SameOutput,
 * BadSignature, AlreadySlashed) or NodeRegistry's NothingToSlash.
 */
export async function reportEquivocation(
  client: WriteClient,
  disputes: Address,
  parameters: ReportEquivocationParameters,
): Promise<ReportEquivocationReturnType> {
  const [a, b] = parameters.receipts;
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: disputes,
    abi: Disputes.abi,
    functionName: 'reportEquivocation',
    args: [toReceiptStruct(a.typedData.message), a.signature as Hex, toReceiptStruct(b.typedData.message), b.signature as Hex],
  });
  return confirm(client, hash);
}

/** Whether `executor` was slashed for equivocating on `requestId`. */
export function isEquivocationSlashed(
  client: ReadClient,
  disputes: Address,
  parameters: { executor: Address; requestId: Hex },
): Promise<boolean> {
  return readContract(client, {
    address: disputes,
    abi: Disputes.abi,
    functionName: 'equivocationSlashed',
    args: [parameters.executor, parameters.requestId],
  });
}
