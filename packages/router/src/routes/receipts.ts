/**
 * GET /v1/receipts/<requestId>: the stored answer and its settlement, from the first node that holds it.
 * `?executor=0x..` asks that operator's node first: under replication each executor keeps its own receipt (and its
 * own settlement of it).
 */
import { readResponseText, sharedAgent } from '@verity/http/client';
import { VerityError, bytes32Pattern, sameAddress } from '@verity/protocol';
import type { FastifyInstance } from 'fastify';
import { request as undiciRequest } from 'undici';
import type { RouterParts } from '../parts.js';

export function receiptRoutes(app: FastifyInstance, { nodeSet }: RouterParts): void {
  app.get<{ Params: { requestId: string }; Querystring: { executor?: string } }>('/v1/receipts/:requestId', async (request) => {
    if (!bytes32Pattern.test(request.params.requestId))
      throw new VerityError('INVALID_REQUEST', 'a request id is 0x and 64 hex digits');
    const executor = typeof request.query.executor === 'string' ? request.query.executor : undefined;
    const nodes = nodeSet.available();
    if (executor)
      nodes.sort(
        (a, b) =>
          Number(!!b.address && sameAddress(b.address, executor)) - Number(!!a.address && sameAddress(a.address, executor)),
      );
    for (const node of nodes) {
      const url = `${node.url}/v1/receipts/${request.params.requestId}`;
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
    throw new VerityError('NOT_FOUND', `no node holds a receipt for request ${request.params.requestId}`);
  });
}
