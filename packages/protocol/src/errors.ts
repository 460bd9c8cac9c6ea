/**
 * Error codes of Protocol v1 and the one error class every package throws.
 * The codes are part of the protocol: clients switch on them, so they never change meaning.
 */

export const errorStatus = {
  BAD_JSON: 400,
  INVALID_REQUEST: 400,
  INVALID_TENSOR: 400,
  UNKNOWN_INPUT: 400,
  MISSING_INPUT: 400,
  DTYPE_MISMATCH: 400,
  SHAPE_MISMATCH: 400,
  DATA_LENGTH_MISMATCH: 400,
  NON_FINITE_INPUT: 400,
  UNKNOWN_POLICY: 400,
  /** A paid route given `Authorization: Bearer` with no valid API key, or one whose channel holds no deposit. */
  INVALID_API_KEY: 401,
  /** x402: a priced request without a valid payment (details.x402Code names the scheme's reason). */
  PAYMENT_REQUIRED: 402,
  /**
   * A node on a chain refused to store a blob: its sha256 names no model published there (and not deprecated), and
   * no upload grant of the node's operator came with it.
   */
  UPLOAD_NOT_ALLOWED: 403,
  INVALID_MODEL: 422,
  /** With a chain: a registration of a model file that ModelRegistry does not publish under that name, version and format. */
  MODEL_NOT_PUBLISHED: 422,
  HASH_MISMATCH: 422,
  NOT_FOUND: 404,
  UNKNOWN_MODEL: 404,
  BLOB_NOT_FOUND: 404,
  VERSION_EXISTS: 409,
  DUPLICATE_REQUEST: 409,
  /**
   * A node refused a registration (POST /v1/models): it serves as many name@version entries as it takes
   * (`--max-models`), or the file already has as many names as one file may (`--max-names-per-model`).
   */
  TOO_MANY_MODELS: 409,
  TIMEOUT: 504,
  BODY_TOO_LARGE: 413,
  INPUT_TOO_LARGE: 413,
  MODEL_TOO_LARGE: 413,
  NOT_ENOUGH_NODES: 422,
  RECEIPT_INVALID: 422,
  /** A contract refused a transaction or call (details: the custom error's name and arguments). */
  CHAIN_REVERTED: 422,
  NO_QUORUM: 502,
  NODE_UNAVAILABLE: 503,
  /** The chain's JSON-RPC endpoint cannot be reached, or is not the chain the deployment names. */
  CHAIN_UNAVAILABLE: 503,
  /** The node's blob store is at its quota (`--max-store-bytes`), after collecting blobs no model uses. */
  STORE_FULL: 507,
  ENGINE_ERROR: 500,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in errorStatus;
}

export function httpStatusOf(code: ErrorCode): number {
  return errorStatus[code];
}

export type ErrorDetails = Record<string, unknown>;

export class VerityError extends Error {
  override readonly name: string = 'VerityError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetails; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }

  get status(): number {
    return httpStatusOf(this.code);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        details: this.details,
        type: this.status >= 500 ? 'server_error' : 'invalid_request_error',
        param: paramOf(this.details),
      },
    };
  }
}

/**
 * The Protocol v1 error body. `type` and `param` are OpenAI's fields, so that OpenAI's clients report these
 * errors as they report OpenAI's own: `type` is `invalid_request_error` for 4xx and `server_error` for 5xx,
 * `param` the request field at fault when one is (else null).
 */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetails; type: string; param: string | null };
}

function paramOf(details: ErrorDetails): string | null {
  if (typeof details.param === 'string') return details.param;
  const issues = details.issues;
  if (Array.isArray(issues)) {
    const path = (issues[0] as { path?: unknown } | undefined)?.path;
    if (typeof path === 'string' && path.length > 0) return path;
  }
  return null;
}

/** Rebuilds a VerityError from an HTTP error body; unknown shapes become INTERNAL with the raw text. */
export function errorFromBody(status: number, body: unknown): VerityError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && isErrorCode(error.code)) {
    const details = typeof error.details === 'object' && error.details !== null ? (error.details as ErrorDetails) : {};
    return new VerityError(error.code, String(error.message ?? error.code), { details: { ...details, status } });
  }
  return new VerityError(status >= 500 ? 'NODE_UNAVAILABLE' : 'INVALID_REQUEST', `HTTP ${status}`, {
    details: { status, body },
  });
}
