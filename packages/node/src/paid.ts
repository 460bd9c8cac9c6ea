/**
 * What the paid routes need without loading the payment machinery (payments.ts, imported only when the node
 * charges): the raw text of each request's body, and the receipts of an answer.
 */
import { type SignedReceipt, SignedReceiptSchema } from '@verity/protocol';
import { z } from 'zod';

/** The raw JSON text of each request's body, kept by the node's JSON parser when it charges (see app.ts). */
export const rawBodies = new WeakMap<object, string>();

const AnswerReceiptsSchema = z.object({
  receipts: z.array(SignedReceiptSchema).optional(),
  verity: z.object({ receipts: z.array(SignedReceiptSchema) }).optional(),
});

/** The receipts of an answer's JSON text (an inference's, or a chat or completion's under `verity`). */
export function receiptsOf(answerJson: string): SignedReceipt[] {
  const parsed = AnswerReceiptsSchema.parse(JSON.parse(answerJson));
  return parsed.receipts ?? parsed.verity?.receipts ?? [];
}
