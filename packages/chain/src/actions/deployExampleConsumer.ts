import { ExampleConsumer } from '@verity/contracts';
import { type Address, type Hex, getAddress } from 'viem';
import { deployContract, waitForTransactionReceipt } from 'viem/actions';
import { ChainError } from '../errors.js';
import type { WriteClient } from '../types.js';

export interface DeployExampleConsumerParameters {
  /** The model whose results the consumer accepts. */
  modelId: Hex;
}

export interface DeployExampleConsumerReturnType {
  address: Address;
  gasUsed: bigint;
}

/** Deploys the example consumer (accepts a result only through ReceiptRegistry.verify) for one model. */
export async function deployExampleConsumer(
  client: WriteClient,
  receiptRegistry: Address,
  parameters: DeployExampleConsumerParameters,
): Promise<DeployExampleConsumerReturnType> {
  const hash = await deployContract(client, {
    abi: ExampleConsumer.abi,
    bytecode: ExampleConsumer.bytecode,
    account: client.account,
    chain: client.chain ?? null,
    args: [receiptRegistry, parameters.modelId],
  });
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new ChainError('TX_REVERTED', `deployment ${hash} failed`, { details: { hash } });
  }
  return { address: getAddress(receipt.contractAddress), gasUsed: receipt.gasUsed };
}
