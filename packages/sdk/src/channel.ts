/**
 * Internal: the payer's batch-settlement channel with the router, as the wallet actions (deposit, balance,
 * withdraw, refund) use it. Its config is built by the official scheme (`buildChannelConfig`) from the router's
 * terms, so it is exactly the channel that paid requests deposit into and sign vouchers for.
 */
import type { ChannelConfig, GetChannelReturnType } from '@verity/chain';
import { type Hex, VerityError } from '@verity/protocol';
import type { PaymentRequirements } from '@x402/core/types';
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

/** Sends a BatchSettlement transaction from the payer's account and waits for it to succeed. */
export async function sendToSettlement(
  channel: PayerChannel,
  what: string,
  functionName: 'deposit' | 'initiateWithdraw' | 'finalizeWithdraw',
  args: readonly unknown[],
): Promise<{ txHash: Hex; blockNumber: bigint }> {
  const [{ BatchSettlement }, { writeContract, waitForTransactionReceipt }, { batchSettlementAddress }] = await Promise.all([
    import('@verity/contracts'),
    import('viem/actions'),
    chainModule(),
  ]);
  const { walletClient, publicClient } = channel.payment.chain;
  return onChain(what, async () => {
    const hash = await writeContract(walletClient, {
      account: walletClient.account,
      chain: walletClient.chain,
      address: batchSettlementAddress,
      abi: BatchSettlement.abi,
      functionName,
      args,
    } as never);
    const receipt = await waitForTransactionReceipt(publicClient, { hash });
    if (receipt.status !== 'success') {
      throw new VerityError('CHAIN_REVERTED', `${what}: the transaction reverted`, { details: { txHash: hash } });
    }
    return { txHash: hash, blockNumber: receipt.blockNumber };
  });
}
