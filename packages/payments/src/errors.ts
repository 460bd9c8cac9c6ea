/**
 * Payment errors: VerityError with `details.x402Code`, the scheme's error code (the names @x402/evm 2.27.0 uses,
 * e.g. invalid_batch_settlement_evm_voucher_signature) so a client can switch on it. Where the scheme names no code,
 * ours follows its pattern and is listed here.
 */
import { VerityError } from '@verity/protocol';

export const x402Codes = {
  invalidPayload: 'invalid_payload',
  invalidVersion: 'invalid_x402_version',
  invalidScheme: 'invalid_batch_settlement_evm_scheme',
  networkMismatch: 'invalid_batch_settlement_evm_network_mismatch',
  payloadType: 'invalid_batch_settlement_evm_payload_type',
  channelIdMismatch: 'invalid_batch_settlement_evm_channel_id_mismatch',
  receiverMismatch: 'invalid_batch_settlement_evm_receiver_mismatch',
  receiverAuthorizerMismatch: 'invalid_batch_settlement_evm_receiver_authorizer_mismatch',
  tokenMismatch: 'invalid_batch_settlement_evm_token_mismatch',
  withdrawDelayMismatch: 'invalid_batch_settlement_evm_withdraw_delay_mismatch',
  withdrawDelayOutOfRange: 'invalid_batch_settlement_evm_withdraw_delay_out_of_range',
  voucherSignature: 'invalid_batch_settlement_evm_voucher_signature',
  channelNotFound: 'invalid_batch_settlement_evm_channel_not_found',
  cumulativeExceedsBalance: 'invalid_batch_settlement_evm_cumulative_exceeds_balance',
  cumulativeBelowClaimed: 'invalid_batch_settlement_evm_cumulative_below_claimed',
  cumulativeAmountMismatch: 'invalid_batch_settlement_evm_cumulative_amount_mismatch',
  channelBusy: 'invalid_batch_settlement_evm_channel_busy',
  depositTransactionFailed: 'invalid_batch_settlement_evm_deposit_transaction_failed',
  rpcReadFailed: 'invalid_batch_settlement_evm_rpc_read_failed',
  refundNoBalance: 'invalid_batch_settlement_evm_refund_no_balance',
  refundAmountInvalid: 'invalid_batch_settlement_evm_refund_amount_invalid',
  refundTransactionFailed: 'invalid_batch_settlement_evm_refund_transaction_failed',
  /** Ours (the scheme names none): the payer started a withdrawal that finalizes too soon to serve more on it. */
  withdrawalPending: 'invalid_batch_settlement_evm_withdrawal_pending',
  /** Ours: a large body sent without a payment or an API key, answered before it was read. */
  bodyNotRead: 'payment_required_before_body',
} as const;

export type X402Code = (typeof x402Codes)[keyof typeof x402Codes] | (string & {});

/**
 * A payment the gate refuses: PAYMENT_REQUIRED (402); the HTTP layer answers it with a PAYMENT-REQUIRED header
 * (see `isPaymentError`).
 */
export function paymentError(x402Code: X402Code, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
  return new VerityError('PAYMENT_REQUIRED', message, {
    details: { x402Code, ...details },
    ...(cause === undefined ? {} : { cause }),
  });
}

export function isPaymentError(error: unknown): error is VerityError & { details: { x402Code: string } } {
  return error instanceof VerityError && typeof error.details.x402Code === 'string';
}
