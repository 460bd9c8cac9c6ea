/**
 * Offline verification of receipts and whole inference responses, with no trust in whoever relayed them.
 * Every check is reported, passing or failing, so a person or a program can see exactly what holds.
 */
import { hashTensorMap } from './canonical.js';
import {
  type ChatInput,
  type CompletionInput,
  type TextOutput,
  chatInputHash,
  completionInputHash,
  textOutputHash,
} from './chat.js';
import { VerityError } from './errors.js';
import type { Hex } from './hex.js';
import { parsePolicy, requiredAgreement } from './policy.js';
import { type SignedReceipt, SignedReceiptSchema, receiptTypes, recoverReceiptSigner, sameAddress } from './receipt.js';
import type { TensorMap } from './tensor.js';

export interface Check {
  check: string;
  ok: boolean;
  message: string;
  receipt?: number;
}

export interface VerificationReport {
  ok: boolean;
  checks: Check[];
}

export interface VerifyReceiptOptions {
  /** Outputs the receipt must commit to (outputHash is recomputed from them). */
  outputs?: TensorMap;
  /** Inputs the receipt must commit to. */
  inputs?: TensorMap;
  requestId?: Hex;
  modelId?: Hex;
  chainId?: number;
  /** When given, the signer must be one of these addresses. */
  trustedExecutors?: readonly string[];
  /** An outputHash computed by the caller (for text: textOutputHash of the answer). */
  outputHash?: Hex;
  /** An inputHash computed by the caller (for text: chatInputHash or completionInputHash of the request). */
  inputHash?: Hex;
}

function typesMatch(receipt: SignedReceipt): boolean {
  const fields = receipt.typedData.types.Receipt;
  return (
    fields.length === receiptTypes.Receipt.length &&
    fields.every((f, i) => f.name === receiptTypes.Receipt[i]?.name && f.type === receiptTypes.Receipt[i]?.type)
  );
}

function safeHash(map: TensorMap): Hex | VerityError {
  try {
    return hashTensorMap(map);
  } catch (error) {
    return error instanceof VerityError ? error : new VerityError('INVALID_TENSOR', String(error));
  }
}

