/**
 * GET /v1/receipts/<requestId>: the stored answer and its settlement, from the first node that holds it.
 * `?executor=0x..` asks that operator's node first: under replication each executor keeps its own receipt (and its
 * own settlement of it).
 */
import { readResponseText, routeUrl, sharedAgent } from '@verity/http/client';
import { serve } from '@verity/http/server';
import { VerityError, routes, sameAddress } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import { request as undiciRequest } from 'undici';
import type { RouterParts } from '../parts.js';

export function receiptRoutes(app: FastifyInstance, { nodeSet }: RouterParts): void {
  serve(app, routes.getReceipt, async ({ params, query }) => {
    const { requestId } = params;
    const { executor } = query;
    const nodes = nodeSet.available();
    if (executor)
      nodes.sort(
        (a, b) =>
          Number(!!b.address && sameAddress(b.address, executor)) - Number(!!a.address && sameAddress(a.address, executor)),
      );
    for (const node of nodes) {
      const url = routeUrl(node.url, routes.getReceipt, { requestId });
      const upstream = await undiciRequest(url, { dispatcher: sharedAgent }).catch(() => undefined);
      if (!upstream) continue;
      if (upstream.statusCode === 200) {
        // Read up to the client's size limit: a node cannot make the router buffer an endless answer.
        const answer = await readResponseText('GET', url, upstream).then(
          (text) => JSON.parse(text) as unknown,
          () => undefined,
        );
        if (answer !== undefined) return answer;
        continue;
      }
      await upstream.body.dump();
    }
    throw new VerityError('NOT_FOUND', `no node holds a receipt for request ${requestId}`);
  });
}
