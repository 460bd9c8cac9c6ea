/**
 * The facilitator half of batch-settlement, run in-process: @x402/evm's own BatchSettlementEvmScheme
 * (facilitator), which verifies and submits deposits, claimWithSignature batches and settle, given a viem wallet
 * that pays the gas and the receiverAuthorizer key that signs claim batches. It reads channel state through
 * Multicall3 at its canonical address (the devnet installs one). Its transactions take their nonces from the key's
 * one queue (transactions.ts).
 */
import { BatchSettlementEvmScheme } from '@x402/evm/batch-settlement/facilitator';
import type { FacilitatorEvmSigner } from '@x402/evm';
import type { Account, Chain, PublicClient, Transport, WalletClient } from 'viem';
import type { LocalAccount } from 'viem/accounts';
import { isQueuedWallet, queuedWallet, transactionQueueOf } from './transactions.js';

export type Facilitator = BatchSettlementEvmScheme;

export interface CreateFacilitatorParameters {
  publicClient: PublicClient<Transport, Chain>;
  /** Submits deposits, claims and settles (pays their gas). */
  wallet: WalletClient<Transport, Chain, Account>;
  /** The receiverAuthorizer: signs ClaimBatch and Refund for claimWithSignature / refundWithSignature. */
  receiverAuthorizer: LocalAccount;
  /** Bound on each receipt wait. */
  confirmationTimeoutMs?: number;
}

export const defaultFacilitatorOptions = { confirmationTimeoutMs: 60_000 } as const;

export function facilitatorSigner(parameters: Omit<CreateFacilitatorParameters, 'receiverAuthorizer'>): FacilitatorEvmSigner {
  const { publicClient, wallet } = parameters;
  const timeout = parameters.confirmationTimeoutMs ?? defaultFacilitatorOptions.confirmationTimeoutMs;
  // The x402 signer interface is untyped (abi: unknown[]); viem's typed actions are called through loose casts.
  type Loose = (args: unknown) => Promise<never>;
  return {
    getAddresses: () => [wallet.account.address],
    readContract: (args) => (publicClient.readContract as unknown as Loose)(args),
    verifyTypedData: (args) => (publicClient.verifyTypedData as unknown as Loose)(args),
    writeContract: (args) =>
      (wallet.writeContract as unknown as Loose)({ ...args, account: wallet.account, chain: wallet.chain }),
    sendTransaction: (args) => wallet.sendTransaction({ ...args, account: wallet.account, chain: wallet.chain }),
    waitForTransactionReceipt: (args) =>
      publicClient.waitForTransactionReceipt({ hash: args.hash, timeout: args.timeout ?? timeout }),
    getCode: (args) => publicClient.getCode(args),
  };
}

/**
 * The facilitator, sending through the key's transaction queue (transactions.ts): the process's one for the wallet's
 * key, unless the wallet is queued already. Deposits come in concurrently, one per paying client.
 */
export function createFacilitator(parameters: CreateFacilitatorParameters): Facilitator {
  const { receiverAuthorizer, wallet } = parameters;
  const queued = isQueuedWallet(wallet) ? wallet : queuedWallet(wallet, transactionQueueOf(wallet));
  return new BatchSettlementEvmScheme(facilitatorSigner({ ...parameters, wallet: queued }), {
    address: receiverAuthorizer.address,
    signTypedData: (typedData) =>
      receiverAuthorizer.signTypedData(typedData as unknown as Parameters<LocalAccount['signTypedData']>[0]),
  });
}
