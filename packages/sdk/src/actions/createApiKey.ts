/**
 * Payments: an API key on a prepaid channel (protocol's api-key.ts). A fresh key becomes the `payerAuthorizer` of a
 * new batch-settlement channel of the payer's with the router, and `deposit` is paid into it from the payer's
 * wallet; any OpenAI-compatible client then sends the key as `Authorization: Bearer <key>`, and the router signs the
 * cumulative vouchers with it, never beyond the deposit. With `key`, an existing key's channel is topped up instead.
 */
import { randomBytes } from 'node:crypto';
import { type Hex, VerityError, apiKeyAuthorizer, formatApiKey, parseApiKey, toHex } from '@verity/protocol';
import { chainModule } from '../chain.js';
import { type PayerChannel, payerChannel } from '../channel.js';
import type { Client } from '../client.js';
import { depositInto } from './deposit.js';

export interface CreateApiKeyParameters {
  /** Token base units paid into the key's channel now: all the key can ever spend, until topped up. */
  deposit: bigint;
  /** An existing key of this payer's to top up, rather than a new one. */
  key?: string;
}

export interface CreateApiKeyReturnType {
  /** The secret: `Authorization: Bearer <key>`. Shown once; keep it like a password. */
  key: string;
  /** The key's public name (its authorizer address), safe to print and log. */
  label: Hex;
  channelId: Hex;
  payer: Hex;
  txHash: Hex;
  /** The channel's balance on chain after the deposit. */
  balance: bigint;
}

export async function createApiKey(client: Client, parameters: CreateApiKeyParameters): Promise<CreateApiKeyReturnType> {
  const own = await payerChannel(client, 'createApiKey');
  const payer = own.config.payer.toLowerCase() as Hex;
  let key = parameters.key === undefined ? undefined : parseApiKey(parameters.key);
  if (parameters.key !== undefined && !key) {
    throw new VerityError('INVALID_REQUEST', 'createApiKey: `key` is not a Verity API key (vk1_…)');
  }
  if (key && key.payer.toLowerCase() !== payer) {
    throw new VerityError('INVALID_REQUEST', "createApiKey: that key spends another payer's deposit; top it up from that payer");
  }
  key ??= { authorizerKey: toHex(randomBytes(32)), payer, salt: toHex(randomBytes(32)) };
  const chain = await chainModule();
  const config = chain.keyChannelConfig(key, own.terms);
  const channel: PayerChannel = {
    ...own,
    config,
    channelId: chain.channelIdOf(config, own.chainId).toLowerCase() as Hex,
  };
  const deposited = await depositInto(channel, parameters.deposit);
  return {
    key: formatApiKey(key),
    label: apiKeyAuthorizer(key),
    channelId: channel.channelId,
    payer,
    txHash: deposited.txHash,
    balance: deposited.balance,
  };
}
