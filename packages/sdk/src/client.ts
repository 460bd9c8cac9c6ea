/**
 * The Verity client: where to reach a node or router, and how (timeout, connection pool, verification), with every
 * action bound to it. Actions live one per file and take a `Client` as their first argument, so they also work
 * without this object (and tree-shake).
 */
import { VerityError } from '@verity/protocol';
import type { Dispatcher } from 'undici';
import { type AddStakeReturnType, addStake } from './actions/addStake.js';
import { type ChatParameters, type ChatReturnType, chat } from './actions/chat.js';
import { type ChatStreamParameters, type ChatStreamReturnType, chatStream } from './actions/chatStream.js';
import { type CompleteParameters, type CompleteReturnType, complete } from './actions/complete.js';
import { type CompleteStreamParameters, type CompleteStreamReturnType, completeStream } from './actions/completeStream.js';
import { type GetChainStatusParameters, type GetChainStatusReturnType, getChainStatus } from './actions/getChainStatus.js';
import { type GetReceiptParameters, type GetReceiptReturnType, getReceipt } from './actions/getReceipt.js';
import { type HealthReturnType, health } from './actions/health.js';
import { type InferParameters, type InferReturnType, infer } from './actions/infer.js';
import { type ListModelsReturnType, listModels } from './actions/listModels.js';
import { type ListNodesReturnType, listNodes } from './actions/listNodes.js';
import { type PublishModelParameters, type PublishModelReturnType, publishModel } from './actions/publishModel.js';
import { type PushModelParameters, type PushModelReturnType, pushModel } from './actions/pushModel.js';
import { type RegisterNodeParameters, type RegisterNodeReturnType, registerNode } from './actions/registerNode.js';
import {
  type ReportEquivocationParameters,
  type ReportEquivocationReturnType,
  reportEquivocation,
} from './actions/reportEquivocation.js';
import { type RequestUnstakeReturnType, requestUnstake } from './actions/requestUnstake.js';
import { type VerifyOnChainParameters, type VerifyOnChainReturnType, verifyOnChain } from './actions/verifyOnChain.js';
import {
  type VerifySettlementParameters,
  type VerifySettlementReturnType,
  verifySettlement,
} from './actions/verifySettlement.js';
import { type WithdrawStakeReturnType, withdrawStake } from './actions/withdrawStake.js';
import { type ChainConfig, type ChainContext, createChainContext } from './chain.js';
import { type BalanceReturnType, balance } from './actions/balance.js';
import { type DepositReturnType, deposit } from './actions/deposit.js';
import { type GetEarningsParameters, type GetEarningsReturnType, getEarnings } from './actions/getEarnings.js';
import { type ClaimFeesReturnType, claimFees } from './actions/claimFees.js';
import { type WithdrawFeesParameters, type WithdrawFeesReturnType, withdrawFees } from './actions/withdrawFees.js';
import {
  type GetModelEarningsParameters,
  type GetModelEarningsReturnType,
  getModelEarnings,
} from './actions/getModelEarnings.js';
import { type RefundParameters, type RefundReturnType, refund } from './actions/refund.js';
import { type CreateApiKeyParameters, type CreateApiKeyReturnType, createApiKey } from './actions/createApiKey.js';
import { type GetApiKeyReturnType, getApiKey } from './actions/getApiKey.js';
import { type RevokeApiKeyReturnType, revokeApiKey } from './actions/revokeApiKey.js';
import { type WithdrawParameters, type WithdrawReturnType, withdraw } from './actions/withdraw.js';
import { type PaymentConfig, type PaymentContext, createPaymentContext } from './payment.js';
import { type PutBlobParameters, type PutBlobReturnType, putBlob } from './actions/putBlob.js';
import { type RegisterModelParameters, type RegisterModelReturnType, registerModel } from './actions/registerModel.js';
import { type VerifyParameters, type VerifyReturnType, verify } from './actions/verify.js';
import { type VerifyTextParameters, type VerifyTextReturnType, verifyText } from './actions/verifyText.js';

