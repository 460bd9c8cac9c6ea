/** The router's HTTP API: Protocol v1 (the same endpoints as a node), routed across the node set. */
import { randomBytes } from 'node:crypto';
import { type EarlyAnswer, answerBeforeBody, createServer, listen, parseBody, refuseUnreadBody } from '@verity/http/server';
import { putBytes, readResponseText, sharedAgent } from '@verity/http/client';
import {
  BlobPutResponseSchema,
  ChatCompletionRequestSchema,
  CompletionRequestSchema,
  type Hex,
  InferRequestFormSchema,
  type ModelEntry,
  type TensorMap,
  RegisterModelRequestSchema,
  VerityError,
  bytes32Pattern,
  freePrice,
  addressOf,
  paymentRoutes,
  decodeTensorMap,
  hashDecodedTensorMap,
  receiptDomain,
  parsePolicy,
  sameAddress,
  textRoutes,
  toHex,
} from '@verity/protocol';
import { request as undiciRequest } from 'undici';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type PaidRequest, PaymentRequiredError, ResourcePayments } from '@verity/payments';
import { requirePublished } from '@verity/chain';
import { resolveModel } from './catalog.js';
import { ChainNodeSource } from './chain-source.js';
import { DissentLog } from './dissent-log.js';
import { ModelDistributor } from './models.js';
import { NodeSet } from './node-set.js';
import { type RouterOptions, type RouterStartOptions, defaultRouterOptions } from './options.js';
import { type PolicyContext, routablePolicy, runNone, runReplicate } from './policies.js';
import { type PriceTerms, answerPrice, maxPrice, pricingOf } from './pricing.js';
import { rankNodes } from './select.js';
import { settledReceiptsFrom } from './settled-receipts.js';
import { runText, streamText, textRequest } from './text.js';

export interface RunningRouter {
  url: string;
  app: FastifyInstance;
  nodeSet: NodeSet;
  dissentLog: DissentLog;
  close(): Promise<void>;
}

