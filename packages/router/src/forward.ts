/**
 * Sends one inference to one node and accepts the answer only if its receipt holds (receipt-check.ts): signed by
 * that node's operator, for this request, model and inputs, committing to exactly the outputs returned. The answer
 * is verified on the exact text the node sent, which is kept, so a caller may pass that text on unchanged.
 */
import { type RequestOptions, postJsonText, routeUrl } from '@verity/http/client';
import {
  type DecodedTensorMap,
  type ErrorCode,
  type Hex,
  type InferResponse,
  InferResponseFormSchema,
  type ReceiptDomain,
  type TensorMap,
  VerityError,
  encodeTensorBase64,
  hashTensorMap,
  routerHeader,
  routes,
  signForward,
} from '@verity/protocol';
import type { NodeSet, NodeState } from './node-set.js';
import { type ExpectedReceipt, checkNodeReceipt } from './receipt-check.js';

export interface NodeRequest {
  model: Hex;
  policy: string;
  requestId: Hex;
  /** hashDecodedTensorMap of the inputs sent: the inputHash every receipt must sign. */
  inputHash: Hex;
  /** The JSON body every node asked receives (see nodeRequestBody): serialized once, however many nodes run it. */
  bodyText: string;
}

export interface NodeAnswer {
  node: NodeState;
  response: InferResponse;
  /** The node's answer as received: the receipt and the outputs hash were checked on this very text. */
  text: string;
  /** True when `text` carries nothing beyond what `response` holds (no unknown field anywhere). */
  exact: boolean;
  outputHash: Hex;
  /** The executor the receipt names (the node's operator). */
  executor: string;
}

/**
 * The body of a node request. Inputs travel as base64 of the decoded little-endian elements (Protocol v1's "b64:"
 * form): exactly the bytes inputHash covers, so nothing is lost on the way (JSON numbers would turn -0 into 0),
 * and far cheaper for both sides than decimal text.
 */
export function nodeRequestBody(model: Hex, inputs: DecodedTensorMap, policy: string, requestId: Hex): string {
  const encoded: TensorMap = {};
  for (const [name, tensor] of Object.entries(inputs)) encoded[name] = encodeTensorBase64(tensor);
  return JSON.stringify({ model, inputs: encoded, policy, requestId });
}

/**
 * A node's answer: InferResponseFormSchema without `dissent`, which is the router's own statement under
 * replication and which no node may put in a client's answer (zod drops it, like any other unknown field).
 */
const NodeAnswerSchema = InferResponseFormSchema.omit({ dissent: true });

/** Errors of the router's own finding that say the node, not the caller, failed: the router tries elsewhere. */
const nodeFaults = new Set<ErrorCode>([
  'NODE_UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL',
  'ENGINE_ERROR',
  'UNKNOWN_MODEL',
  'RECEIPT_INVALID',
  'NO_QUORUM',
]);

/**
 * Whether an error is the node's fault (the router tries elsewhere, and counts it against the node). An error the
 * node answered with (errorFromBody notes its HTTP status) is judged by that status: 5xx is the node's, 4xx the
 * caller's (a request the node refused, which no other node would take either), whatever code it names, except
 * UNKNOWN_MODEL: the node does not serve a model it listed.
 */
export function isNodeFault(error: unknown): boolean {
  if (!(error instanceof VerityError)) return true;
  const status = error.details.status;
  if (typeof status === 'number' && status >= 400) return status >= 500 || error.code === 'UNKNOWN_MODEL';
  return nodeFaults.has(error.code);
}

/** How a router forwards: its per-attempt timeout and, when it charges clients, its key (see forwardOptions). */
export interface Forwarding {
  timeoutMs: number;
  /** Signs each forward (the Verity-Router header), so nodes that charge serve it without a payment of their own. */
  routerKey?: Hex;
  /** With a chain: the EIP-712 domain of ReceiptRegistry, which every receipt must be signed for. */
  receiptDomain?: ReceiptDomain;
  /**
   * The price per answer this request was quoted (and paid) at, when it was: no node dearer than it is asked, and no
   * receipt signing a higher fee is taken, even if the node set changed since.
   */
  quoteWei?: bigint;
}

/** What every receipt of a request must state besides its outputs, as this forwarding demands it. */
export function forwardedExpectations(forwarding: Forwarding): Pick<ExpectedReceipt, 'domain' | 'maxFee'> {
  return {
    ...(forwarding.receiptDomain ? { domain: forwarding.receiptDomain } : {}),
    ...(forwarding.quoteWei !== undefined ? { maxFee: forwarding.quoteWei } : {}),
  };
}