export interface ClientConfig {
  /** Base URL of a node or a router, e.g. `http://127.0.0.1:7070`. */
  url: string;
  /** Longest wait for a response's headers, or between two chunks of a body, in milliseconds. */
  timeoutMs?: number;
  /** Check the receipts of every infer response and text answer offline and throw RECEIPT_INVALID when a check fails. */
  verify?: boolean;
  /** undici connection pool to use; defaults to the shared keep-alive agent of @verity/http. */
  dispatcher?: Dispatcher;
  /**
   * The chain the network settles on: for publishing models, operating a node, and verifying settled receipts.
   * Without it the client speaks HTTP only.
   */
  chain?: ChainConfig;
  /**
   * Pay for priced requests with x402 `batch-settlement`, invisibly: a 402 is answered with a deposit (first) or a
   * voucher, and the request retried. With `chain` too, the channel survives restarts (it is read from the chain)
   * and the wallet actions (deposit, balance, withdraw, refund) work.
   */
  payment?: PaymentConfig;
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
  /** The chain, when the client was given one (viem clients made on first use; the key only inside the wallet's account). */
  readonly chain?: ChainContext;
  /** The payer, when the client was given a payment key (the key only inside the x402 signer). */
  readonly payment?: PaymentContext;
}

export const defaultClientConfig = { timeoutMs: 30_000, verify: true } as const satisfies Partial<ClientConfig>;

export type PutBlobOptions = Omit<PutBlobParameters, 'source'>;
export type PushModelOptions = Omit<PushModelParameters, 'path'>;
export type VerifyOptions = Omit<VerifyParameters, 'response'>;
export type VerifyTextOptions = Omit<VerifyTextParameters, 'answer'>;

