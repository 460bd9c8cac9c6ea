/**
 * The payment routes beside Protocol v1 (protocol's `paymentRoutes`), when the router charges: cooperative refunds
 * (the official x402 client sends its `refund` payload with GET to a priced route), the fee split's charges for an
 * executor to claim its share itself (`verity node claim`), and an API key's state and revocation.
 */
import { paymentRoutes as paymentRouteTable } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import type { RouterParts } from '../parts.js';

export function paymentRoutes(app: FastifyInstance, { charging }: RouterParts): void {
  const { payments } = charging;
  if (!payments) return;
  for (const { path } of paymentRouteTable.refunds) app.get(path, (request, reply) => payments.answerRefund(request, reply));
  app.get(paymentRouteTable.charges.path, async (request) => payments.chargeList(request.query as { executor?: unknown }));
  app.get(paymentRouteTable.key.path, async (request) => payments.keyState(request));
  app.delete(paymentRouteTable.revokeKey.path, async (request) => payments.revokeKey(request));
}
