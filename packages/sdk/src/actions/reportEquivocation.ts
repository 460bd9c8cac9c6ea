/**
 * Reports an executor that signed two answers to one request (protocol's findEquivocation): the Disputes contract
 * checks both signatures and slashes the executor's whole stake at once, paying the caller NodeRegistry's slash
 * reward. Needs a chain with a key (the reporter pays the gas and gets the reward).
 */
import { type Hex, type SignedReceipt, VerityError, isEquivocation } from '@verity/protocol';
import { chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';

export interface ReportEquivocationParameters {
  /** Two receipts by one executor for the same request (requestId, model, inputHash) with different outputs. */
  receipts: readonly [SignedReceipt, SignedReceipt];
}

export interface ReportEquivocationReturnType {
  executor: Hex;
  requestId: Hex;
  /** The stake taken (the reporter's reward and the burned rest together), in wei. */
  slashedWei: bigint;
  txHash: Hex;
}

export async function reportEquivocation(
  client: Client,
  parameters: ReportEquivocationParameters,
): Promise<ReportEquivocationReturnType> {
  const [a, b] = parameters.receipts;
  if (!isEquivocation(a, b)) {
    throw new VerityError(
      'INVALID_REQUEST',
      'not an equivocation: the receipts must name one executor, the same requestId, model and inputHash, and different outputs',
    );
  }
  const chain = await walletOf(client, 'reportEquivocation');
  const disputes = chain.deployment.contracts.disputes;
  if (!disputes)
    throw new VerityError('INVALID_REQUEST', 'this deployment has no Disputes contract (deployed before it existed)');
  const { executor, requestId } = a.typedData.message;
  const { getNode, reportEquivocation: report } = await chainModule();
  const operator = executor as Hex;
  const stakeOf = async () =>
    (await getNode(chain.publicClient, chain.deployment.contracts.nodeRegistry, { operator }))?.stake ?? 0n;
  const before = await onChain('reading the executor stake', stakeOf);
  const result = await onChain(`reporting ${executor} for equivocating on ${requestId}`, () =>
    report(chain.walletClient, disputes, { receipts: [a, b] }),
  );
  const after = await onChain('reading the executor stake', stakeOf);
  return { executor: operator, requestId: requestId as Hex, slashedWei: before - after, txHash: result.hash };
}
