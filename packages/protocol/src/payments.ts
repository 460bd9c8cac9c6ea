/**
 * The payment routes a router serves beside Protocol v1 (docs/payments.md): the x402 cooperative refund, which the
 * official client sends with GET to a priced route, and the fee split's charges, which an executor claims from the
 * FeeSplitter with its own settled receipts.
 */
import { z } from 'zod';
import { type Hex, addressPattern, bytes32Pattern } from './hex.js';

const Bytes32 = z.string().regex(bytes32Pattern, 'expected 0x and 64 hex digits') as z.ZodType<Hex>;
const Address = z.string().regex(addressPattern, 'expected 0x and 40 hex digits') as z.ZodType<Hex>;
const Uint = z.string().regex(/^\d{1,78}$/, 'an unsigned integer as a decimal string');

/** One agreeing executor's answer the router charged for: a leaf of a charge root once posted. */
export const ChargeSchema = z.object({
  requestId: Bytes32,
  modelId: Bytes32,
  executor: Address,
  /** Token base units: the fee the executor's receipt signs, at most the quoted price. */
  amount: Uint,
  /** The FeeSplitter's id of the charge root holding it; null until posted. */
  rootId: Uint.nullable(),
  /** The charge's proof under that root (empty until posted). */
  proof: z.array(Bytes32),
  /** Whether the FeeSplitter paid it out (to the router's knowledge). */
  paid: z.boolean(),
});
export type Charge = z.infer<typeof ChargeSchema>;

export const ChargeListSchema = z.object({
  object: z.literal('list'),
  /** The FeeSplitter the charges are paid from. */
  feeSplitter: Address,
  data: z.array(ChargeSchema),
});
export type ChargeList = z.infer<typeof ChargeListSchema>;

/**
 * An API key's channel as the router sees it (`GET /v1/key` with the key as a bearer token; OpenRouter's habit of
 * `usage`, `limit` and `limit_remaining`), amounts in token base units as decimal strings.
 */
export const ApiKeyStateSchema = z.object({
  data: z.object({
    /** The key's authorizer address: names the key without revealing it. */
    label: z.string(),
    payer: Address,
    channelId: Bytes32,
    /** Deposited and not refunded or withdrawn (`limit`). */
    limit: Uint,
    /** Charged so far (`usage`). */
    usage: Uint,
    /** What further requests may still spend. */
    limit_remaining: Uint,
    /** Unix seconds of a pending timed withdrawal (then the key stops before it finalizes), or null. */
    withdrawal_initiated_at: z.number().int().nullable(),
  }),
});
export type ApiKeyState = z.infer<typeof ApiKeyStateSchema>;

/** What revoking a key (`DELETE /v1/key`) did: the unspent deposit went back to the payer at once. */
export const ApiKeyRevokedSchema = z.object({
  revoked: z.literal(true),
  channelId: Bytes32,
  /** Returned to the payer, in token base units. */
  refunded: Uint,
  /** The refund transaction, or null when nothing was left to return. */
  transaction: Bytes32.nullable(),
});
export type ApiKeyRevoked = z.infer<typeof ApiKeyRevokedSchema>;
