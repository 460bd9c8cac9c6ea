/**
 * Offline verification of a chat or completion answer (e.g. one saved to a file): its receipts against its text and
 * finish reason, its request id and model, the policy's quorum, and, given the request that was sent, its inputHash.
 * No network, no trust in whoever relayed the answer.
 */
import {
  ChatCompletionSchema,
  type TextKind,
  TextCompletionSchema,
  type VerificationReport,
  type VerifyTextOptions,
} from '@verity/protocol';
import type { Client } from '../client.js';
import { type TextAnswer, parseTextRequest, textBody } from '../text.js';
import { type ExpectedText, checkTextAnswer } from '../verified.js';
import type { ChatParameters } from './chat.js';
import type { CompleteParameters } from './complete.js';

export interface VerifyTextParameters extends Omit<VerifyTextOptions, 'request'> {
  /** A chat completion or text completion, parsed or as read from JSON. */
  answer: TextAnswer | Record<string, unknown>;
  /**
   * The request that was sent, as sent (OpenAI's fields, `verity` options included) or as given to `chat` /
   * `complete`: the inputHash is recomputed from it, and its requestId and 0x model id, if any, are compared.
   * A request its protocol schema refuses throws INVALID_REQUEST.
   */
  request?: ChatParameters | CompleteParameters | Record<string, unknown>;
}

export type VerifyTextReturnType = VerificationReport;

function kindOf(answer: Record<string, unknown>): TextKind | undefined {
  return answer.object === 'chat.completion' ? 'chat' : answer.object === 'text_completion' ? 'completion' : undefined;
}

function formatFailure(message: string): VerificationReport {
  return { ok: false, checks: [{ check: 'format', ok: false, message }] };
}

export function verifyText(_client: Client, parameters: VerifyTextParameters): VerifyTextReturnType {
  const { answer, request, chainId, trustedExecutors } = parameters;
  const kind = typeof answer === 'object' && answer !== null ? kindOf(answer as Record<string, unknown>) : undefined;
  if (kind === undefined) {
    return formatFailure(
      'neither a chat completion nor a text completion (object is not "chat.completion" or "text_completion")',
    );
  }
  const parsed = kind === 'chat' ? ChatCompletionSchema.safeParse(answer) : TextCompletionSchema.safeParse(answer);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return formatFailure(`not a ${kind === 'chat' ? 'chat completion' : 'text completion'} of Protocol v1: ${issues}`);
  }
  const expected: ExpectedText = {};
  if (chainId !== undefined) expected.chainId = chainId;
  if (trustedExecutors) expected.trustedExecutors = trustedExecutors;
  if (request !== undefined) {
    const sent = parseTextRequest(kind, textBody({ ...request }));
    expected.request = sent;
    expected.model = sent.model;
    if (sent.verity?.requestId !== undefined) expected.requestId = sent.verity.requestId;
  }
  return checkTextAnswer(parsed.data, expected);
}
