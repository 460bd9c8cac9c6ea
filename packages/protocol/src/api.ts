/**
 * The HTTP API of Protocol v1, defined once: method, path, request and response schemas.
 * Node, router and SDK all derive their handlers and clients from these definitions.
 */
import { z } from 'zod';
import { errorCodes } from './errors.js';
import { type Hex, bytes32Pattern } from './hex.js';
import { SignedReceiptSchema } from './receipt.js';
import { DTypeSchema, TensorMapSchema, TensorSchema } from './tensor.js';

const Bytes32 = z.string().regex(bytes32Pattern, 'expected 0x and 64 hex digits') as z.ZodType<Hex>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes as [string, ...string[]]),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});

/** A tensor in a model's signature; a dimension is a number when fixed, a name or null when free. */
export const TensorSpecSchema = z.object({
  name: z.string(),
  dtype: DTypeSchema,
  shape: z.array(z.union([z.number().int(), z.string(), z.null()])),
});
export type TensorSpec = z.infer<typeof TensorSpecSchema>;

export const ModelSignatureSchema = z.object({
  inputs: z.array(TensorSpecSchema),
  outputs: z.array(TensorSpecSchema),
});
export type ModelSignature = z.infer<typeof ModelSignatureSchema>;

/** Formats of model files a node can be asked to register. */
export const modelFormats = ['onnx', 'gguf'] as const;
export const ModelFormatSchema = z.enum(modelFormats);
/** What a served model is: a file in one of modelFormats, or `relay` (forwarded to an upstream server; see Policy). */
export const ServedFormatSchema = z.enum([...modelFormats, 'relay']);

const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,127}$/;

export const RegisterModelRequestSchema = z.object({
  name: z.string().regex(namePattern, 'letters, digits, ".", "_" and "-", starting with a letter or digit'),
  version: z.string().regex(namePattern, 'letters, digits, ".", "_" and "-", starting with a letter or digit'),
  format: ModelFormatSchema,
  blob: Bytes32,
  description: z.string().max(2000).optional(),
  license: z.string().max(200).optional(),
  /** Nodes to fetch the blob from when this node does not hold it (base URLs). */
  sources: z.array(z.url()).max(32).optional(),
});
export type RegisterModelRequest = z.infer<typeof RegisterModelRequestSchema>;

export const ModelEntrySchema = z.object({
  id: z.string(),
  object: z.literal('model'),
  created: z.number().int(),
  owned_by: z.string(),
  modelId: Bytes32,
  name: z.string(),
  version: z.string(),
  format: ServedFormatSchema,
  size: z.number().int().nonnegative(),
  engine: z.string(),
  signature: ModelSignatureSchema,
  /** Node base URLs serving it (router only). */
  nodes: z.array(z.string()).optional(),
  /** Language models: the context window, in tokens (OpenRouter's field). */
  context_length: z.number().int().positive().optional(),
  /**
   * What an answer costs, in OpenRouter's habit (router only, when it charges): decimal strings in the payment
   * token's unit (VRT), per prompt token, per completion token, and per request.
   */
  pricing: z.object({ prompt: z.string(), completion: z.string(), request: z.string() }).optional(),
});
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

export const ModelListSchema = z.object({ object: z.literal('list'), data: z.array(ModelEntrySchema) });
export type ModelList = z.infer<typeof ModelListSchema>;

export const BlobPutResponseSchema = z.object({ sha256: Bytes32, size: z.number().int().nonnegative() });
export type BlobPutResponse = z.infer<typeof BlobPutResponseSchema>;

export const InferRequestSchema = z.object({
  model: z.string().min(1).max(300),
  inputs: TensorMapSchema,
  policy: z.string().max(64).optional(),
  requestId: Bytes32.optional(),
});
export type InferRequest = z.infer<typeof InferRequestSchema>;

