/**
 * @verity/payments: the resource-server side of x402 v2 `batch-settlement` (EVM): the 402 requirements, the
 * PaymentGate that checks a payment and charges only answered requests, its SQLite store, and the Claimer that
 * claims vouchers in batches and settles. The on-chain parts run through @x402/evm's own facilitator scheme.
 */
export {
  type ClaimBatchResult,
  type ClaimRoundResult,
  Claimer,
  type ClaimerModules,
  type ClaimerOptions,
  defaultClaimerOptions,
} from './claimer.js';
export { type X402Code, isPaymentError, paymentError, x402Codes } from './errors.js';
export {
  type CreateFacilitatorParameters,
  type Facilitator,
  createFacilitator,
  defaultFacilitatorOptions,
  facilitatorSigner,
} from './facilitator.js';
export {
  type Charge,
  PaymentGate,
  type PaymentGateModules,
  type PaymentGateOptions,
  defaultPaymentGateOptions,
} from './gate.js';
export type { Refund } from './refunds.js';
export { channelStateOf } from './wire.js';
export {
  type CorrectiveState,
  type PaymentRequirementsParameters,
  type PaymentRequirementsReturnType,
  batchSettlementScheme,
  defaultRequirementsOptions,
  networkOf,
  paymentRequirements,
  x402Version,
} from './requirements.js';
export {
  type ChannelRecord,
  type OnchainChannelState,
  type PendingCharge,
  type ReserveOutcome,
  PaymentStore,
} from './store.js';
export { recoverVoucherSigner, voucherDigest } from './voucher.js';
export {
  FeeLedger,
  type LedgerCharge,
  type ReceiptSource,
  type SettledReceipt,
  claimSettledCharges,
  postPendingCharges,
} from './fee-ledger.js';
export {
  TransactionQueue,
  type TransactionQueueOptions,
  defaultTransactionQueueOptions,
  isNonceError,
  isQueuedWallet,
  queuedWallet,
  transactionQueueOf,
} from './transactions.js';
export {
  type PaidHttpRequest,
  PaidRequest,
  PaymentRequiredError,
  type PaymentReply,
  ResourcePayments,
  type ResourcePaymentOptions,
  chargeOf,
  defaultPaymentOptions,
} from './resource.js';
