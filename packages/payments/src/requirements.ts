/**
 * What a priced resource answers without a valid payment: the x402 v2 PAYMENT-REQUIRED header (base64 JSON,
 * `accepts` with one `batch-settlement` requirement on `eip155:<chainId>`) and the price in words for the body.
 * Encoding is @x402/core's, so any x402 client reads it.
 */
import { encodePaymentRequiredHeader } from '@x402/core/http';
import type { PaymentRequired, PaymentRequirements } from '@x402/core/types';
import { maxWithdrawDelaySeconds, minWithdrawDelaySeconds, verityTokenDomainNameVersion } from '@verity/chain';
import { VerityError, stripUndefined } from '@verity/protocol';
import { type Address, formatUnits, getAddress } from 'viem';

export const x402Version = 2;
export const batchSettlementScheme = 'batch-settlement';

export const defaultRequirementsOptions = {
  /** VerityToken's EIP-712 name and version: the ERC-3009 deposit signs under them. */
  tokenName: verityTokenDomainNameVersion.name,
  tokenVersion: verityTokenDomainNameVersion.version,
  decimals: 18,
  symbol: 'VRT',
  /** How long a client may take between the 402 and its paid retry. */
  maxTimeoutSeconds: 300,
} as const;

export interface PaymentRequirementsParameters {
  chainId: number;
  /** The ERC-20 (EIP-3009) token paid in. */
  token: Address;
  /** Price of one request, in the token's base units (the per-request ceiling a voucher adds). */
  amount: bigint;
  /** The channel receiver: where settled funds go. */
  payTo: Address;
  /** Signs claim batches and refunds for the receiver side (extra.receiverAuthorizer). */
  receiverAuthorizer: Address;
  /** Seconds between a payer's initiateWithdraw and finalizeWithdraw (900 s .. 30 days). */
  withdrawDelay: number;
  /** The URL of the resource. */
  resource: string;
  description: string;
  mimeType?: string;
  tokenName?: string;
  tokenVersion?: string;
  decimals?: number;
  symbol?: string;
  maxTimeoutSeconds?: number;
  /** Base units a first deposit should at least bring (extra.minDeposit, a hint the official client follows). */
  minDeposit?: bigint;
}

export interface PaymentRequirementsReturnType {
  /** The value of the PAYMENT-REQUIRED header. */
  header: string;
  paymentRequired: PaymentRequired;
  /** accepts[0]: what a PaymentGate checks a payment against. */
  requirements: PaymentRequirements;
  /** The price in words, for the body of the 402. */
  price: string;
}

/** Corrective state a 402 carries when the client's voucher base is stale (the official client resyncs from it). */
export interface CorrectiveState {
  /** The scheme error code, e.g. invalid_batch_settlement_evm_cumulative_amount_mismatch. */
  error: string;
  channelState?: Record<string, unknown>;
  voucherState?: Record<string, unknown>;
}

export function networkOf(chainId: number): `eip155:${number}` {
  return `eip155:${chainId}`;
}

export function paymentRequirements(
  parameters: PaymentRequirementsParameters,
  corrective?: CorrectiveState,
): PaymentRequirementsReturnType {
  const options = { ...defaultRequirementsOptions, ...stripUndefined(parameters) };
  if (parameters.amount <= 0n)
    throw new VerityError('INVALID_REQUEST', 'a price must be positive', { details: { amount: String(parameters.amount) } });
  if (
    !Number.isInteger(parameters.withdrawDelay) ||
    parameters.withdrawDelay < minWithdrawDelaySeconds ||
    parameters.withdrawDelay > maxWithdrawDelaySeconds
  ) {
    throw new VerityError(
      'INVALID_REQUEST',
      `withdrawDelay must be ${minWithdrawDelaySeconds}..${maxWithdrawDelaySeconds} seconds, not ${parameters.withdrawDelay}`,
      { details: { x402Code: 'invalid_batch_settlement_evm_withdraw_delay_out_of_range' } },
    );
  }
  const extra: Record<string, unknown> = {
    name: options.tokenName,
    version: options.tokenVersion,
    receiverAuthorizer: getAddress(parameters.receiverAuthorizer),
    withdrawDelay: parameters.withdrawDelay,
    assetTransferMethod: 'eip3009',
  };
  if (parameters.minDeposit !== undefined) extra.minDeposit = parameters.minDeposit.toString();
  if (corrective?.channelState) extra.channelState = corrective.channelState;
  if (corrective?.voucherState) extra.voucherState = corrective.voucherState;
  const requirements: PaymentRequirements = {
    scheme: batchSettlementScheme,
    network: networkOf(parameters.chainId),
    asset: getAddress(parameters.token),
    amount: parameters.amount.toString(),
    payTo: getAddress(parameters.payTo),
    maxTimeoutSeconds: options.maxTimeoutSeconds,
    extra,
  };
  const paymentRequired: PaymentRequired = {
    x402Version,
    ...(corrective ? { error: corrective.error } : {}),
    resource: {
      url: parameters.resource,
      description: parameters.description,
      mimeType: parameters.mimeType ?? 'application/json',
    },
    accepts: [requirements],
  };
  const price =
    `${parameters.description}: ${formatUnits(parameters.amount, options.decimals)} ${options.symbol} per request at most ` +
    `(${parameters.amount} base units of token ${requirements.asset} on ${requirements.network}; charged the fees the ` +
    `answers' receipts sign, for a language model the tokens they used), paid with x402 ` +
    `batch-settlement: deposit once into a channel, then sign a cumulative voucher with each request; unclaimed ` +
    `funds return to you by refund or a ${parameters.withdrawDelay}-second timed withdrawal.`;
  return { header: encodePaymentRequiredHeader(paymentRequired), paymentRequired, requirements, price };
}
