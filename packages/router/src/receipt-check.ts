/**
 * What the router demands of a node's answer before it passes it on or charges for it, for tensors and text alike:
 * exactly one receipt, signed by the node's operator, in the network's EIP-712 domain (its chain id and registry),
 * for this request id, model, inputs (inputHash), outputs (outputHash) and policy, by the engine the node lists for
 * the model, and for a fee within the request's quote. A node that answers anything else is at fault
 * (RECEIPT_INVALID), and the router tries another.
 */
import {
  type Hex,
  type ReceiptDomain,
  type SignedReceipt,
  VerityError,
  sameAddress,
  verifyParsedReceipt,
} from '@verity/protocol';
import type { NodeState } from './node-set.js';

/** What the one receipt of a node's answer must state. */
export interface ExpectedReceipt {
  requestId: Hex;
  modelId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  policy: string;
  /** With a chain: the domain ReceiptRegistry verifies (its chainId and address), so the receipt can settle. */
  domain?: ReceiptDomain;
  /** A paid request's quote per answer: no receipt may sign a higher fee (the client is charged the fee signed). */
  maxFee?: bigint;
}

/** What the answer around the receipt says it answers: it must say what the receipt says, as a client checks one against the other. */
export interface AnsweredFields {
  requestId: string;
  modelId: string;
  policy?: string;
}

/** The answer's one receipt, checked against `expected`; RECEIPT_INVALID naming every check that failed. */
export function checkNodeReceipt(
  node: NodeState,
  receipts: readonly SignedReceipt[],
  expected: ExpectedReceipt,
  answered: AnsweredFields,
): SignedReceipt {
  const receipt = receipts[0];
  if (receipts.length !== 1 || !receipt) {
    throw new VerityError('RECEIPT_INVALID', `node ${node.url} answered with ${receipts.length} receipts, expected 1`, {
      details: { node: node.url },
    });
  }
  const report = verifyParsedReceipt(receipt, {
    requestId: expected.requestId,
    modelId: expected.modelId,
    inputHash: expected.inputHash,
    outputHash: expected.outputHash,
    ...(expected.domain ? { chainId: expected.domain.chainId } : {}),
    ...(node.address ? { trustedExecutors: [node.address] } : {}),
  });
  const problems = report.checks.filter((c) => !c.ok).map((c) => c.message);
  const { message, domain } = receipt.typedData;
  if (message.policy !== expected.policy) problems.push(`signed policy "${message.policy}", expected "${expected.policy}"`);
  const engine = node.models.get(expected.modelId)?.engine;
  if (engine !== undefined && message.engine !== engine) problems.push(`signed engine "${message.engine}", listed "${engine}"`);
  if (expected.maxFee !== undefined && BigInt(message.fee) > expected.maxFee)
    problems.push(`signed a fee of ${message.fee}, above the quote of ${expected.maxFee}`);
  // A receipt signed for another contract can never settle in this network's registry. One that names no contract
  // is still taken (nodes run without chain mode sign so), as the settlement and the fee split check it later.
  const registry = expected.domain?.verifyingContract;
  if (registry && domain.verifyingContract && !sameAddress(domain.verifyingContract, registry)) {
    problems.push(`signed for verifying contract ${domain.verifyingContract}, expected ${registry}`);
  }
  if (answered.requestId.toLowerCase() !== expected.requestId.toLowerCase()) problems.push('answered another requestId');
  if (answered.modelId.toLowerCase() !== expected.modelId.toLowerCase()) problems.push('answered for another model');
  if (answered.policy !== undefined && answered.policy !== expected.policy) problems.push('answered under another policy');
  if (problems.length > 0) {
    throw new VerityError('RECEIPT_INVALID', `node ${node.url} returned a receipt that does not hold: ${problems.join('; ')}`, {
      details: { node: node.url, problems },
    });
  }
  return receipt;
}
