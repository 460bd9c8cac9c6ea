/**
 * Registers the client's key as a node operator on NodeRegistry: its node's HTTP endpoint, price per request and
 * the models it serves, staking VRT (approved first when the allowance is short).
 */
import { type Hex, VerityError, bytes32Pattern } from '@verity/protocol';
import { chainModule, onChain, walletOf } from '../chain.js';
import type { Client } from '../client.js';

export interface RegisterNodeParameters {
  /** The node's public base URL (http or https). */
  endpoint: string;
  /** VRT to stake, in wei (at least NodeRegistry.minStake). */
  stakeWei: bigint;
  /** Price per answer, in wei (default 0). */
  priceWei?: bigint;
  /** Price per prompt token of a language model's answer, in wei (default 0). */
  inputTokenPriceWei?: bigint;
  /** Price per generated token of a language model's answer, in wei (default 0). */
  outputTokenPriceWei?: bigint;
  /** Published model ids the node serves (default none; a node announces more later). */
  modelIds?: readonly Hex[];
}

export interface RegisterNodeReturnType {
  operator: Hex;
  txHash: Hex;
  blockNumber: bigint;
  /** The approval sent first, when the allowance was short. */
  approvalTxHash?: Hex;
}

export async function registerNode(client: Client, parameters: RegisterNodeParameters): Promise<RegisterNodeReturnType> {
  const { endpoint, stakeWei, priceWei = 0n, inputTokenPriceWei = 0n, outputTokenPriceWei = 0n, modelIds = [] } = parameters;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new VerityError('INVALID_REQUEST', `endpoint is not a URL: "${endpoint.slice(0, 100)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new VerityError('INVALID_REQUEST', 'endpoint must be an http or https URL');
  if (stakeWei <= 0n) throw new VerityError('INVALID_REQUEST', 'the stake must be more than 0');
  for (const [field, value] of Object.entries({ priceWei, inputTokenPriceWei, outputTokenPriceWei }))
    if (value < 0n) throw new VerityError('INVALID_REQUEST', `${field} must not be negative`);
  for (const id of modelIds)
    if (!bytes32Pattern.test(id))
      throw new VerityError('INVALID_REQUEST', `model id ${id.slice(0, 80)} is not 0x and 64 hex digits`);
  const chain = await walletOf(client, 'registerNode');
  const { registerNode: registerNodeOnChain } = await chainModule();
  const result = await onChain('registering the node', () =>
    registerNodeOnChain(chain.walletClient, chain.deployment.contracts.nodeRegistry, {
      endpoint: endpoint.replace(/\/+$/, ''),
      priceWei,
      inputTokenPriceWei,
      outputTokenPriceWei,
      modelIds,
      stake: stakeWei,
    }),
  );
  return {
    operator: chain.walletClient.account.address,
    txHash: result.hash,
    blockNumber: result.blockNumber,
    ...(result.approval ? { approvalTxHash: result.approval.hash } : {}),
  };
}