export interface VerityClient extends Client {
  health(): Promise<HealthReturnType>;
  listModels(): Promise<ListModelsReturnType>;
  /** Uploads model bytes, or the file at a path (streamed from disk). */
  putBlob(source: Uint8Array | string, options?: PutBlobOptions): Promise<PutBlobReturnType>;
  registerModel(parameters: RegisterModelParameters): Promise<RegisterModelReturnType>;
  /** putBlob + registerModel for a model file on disk. */
  pushModel(path: string, options: PushModelOptions): Promise<PushModelReturnType>;
  infer(parameters: InferParameters): Promise<InferReturnType>;
  getReceipt(requestId: string, options?: Omit<GetReceiptParameters, 'requestId'>): Promise<GetReceiptReturnType>;
  /** A language model's answer to a conversation (POST /v1/chat/completions), its receipts checked. */
  chat(parameters: ChatParameters): Promise<ChatReturnType>;
  /** The same, streamed: iterate the text as it comes, then `completion()` gives the checked answer. */
  chatStream(parameters: ChatStreamParameters): Promise<ChatStreamReturnType>;
  /** A language model's continuation of a prompt (POST /v1/completions), its receipts checked. */
  complete(parameters: CompleteParameters): Promise<CompleteReturnType>;
  /** The same, streamed. */
  completeStream(parameters: CompleteStreamParameters): Promise<CompleteStreamReturnType>;
  /** Offline: checks a response's receipts with no network access. */
  verify(response: VerifyParameters['response'], options?: VerifyOptions): VerifyReturnType;
  /** Offline: checks a chat or completion answer's receipts (and, given the request sent, its inputHash). */
  verifyText(answer: VerifyTextParameters['answer'], options?: VerifyTextOptions): VerifyTextReturnType;
  /** Chain: is this receipt included in the root its executor posted for the epoch? */
  verifyOnChain(parameters: VerifyOnChainParameters): Promise<VerifyOnChainReturnType>;
  /** Chain and HTTP: fetches a receipt's settlement from its executor's node and checks it on chain. */
  verifySettlement(parameters: VerifySettlementParameters): Promise<VerifySettlementReturnType>;
  /** Chain: publishes a model version on ModelRegistry with the client's key (idempotent). */
  publishModel(parameters: PublishModelParameters): Promise<PublishModelReturnType>;
  /** Chain: registers the client's key as a node operator, staking VRT. */
  registerNode(parameters: RegisterNodeParameters): Promise<RegisterNodeReturnType>;
  /** Slashes an executor that signed two answers to one request (Disputes); the caller gets the reward. */
  reportEquivocation(parameters: ReportEquivocationParameters): Promise<ReportEquivocationReturnType>;
  /** Chain: adds VRT (in wei) to the client's stake. */
  addStake(amountWei: bigint): Promise<AddStakeReturnType>;
  /** Chain: leaves the network (inactive at once; the stake can be withdrawn after the unstake delay). */
  requestUnstake(): Promise<RequestUnstakeReturnType>;
  /** Chain: takes the stake back once the unstake delay has passed. */
  withdrawStake(): Promise<WithdrawStakeReturnType>;
  /** Chain: every registered node operator. */
  listNodes(): Promise<ListNodesReturnType>;
  /** Chain: block, contracts, parameters, operators, active nodes, models. */
  getChainStatus(parameters?: GetChainStatusParameters): Promise<GetChainStatusReturnType>;
  /** Payments (chain and payment key): adds `amount` token base units to the client's channel with the router. */
  deposit(parameters: { amount: bigint }): Promise<DepositReturnType>;
  /** Payments: the channel on chain, what the router charged, and the payer's token balance. */
  balance(): Promise<BalanceReturnType>;
  /** Payments: starts the timed withdrawal of the unclaimed funds; `{ finalize: true }` completes it after the delay. */
  withdraw(parameters?: WithdrawParameters): Promise<WithdrawReturnType>;
  /** Payments: asks the router for a cooperative refund of what was not charged, at once (else: withdraw). */
  refund(parameters?: RefundParameters): Promise<RefundReturnType>;
  /**
   * Payments (chain and payment key): a new API key on a prepaid channel, or `key` topped up; any OpenAI client
   * then pays with it (`Authorization: Bearer <key>`), never beyond the deposit.
   */
  createApiKey(parameters: CreateApiKeyParameters): Promise<CreateApiKeyReturnType>;
  /** Payments (the key alone): the key's deposit, usage and what is left, as the router sees them. */
  getApiKey(key: string): Promise<GetApiKeyReturnType>;
  /** Payments (the key alone): refunds the key's unspent deposit to its payer at once; the key spends nothing more. */
  revokeApiKey(key: string): Promise<RevokeApiKeyReturnType>;
  /** Chain: what the settlement contract claimed and paid out for a receiver (a router operator). */
  getEarnings(parameters: GetEarningsParameters): Promise<GetEarningsReturnType>;
  /**
   * Payments (chain, key and router): claims the client's executor share of the fee split from the FeeSplitter,
   * each charge against the client's own settled receipt.
   */
  claimFees(): Promise<ClaimFeesReturnType>;
  /** Payments (chain and key): pays the client's account what the FeeSplitter owes it. */
  withdrawFees(parameters?: WithdrawFeesParameters): Promise<WithdrawFeesReturnType>;
  /** Chain: the fees allocated to a model's answers (gross) and its publisher's royalty, from the FeeSplitter. */
  getModelEarnings(parameters: GetModelEarningsParameters): Promise<GetModelEarningsReturnType>;
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
    ...(config.chain ? { chain: createChainContext(config.chain) } : {}),
    ...(config.payment
      ? {
          payment: createPaymentContext(
            config.payment,
            config.chain
              ? { deployment: config.chain.deployment, rpcUrl: config.chain.rpcUrl ?? config.chain.deployment.rpcUrl }
              : undefined,
          ),
        }
      : {}),
  };
  return {
    ...client,
    health: () => health(client),
    listModels: () => listModels(client),
    putBlob: (source, options = {}) => putBlob(client, { ...options, source }),
    registerModel: (parameters) => registerModel(client, parameters),
    pushModel: (path, options) => pushModel(client, { ...options, path }),
    infer: (parameters) => infer(client, parameters),
    getReceipt: (requestId, options = {}) => getReceipt(client, { ...options, requestId }),
    chat: (parameters) => chat(client, parameters),
    chatStream: (parameters) => chatStream(client, parameters),
    complete: (parameters) => complete(client, parameters),
    completeStream: (parameters) => completeStream(client, parameters),
    verify: (response, options = {}) => verify(client, { ...options, response }),
    verifyText: (answer, options = {}) => verifyText(client, { ...options, answer }),
    verifyOnChain: (parameters) => verifyOnChain(client, parameters),
    verifySettlement: (parameters) => verifySettlement(client, parameters),
    publishModel: (parameters) => publishModel(client, parameters),
    registerNode: (parameters) => registerNode(client, parameters),
    reportEquivocation: (parameters) => reportEquivocation(client, parameters),
    addStake: (amountWei) => addStake(client, { amountWei }),
    requestUnstake: () => requestUnstake(client),
    withdrawStake: () => withdrawStake(client),
    listNodes: () => listNodes(client),
    getChainStatus: (parameters = {}) => getChainStatus(client, parameters),
    deposit: (parameters) => deposit(client, parameters),
    balance: () => balance(client),
    withdraw: (parameters = {}) => withdraw(client, parameters),
    refund: (parameters = {}) => refund(client, parameters),
    createApiKey: (parameters) => createApiKey(client, parameters),
    getApiKey: (key) => getApiKey(client, { key }),
    revokeApiKey: (key) => revokeApiKey(client, { key }),
    getEarnings: (parameters) => getEarnings(client, parameters),
    claimFees: () => claimFees(client),
    withdrawFees: (parameters) => withdrawFees(client, parameters),
    getModelEarnings: (parameters) => getModelEarnings(client, parameters),
  };
}
