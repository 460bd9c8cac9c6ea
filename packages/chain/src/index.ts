/**
 * @verity/chain: the typed client of Verity's contracts (viem; one action per file, each taking the client and
 * the contract's address first), the anvil devnet launcher, the deployment file, and the gas report.
 */
export {
  type Anvil,
  type AnvilOptions,
  anvilBinaryPath,
  anvilChainId,
  anvilMnemonic,
  anvilPrivateKeys,
  defaultAnvilOptions,
  startAnvil,
} from './anvil.js';
export { type ChainClients, type ChainClientsOptions, createChainClients, verityChain } from './clients.js';
export { type Deployment, DeploymentSchema, readDeployment, writeDeployment } from './deployment.js';
export { ChainError, type ChainErrorReason, chainErrorCodes, revertError, revertErrorName } from './errors.js';
export { type FeeCharge, buildChargeTree, chargeDigest, chargeLeaf, chargeTypeHash } from './charges.js';
export { type GasReport, type MeasureGasOptions, formatGasReport, measureGas } from './gas.js';
export {
  type ModelRecord,
  type NodeRecord,
  type PricedRecord,
  type ReadClient,
  type ReceiptStruct,
  type VerityContracts,
  type WriteClient,
  type WriteResult,
  priceOfRecord,
  toReceiptStruct,
} from './types.js';

