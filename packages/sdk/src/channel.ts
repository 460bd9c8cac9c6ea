/**
 * Internal: the payer's batch-settlement channel with the router, as the wallet actions (deposit, balance,
 * withdraw, refund) use it. Its config is built by the official scheme (`buildChannelConfig`) from the router's
 * terms, so it is exactly the channel that paid requests deposit into and sign vouchers for.
 */
import type { ChannelConfig, GetChannelReturnType, WriteClient, WriteResult } from '@verity/chain';
import { type Hex, VerityError } from '@verity/protocol';
import type { PaymentRequirements } from '@x402/core/types';
import type { Address } from 'viem';
import { chainModule, onChain } from './chain.js';
import type { Client } from './client.js';
import { type LoadedPayment, paymentOf, paymentTerms } from './payment.js';

export interface PayerChannel {
  payment: LoadedPayment & { chain: NonNullable<LoadedPayment['chain']> };
  terms: PaymentRequirements;
  config: ChannelConfig;
  channelId: Hex;
  chainId: number;
}

export async function payerChannel(client: Client, what: string): Promise<PayerChannel> {
  const context = paymentOf(client, what);
  if (!client.chain) {
    throw new VerityError('INVALID_REQUEST', `${what} needs a chain: createClient({ url, chain: { deployment }, payment })`);
  }
  await client.chain.load(); // checks that the RPC serves the deployment's chain
  const payment = await context.load();
  if (!payment.chain) throw new VerityError('INTERNAL', `${what}: the payment context has no chain`);
  const terms = await paymentTerms(client, what);
  const chainId = payment.chain.deployment.chainId;
  if (terms.network !== `eip155:${chainId}`) {
    throw new VerityError(
      'INVALID_REQUEST',
      `${what}: the router is paid on ${terms.network}, the deployment is chain ${chainId}`,
      {
        details: { network: terms.network, chainId },
      },
    );
  }
  const config = payment.scheme.buildChannelConfig(terms) as ChannelConfig;
  const { channelIdOf } = await chainModule();
  return {
    payment: payment as PayerChannel['payment'],
    terms,
    config,
    channelId: channelIdOf(config, chainId).toLowerCase() as Hex,
    chainId,
  };
}

export async function readChannel(channel: PayerChannel): Promise<GetChannelReturnType> {
  const { getChannel, batchSettlementAddress } = await chainModule();
  return onChain('reading the payment channel', () =>
    getChannel(channel.payment.chain.publicClient, batchSettlementAddress, { channelId: channel.channelId }),
  );
}

/**
 * Sends a BatchSettlement transaction from the payer's account (one of @verity/chain's channel actions: deposit,
 * initiate or finalize a withdrawal) and waits for it to succeed.
 */
export async function sendToSettlement(
  channel: PayerChannel,
  what: string,
  send: (client: WriteClient, batchSettlement: Address) => Promise<WriteResult>,
): Promise<{ txHash: Hex; blockNumber: bigint }> {
  const { batchSettlementAddress } = await chainModule();
  const { walletClient } = channel.payment.chain;
  return onChain(what, async () => {
    const { hash, blockNumber } = await send(walletClient, batchSettlementAddress);
    return { txHash: hash, blockNumber };
  });
}