/**
 * TensorMapSchema with each tensor's data checked only for its form (an array, or a "b64:" string), for the hot
 * path: zod would check and copy every element, which costs more than running a small model, while
 * decodeTensorMap checks each element against its dtype anyway (INVALID_TENSOR) and every hot-path consumer
 * decodes (to run, or to hash against a receipt): elements are `unknown` until decoded.
 */
export const TensorMapFormSchema = z.record(
  z.string().min(1).max(256),
  TensorSchema.extend({
    data: z.union([z.custom<unknown[]>((value) => Array.isArray(value), 'expected an array'), z.string().startsWith('b64:')]),
  }),
);

/** InferRequestSchema with inputs checked for form only (see TensorMapFormSchema). */
export const InferRequestFormSchema = InferRequestSchema.extend({ inputs: TensorMapFormSchema });

export const DissentSchema = z.object({
  executor: z.string(),
  node: z.string(),
  outputHash: Bytes32.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type Dissent = z.infer<typeof DissentSchema>;

export const InferResponseSchema = z.object({
  requestId: Bytes32,
  modelId: Bytes32,
  outputs: TensorMapSchema,
  policy: z.string(),
  receipts: z.array(SignedReceiptSchema),
  /** Executors whose answer disagreed with the quorum or failed (router, replicate:k). */
  dissent: z.array(DissentSchema).optional(),
});
export type InferResponse = z.infer<typeof InferResponseSchema>;

/** InferResponseSchema with outputs checked for form only (see TensorMapFormSchema): hash them before trusting them. */
export const InferResponseFormSchema = InferResponseSchema.extend({ outputs: TensorMapFormSchema });

/** Where a receipt is settled on chain (GET /v1/receipts/:requestId, chain mode). */
export const settlementStatuses = ['open', 'closed', 'posted'] as const;
export const SettlementSchema = z.object({
  epoch: z.number().int().nonnegative(),
  /** The receipt's position among the epoch's leaves. */
  leafIndex: z.number().int().nonnegative(),
  /** open: the epoch takes receipts; closed: its root is computed, not on chain yet; posted: on chain. */
  status: z.enum(settlementStatuses),
  /** The epoch's Merkle root, once it is closed. */
  root: Bytes32.optional(),
  /** The receipt leaf's sibling path to `root` (OpenZeppelin MerkleProof), once the epoch is closed. */
  proof: z.array(Bytes32).optional(),
  /** The transaction that posted the root. */
  txHash: Bytes32.optional(),
});
export type Settlement = z.infer<typeof SettlementSchema>;

export const StoredInferResponseSchema = InferResponseSchema.extend({ settlement: SettlementSchema.optional() });

/**
 * Just the receipts of an answer, whatever its kind: an inference's `receipts`, or a chat or text completion's
 * `verity.receipts`, with the `settlement` a node appends to a stored one (GET /v1/receipts/:requestId).
 */
export const AnswerReceiptsSchema = z
  .object({
    receipts: z.array(SignedReceiptSchema).optional(),
    verity: z.object({ receipts: z.array(SignedReceiptSchema) }).optional(),
    settlement: SettlementSchema.optional(),
  })
  .transform(({ receipts, verity, settlement }) => ({
    receipts: receipts ?? verity?.receipts ?? [],
    ...(settlement ? { settlement } : {}),
  }));
export type StoredInferResponse = z.infer<typeof StoredInferResponseSchema>;

/** Parses a model reference: "name@version", "name" (latest) or "0x<sha256>". */
export type ModelRef = { kind: 'id'; modelId: Hex } | { kind: 'name'; name: string; version?: string };

export function parseModelRef(ref: string): ModelRef {
  if (bytes32Pattern.test(ref)) return { kind: 'id', modelId: ref.toLowerCase() as Hex };
  const at = ref.lastIndexOf('@');
  if (at > 0) return { kind: 'name', name: ref.slice(0, at), version: ref.slice(at + 1) };
  return { kind: 'name', name: ref };
}
