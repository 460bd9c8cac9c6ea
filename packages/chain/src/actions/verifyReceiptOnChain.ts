import { type SignedReceipt, sameAddress } from '@verity/protocol';
import { ReceiptRegistry } from '@verity/contracts';
import type { Address, Hex } from 'viem';
import { readContract } from 'viem/actions';
import { type ReadClient, toReceiptStruct } from '../types.js';

/** ReceiptRegistry.Status, by name, in the contract's order. */
export const receiptStatuses = [
  'Valid',
  'InvalidSignature',
  'SignerNotExecutor',
  'ExecutorNotRegistered',
  'RootNotPosted',
  'NotIncluded',
] as const;
export type ReceiptStatus = (typeof receiptStatuses)[number];

export interface VerifyReceiptOnChainParameters {
  /** The signed receipt as protocol gives it (its typed data names this chain and registry). */
  receipt: SignedReceipt;
  /** Inclusion proof of the receipt's leaf under the root its executor posted for `epoch`. */
  proof: readonly Hex[];
  epoch: bigint | number;
}

export interface VerifyReceiptOnChainReturnType {
  valid: boolean;
  /**
   * The registry's verdict, or 'WrongDomain' when the receipt was signed for another chain or registry (then
   * the registry would compute another digest and recover another signer; it is not asked).
   */
  status: ReceiptStatus | 'WrongDomain';
}

/** Asks ReceiptRegistry whether a receipt was signed by a registered node and settled in the epoch's root. */
export async function verifyReceiptOnChain(
  client: ReadClient,
  receiptRegistry: Address,
  parameters: VerifyReceiptOnChainParameters,
): Promise<VerifyReceiptOnChainReturnType> {
  const { domain, message } = parameters.receipt.typedData;
  const chainId = client.chain?.id;
  if (
    !domain.verifyingContract ||
    !sameAddress(domain.verifyingContract, receiptRegistry) ||
    (chainId !== undefined && domain.chainId !== chainId)
  ) {
    return { valid: false, status: 'WrongDomain' };
  }
  const code = await readContract(client, {
    address: receiptRegistry,
    abi: ReceiptRegistry.abi,
    functionName: 'check',
    args: [toReceiptStruct(message), parameters.receipt.signature, [...parameters.proof], BigInt(parameters.epoch)],
  });
  const status = receiptStatuses[code] ?? 'InvalidSignature';
  return { valid: status === 'Valid', status };
}
