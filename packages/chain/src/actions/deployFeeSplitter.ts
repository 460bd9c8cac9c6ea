import { FeeSplitter } from '@verity/contracts';
import { type Address, getAddress } from 'viem';
import { deployContract, waitForTransactionReceipt } from 'viem/actions';
import { ChainError } from '../errors.js';
import type { WriteClient } from '../types.js';

export interface DeployFeeSplitterParameters {
  token: Address;
  modelRegistry: Address;
  nodeRegistry: Address;
  /** The ReceiptRegistry whose settled receipts back every claimed charge. */
  receiptRegistry: Address;
  /** The only account allowed to post charge roots and release them (the router's settlement account). */
  distributor: Address;
  treasury: Address;
  verifierPool: Address;
  /** The verifier pool's share of each charge, in basis points. */
  verifierBps: number;
  /** The treasury's share of each charge, in basis points. */
  treasuryBps: number;
  /** Who may change the shares and the distributor; the client's account when unset. */
  owner?: Address;
}

export interface DeployFeeSplitterReturnType {
  address: Address;
  gasUsed: bigint;
}

/** Deploys a FeeSplitter: the receiver of settled fees, which pays charges backed by settled receipts, split per executor and model. */
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
      parameters.receiptRegistry,
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
