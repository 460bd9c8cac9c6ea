/**
 * An executor claims its share of the fee split itself: the router lists the charges it posted for this operator
 * (`GET /v1/charges?executor=`), the operator's own node gives each request's settled receipt (through the router's
 * `GET /v1/receipts/<id>?executor=`), and the FeeSplitter pays a charge only against that receipt, settled on chain.
 * Charges already paid (the router claims them too, as a service) are skipped; charges not posted yet, or whose
 * receipt's epoch root is not on chain yet, are counted as waiting.
 */
import { getJson } from '@verity/http/client';
import { ChargeListSchema, type Hex, VerityError, routePath, routes, sameAddress } from '@verity/protocol';
import type { Address } from 'viem';
import { chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';
import { endpoint, requestOptions } from '../request.js';
import { getReceipt, isTextAnswer } from './getReceipt.js';

export interface ClaimFeesReturnType {
  executor: Address;
  feeSplitter: Address;
  /** Charges paid by this call, and their total in token base units. */
  claimed: number;
  amount: bigint;
  /** Charges that cannot be claimed yet: not in a posted charge root, or their receipt's epoch not on chain. */
  waiting: number;
  /** Charges someone had already claimed (usually the router). */
  alreadyPaid: number;
  transactions: Hex[];
}

/** Claims per transaction at most. */
const batchSize = 50;

export async function claimFees(client: Client): Promise<ClaimFeesReturnType> {
  const chain = await walletOf(client, 'claimFees');
  const executor = chain.walletClient.account.address;
  const listed = ChargeListSchema.safeParse(
    await getJson(endpoint(client, routePath(routes.charges, {}, { executor: executor.toLowerCase() })), requestOptions(client)),
  );
  if (!listed.success) {
    throw new VerityError('NODE_UNAVAILABLE', 'the router answered GET /v1/charges with something that is not a charge list', {
      details: { issues: listed.error.issues.slice(0, 3) },
    });
  }
  const feeSplitter = listed.data.feeSplitter as Address;
  const known = chain.deployment.contracts.feeSplitter;
  if (!known || !sameAddress(known, feeSplitter)) {
    throw new VerityError('INVALID_REQUEST', `the router pays from FeeSplitter ${feeSplitter}, not this deployment's`, {
      details: { feeSplitter, deployment: known ?? null },
    });
  }
  const { claimCharges, isChargePaid } = await chainModule();
  const result: ClaimFeesReturnType = {
    executor,
    feeSplitter,
    claimed: 0,
    amount: 0n,
    waiting: 0,
    alreadyPaid: 0,
    transactions: [],
  };
  const claims: Parameters<typeof claimCharges>[2]['claims'][number][] = [];
  for (const charge of listed.data.data) {
    if (charge.paid) {
      result.alreadyPaid++;
      continue;
    }
    if (charge.rootId === null) {
      result.waiting++;
      continue;
    }
    const requestId = charge.requestId as Hex;
    if (await onChain('reading the charge', () => isChargePaid(chain.publicClient, feeSplitter, { requestId, executor }))) {
      result.alreadyPaid++;
      continue;
    }
    const stored = await getReceipt(client, { requestId, executor, verify: false }).catch(() => undefined);
    const receipts = stored ? (isTextAnswer(stored) ? stored.verity.receipts : stored.receipts) : [];
    const receipt = receipts.find((r) => sameAddress(r.typedData.message.executor, executor));
    const settlement = stored?.settlement;
    if (!receipt || settlement?.status !== 'posted') {
      result.waiting++;
      continue;
    }
    claims.push({
      rootId: BigInt(charge.rootId),
      charge: { requestId, modelId: charge.modelId as Hex, executor, amount: BigInt(charge.amount) },
      chargeProof: charge.proof as Hex[],
      receipt,
      proof: settlement.proof,
      epoch: settlement.epoch,
    });
  }
  for (let i = 0; i < claims.length; i += batchSize) {
    const batch = claims.slice(i, i + batchSize);
    const sent = await onChain('claiming charges', () => claimCharges(chain.walletClient, feeSplitter, { claims: batch }));
    result.transactions.push(sent.hash);
    result.claimed += batch.length;
    for (const claim of batch) result.amount += claim.charge.amount;
  }
  return result;
}
