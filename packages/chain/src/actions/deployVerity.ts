import { Disputes, ModelRegistry, NodeRegistry, ReceiptRegistry, VerityToken } from '@verity/contracts';
import { type Address, type Hash, getAddress, parseEther } from 'viem';
import { deployContract, waitForTransactionReceipt, writeContract } from 'viem/actions';
import { ChainError } from '../errors.js';
import type { VerityContracts, WriteClient } from '../types.js';

export interface DeployVerityParameters {
  /** Least stake a node must keep to be active. */
  minStakeWei?: bigint;
  /** Seconds a node stays active after its last heartbeat. */
  livenessWindowSeconds?: number;
  /** Seconds between requesting to unstake and withdrawing. */
  unstakeDelaySeconds?: number;
  /** Share of a slash paid to the challenger, in basis points (the rest is burned). */
  slashRewardBps?: number;
  /** Who may slash instead of the Disputes contract deployed with the registries (a test's own account). */
  slasher?: Address;
}

export const defaultDeployOptions = {
  minStakeWei: parseEther('100'),
  livenessWindowSeconds: 120,
  unstakeDelaySeconds: 3_600,
  slashRewardBps: 5_000,
} as const satisfies DeployVerityParameters;

export interface DeployVerityReturnType {
  contracts: Required<Omit<VerityContracts, 'exampleConsumer'>>;
  /** Block of the first deployment transaction. */
  deployBlock: bigint;
  gasUsed: bigint;
}

async function mined(client: WriteClient, hash: Hash): Promise<{ address: Address; blockNumber: bigint; gasUsed: bigint }> {
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new ChainError('TX_REVERTED', `deployment ${hash} failed`, { details: { hash } });
  }
  return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
}

/**
 * Deploys the token, the three registries and Disputes (NodeRegistry's slasher, unless `slasher` names another);
 * the client's account owns them (and can mint on a devnet).
 */
export async function deployVerity(
  client: WriteClient,
  parameters: DeployVerityParameters = {},
): Promise<DeployVerityReturnType> {
  const options = { ...defaultDeployOptions, ...parameters };
  const owner = client.account.address;
  const common = { account: client.account, chain: client.chain ?? null } as const;

  const token = await mined(
    client,
    await deployContract(client, { ...common, abi: VerityToken.abi, bytecode: VerityToken.bytecode, args: [owner] }),
  );
  const models = await mined(
    client,
    await deployContract(client, { ...common, abi: ModelRegistry.abi, bytecode: ModelRegistry.bytecode }),
  );
  const nodes = await mined(
    client,
    await deployContract(client, {
      ...common,
      abi: NodeRegistry.abi,
      bytecode: NodeRegistry.bytecode,
      args: [
        token.address,
        models.address,
        options.minStakeWei,
        BigInt(options.livenessWindowSeconds),
        BigInt(options.unstakeDelaySeconds),
        options.slashRewardBps,
        owner,
      ],
    }),
  );
  const receipts = await mined(
    client,
    await deployContract(client, {
      ...common,
      abi: ReceiptRegistry.abi,
      bytecode: ReceiptRegistry.bytecode,
      args: [nodes.address],
    }),
  );
  const disputes = await mined(
    client,
    await deployContract(client, {
      ...common,
      abi: Disputes.abi,
      bytecode: Disputes.bytecode,
      args: [nodes.address, receipts.address],
    }),
  );
  let gasUsed = token.gasUsed + models.gasUsed + nodes.gasUsed + receipts.gasUsed + disputes.gasUsed;
  const hash = await writeContract(client, {
    ...common,
    address: nodes.address,
    abi: NodeRegistry.abi,
    functionName: 'setSlasher',
    args: [options.slasher ?? disputes.address],
  });
  gasUsed += (await waitForTransactionReceipt(client, { hash })).gasUsed;
  return {
    contracts: {
      token: token.address,
      modelRegistry: models.address,
      nodeRegistry: nodes.address,
      receiptRegistry: receipts.address,
      disputes: disputes.address,
    },
    deployBlock: token.blockNumber,
    gasUsed,
  };
}
