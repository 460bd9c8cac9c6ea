/**
 * The node as an x402 resource server (`batch-settlement`), with the same machinery as the router
 * (@verity/payments' ResourcePayments):
 * - A request from one of the routers it trusts (`--router`, checked by the Verity-Router signature over this node
 *   and this exact body) is served without a payment: that router charged the client, and pays the node through its
 *   own charge roots.
 * - Any other request to a priced model pays the node directly: 402 with PAYMENT-REQUIRED first, then a deposit or
 *   a voucher. The price is the fee the node signs (its own price, raised to the model's published one); the charge
 *   is committed before the answer leaves, and a failed request or stream is released, not charged.
 * - The node's channels pay into a FeeSplitter of its own: deployed on its first paid start with the rules, parties
 *   and owner of the deployment's FeeSplitter (so the node cannot change the shares), and remembered in the data
 *   directory. The node posts charge roots of its direct answers there and claims them with its own settled
 *   receipts, so the model's publisher, the verifier pool and the treasury get their shares as through a router.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployFeeSplitter, getFeeSplitterConfig } from '@verity/chain';
import { type PaidRequest, PaymentRequiredError, ResourcePayments, type SettledReceipt } from '@verity/payments';
import { type EarlyAnswer, jsonBodyText } from '@verity/http/server';
import {
  type Hex,
  type Price,
  checkForward,
  costCeiling,
  costOf,
  refundRoutes,
  routerHeader,
  sameAddress,
} from '@verity/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getBytecode } from 'viem/actions';
import type { ChainAgent } from './chain/agent.js';
import type { Executor } from './executor.js';
import { logEvent } from './log.js';
import { receiptsOf } from './paid.js';
import type { ChainModeOptions, NodePaymentOptions } from './options.js';

export class NodePayments {
  private constructor(
    readonly resource: ResourcePayments,
    readonly feeSplitter: Hex,
    private readonly operator: Hex,
    private readonly options: NodePaymentOptions,
    private readonly priceFor: (modelId: Hex) => Promise<Price>,
  ) {}

  static async create(
    options: ChainModeOptions & { payments: NodePaymentOptions },
    operator: Hex,
    agent: ChainAgent,
    executor: Executor,
  ): Promise<NodePayments> {
    const feeSplitter = options.payments.feeSplitter ?? (await ownFeeSplitter(options, operator, agent));
    const receipts = async (executorAddress: Hex, requestId: Hex): Promise<SettledReceipt | undefined> => {
      if (!sameAddress(executorAddress, operator)) return undefined;
      const settlement = agent.settlementOf(requestId);
      if (settlement?.status !== 'posted' || !settlement.proof) return undefined;
      const receipt = receiptsOf(executor.storedResponse(requestId))[0];
      return receipt && { receipt, proof: settlement.proof, epoch: settlement.epoch };
    };
    const resource = ResourcePayments.create(
      {
        privateKey: options.privateKey,
        feeSplitter,
        minPricePerAnswer: 0n,
        ...(options.payments.claimIntervalMs ? { claimIntervalMs: options.payments.claimIntervalMs } : {}),
      },
      {
        deployment: options.deployment,
        rpcUrl: options.rpcUrl,
        dataDir: options.dataDir,
        receipts,
        owner: `node:${operator}`,
        serialize: (run) => agent.serialize(run),
      },
    );
    logEvent('payments', { feeSplitter, routers: options.payments.routers.join(',') });
    return new NodePayments(resource, feeSplitter, operator, options.payments, (modelId) => agent.priceFor(modelId));
  }

  /**
   * Whether a request for `modelId` is served, and on what terms: the payment reserved for it (commit it once
   * answered), undefined to serve it unpaid (a trusted router's forward, or a model that costs nothing), or false
   * when it was answered with a 402. `ceiling` is the most its answer can cost at a price (default: per answer, a
   * tensor model's); the answer is charged the fee its receipt signs, up to that.
   */
  async admit(
    request: FastifyRequest,
    reply: FastifyReply,
    modelId: Hex,
    ceiling: (price: Price) => bigint = (price) => costOf(price),
  ): Promise<PaidRequest | undefined | false> {
    try {
      return await this.reserve(request, modelId, ceiling);
    } catch (error) {
      if (!(error instanceof PaymentRequiredError)) throw error;
      await error.send(reply);
      return false;
    }
  }

  private async reserve(
    request: FastifyRequest,
    modelId: Hex,
    ceiling: (price: Price) => bigint,
  ): Promise<PaidRequest | undefined> {
    const header = request.headers[routerHeader];
    if (typeof header === 'string' && this.options.routers.length > 0) {
      const forward = checkForward(header, {
        node: this.operator,
        body: jsonBodyText(request) ?? '',
        trusted: this.options.routers,
      });
      if (forward.ok) return undefined;
      logEvent('forward-refused', { reason: forward.reason });
    }
    const most = ceiling(await this.priceFor(modelId));
    if (most === 0n) return undefined;
    return this.resource.reserve(request, 1, most);
  }

  /**
   * The 402 of a priced request refused before its body is read (ResourcePayments.refusesUnread): no payment, no key
   * and a large body. It quotes the most one answer of a model this node holds costs (the model is in the unread
   * body; the model's own fee is what is charged): a language model's, at most its context in tokens. A request that names a router (`Verity-Router`) is read when the
   * node trusts routers: its signature covers the body.
   */
  async refusedUnread(
    request: FastifyRequest,
    heldModels: readonly { modelId: Hex; contextLength: number | undefined }[],
  ): Promise<EarlyAnswer | undefined> {
    if (request.method !== 'POST' || !pricedPaths.has(request.routeOptions.url ?? '')) return undefined;
    if (this.options.routers.length > 0 && typeof request.headers[routerHeader] === 'string') return undefined;
    if (!this.resource.refusesUnread(request)) return undefined;
    let most = 0n;
    const prices = await Promise.all(heldModels.map((model) => this.priceFor(model.modelId)));
    prices.forEach((price, i) => {
      const fee = costCeiling(price, heldModels[i]?.contextLength);
      if (fee > most) most = fee;
    });
    // Every model it holds is free: the request is served unpaid, so it is read.
    if (most === 0n) return undefined;
    const refused = this.resource.unreadRefusal(request, most);
    return (reply) => refused.send(reply);
  }

  close(): Promise<void> {
    return this.resource.close();
  }
}