export { type AddStakeParameters, type AddStakeReturnType, addStake } from './actions/addStake.js';
export { type ApproveTokensParameters, type ApproveTokensReturnType, approveTokens } from './actions/approveTokens.js';
export {
  type DeployExampleConsumerParameters,
  type DeployExampleConsumerReturnType,
  deployExampleConsumer,
} from './actions/deployExampleConsumer.js';
export {
  type DeployVerityParameters,
  type DeployVerityReturnType,
  defaultDeployOptions,
  deployVerity,
} from './actions/deployVerity.js';
export { type DeprecateModelParameters, type DeprecateModelReturnType, deprecateModel } from './actions/deprecateModel.js';
export { type GetModelParameters, type GetModelReturnType, getModel } from './actions/getModel.js';
export {
  type GetModelRegisteredEventsParameters,
  type GetModelRegisteredEventsReturnType,
  type ModelRegisteredEvent,
  getModelRegisteredEvents,
} from './actions/getModelRegisteredEvents.js';
export { type GetNodeParameters, type GetNodeReturnType, getNode } from './actions/getNode.js';
export { type GetRootParameters, type GetRootReturnType, getRoot } from './actions/getRoot.js';
export {
  type GetRootPostedEventsParameters,
  type GetRootPostedEventsReturnType,
  type RootPostedEvent,
  getRootPostedEvents,
} from './actions/getRootPostedEvents.js';
export { type GetTokenBalanceParameters, type GetTokenBalanceReturnType, getTokenBalance } from './actions/getTokenBalance.js';
export { type HeartbeatReturnType, heartbeat } from './actions/heartbeat.js';
export { type ListActiveNodesParameters, type ListActiveNodesReturnType, listActiveNodes } from './actions/listActiveNodes.js';
export { type ListNodesParameters, type ListNodesReturnType, listNodes } from './actions/listNodes.js';
export { type MintTokensParameters, type MintTokensReturnType, mintTokens } from './actions/mintTokens.js';
export { type PostRootParameters, type PostRootReturnType, postRoot } from './actions/postRoot.js';
export { type RegisterModelParameters, type RegisterModelReturnType, registerModel } from './actions/registerModel.js';
export { type RegisterNodeParameters, type RegisterNodeReturnType, registerNode } from './actions/registerNode.js';
export { type RequestUnstakeReturnType, requestUnstake } from './actions/requestUnstake.js';
export { type ResolveModelParameters, type ResolveModelReturnType, resolveModel } from './actions/resolveModel.js';
export { type SetNodeModelsParameters, type SetNodeModelsReturnType, setNodeModels } from './actions/setNodeModels.js';
export { type UpdateNodeParameters, type UpdateNodeReturnType, updateNode } from './actions/updateNode.js';
export {
  type ReceiptStatus,
  type VerifyReceiptOnChainParameters,
  type VerifyReceiptOnChainReturnType,
  receiptStatuses,
  verifyReceiptOnChain,
} from './actions/verifyReceiptOnChain.js';
export { type WithdrawStakeReturnType, withdrawStake } from './actions/withdrawStake.js';
export {
  type ChannelConfig,
  type ChannelTerms,
  type Erc3009DepositAuthorization,
  batchSettlementAddress,
  batchSettlementDomain,
  batchSettlementDomainNameVersion,
  cancelAuthorizationTypes,
  channelConfigTypes,
  channelIdOf,
  claimBatchTypes,
  erc3009CollectorData,
  erc3009DepositCollectorAddress,
  erc3009DepositNonce,
  keyChannelConfig,
  maxWithdrawDelaySeconds,
  minWithdrawDelaySeconds,
  permit2DepositCollectorAddress,
  receiveWithAuthorizationTypes,
  refundTypes,
  transferWithAuthorizationTypes,
  verityTokenDomainNameVersion,
  voucherTypes,
} from './batch-settlement.js';
export { type GetChannelParameters, type GetChannelReturnType, getChannel } from './actions/getChannel.js';
export { type InstallBatchSettlementReturnType, installBatchSettlement } from './actions/installBatchSettlement.js';
export { type InstallMulticall3ReturnType, installMulticall3, multicall3Address } from './actions/installMulticall3.js';
export {
  type DeployFeeSplitterParameters,
  type DeployFeeSplitterReturnType,
  deployFeeSplitter,
} from './actions/deployFeeSplitter.js';
export {
  type ChargeClaim,
  type ClaimChargesParameters,
  type ClaimChargesReturnType,
  claimCharges,
} from './actions/claimCharges.js';
export {
  type FindChargeRootParameters,
  type FindChargeRootReturnType,
  findChargeRoot,
} from './actions/findChargeRoot.js';
export {
  type GetChargeRootParameters,
  type GetChargeRootReturnType,
  getChargeRoot,
} from './actions/getChargeRoot.js';
export { type IsChargePaidParameters, type IsChargePaidReturnType, isChargePaid } from './actions/isChargePaid.js';
export { type PostChargesParameters, type PostChargesReturnType, postCharges } from './actions/postCharges.js';
export { type ReleaseChargesParameters, type ReleaseChargesReturnType, releaseCharges } from './actions/releaseCharges.js';
export { ModelRecords } from './model-records.js';
export { type Registration, requirePublished } from './publication.js';
export { type GetFeeSplitterConfigReturnType, getFeeSplitterConfig } from './actions/getFeeSplitterConfig.js';
export { type GetFeeBalancesParameters, type GetFeeBalancesReturnType, getFeeBalances } from './actions/getFeeBalances.js';
export {
  type GetModelEarningsParameters,
  type GetModelEarningsReturnType,
  getModelEarnings,
} from './actions/getModelEarnings.js';
export { type GetUndistributedFeesReturnType, getUndistributedFees } from './actions/getUndistributedFees.js';
export { type WithdrawFeesParameters, type WithdrawFeesReturnType, withdrawFees } from './actions/withdrawFees.js';
export {
  type ReportEquivocationParameters,
  type ReportEquivocationReturnType,
  isEquivocationSlashed,
  reportEquivocation,
} from './actions/reportEquivocation.js';
export {
  type GetNodeRegistryParametersParameters,
  type GetNodeRegistryParametersReturnType,
  getNodeRegistryParameters,
} from './actions/getNodeRegistryParameters.js';
export {
  type GetReceiverTotalsParameters,
  type GetReceiverTotalsReturnType,
  getReceiverTotals,
} from './actions/getReceiverTotals.js';
export {
  type DepositToChannelParameters,
  type DepositToChannelReturnType,
  depositToChannel,
} from './actions/depositToChannel.js';
export {
  type InitiateChannelWithdrawParameters,
  type InitiateChannelWithdrawReturnType,
  initiateChannelWithdraw,
} from './actions/initiateChannelWithdraw.js';
export {
  type FinalizeChannelWithdrawParameters,
  type FinalizeChannelWithdrawReturnType,
  finalizeChannelWithdraw,
} from './actions/finalizeChannelWithdraw.js';
