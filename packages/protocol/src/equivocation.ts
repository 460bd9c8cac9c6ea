/**
 * Equivocation: two receipts one executor signed for the same request (requestId, model and inputHash) that state
 * different outputs. An honest node signs one receipt per request id and answers a repeat with the receipt it
 * stored, so such a pair proves fraud on its own (the Disputes contract slashes on it). Signatures are not checked
 * here: the contract checks them, and verifyReceipt does offline.
 */
import { type SignedReceipt, sameAddress } from './receipt.js';

/** Whether two receipts are an equivocation by their signed fields. */
export function isEquivocation(a: SignedReceipt, b: SignedReceipt): boolean {
  const x = a.typedData.message;
  const y = b.typedData.message;
  return (
    sameAddress(x.executor, y.executor) &&
    x.requestId.toLowerCase() === y.requestId.toLowerCase() &&
    x.modelId.toLowerCase() === y.modelId.toLowerCase() &&
    x.inputHash.toLowerCase() === y.inputHash.toLowerCase() &&
    x.outputHash.toLowerCase() !== y.outputHash.toLowerCase()
  );
}

/** The first equivocating pair between two sets of receipts (one from each), if any. */
export function findEquivocation(
  first: readonly SignedReceipt[],
  second: readonly SignedReceipt[],
): [SignedReceipt, SignedReceipt] | undefined {
  for (const a of first) for (const b of second) if (isEquivocation(a, b)) return [a, b];
  return undefined;
}