const pricedPaths = new Set<string>(refundRoutes.map((route) => route.path));

/** The node's own FeeSplitter: the one it deployed before on this chain, or a new one under the network's rules. */
async function ownFeeSplitter(options: ChainModeOptions, operator: Hex, agent: ChainAgent): Promise<Hex> {
  const { deployment } = options;
  const file = join(options.dataDir, 'fee-splitter.json');
  const { publicClient, wallet } = agent.chainClients;
  if (existsSync(file)) {
    const known = JSON.parse(readFileSync(file, 'utf8')) as { chainId: number; address: Hex };
    const code = await getBytecode(publicClient, { address: known.address });
    if (known.chainId === deployment.chainId && code && code !== '0x') return known.address;
  }
  const network = deployment.contracts.feeSplitter;
  if (!network) throw new TypeError('--payments needs a deployment with a FeeSplitter (whose rules the node copies)');
  const rules = await getFeeSplitterConfig(publicClient, network as Hex);
  const deployed = await agent.serialize(() => deployFeeSplitter(wallet, { ...rules, distributor: operator }));
  writeFileSync(file, `${JSON.stringify({ chainId: deployment.chainId, address: deployed.address })}\n`);
  logEvent('fee-splitter-deployed', { address: deployed.address, rulesOf: network });
  return deployed.address;
}
