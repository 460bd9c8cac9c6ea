/**
 * The x402 `batch-settlement` wire formats the gate reads and writes: the PAYMENT-SIGNATURE envelope and its
 * decoding (x402 version, scheme and network checked against the requirements), the voucher, deposit and refund
 * payload schemas, and the channel state a PAYMENT-RESPONSE (and a corrective 402) carries.
 */
import { decodePaymentSignatureHeader } from '@x402/core/http';
import type { PaymentRequirements } from '@x402/core/types';
import type { Address, Hex } from 'viem';
import { z } from 'zod';
import { paymentError, x402Codes } from './errors.js';
import type { ChannelRecord } from './store.js';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/) as unknown as z.ZodType<Hex>;
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/) as unknown as z.ZodType<Address>;
const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/) as unknown as z.ZodType<Hex>;
const uint = z.string().regex(/^\d{1,39}$/);

const ChannelConfigSchema = z.object({
  payer: address,
  payerAuthorizer: address,
  receiver: address,
  receiverAuthorizer: address,
  token: address,
  withdrawDelay: z.number().int().nonnegative(),
  salt: bytes32,
});
const VoucherSchema = z.object({ channelId: bytes32, maxClaimableAmount: uint, signature: hex });
/** A request's payment: a voucher on a funded channel, or a deposit with the voucher. */
export const BatchPayloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('voucher'), channelConfig: ChannelConfigSchema, voucher: VoucherSchema }),
  z.object({
    type: z.literal('deposit'),
    channelConfig: ChannelConfigSchema,
    voucher: VoucherSchema,
    deposit: z.object({ amount: uint, authorization: z.record(z.string(), z.unknown()) }),
  }),
]);
/** The official client's cooperative refund request: a zero-charge voucher at the charged total (@x402/evm refundChannel). */
export const RefundPayloadSchema = z.object({
  type: z.literal('refund'),
  channelConfig: ChannelConfigSchema,
  voucher: VoucherSchema,
  amount: uint.optional(),
});
const PaymentPayloadSchema = z.object({
  x402Version: z.number(),
  accepted: z.object({ scheme: z.string(), network: z.string() }).loose(),
  payload: z.record(z.string(), z.unknown()),
});

/** A decoded PAYMENT-SIGNATURE: the x402 envelope, its scheme payload not yet parsed. */
export type PaymentEnvelope = z.infer<typeof PaymentPayloadSchema>;

/** Decodes PAYMENT-SIGNATURE and checks the envelope (version, scheme, network) against `requirements`. */
export function decodePaymentEnvelope(header: string | undefined, requirements: PaymentRequirements): PaymentEnvelope {
  if (!header) throw paymentError(x402Codes.invalidPayload, 'payment required: no PAYMENT-SIGNATURE header');
  let decoded: unknown;
  try {
    decoded = decodePaymentSignatureHeader(header);
  } catch (cause) {
    throw paymentError(x402Codes.invalidPayload, 'PAYMENT-SIGNATURE is not base64 JSON', {}, cause);
  }
  const envelope = PaymentPayloadSchema.safeParse(decoded);
  if (!envelope.success) throw paymentError(x402Codes.invalidPayload, 'PAYMENT-SIGNATURE is not an x402 payment payload');
  if (envelope.data.x402Version !== 2) {
    throw paymentError(x402Codes.invalidVersion, `x402Version ${envelope.data.x402Version} is not supported (2 is)`);
  }
  if (envelope.data.accepted.scheme !== requirements.scheme) {
    throw paymentError(x402Codes.invalidScheme, `scheme ${envelope.data.accepted.scheme} is not ${requirements.scheme}`);
  }
  if (envelope.data.accepted.network !== requirements.network) {
    throw paymentError(x402Codes.networkMismatch, `network ${envelope.data.accepted.network} is not ${requirements.network}`);
  }
  return envelope.data;
}

/** The channel state a PAYMENT-RESPONSE (and a corrective 402) carries, in the scheme's shape. */
export function channelStateOf(channel: ChannelRecord): Record<string, unknown> {
  return {
    channelId: channel.channelId,
    balance: String(channel.balance),
    totalClaimed: String(channel.totalClaimed),
    withdrawRequestedAt: channel.withdrawInitiatedAt,
    refundNonce: String(channel.refundNonce),
    chargedCumulativeAmount: String(channel.charged),
  };
}
