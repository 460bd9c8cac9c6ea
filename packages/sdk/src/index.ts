/** @verity/sdk: the TypeScript client of the Verity network. The package's one public entry. */
export {
  type Client,
  type ClientConfig,
  type PushModelOptions,
  type PutBlobOptions,
  type VerifyOptions,
  type VerifyTextOptions,
  type VerityClient,
  createClient,
  defaultClientConfig,
} from './client.js';
export type { ChainConfig, ChainContext, LoadedChain } from './chain.js';
export { resolveModelId } from './chain.js';
export type { Settlement } from './settlement.js';
export type { PaymentConfig, PaymentContext } from './payment.js';
export { type BalanceReturnType, balance } from './actions/balance.js';
export { type DepositParameters, type DepositReturnType, deposit } from './actions/deposit.js';
export { type GetEarningsParameters, type GetEarningsReturnType, getEarnings } from './actions/getEarnings.js';
export { type ClaimFeesReturnType, claimFees } from './actions/claimFees.js';
export { type WithdrawFeesParameters, type WithdrawFeesReturnType, withdrawFees } from './actions/withdrawFees.js';
export {
  type GetModelEarningsParameters,
  type GetModelEarningsReturnType,
  getModelEarnings,
} from './actions/getModelEarnings.js';
export { type RefundParameters, type RefundReturnType, refund } from './actions/refund.js';
export {
  type CreateApiKeyParameters,
  type CreateApiKeyReturnType,
  createApiKey,
} from './actions/createApiKey.js';
export { type GetApiKeyParameters, type GetApiKeyReturnType, getApiKey } from './actions/getApiKey.js';
export { type RevokeApiKeyParameters, type RevokeApiKeyReturnType, revokeApiKey } from './actions/revokeApiKey.js';
export { type WithdrawParameters, type WithdrawReturnType, withdraw } from './actions/withdraw.js';
export { canonicalJson, settlementStatuses } from '@verity/protocol';
export { type AddStakeParameters, type AddStakeReturnType, addStake } from './actions/addStake.js';
export { type GetChainStatusParameters, type GetChainStatusReturnType, getChainStatus } from './actions/getChainStatus.js';
export { type ListNodesReturnType, listNodes } from './actions/listNodes.js';
export {
  type ModelMetadata,
  type PublishModelParameters,
  type PublishModelReturnType,
  modelMetadataHash,
  publishModel,
} from './actions/publishModel.js';
export { type RegisterNodeParameters, type RegisterNodeReturnType, registerNode } from './actions/registerNode.js';
export {
  type ReportEquivocationParameters,
  type ReportEquivocationReturnType,
  reportEquivocation,
} from './actions/reportEquivocation.js';
export { type RequestUnstakeReturnType, requestUnstake } from './actions/requestUnstake.js';
export { type VerifyOnChainParameters, type VerifyOnChainReturnType, verifyOnChain } from './actions/verifyOnChain.js';
export {
  type VerifySettlementParameters,
  type VerifySettlementReturnType,
  verifySettlement,
} from './actions/verifySettlement.js';
export { type WithdrawStakeReturnType, withdrawStake } from './actions/withdrawStake.js';
export { type GetReceiptParameters, type GetReceiptReturnType, getReceipt, isTextAnswer } from './actions/getReceipt.js';
export { type HealthReturnType, health } from './actions/health.js';
export { type InferParameters, type InferReturnType, checkInferResponse, infer } from './actions/infer.js';
export { type ListModelsReturnType, listModels } from './actions/listModels.js';
export { type PushModelParameters, type PushModelReturnType, modelFormatOf, pushModel } from './actions/pushModel.js';
export {
  type ProgressCallback,
  type PutBlobParameters,
  type PutBlobReturnType,
  putBlob,
  sha256Header,
} from './actions/putBlob.js';
export { type RegisterModelParameters, type RegisterModelReturnType, registerModel } from './actions/registerModel.js';
export { type VerifyParameters, type VerifyReturnType, verify } from './actions/verify.js';
export {
  type ChatMessageParameter,
  type ChatParameters,
  type ChatReturnType,
  type ResponseFormatParameter,
  chat,
} from './actions/chat.js';
export { type ChatStreamParameters, type ChatStreamReturnType, chatStream } from './actions/chatStream.js';
export { type CompleteParameters, type CompleteReturnType, complete } from './actions/complete.js';
export { type CompleteStreamParameters, type CompleteStreamReturnType, completeStream } from './actions/completeStream.js';
export { type VerifyTextParameters, type VerifyTextReturnType, verifyText } from './actions/verifyText.js';
export type { TextAnswer, TextParameters, TextStream } from './text.js';
export {
  type ChatCompletion,
  type Check,
  type ErrorCode,
  type InferResponse,
  type ModelEntry,
  type ModelList,
  type SignedReceipt,
  type Tensor,
  type TensorMap,
  type TextCompletion,
  type VerificationReport,
  VerityError,
  generatedText,
  verifyInferResponse,
  verifyReceipt,
  verifyTextResponse,
} from '@verity/protocol';
