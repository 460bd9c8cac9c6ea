/**
 * Payments: deposits into the client's batch-settlement channel with the router, ahead of any request.
 *
 * The official client deposits only inside a 402 (the server's facilitator submits it), so an explicit deposit
 * is sent here directly: the payer signs an EIP-3009 ReceiveWithAuthorization to the ERC-3009 deposit collector
 * (nonce bound to the channel) and calls BatchSettlement.deposit itself, paying the gas. The channel is the one
 * paid requests use, and the scheme's record of its balance grows by the amount, so the next requests only sign
 * vouchers. A router re-reads a channel's balance from the chain every few seconds.
 */
import { randomBytes } from 'node:crypto';
import { type Hex, VerityError } from '@verity/protocol';
import type { Address } from 'viem';
import { chainModule } from '../chain.js';
import { type PayerChannel, payerChannel, readChannel, sendToSettlement } from '../channel.js';
import type { Client } from '../client.js';

export interface DepositParameters {
  /** Token base units to add to the channel. */
  amount: bigint;
}

export interface DepositReturnType {
  txHash: Hex;
  blockNumber: bigint;
  channelId: Hex;
  amount: bigint;
  /** The channel's balance on chain after the deposit. */
  balance: bigint;
}

/** How long the deposit's authorization stays valid. */
const authorizationSeconds = 3_600;

export async function deposit(client: Client, parameters: DepositParameters): Promise<DepositReturnType> {
  return depositInto(await payerChannel(client, 'deposit'), parameters.amount);
}

/** Deposits `amount` into `channel` (the payer's own, or an API key's: see createApiKey). */
export async function depositInto(channel: PayerChannel, amount: bigint): Promise<DepositReturnType> {
  if (typeof amount !== 'bigint' || amount <= 0n) {
    throw new VerityError('INVALID_REQUEST', 'deposit: amount must be a positive bigint (token base units)');
  }
  const chain = await chainModule();
  const { walletClient } = channel.payment.chain;
  const extra = channel.terms.extra as { name?: unknown; version?: unknown };
  if (typeof extra.name !== 'string' || typeof extra.version !== 'string') {
    throw new VerityError('INVALID_REQUEST', "deposit: the router's terms do not name the token's EIP-712 domain");
  }
  const salt = BigInt(`0x${randomBytes(32).toString('hex')}`);
  const validBefore = BigInt(Math.floor(Date.now() / 1000) + authorizationSeconds);
  const signature = await walletClient.signTypedData({
    account: walletClient.account,
    domain: {
      name: extra.name,
      version: extra.version,
      chainId: channel.chainId,
      verifyingContract: channel.config.token,
    },
    types: chain.receiveWithAuthorizationTypes,
    primaryType: 'ReceiveWithAuthorization',
    message: {
      from: channel.config.payer as Address,
      to: chain.erc3009DepositCollectorAddress,
      value: amount,
      validAfter: 0n,
      validBefore,
      nonce: chain.erc3009DepositNonce(channel.channelId, salt),
    },
  });
  const collectorData = chain.erc3009CollectorData({ validAfter: 0n, validBefore, salt, signature });
  const sent = await sendToSettlement(channel, 'depositing into the payment channel', (wallet, batchSettlement) =>
    chain.depositToChannel(wallet, batchSettlement, {
      config: channel.config,
      amount,
      collector: chain.erc3009DepositCollectorAddress,
      collectorData,
    }),
  );
  // Keep the scheme's record in step; without one, the next payment reads the channel from the chain.
  const { storage } = channel.payment;
  const record = await storage.get(channel.channelId);
  if (record) await storage.set(channel.channelId, { ...record, balance: (BigInt(record.balance ?? '0') + amount).toString() });
  const state = await readChannel(channel);
  return { ...sent, channelId: channel.channelId, amount, balance: state.balance };
}
