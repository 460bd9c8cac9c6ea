/**
 * Asks the chain whether a receipt is settled: signed by a registered node and included, by the given proof, in the
 * Merkle root its executor posted for the epoch (ReceiptRegistry.check, the function contracts call through
 * `verify`). The proof and epoch come from the executor's node (`getReceipt(...).settlement`); nothing the node
 * says is trusted, since the chain recomputes the digest from the receipt itself.
 */
import type { ReceiptStatus } from '@verity/chain';
import { type Hex, type InferResponse, type SignedReceipt, VerityError, sameAddress } from '@verity/protocol';
import { chainModule, chainOf, onChain } from '../chain.js';
import type { Client } from '../client.js';

export type VerifyOnChainParameters = (
  | { /** One signed receipt. */ receipt: SignedReceipt; response?: never }
  | {
      /** An infer or stored response: its receipt by `executor`, or its only receipt. */
      response: Pick<InferResponse, 'receipts'>;
      receipt?: never;
    }
) & {
  /** Inclusion proof of the receipt's leaf (settlement.proof). */
  proof: readonly Hex[];
  /** The executor's epoch the receipt was settled in (settlement.epoch). */
  epoch: number | bigint;
  /** With `response`: which executor's receipt to check. */
  executor?: Hex;
};

export interface VerifyOnChainReturnType {
  valid: boolean;
  /**
   * ReceiptRegistry's verdict (Valid, InvalidSignature, SignerNotExecutor, ExecutorNotRegistered, RootNotPosted,
   * NotIncluded), or WrongDomain when the receipt was signed for another chain or registry.
   */
  status: ReceiptStatus | 'WrongDomain';
  executor: Hex;
  requestId: Hex;
  epoch: number;
}

function pickReceipt(parameters: VerifyOnChainParameters): SignedReceipt {
  if (parameters.receipt) return parameters.receipt;
  const { receipts } = parameters.response;
  const { executor } = parameters;
  const matching =
    executor === undefined ? receipts : receipts.filter((r) => sameAddress(r.typedData.message.executor, executor));
  if (matching.length !== 1 || !matching[0]) {
    throw new VerityError(
      'INVALID_REQUEST',
      executor === undefined
        ? `the response has ${receipts.length} receipts: say which executor's to check`
        : `the response has no receipt by ${executor}`,
    );
  }
  return matching[0];
}

export async function verifyOnChain(client: Client, parameters: VerifyOnChainParameters): Promise<VerifyOnChainReturnType> {
  const receipt = pickReceipt(parameters);
  const epoch = BigInt(parameters.epoch);
  if (epoch < 0n || epoch >= 2n ** 64n) throw new VerityError('INVALID_REQUEST', `epoch ${epoch} is out of range`);
  const chain = await chainOf(client, 'verifyOnChain');
  const { verifyReceiptOnChain } = await chainModule();
  const verdict = await onChain('verifying the receipt on chain', () =>
    verifyReceiptOnChain(chain.publicClient, chain.deployment.contracts.receiptRegistry, {
      receipt,
      proof: parameters.proof,
      epoch,
    }),
  );
  const { executor, requestId } = receipt.typedData.message;
  return { ...verdict, executor, requestId, epoch: Number(epoch) };
}
