/**
 * Internal: the offline checks the SDK runs on every response it hands over (unless told not to), and the
 * RECEIPT_INVALID error that carries the whole report.
 */
import {
  type Check,
  type InferResponse,
  type TensorMap,
  type VerificationReport,
  VerityError,
  parseModelRef,
  verifyInferResponse,
} from '@verity/protocol';

export interface Expected {
  inputs?: TensorMap;
  /** The requestId the caller asked about. */
  requestId?: string;
  /** The model reference the caller asked for; only a 0x model id can be compared. */
  model?: string;
}

/** verifyInferResponse, plus what only the caller knows: the requestId and model id it asked for. */
export function checkResponse(response: InferResponse, expected: Expected): VerificationReport {
  const report = verifyInferResponse(response, expected.inputs ? { inputs: expected.inputs } : {});
  const checks: Check[] = [...report.checks];
  if (expected.requestId !== undefined) {
    const ok = response.requestId.toLowerCase() === expected.requestId.toLowerCase();
    checks.push({
      check: 'requestId',
      ok,
      message: ok
        ? 'the response answers the requestId asked about'
        : `the response answers ${response.requestId}, not ${expected.requestId}`,
    });
  }
  const ref = expected.model === undefined ? undefined : parseModelRef(expected.model);
  if (ref?.kind === 'id') {
    const ok = response.modelId.toLowerCase() === ref.modelId;
    checks.push({
      check: 'modelId',
      ok,
      message: ok
        ? 'the response comes from the model asked for'
        : `the response comes from ${response.modelId}, not ${ref.modelId}`,
    });
  }
  return { ok: checks.every((c) => c.ok), checks };
}

export function receiptInvalid(report: VerificationReport, response: InferResponse): VerityError {
  const failed = report.checks.filter((c) => !c.ok);
  const list = failed.map((c) => `${c.check}${c.receipt === undefined ? '' : `[${c.receipt}]`}: ${c.message}`).join('; ');
  return new VerityError('RECEIPT_INVALID', `the response does not verify: ${list}`, { details: { report, response } });
}
