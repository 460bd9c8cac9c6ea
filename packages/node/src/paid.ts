/**
 * What the paid routes need without loading the payment machinery (payments.ts, imported only when the node
 * charges): the receipts of an answer.
 */
import type { PaidRequest } from '@verity/payments';
import { AnswerReceiptsSchema, type SignedReceipt } from '@verity/protocol';
import type { FastifyReply } from 'fastify';

/** The receipts of an answer's JSON text (an inference's, or a chat or completion's under `verity`). */
export function receiptsOf(answerJson: string): SignedReceipt[] {
  return AnswerReceiptsSchema.parse(JSON.parse(answerJson)).receipts;
}

/**
 * A whole answer under its reservation (if any): released when answering fails, committed from the answer's receipts
 * (the PAYMENT-RESPONSE header) before it is sent.
 */
export async function answerPaid(
  paid: PaidRequest | undefined,
  reply: FastifyReply,
  answer: () => Promise<string>,
): Promise<string> {
  let answerJson: string;
  try {
    answerJson = await answer();
  } catch (error) {
    paid?.release();
    throw error;
  }
  if (paid) void reply.header('PAYMENT-RESPONSE', paid.commit(receiptsOf(answerJson)));
  return answerJson;
}