/** The request options of one forward of `body` to `node`: signed by the router's key when it has one. */
export function forwardOptions(forwarding: Forwarding, node: NodeState, body: string): RequestOptions {
  const { timeoutMs, routerKey } = forwarding;
  if (!routerKey || !node.address) return { timeoutMs };
  return { timeoutMs, headers: { [routerHeader]: signForward(routerKey, node.address, body) } };
}

/**
 * One attempt on a node: counted in its load while it runs, and its outcome recorded (the latency of a success, a
 * node fault), as routing weighs nodes by both.
 */
export async function attempt<T>(nodeSet: NodeSet, node: NodeState, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  node.inFlight += 1;
  try {
    const result = await run();
    nodeSet.recordSuccess(node, performance.now() - started);
    return result;
  } catch (error) {
    if (isNodeFault(error)) nodeSet.recordFailure(node);
    throw error;
  } finally {
    node.inFlight -= 1;
  }
}

export async function forwardInfer(
  nodeSet: NodeSet,
  node: NodeState,
  request: NodeRequest,
  forwarding: Forwarding,
): Promise<NodeAnswer> {
  return attempt(nodeSet, node, async () => {
    const url = routeUrl(node.url, routes.infer);
    const text = await postJsonText(url, request.bodyText, forwardOptions(forwarding, node, request.bodyText));
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new VerityError('RECEIPT_INVALID', `node ${node.url} answered with a body that is not JSON`);
    }
    // Outputs are checked for form here and element by element when verifying hashes them below.
    const parsed = NodeAnswerSchema.safeParse(raw);
    if (!parsed.success) throw new VerityError('RECEIPT_INVALID', `node ${node.url} answered with a malformed response`);
    const response = parsed.data as InferResponse;
    const receipt = checkNodeReceipt(
      node,
      response.receipts,
      {
        requestId: request.requestId,
        modelId: request.model,
        inputHash: request.inputHash,
        outputHash: outputHashOf(node, response.outputs),
        policy: request.policy,
        ...forwardedExpectations(forwarding),
      },
      response,
    );
    return {
      node,
      response,
      text,
      // Byte for byte what was checked: no field zod strips, and no duplicate key, whitespace or number spelling a
      // client's parser might read otherwise (a node's own JSON.stringify always passes this).
      exact: carriesOnlyKnownFields(raw) && JSON.stringify(raw) === text,
      outputHash: receipt.typedData.message.outputHash.toLowerCase() as Hex,
      executor: receipt.typedData.message.executor,
    };
  });
}

/** The hash of a node's outputs; outputs that cannot be hashed (a malformed element) are the node's fault. */
function outputHashOf(node: NodeState, outputs: TensorMap): Hex {
  try {
    return hashTensorMap(outputs);
  } catch (error) {
    throw new VerityError(
      'RECEIPT_INVALID',
      `node ${node.url} answered with outputs that cannot be hashed: ${(error as Error).message}`,
    );
  }
}

const responseKeys = ['requestId', 'modelId', 'outputs', 'policy', 'receipts'];
const tensorKeys = ['dtype', 'shape', 'data'];
const signedReceiptKeys = ['typedData', 'signature'];
const typedDataKeys = ['domain', 'types', 'primaryType', 'message'];
const domainKeys = ['name', 'version', 'chainId', 'verifyingContract'];
const messageKeys = ['requestId', 'modelId', 'inputHash', 'outputHash', 'executor', 'fee', 'timestamp', 'policy', 'engine'];
const typeFieldKeys = ['name', 'type'];

function only(value: unknown, allowed: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) if (!allowed.includes(key)) return false;
  return true;
}

/**
 * Whether a response that passed InferResponseFormSchema has no field the schema would strip: then its text says
 * exactly what the parsed response says, and may be passed on as it is instead of serialized again.
 */
function carriesOnlyKnownFields(raw: unknown): boolean {
  if (!only(raw, responseKeys)) return false;
  const { outputs, receipts } = raw as { outputs: Record<string, unknown>; receipts: unknown[] };
  for (const name in outputs) if (!only(outputs[name], tensorKeys)) return false;
  for (const receipt of receipts) {
    if (!only(receipt, signedReceiptKeys)) return false;
    const typedData = (receipt as { typedData: { domain: unknown; types: Record<string, unknown>; message: unknown } }).typedData;
    if (!only(typedData, typedDataKeys) || !only(typedData.domain, domainKeys) || !only(typedData.message, messageKeys))
      return false;
    if (!only(typedData.types, ['Receipt'])) return false;
    for (const field of typedData.types.Receipt as unknown[]) if (!only(field, typeFieldKeys)) return false;
  }
  return true;
}