/** The router's payments, when it is configured to charge (which needs the chain the channels live on). */
function paymentsOf(opts: RouterOptions, nodeSet: NodeSet): ResourcePayments | undefined {
  if (!opts.payments) return undefined;
  if (!opts.deployment) throw new TypeError('payments need a deployment (the chain the payment channels live on)');
  return ResourcePayments.create(opts.payments, {
    owner: `router:${addressOf(opts.payments.privateKey)}`,
    deployment: opts.deployment,
    rpcUrl: opts.rpcUrl ?? opts.deployment.rpcUrl,
    receipts: settledReceiptsFrom(nodeSet, opts.requestTimeoutMs),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
}

/** Where the nodes come from: the chain when a deployment is given (the static list is then ignored). */
function chainSourceOf(opts: RouterOptions): ChainNodeSource | undefined {
  if (!opts.deployment) {
    if (opts.rpcUrl !== undefined) throw new TypeError('rpcUrl needs a deployment (the contracts to read the nodes from)');
    if (opts.nodes.length === 0)
      throw new TypeError('a router needs nodes: a deployment (nodes from the chain) or a list of node URLs');
    return undefined;
  }
  return new ChainNodeSource({
    rpcUrl: opts.rpcUrl ?? opts.deployment.rpcUrl,
    deployment: opts.deployment,
    rpcTimeoutMs: opts.rpcTimeoutMs,
  });
}

export async function createRouterApp(options: RouterStartOptions) {
  const opts: RouterOptions = { nodes: [], ...defaultRouterOptions, ...stripUndefined(options) };
  const chain = chainSourceOf(opts);
  // Fails fast when the RPC answers for another chain; an RPC that is down is retried on every refresh.
  await chain?.checkChainId();
  const nodeSet = new NodeSet(
    opts.nodes,
    {
      refreshIntervalMs: opts.refreshIntervalMs,
      failureCooldownMs: opts.failureCooldownMs,
      timeoutMs: opts.requestTimeoutMs,
      log: (message) => console.error(`[router] ${message}`),
    },
    chain,
  );
  const dissentLog = new DissentLog(opts.dataDir);
  const distributor = new ModelDistributor(nodeSet, opts.requestTimeoutMs, opts.chainModelWaitMs);
  /** What prices a request for a model as known now: its published price once read, and the router's minimum. */
  const knownTerms = (entry: ModelEntry, maxTokens?: number | null): PriceTerms => ({
    modelId: entry.modelId,
    published: chain?.models.knownPrice(entry.modelId) ?? freePrice,
    minimum: opts.payments?.minPricePerAnswer ?? 0n,
    ...(maxTokens !== undefined ? { maxTokens } : {}),
  });
  /** A language model's request without max_tokens may fill its context; a tensor model's has no tokens. */
  const wholeAnswer = (entry: ModelEntry): number | null | undefined => (entry.format === 'onnx' ? undefined : null);
  const policyContext: PolicyContext = {
    nodeSet,
    dissentLog,
    timeoutMs: opts.requestTimeoutMs,
    ...(opts.payments ? { routerKey: opts.payments.privateKey } : {}),
    ...(opts.deployment
      ? { receiptDomain: receiptDomain(opts.deployment.chainId, opts.deployment.contracts.receiptRegistry) }
      : {}),
    spreadModel: async (entry, extra) => {
      await distributor.spread(entry, extra);
    },
    priceTerms: knownTerms,
  };
  await nodeSet.refresh();
  nodeSet.start();

  const payments = paymentsOf(opts, nodeSet);
  /**
   * The price per answer of a request asking `answers` operators (pricing.ts); CHAIN_UNAVAILABLE when the model's
   * published price cannot be read.
   */
  async function quote(
    priced: ResourcePayments,
    entry: ModelEntry,
    answers: number,
    maxTokens: number | null | undefined,
  ): Promise<bigint> {
    let published = freePrice;
    if (chain) {
      const price = await chain.modelPrice(entry.modelId);
      if (price === undefined) {
        throw new VerityError('CHAIN_UNAVAILABLE', `the price of ${entry.id} cannot be read from the chain now; retry`, {
          details: { model: entry.id },
        });
      }
      published = price;
    }
    const terms = { modelId: entry.modelId, published, minimum: priced.minPricePerAnswer };
    return answerPrice(nodeSet.nodes, answers, maxTokens === undefined ? terms : { ...terms, maxTokens });
  }

  /** The routing of one request: a text request's max_tokens, and a paid one only to nodes within its quote. */
  function routedWithin(paid: PaidRequest | undefined, maxTokens?: number | null): PolicyContext {
    return {
      ...policyContext,
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      ...(paid ? { quoteWei: paid.perAnswer } : {}),
    };
  }

  const pricedPaths = new Set<string>(paymentRoutes.refunds.map((route) => route.path));
  /**
   * The 402 of a priced request refused before its body is read (ResourcePayments.refusesUnread), quoting the most
   * one answer of any listed model costs: its model is in the unread body, and it is charged that model's price.
   */
  function refusedUnread(priced: ResourcePayments, request: FastifyRequest): EarlyAnswer | undefined {
    if (request.method !== 'POST' || !pricedPaths.has(request.routeOptions.url ?? '') || !priced.refusesUnread(request))
      return undefined;
    let most = priced.minPricePerAnswer;
    for (const entry of nodeSet.catalog())
      most = maxPrice(most, answerPrice(nodeSet.nodes, 1, knownTerms(entry, wholeAnswer(entry))));
    // Nothing is priced, as far as is known: the request may be served unpaid, so it is read.
    if (most === 0n) return undefined;
    const refused = priced.unreadRefusal(request, most);
    return (reply) => refused.send(reply);
  }

  /** The reserved payment of a priced request, a 402 to send, or undefined when the router charges nothing. */
  async function reservePayment(
    request: FastifyRequest,
    entry: ModelEntry,
    answers: number,
    maxTokens?: number | null,
  ): Promise<PaidRequest | PaymentRequiredError | undefined> {
    if (!payments) return undefined;
    const perAnswer = await quote(payments, entry, answers, maxTokens);
    if (perAnswer === 0n) return undefined;
    try {
      return await payments.reserve(request, answers, perAnswer);
    } catch (error) {
      if (error instanceof PaymentRequiredError) return error;
      throw error;
    }
  }

  const app = createServer({
    ...opts.serverLimits,
    bodyLimitBytes: opts.bodyLimitBytes,
    onInternalError: (e) => console.error('[router]', e),
  });
  // A body of another type than JSON is left unread (the route's schema refuses it); blob uploads have their own scope.
  app.addContentTypeParser(['application/octet-stream', '*'], (_request, payload, done) => done(null, payload));
  // A priced request with neither a payment nor a key and a large body is answered 402 before its body is read.
  if (payments) answerBeforeBody(app, (request) => refusedUnread(payments, request));

  app.get('/health', async () => ({
    ok: true as const,
    role: 'router',
    ...(chain ? { chain: chain.health() } : {}),
    nodes: nodeSet.nodes.map((n) => ({
      url: n.url,
      address: n.address ?? null,
      healthy: n.healthy,
      models: n.models.size,
      inFlight: n.inFlight,
      latencyMs: Math.round(n.latencyMs * 1000) / 1000,
      dissents: n.dissents,
      ...(n.chain
        ? {
            priceWei: n.chain.price.request.toString(),
            inputTokenPriceWei: n.chain.price.inputToken.toString(),
            outputTokenPriceWei: n.chain.price.outputToken.toString(),
            stakeWei: n.chain.stakeWei.toString(),
          }
        : {}),
      ...(n.problem ? { problem: n.problem } : {}),
    })),
  }));

  // With payments, each model states what one answer costs (as the 402 quotes it under `none`).
  app.get('/v1/models', async () => {
    const catalog = nodeSet.catalog();
    if (!payments) return { object: 'list' as const, data: catalog };
    const data = catalog.map((entry) => {
      // A model whose published price is not read yet states none rather than one too low.
      if (chain && chain.models.knownPrice(entry.modelId) === undefined) return entry;
      return { ...entry, pricing: pricingOf(nodeSet.nodes, knownTerms(entry, wholeAnswer(entry))) };
    });
    return { object: 'list' as const, data };
  });

  app.post('/v1/models', async (request) => {
    const body = parseBody(RegisterModelRequestSchema, request.body);
    // With a chain, nodes serve only published models under their published names: refuse the rest here, with how
    // to publish, rather than accept a model that would never be routed.
    if (chain) await requirePublished(chain.models, body);
    return distributor.register(body);
  });

  // In its own scope: every upload, whatever its content type (JSON too), is raw bytes streamed to a node.
  await app.register(async function blobUploads(scope) {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    // Refused while the client may still be sending (by the route, or before it, e.g. a malformed content type):
    // the rest is discarded first, then the error goes to the server's handler.
    scope.setErrorHandler(async (error, request, reply) => {
      await refuseUnreadBody(request, reply);
      throw error;
    });
    scope.put('/v1/blobs', async (request) => forwardUpload(request));
  });

  /** Streams an upload to the best node, untouched: the router never buffers model files. */
  async function forwardUpload(request: FastifyRequest) {
    const target = rankNodes(nodeSet.available())[0];
    if (!target) throw new VerityError('NODE_UNAVAILABLE', 'no healthy node to store the blob on');
    const headers: Record<string, string> = {};
    const expected = request.headers['x-verity-sha256'];
    if (typeof expected === 'string') headers['x-verity-sha256'] = expected;
    const length = request.headers['content-length'];
    if (typeof length === 'string') {
      if (Number(length) > opts.maxModelBytes) {
        throw new VerityError('MODEL_TOO_LARGE', `blob is ${length} bytes (limit ${opts.maxModelBytes})`, {
          details: { size: Number(length), limit: opts.maxModelBytes },
        });
      }
      headers['content-length'] = length;
    }
    const result = BlobPutResponseSchema.parse(
      await putBytes(`${target.url}/v1/blobs`, request.body as NodeJS.ReadableStream, {
        headers,
        timeoutMs: opts.requestTimeoutMs,
      }),
    );
    distributor.noteBlob(result.sha256.toLowerCase() as Hex, target.url);
    return result;
  }

  app.get<{ Params: { sha256: string } }>('/v1/blobs/:sha256', async (request, reply) => {
    const { sha256 } = request.params;
    if (!bytes32Pattern.test(sha256)) throw new VerityError('INVALID_REQUEST', 'a blob is named by 0x and 64 hex digits');
    for (const node of nodeSet.available()) {
      try {
        const upstream = await undiciRequest(`${node.url}/v1/blobs/${sha256.toLowerCase()}`, { dispatcher: sharedAgent });
        if (upstream.statusCode !== 200) {
          await upstream.body.dump();
          continue;
        }
        const length = upstream.headers['content-length'];
        if (typeof length === 'string') void reply.header('content-length', length);
        return reply.type('application/octet-stream').send(upstream.body);
      } catch {
        // try the next node
      }
    }
    throw new VerityError('BLOB_NOT_FOUND', `no node holds blob ${sha256}`, { details: { sha256 } });
  });

  app.get<{ Params: { requestId: string }; Querystring: { executor?: string } }>('/v1/receipts/:requestId', async (request) => {
    // ?executor=0x.. asks that operator's node first: under replication each executor keeps its own receipt
    // (and its own settlement of it).
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

  app.post('/v1/infer', async (request, reply) => {
    // Tensor data checked for form only: decodeTensorMap below checks every element.
    const body = parseBody(InferRequestFormSchema, request.body);
    const policy = routablePolicy(body.policy);
    const entry = await resolveModel(nodeSet.catalog(), body.model, chain);
    // Decode once here so malformed tensors fail fast with a typed error, before any node is bothered.
    const inputs = decodeTensorMap(body.inputs as TensorMap);
    const requestId = body.requestId ?? toHex(randomBytes(32));
    const routed = { entry, inputs, inputHash: hashDecodedTensorMap(inputs), requestId };
    if (policy.kind === 'relay' || entry.format !== 'onnx') {
      throw new VerityError('INVALID_REQUEST', `${entry.id} takes text: use POST /v1/chat/completions or /v1/completions`, {
        details: { model: body.model, format: entry.format, policy: body.policy ?? 'none' },
      });
    }
    const paid = await reservePayment(request, entry, policy.kind === 'replicate' ? policy.k : 1);
    if (paid instanceof PaymentRequiredError) return paid.send(reply);
    const ctx = routedWithin(paid);
    let answer: Awaited<ReturnType<typeof runNone>>;
    try {
      answer = policy.kind === 'replicate' ? await runReplicate(ctx, routed, policy.k) : await runNone(ctx, routed);
    } catch (error) {
      paid?.release();
      throw error;
    }
    if (paid) void reply.header('PAYMENT-RESPONSE', paid.commit(answer.response.receipts));
    // One node's answer, verified on its exact text and carrying no unknown field, goes out as that text.
    if (answer.text !== undefined) return reply.type('application/json; charset=utf-8').send(answer.text);
    return answer.response;
  });

  // Cooperative refunds (the official x402 client sends its `refund` payload with GET to a priced route), and the
  // fee split's charges, for an executor to claim its share itself (`verity node claim`).
  if (payments) {
    for (const { path } of paymentRoutes.refunds) app.get(path, (request, reply) => payments.answerRefund(request, reply));
    app.get(paymentRoutes.charges.path, async (request) => payments.chargeList(request.query as { executor?: unknown }));
    app.get(paymentRoutes.key.path, async (request) => payments.keyState(request));
    app.delete(paymentRoutes.revokeKey.path, async (request) => payments.revokeKey(request));
  }

  for (const kind of ['chat', 'completion'] as const) {
    app.post(kind === 'chat' ? textRoutes.chatCompletions.path : textRoutes.completions.path, async (request, reply) => {
      const parsed =
        kind === 'chat' ? parseBody(ChatCompletionRequestSchema, request.body) : parseBody(CompletionRequestSchema, request.body);
      const entry = await resolveModel(nodeSet.catalog(), parsed.model, chain);
      const routed = textRequest(kind, entry, parsed, request.body as Record<string, unknown>);
      const policy = parsePolicy(routed.policy);
      const paid = await reservePayment(request, entry, policy.kind === 'replicate' ? policy.k : 1, routed.maxTokens);
      if (paid instanceof PaymentRequiredError) return paid.send(reply);
      const ctx = routedWithin(paid, routed.maxTokens);
      try {
        if (parsed.stream === true) return await streamText(ctx, routed, reply, paid);
        const answer = await runText(ctx, routed);
        if (paid) void reply.header('PAYMENT-RESPONSE', paid.commit(answer.verity.receipts));
        return answer;
      } catch (error) {
        paid?.release();
        throw error;
      }
    });
  }

  const close = async () => {
    await payments?.close();
    nodeSet.stop();
    await app.close();
    dissentLog.close();
  };
  return { app, nodeSet, dissentLog, options: opts, close };
}

// `{ rpcUrl: undefined }` must not override a default (exactOptionalPropertyTypes does not stop plain JS callers).
function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function startRouter(options: RouterStartOptions): Promise<RunningRouter> {
  const { app, nodeSet, dissentLog, options: opts, close } = await createRouterApp(options);
  const url = await listen(app, opts.host, opts.port);
  return { url, app, nodeSet, dissentLog, close };
}
