/**
 * Payments: a cooperative refund of the channel's unspent funds, at once rather than after the withdraw delay.
 *
 * The contract returns funds to the payer only on the receiver side's word (refund, or refundWithSignature with
 * the receiverAuthorizer's signature), so the payer asks the router: the official client's refund request
 * (@x402/evm `refundChannel`: a zero-charge voucher at the charged total, sent as a `refund` payload with GET to a
 * priced URL). The router claims what it charged and refunds the rest in one transaction, so the channel is left
 * with nothing unclaimed; the next paid request deposits again. A server that grants no refund fails this with
 * INVALID_REQUEST, and `withdraw()` is the way back.
 */
import { type Hex, VerityError, routePath, routes } from '@verity/protocol';
import { endpoint } from '../request.js';
import { payerChannel } from '../channel.js';
import type { Client } from '../client.js';

export interface RefundParameters {
  /** Token base units; default everything not charged. */
  amount?: bigint;
}

export interface RefundReturnType {
  channelId: Hex;
  /** The refund transaction. */
  txHash: Hex;
  /** Returned to the payer's wallet, in token base units. */
  amount: bigint;
}

export async function refund(client: Client, parameters: RefundParameters = {}): Promise<RefundReturnType> {
  const channel = await payerChannel(client, 'refund');
  const url = endpoint(client, routePath(routes.infer));
  try {
    const settled = await channel.payment.scheme.refund(url, {
      ...(parameters.amount === undefined ? {} : { amount: parameters.amount.toString() }),
    });
    if (!settled.success) throw new Error(settled.errorReason ?? 'refused');
    return { channelId: channel.channelId, txHash: settled.transaction as Hex, amount: BigInt(settled.amount ?? '0') };
  } catch (cause) {
    const reason = (cause as Error).message;
    throw new VerityError(
      'INVALID_REQUEST',
      `refund: ${client.url} did not grant a cooperative refund (${reason}); withdraw() returns the unclaimed funds after the channel's withdraw delay`,
      { cause, details: { channelId: channel.channelId, reason } },
    );
  }
}
