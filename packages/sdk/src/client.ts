/**
 * The Verity client: where to reach a node or router, and how (timeout, connection pool, verification), with every
 * action bound to it. Actions live one per file and take a `Client` as their first argument, so they also work
 * without this object (and tree-shake).
 */
import { VerityError } from '@verity/protocol';
import type { Dispatcher } from 'undici';
import { type GetReceiptReturnType, getReceipt } from './actions/getReceipt.js';
import { type HealthReturnType, health } from './actions/health.js';
import { type InferParameters, type InferReturnType, infer } from './actions/infer.js';
import { type ListModelsReturnType, listModels } from './actions/listModels.js';
import { type PushModelParameters, type PushModelReturnType, pushModel } from './actions/pushModel.js';
import { type PutBlobParameters, type PutBlobReturnType, putBlob } from './actions/putBlob.js';
import {
  type RegisterModelParameters,
  type RegisterModelReturnType,
  registerModel,
} from './actions/registerModel.js';
import { type VerifyParameters, type VerifyReturnType, verify } from './actions/verify.js';

export interface ClientConfig {
  /** Base URL of a node or a router, e.g. `http://127.0.0.1:7070`. */
  url: string;
  /** Longest wait for a response's headers, or between two chunks of a body, in milliseconds. */
  timeoutMs?: number;
  /** Check the receipts of every infer response offline and throw RECEIPT_INVALID when a check fails. */
  verify?: boolean;
  /** undici connection pool to use; defaults to the shared keep-alive agent of @verity/http. */
  dispatcher?: Dispatcher;
}

/**
 * What actions need: resolved settings, with no methods. A VerityClient is a Client too, so it can be passed to
 * the standalone actions.
 */
export interface Client {
  /** Base URL without a trailing slash. */
  readonly url: string;
  readonly timeoutMs: number;
  /** ClientConfig.verify, resolved (the name `verify` is the offline-verification method). */
  readonly verifyResponses: boolean;
  readonly dispatcher?: Dispatcher;
}

export const defaultClientConfig = { timeoutMs: 30_000, verify: true } as const satisfies Partial<ClientConfig>;

export type PutBlobOptions = Omit<PutBlobParameters, 'source'>;
export type PushModelOptions = Omit<PushModelParameters, 'path'>;
export type VerifyOptions = Omit<VerifyParameters, 'response'>;

export interface VerityClient extends Client {
  health(): Promise<HealthReturnType>;
  listModels(): Promise<ListModelsReturnType>;
  /** Uploads model bytes, or the file at a path (streamed from disk). */
  putBlob(source: Uint8Array | string, options?: PutBlobOptions): Promise<PutBlobReturnType>;
  registerModel(parameters: RegisterModelParameters): Promise<RegisterModelReturnType>;
  /** putBlob + registerModel for a model file on disk. */
  pushModel(path: string, options: PushModelOptions): Promise<PushModelReturnType>;
  infer(parameters: InferParameters): Promise<InferReturnType>;
  getReceipt(requestId: string): Promise<GetReceiptReturnType>;
  /** Offline: checks a response's receipts with no network access. */
  verify(response: VerifyParameters['response'], options?: VerifyOptions): VerifyReturnType;
}

function baseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new VerityError('INVALID_REQUEST', `not a URL: "${url}"`, { cause, details: { url } });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new VerityError('INVALID_REQUEST', `expected an http or https URL, got "${url}"`, { details: { url } });
  }
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

export function createClient(config: ClientConfig): VerityClient {
  const client: Client = {
    url: baseUrl(config.url),
    timeoutMs: config.timeoutMs ?? defaultClientConfig.timeoutMs,
    verifyResponses: config.verify ?? defaultClientConfig.verify,
    ...(config.dispatcher ? { dispatcher: config.dispatcher } : {}),
  };
  return {
    ...client,
    health: () => health(client),
    listModels: () => listModels(client),
    putBlob: (source, options = {}) => putBlob(client, { ...options, source }),
    registerModel: (parameters) => registerModel(client, parameters),
    pushModel: (path, options) => pushModel(client, { ...options, path }),
    infer: (parameters) => infer(client, parameters),
    getReceipt: (requestId) => getReceipt(client, { requestId }),
    verify: (response, options = {}) => verify(client, { ...options, response }),
  };
}
