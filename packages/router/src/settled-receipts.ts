/**
 * An executor's settled receipt for a request, from the executor's own node (`GET /v1/receipts/<id>`): the signed
 * receipt (of an inference, or of a chat or completion answer) and, once the node posted its epoch root, the
 * receipt's inclusion proof. What the FeeSplitter needs to pay that executor's charge.
 */
import { getJson, routeUrl, sharedAgent } from '@verity/http/client';
import { AnswerReceiptsSchema, type Hex, routes, sameAddress } from '@verity/protocol';
import type { Address } from 'viem';
import type { ReceiptSource, SettledReceipt } from '@verity/payments';
import type { NodeSet } from './node-set.js';

/** Asks the node announced by `executor` (in the router's node set); undefined until the receipt is settled. */
export function settledReceiptsFrom(nodeSet: NodeSet, timeoutMs: number): ReceiptSource {
  return async (executor: Address, requestId: Hex): Promise<SettledReceipt | undefined> => {
    const node = nodeSet.nodes.find((n) => n.address !== undefined && sameAddress(n.address, executor));
    if (!node) return undefined;
    const answer = await getJson(routeUrl(node.url, routes.getReceipt, { requestId }), {
      dispatcher: sharedAgent,
      timeoutMs,
    }).catch(() => undefined);
    const parsed = AnswerReceiptsSchema.safeParse(answer);
    if (!parsed.success) return undefined;
    const { settlement, receipts } = parsed.data;
    if (settlement?.status !== 'posted' || !settlement.proof) return undefined;
    const receipt = receipts.find((r) => sameAddress(r.typedData.message.executor, executor));
    if (!receipt) return undefined;
    return { receipt, proof: settlement.proof as Hex[], epoch: settlement.epoch };
  };
}
