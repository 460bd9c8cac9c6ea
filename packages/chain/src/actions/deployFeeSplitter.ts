import { FeeSplitter } from '@verity/contracts';
import { type Address, getAddress } from 'viem';
import { deployContract, waitForTransactionReceipt } from 'viem/actions';
import { ChainError } from '../errors.js';
import type { WriteClient } from '../types.js';

export interface DeployFeeSplitterParameters {
  token: Address;
  modelRegistry: Address;
  nodeRegistry: Address;
  /** The only account allowed to allocate funds (the router's settlement account). */
  distributor: Address;
  treasury: Address;
  verifierPool: Address;
  /** The verifier pool's share of each allocation, in basis points. */
  verifierBps: number;
  /** The treasury's share of each allocation, in basis points. */
  treasuryBps: number;
  /** Who may change the shares and the distributor; the client's account when unset. */
  owner?: Address;
}

export interface DeployFeeSplitterReturnType {
  address: Address;
  gasUsed: bigint;
}

/** Deploys a FeeSplitter: the receiver of settled fees, which splits them per executor and model. */
export async function deployFeeSplitter(
  client: WriteClient,
  parameters: DeployFeeSplitterParameters,
): Promise<DeployFeeSplitterReturnType> {
  const hash = await deployContract(client, {
    abi: FeeSplitter.abi,
    bytecode: FeeSplitter.bytecode,
    account: client.account,
    chain: client.chain ?? null,
    args: [
      parameters.token,
      parameters.modelRegistry,
      parameters.nodeRegistry,
      parameters.distributor,
      parameters.treasury,
      parameters.verifierPool,
      parameters.verifierBps,
      parameters.treasuryBps,
      parameters.owner ?? client.account.address,
    ],
  });
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new ChainError('TX_REVERTED', `deployment ${hash} failed`, { details: { hash } });
  }
  return { address: getAddress(receipt.contractAddress), gasUsed: receipt.gasUsed };
}
