import { BatchSettlement } from '@verity/contracts';
import { type Address, type Hex, getAddress, testActions } from 'viem';
import { deployContract, getCode, readContract, waitForTransactionReceipt } from 'viem/actions';
import { batchSettlementAddress, erc3009DepositCollectorAddress } from '../batch-settlement.js';
import { ChainError } from '../errors.js';
import type { WriteClient } from '../types.js';

export interface InstallBatchSettlementReturnType {
  /** The canonical x402 batch-settlement address, now running our BatchSettlement. */
  address: Address;
  /** The canonical ERC-3009 deposit collector address, now running the collector that serves it. */
  depositCollector: Address;
  /** Where the contract was deployed first (its code was copied from there; its own storage is unused). */
  deployedAt: Address;
  gasUsed: bigint;
}

/**
 * Devnet only (anvil): deploys BatchSettlement, then copies its runtime code to x402's canonical address, and the
 * ERC-3009 deposit collector's to its canonical address, with `anvil_setCode`, so the official x402 libraries find
 * them where they look on every chain. Neither contract keeps constructor state in storage, so the copies work as
 * they are; a second install replaces the code and keeps the channels already stored there.
 */
export async function installBatchSettlement(client: WriteClient): Promise<InstallBatchSettlementReturnType> {
  const hash = await deployContract(client, {
    abi: BatchSettlement.abi,
    bytecode: BatchSettlement.bytecode,
    account: client.account,
    chain: client.chain ?? null,
  });
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new ChainError('TX_REVERTED', `deployment ${hash} failed`, { details: { hash } });
  }
  const deployedAt = getAddress(receipt.contractAddress);
  const settlementCode = await getCode(client, { address: deployedAt });
  if (!settlementCode) throw new ChainError('TX_REVERTED', `no code at ${deployedAt} after deployment ${hash}`);
  const collectorCode = await readContract(client, {
    address: deployedAt,
    abi: BatchSettlement.abi,
    functionName: 'erc3009DepositCollectorCode',
  });

  const anvil = testActions({ mode: 'anvil' })(client);
  const install = async (address: Address, bytecode: Hex): Promise<void> => {
    await anvil.setCode({ address, bytecode });
    if ((await getCode(client, { address })) !== bytecode) {
      throw new ChainError('TX_REVERTED', `anvil_setCode did not install the code at ${address} (is this anvil?)`);
    }
  };
  await install(batchSettlementAddress, settlementCode);
  await install(erc3009DepositCollectorAddress, collectorCode);
  return {
    address: batchSettlementAddress,
    depositCollector: erc3009DepositCollectorAddress,
    deployedAt,
    gasUsed: receipt.gasUsed,
  };
}