/** Checks one receipt: shape, EIP-712 types, signature by its executor, and what it commits to. */
export function verifyReceipt(input: unknown, options: VerifyReceiptOptions = {}, index?: number): VerificationReport {
  const parsed = SignedReceiptSchema.safeParse(input);
  if (!parsed.success) {
    const message = `not a signed receipt: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
    return {
      ok: false,
      checks: [
        index === undefined ? { check: 'format', ok: false, message } : { check: 'format', ok: false, message, receipt: index },
      ],
    };
  }
  return verifyParsedReceipt(parsed.data, options, index);
}

/**
 * verifyReceipt for a receipt already parsed with SignedReceiptSchema (for instance as part of a whole response),
 * so the hot path does not parse it twice; every other check is the same.
 */
export function verifyParsedReceipt(
  receipt: SignedReceipt,
  options: VerifyReceiptOptions = {},
  index?: number,
): VerificationReport {
  const checks: Check[] = [];
  const add = (check: string, ok: boolean, message: string) =>
    checks.push(index === undefined ? { check, ok, message } : { check, ok, message, receipt: index });
  const { message, domain } = receipt.typedData;
  add('format', true, 'well-formed signed receipt');
  if (!typesMatch(receipt)) {
    add('types', false, 'EIP-712 types differ from Protocol v1 Receipt');
    return { ok: false, checks };
  }
  const signer = recoverReceiptSigner(receipt);
  if (signer && sameAddress(signer, message.executor)) add('signature', true, `signed by executor ${message.executor}`);
  else
    add(
      'signature',
      false,
      `signature does not recover to executor ${message.executor}${signer ? ` (recovers to ${signer})` : ''}`,
    );
  if (options.trustedExecutors) {
    const trusted = options.trustedExecutors.some((a) => sameAddress(a, message.executor));
    add('executor', trusted, trusted ? 'executor is trusted' : `executor ${message.executor} is not among the trusted executors`);
  }
  if (options.chainId !== undefined) {
    add('chain', domain.chainId === options.chainId, `domain chainId ${domain.chainId}, expected ${options.chainId}`);
  }
  if (options.requestId) {
    const ok = message.requestId.toLowerCase() === options.requestId.toLowerCase();
    add('requestId', ok, ok ? 'requestId matches' : `requestId ${message.requestId} differs from ${options.requestId}`);
  }
  if (options.modelId) {
    const ok = message.modelId.toLowerCase() === options.modelId.toLowerCase();
    add('modelId', ok, ok ? 'modelId matches' : `modelId ${message.modelId} differs from ${options.modelId}`);
  }
  if (options.outputs) {
    const hash = safeHash(options.outputs);
    if (hash instanceof VerityError) add('outputHash', false, `outputs cannot be hashed: ${hash.message}`);
    else {
      const ok = hash === message.outputHash.toLowerCase();
      add('outputHash', ok, ok ? 'outputs hash to outputHash' : `outputs hash to ${hash}, receipt says ${message.outputHash}`);
    }
  }
  if (options.inputs) {
    const hash = safeHash(options.inputs);
    if (hash instanceof VerityError) add('inputHash', false, `inputs cannot be hashed: ${hash.message}`);
    else {
      const ok = hash === message.inputHash.toLowerCase();
      add('inputHash', ok, ok ? 'inputs hash to inputHash' : `inputs hash to ${hash}, receipt says ${message.inputHash}`);
    }
  }
  if (options.outputHash) {
    const ok = options.outputHash.toLowerCase() === message.outputHash.toLowerCase();
    add(
      'outputHash',
      ok,
      ok ? 'output hashes to outputHash' : `output hashes to ${options.outputHash}, receipt says ${message.outputHash}`,
    );
  }
  if (options.inputHash) {
    const ok = options.inputHash.toLowerCase() === message.inputHash.toLowerCase();
    add(
      'inputHash',
      ok,
      ok ? 'request hashes to inputHash' : `request hashes to ${options.inputHash}, receipt says ${message.inputHash}`,
    );
  }
  return { ok: checks.every((c) => c.ok), checks };
}

export interface VerifyResponseOptions {
  inputs?: TensorMap;
  chainId?: number;
  trustedExecutors?: readonly string[];
}

interface ResponseLike {
  requestId?: unknown;
  modelId?: unknown;
  outputs?: unknown;
  policy?: unknown;
  receipts?: unknown;
}

/**
 * Checks a whole /v1/infer response: every receipt is valid and commits to this request, model and these
 * outputs, and enough distinct executors agree for the policy (k for replicate:k, one otherwise).
 */
export function verifyInferResponse(response: ResponseLike, options: VerifyResponseOptions = {}): VerificationReport {
  const base: VerifyReceiptOptions = { outputs: response.outputs as TensorMap };
  if (options.inputs) base.inputs = options.inputs;
  return verifyReceiptSet(response, base, options);
}

export interface VerifyTextOptions {
  /** The request that was sent: its inputHash is recomputed (chat or completion, by its `messages` or `prompt`). */
  request?: ChatInput | CompletionInput;
  chainId?: number;
  trustedExecutors?: readonly string[];
}

/**
 * Checks a whole chat or completion answer (or the text and last chunk of a stream, assembled): every receipt
 * under `verity` is valid and commits to this request id, model, the full text, finish reason and tool calls
 * (`generatedText` of an answer gives all three; and, given the request, to it), and enough distinct executors
 * agree for the policy.
 */
export function verifyTextResponse(
  answer: TextOutput & { verity: { requestId?: unknown; modelId?: unknown; policy?: unknown; receipts?: unknown } },
  options: VerifyTextOptions = {},
): VerificationReport {
  const base: VerifyReceiptOptions = { outputHash: textOutputHash(answer) };
  if (options.request) {
    base.inputHash = 'prompt' in options.request ? completionInputHash(options.request) : chatInputHash(options.request);
  }
  return verifyReceiptSet(answer.verity, base, options);
}

function verifyReceiptSet(
  response: ResponseLike,
  perReceipt: VerifyReceiptOptions,
  options: { chainId?: number; trustedExecutors?: readonly string[] },
): VerificationReport {
  const checks: Check[] = [];
  const receipts = Array.isArray(response.receipts) ? response.receipts : [];
  if (receipts.length === 0) {
    checks.push({ check: 'receipts', ok: false, message: 'the response carries no receipts' });
    return { ok: false, checks };
  }
  const agreeing = new Set<string>();
  receipts.forEach((receipt, index) => {
    const base: VerifyReceiptOptions = { ...perReceipt };
    if (typeof response.requestId === 'string') base.requestId = response.requestId as Hex;
    if (typeof response.modelId === 'string') base.modelId = response.modelId as Hex;
    if (options.chainId !== undefined) base.chainId = options.chainId;
    if (options.trustedExecutors) base.trustedExecutors = options.trustedExecutors;
    const report = verifyReceipt(receipt, base, index);
    checks.push(...report.checks);
    if (report.ok) agreeing.add((receipt as SignedReceipt).typedData.message.executor.toLowerCase());
  });
  let needed = 1;
  try {
    needed = requiredAgreement(parsePolicy(typeof response.policy === 'string' ? response.policy : undefined));
  } catch (error) {
    checks.push({ check: 'policy', ok: false, message: (error as Error).message });
  }
  const quorum = agreeing.size >= needed;
  checks.push({
    check: 'quorum',
    ok: quorum,
    message: `${agreeing.size} distinct executor(s) signed valid receipts for these outputs; policy ${String(response.policy)} needs ${needed}`,
  });
  return { ok: checks.every((c) => c.ok), checks };
}
