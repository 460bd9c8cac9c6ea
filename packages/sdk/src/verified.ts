/**
 * Internal: the offline checks the SDK runs on every response it hands over (unless told not to), and the
 * RECEIPT_INVALID error that carries the whole report. Infer responses and text answers (chat, completions) alike.
 */
import {
  type ChatCompletion,
  type ChatInput,
  type Check,
  type CompletionInput,
  type InferResponse,
  type TensorMap,
  type TextCompletion,
  type VerificationReport,
  VerityError,
  generatedText,
  parseModelRef,
  verifyInferResponse,
  verifyTextResponse,
} from '@verity/protocol';

export interface Expected {
  inputs?: TensorMap;
  /** The requestId the caller asked about. */
  requestId?: string;
  /** The model reference the caller asked for. */
  model?: string;
  /** The model id it means (see resolveModelId: a 0x id, or a name resolved on chain); unchecked when absent. */
  modelId?: string;
}

/** What only the caller knows: the requestId and model id it asked for. */
function expectedChecks(answered: { requestId: string; modelId: string }, expected: Expected): Check[] {
  const checks: Check[] = [];
  if (expected.requestId !== undefined) {
    const ok = answered.requestId.toLowerCase() === expected.requestId.toLowerCase();
    checks.push({
      check: 'requestId',
      ok,
      message: ok
        ? 'the response answers the requestId asked about'
        : `the response answers ${answered.requestId}, not ${expected.requestId}`,
    });
  }
  const ref = expected.model === undefined ? undefined : parseModelRef(expected.model);
  const modelId = expected.modelId ?? (ref?.kind === 'id' ? ref.modelId : undefined);
  if (modelId !== undefined) {
    const ok = answered.modelId.toLowerCase() === modelId.toLowerCase();
    const asked = expected.model !== undefined && ref?.kind !== 'id' ? ` (${expected.model} on chain)` : '';
    checks.push({
      check: 'modelId',
      ok,
      message: ok
        ? `the response comes from the model asked for${asked}`
        : `the response comes from ${answered.modelId}, not ${modelId}${asked}`,
    });
  }
  return checks;
}

function withChecks(report: VerificationReport, extra: Check[]): VerificationReport {
  const checks = [...report.checks, ...extra];
  return { ok: checks.every((c) => c.ok), checks };
}

/** verifyInferResponse, plus the requestId and model id the caller asked for. */
export function checkResponse(response: InferResponse, expected: Expected): VerificationReport {
  const report = verifyInferResponse(response, expected.inputs ? { inputs: expected.inputs } : {});
  return withChecks(report, expectedChecks(response, expected));
}

export interface ExpectedText {
  /** The request as parsed by its protocol schema: its inputHash is recomputed. */
  request?: ChatInput | CompletionInput;
  requestId?: string;
  model?: string;
  modelId?: string;
  chainId?: number;
  trustedExecutors?: readonly string[];
}

/**
 * verifyTextResponse on an answer's text and finish reason (every receipt signed by its executor and committing
 * to this text, the request and the model; the policy's quorum), plus the requestId and model id asked for.
 */
export function checkTextAnswer(answer: ChatCompletion | TextCompletion, expected: ExpectedText): VerificationReport {
  const { request, chainId, trustedExecutors } = expected;
  const report = verifyTextResponse(
    { ...generatedText(answer), verity: answer.verity },
    {
      ...(request ? { request } : {}),
      ...(chainId === undefined ? {} : { chainId }),
      ...(trustedExecutors ? { trustedExecutors } : {}),
    },
  );
  return withChecks(report, expectedChecks(answer.verity, expected));
}

export function receiptInvalid(report: VerificationReport, response: unknown): VerityError {
  const failed = report.checks.filter((c) => !c.ok);
  const list = failed.map((c) => `${c.check}${c.receipt === undefined ? '' : `[${c.receipt}]`}: ${c.message}`).join('; ');
  return new VerityError('RECEIPT_INVALID', `the response does not verify: ${list}`, { details: { report, response } });
}
