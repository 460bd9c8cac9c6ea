import { FeeSplitter } from '@verity/contracts';
import type { SignedReceipt } from '@verity/protocol';
import type { Address, Hex } from 'viem';
import { writeContract } from 'viem/actions';
import type { FeeCharge } from '../charges.js';
import { confirm } from '../internal.js';
import { type WriteClient, type WriteResult, toReceiptStruct } from '../types.js';

/** One FeeSplitter.ChargeClaim: a posted charge and the executor's settled receipt backing it. */
export interface ChargeClaim {
  /** The charge root the charge was posted under (postCharges' rootId). */
  rootId: bigint;
  charge: FeeCharge;
  /** buildChargeTree(charges).proof(index of the charge). */
  chargeProof: readonly Hex[];
  /** The executor's signed receipt for the charge's request (its typed data names this chain's ReceiptRegistry). */
  receipt: SignedReceipt;
  /** Inclusion proof of the receipt's leaf under the root its executor posted to ReceiptRegistry for `epoch`. */
  proof: readonly Hex[];
  epoch: bigint | number;
}

export interface ClaimChargesParameters {
  claims: readonly ChargeClaim[];
}

export type ClaimChargesReturnType = WriteResult;

/**
 * Pays posted charges, each backed by its executor's settled receipt, splitting them into royalty, verifier,
 * treasury and executor shares. Anyone may send it (the funds go to the payees only); the whole batch reverts when
 * one claim is invalid (e.g. ChargeAlreadyPaid, ReceiptNotSettled). Claims of one root and model in a row are
 * cheapest.
 */
export async function claimCharges(
  client: WriteClient,
  feeSplitter: Address,
  parameters: ClaimChargesParameters,
): Promise<ClaimChargesReturnType> {
  const hash = await writeContract(client, {
    account: client.account,
    chain: client.chain ?? null,
    address: feeSplitter,
    abi: FeeSplitter.abi,
    functionName: 'claimCharges',
    args: [
      parameters.claims.map((claim) => ({
        rootId: claim.rootId,
        charge: {
          requestId: claim.charge.requestId,
          modelId: claim.charge.modelId,
          executor: claim.charge.executor,
          amount: claim.charge.amount,
        },
        chargeProof: [...claim.chargeProof],
        receipt: toReceiptStruct(claim.receipt.typedData.message),
        signature: claim.receipt.signature,
        receiptProof: [...claim.proof],
        epoch: BigInt(claim.epoch),
      })),
    ],
  });
  return confirm(client, hash);
}
