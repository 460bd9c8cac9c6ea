/**
 * What the router charges, around the routing of a request: the price terms it knows of a model, the quote of a
 * request (pricing.ts over the node set, with the model's published price read from the chain), the 402 of a large
 * unpaid body, and `routePaid`, which reserves a request's quote (or answers 402), routes it only to nodes within
 * that quote, and releases the reservation when routing fails. The route commits what the client got.
 */
import type { EarlyAnswer } from '@verity/http/server';
import { type PaidRequest, PaymentRequiredError, type ResourcePayments } from '@verity/payments';
import { type ModelEntry, VerityError, freePrice, refundRoutes } from '@verity/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChainNodeSource } from './chain-source.js';
import type { NodeSet } from './node-set.js';
import type { PolicyContext } from './policies.js';
import { type PriceTerms, answerPrice, maxPrice, pricingOf } from './pricing.js';

/** What one priced request asks for: its model, how many executors' answers, and a text request's max_tokens. */
export interface PricedRequest {
  entry: ModelEntry;
  answers: number;
  maxTokens?: number | null;
}

const pricedPaths = new Set<string>(refundRoutes.map((route) => route.path));

export class Charging {
  constructor(
    private readonly nodeSet: NodeSet,
    private readonly chain: ChainNodeSource | undefined,
    /** Undefined when the router charges nothing. */
    readonly payments: ResourcePayments | undefined,
    private readonly minimum: bigint,
  ) {}

  /** What prices a request for a model as known now: its published price once read, and the router's minimum. */
  knownTerms(entry: ModelEntry, maxTokens?: number | null): PriceTerms {
    return {
      modelId: entry.modelId,
      published: this.chain?.models.knownPrice(entry.modelId) ?? freePrice,
      minimum: this.minimum,
      ...(maxTokens !== undefined ? { maxTokens } : {}),
    };
  }

  /**
   * OpenRouter's `pricing` of a catalog entry (the `none` quote of a request filling the context), or undefined while
   * its published price is not read yet (none is stated rather than one too low).
   */
  pricingOf(entry: ModelEntry): ReturnType<typeof pricingOf> | undefined {
    if (this.chain && this.chain.models.knownPrice(entry.modelId) === undefined) return undefined;
    return pricingOf(this.nodeSet.nodes, this.knownTerms(entry, wholeAnswer(entry)));
  }

  /**
   * The 402 of a priced request refused before its body is read (ResourcePayments.refusesUnread), quoting the most
   * one answer of any listed model costs: its model is in the unread body, and it is charged that model's price.
   */
  refusedUnread(request: FastifyRequest): EarlyAnswer | undefined {
    const { payments } = this;
    if (!payments || request.method !== 'POST' || !pricedPaths.has(request.routeOptions.url ?? '')) return undefined;
    if (!payments.refusesUnread(request)) return undefined;
    let most = payments.minPricePerAnswer;
    for (const entry of this.nodeSet.catalog())
      most = maxPrice(most, answerPrice(this.nodeSet.nodes, 1, this.knownTerms(entry, wholeAnswer(entry))));
    // Nothing is priced, as far as is known: the request may be served unpaid, so it is read.
    if (most === 0n) return undefined;
    const refused = payments.unreadRefusal(request, most);
    return (reply) => refused.send(reply);
  }

  /**
   * Routes a priced request: reserves its quote (or answers the 402), runs `route` with a policy context that asks
   * only nodes within the quote, and releases the reservation if `route` throws. `route` commits what it answered.
   */
  async routePaid<T>(
    context: PolicyContext,
    request: FastifyRequest,
    reply: FastifyReply,
    priced: PricedRequest,
    route: (ctx: PolicyContext, paid: PaidRequest | undefined) => Promise<T>,
  ): Promise<T | FastifyReply> {
    const paid = await this.reserve(request, priced);
    if (paid instanceof PaymentRequiredError) return paid.send(reply) as Promise<FastifyReply>;
    const ctx: PolicyContext = {
      ...context,
      ...(priced.maxTokens !== undefined ? { maxTokens: priced.maxTokens } : {}),
      ...(paid ? { quoteWei: paid.perAnswer } : {}),
    };
    try {
      return await route(ctx, paid);
    } catch (error) {
      paid?.release();
      throw error;
    }
  }

  /** The reserved payment of a priced request, a 402 to send, or undefined when the router charges nothing. */
  private async reserve(request: FastifyRequest, priced: PricedRequest): Promise<PaidRequest | PaymentRequiredError | undefined> {
    const { payments } = this;
    if (!payments) return undefined;
    const perAnswer = await this.quote(priced);
    if (perAnswer === 0n) return undefined;
    try {
      return await payments.reserve(request, priced.answers, perAnswer);
    } catch (error) {
      if (error instanceof PaymentRequiredError) return error;
      throw error;
    }
  }

  /**
   * The price per answer of a request asking `answers` operators (pricing.ts); CHAIN_UNAVAILABLE when the model's
   * published price cannot be read.
   */
  private async quote({ entry, answers, maxTokens }: PricedRequest): Promise<bigint> {
    let published = freePrice;
    if (this.chain) {
      const price = await this.chain.modelPrice(entry.modelId);
      if (price === undefined) {
        throw new VerityError('CHAIN_UNAVAILABLE', `the price of ${entry.id} cannot be read from the chain now; retry`, {
          details: { model: entry.id },
        });
      }
      published = price;
    }
    const terms: PriceTerms = { modelId: entry.modelId, published, minimum: this.minimum };
    return answerPrice(this.nodeSet.nodes, answers, maxTokens === undefined ? terms : { ...terms, maxTokens });
  }
}

/** A language model's request without max_tokens may fill its context; a tensor model's has no tokens. */
function wholeAnswer(entry: ModelEntry): number | null | undefined {
  return entry.format === 'onnx' ? undefined : null;
}
