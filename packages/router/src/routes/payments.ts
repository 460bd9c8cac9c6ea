/**
 * The payment routes beside Protocol v1 (protocol's `routes`), when the router charges: cooperative refunds
 * (the official x402 client sends its `refund` payload with GET to a priced route), the fee split's charges for an
 * executor to claim its share itself (`verity node claim`), and an API key's state and revocation.
 */
import { serve } from '@verity/http/server';
import { refundRoutes, routes } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import type { RouterParts } from '../parts.js';

export function paymentRoutes(app: FastifyInstance, { charging }: RouterParts): void {
  const { payments } = charging;
  if (!payments) return;
  for (const refund of refundRoutes) serve(app, refund, ({ request, reply }) => payments.answerRefund(request, reply));
  app.get(routes.charges.path, async (request) => payments.chargeList(request.query as { executor?: unknown }));
  serve(app, routes.apiKey, ({ request }) => payments.keyState(request));
  serve(app, routes.revokeApiKey, ({ request }) => payments.revokeKey(request));
}
