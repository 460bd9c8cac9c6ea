import { artifacts } from '@verity/contracts';
import { type Address, getAddress, testActions } from 'viem';
import { deployContract, getCode, waitForTransactionReceipt } from 'viem/actions';
import { ChainError } from '../errors.js';
import type { WriteClient } from '../types.js';

/** Multicall3's address on nearly every EVM chain: the official x402 facilitator and viem's multicall read through it. */
export const multicall3Address: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

export interface InstallMulticall3ReturnType {
  /** The canonical Multicall3 address, now running our Multicall3. */
  address: Address;
  /** Where the contract was deployed first (its runtime code was copied from there). */
  deployedAt: Address;
}

/**
 * Devnet only (anvil): deploys Multicall3 and copies its runtime code to the canonical address with
 * `anvil_setCode`, because a fresh anvil chain has no Multicall3 and @x402/evm's facilitator reads channel state
 * through `tryAggregate` there. Multicall3 keeps no state, so the copy works as it is.
 */
export async function installMulticall3(client: WriteClient): Promise<InstallMulticall3ReturnType> {
  const { abi, bytecode } = artifacts.Multicall3;
  const hash = await deployContract(client, { abi, bytecode, account: client.account, chain: client.chain ?? null });
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new ChainError('TX_REVERTED', `deployment ${hash} failed`, { details: { hash } });
  }
  const deployedAt = getAddress(receipt.contractAddress);
  const code = await getCode(client, { address: deployedAt });
  if (!code) throw new ChainError('TX_REVERTED', `no code at ${deployedAt} after deployment ${hash}`);
  await testActions({ mode: 'anvil' })(client).setCode({ address: multicall3Address, bytecode: code });
  if ((await getCode(client, { address: multicall3Address })) !== code) {
    throw new ChainError('TX_REVERTED', `anvil_setCode did not install the code at ${multicall3Address} (is this anvil?)`);
  }
  return { address: multicall3Address, deployedAt };
}
