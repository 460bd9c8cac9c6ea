/**
 * Whether one receipt is settled on chain, end to end: fetches the settlement its executor keeps for it
 * (`GET /v1/receipts/<requestId>?executor=..` at the client's URL, else at the executor's own endpoint as registered
 * on chain), then checks the receipt (the caller's copy, not the node's) with that proof on chain (verifyOnChain).
 * Receipts of infer responses and of text answers (chat, completions) are settled alike; only where the stored
 * answer keeps its receipts differs (`receipts`, or `verity.receipts`).
 */
import { getJson } from '@verity/http/client';
import { type Hex, type SignedReceipt, VerityError, VerityTextFieldSchema, routes, sameAddress } from '@verity/protocol';
import { chainModule, chainOf, onChain } from '../chain.js';
import type { Client } from '../client.js';
import { endpoint, parseAnswer, requestOptions } from '../request.js';
import { type Settlement, parseSettlement } from '../settlement.js';
import { type VerifyOnChainReturnType, verifyOnChain } from './verifyOnChain.js';

export interface VerifySettlementParameters {
  /** A signed receipt, e.g. one of an infer response's or a chat answer's. */
  receipt: SignedReceipt;
}

export interface VerifySettlementReturnType {
  /**
   * valid: settled, and the chain says so; invalid: the chain refuses it (see `status`); unsettled: its epoch's root
   * is not on chain yet, or its node does not settle; unavailable: no stored answer by this executor was found.
   */
  outcome: 'valid' | 'invalid' | 'unsettled' | 'unavailable';
  message: string;
  executor: Hex;
  requestId: Hex;
  settlement?: Settlement;
  /** The chain's verdict, when it was asked. */
  status?: VerifyOnChainReturnType['status'];
  /** Base URL of the node or router that gave the settlement. */
  source?: string;
}

/** What a server stored for a request, as far as settling goes. */
interface Stored {
  receipts: SignedReceipt[];
  settlement?: Settlement;
}

function ownAnswer(stored: Stored | undefined, executor: Hex): boolean {
  return stored?.receipts.some((r) => sameAddress(r.typedData.message.executor, executor)) === true;
}

async function storedAt(client: Client, requestId: Hex, executor: Hex): Promise<Stored | undefined> {
  const path = `${routes.getReceipt.path.replace(':requestId', requestId.toLowerCase())}?executor=${executor.toLowerCase()}`;
  const where = `GET ${path}`;
  try {
    const body = (await getJson(endpoint(client, path), requestOptions(client))) as Record<string, unknown> | null;
    const receipts =
      typeof body === 'object' && body !== null && 'verity' in body
        ? parseAnswer(VerityTextFieldSchema, body.verity, where).receipts
        : parseAnswer(routes.infer.response, body, where).receipts;
    const settlement = parseSettlement(body?.settlement, where);
    return settlement ? { receipts, settlement } : { receipts };
  } catch (error) {
    if (error instanceof VerityError && ['NOT_FOUND', 'NODE_UNAVAILABLE', 'TIMEOUT'].includes(error.code)) return undefined;
    throw error;
  }
}

export async function verifySettlement(
  client: Client,
  parameters: VerifySettlementParameters,
): Promise<VerifySettlementReturnType> {
  const { receipt } = parameters;
  const { executor, requestId } = receipt.typedData.message;
  const chain = await chainOf(client, 'verifySettlement');
  const base = { executor, requestId };

  let source = client.url;
  let stored = await storedAt(client, requestId, executor);
  if (!ownAnswer(stored, executor)) {
    // The URL given is another node (or a router that does not know this executor): ask the executor's own node.
    const { getNode } = await chainModule();
    const node = await onChain('reading the executor from NodeRegistry', () =>
      getNode(chain.publicClient, chain.deployment.contracts.nodeRegistry, { operator: executor }),
    );
    if (node && /^https?:\/\//.test(node.endpoint)) {
      source = node.endpoint.replace(/\/+$/, '');
      stored = await storedAt(
        {
          url: source,
          timeoutMs: client.timeoutMs,
          verifyResponses: false,
          ...(client.dispatcher ? { dispatcher: client.dispatcher } : {}),
        },
        requestId,
        executor,
      );
    }
    if (!ownAnswer(stored, executor)) {
      return {
        ...base,
        outcome: 'unavailable',
        message: node
          ? `the executor's node (${source}) has no stored answer for this request`
          : 'no stored answer by this executor was found, and it is not registered on chain',
      };
    }
  }
  const settlement = (stored as Stored).settlement;
  if (!settlement)
    return {
      ...base,
      outcome: 'unsettled',
      source,
      message: 'not settled: the node reports no settlement for this receipt (it does not settle on chain)',
    };
  if (settlement.status !== 'posted') {
    const why = settlement.status === 'open' ? 'its epoch is still open' : 'its epoch is closed, its root not posted yet';
    return { ...base, outcome: 'unsettled', source, settlement, message: `not settled yet: epoch ${settlement.epoch}: ${why}` };
  }
  const verdict = await verifyOnChain(client, { receipt, proof: settlement.proof, epoch: settlement.epoch });
  return {
    ...base,
    outcome: verdict.valid ? 'valid' : 'invalid',
    status: verdict.status,
    source,
    settlement,
    message: verdict.valid
      ? `settled in epoch ${settlement.epoch}${settlement.txHash ? ` (tx ${settlement.txHash})` : ''}`
      : `the chain refuses it: ${verdict.status}`,
  };
}
