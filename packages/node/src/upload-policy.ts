/**
 * Who may store a blob on this node (PUT /v1/blobs), decided before a byte is written. A node on a chain stores the
 * blob of a model published there and not deprecated, or a blob its operator (or a router it trusts) allowed with a
 * signed Verity-Upload-Grant; taking anything else would let anyone fill its disk. A node without a chain (a
 * development network) takes every upload. The store's quota bounds them all.
 */
import { type Hex, VerityError, checkUploadGrant } from '@verity/protocol';
import { withTimeout } from './chain/tx-queue.js';

export interface UploadPolicyOptions {
  /** This node's operator address: the node a grant must name, and a signer it trusts. */
  operator: Hex;
  /** Other signers whose grants the node takes: the routers it serves unpaid. */
  routers?: readonly Hex[];
  /**
   * Chain mode: the model's ModelRegistry record, or null when it is not published. Absent: every upload is taken.
   * It may throw when the chain cannot be read.
   */
  publishedModel?: (modelId: Hex) => Promise<{ deprecated: boolean } | null>;
  /** How long the chain has to answer before the upload is refused with CHAIN_UNAVAILABLE. */
  chainReadTimeoutMs?: number;
}

/** An upload as the headers describe it. */
export interface UploadRequest {
  /** The `x-verity-sha256` header: the hash the bytes must match. */
  sha256?: Hex;
  /** The `Verity-Upload-Grant` header. */
  grant?: string;
}

/** Why an upload is taken; a grant also caps its size. */
export type UploadAdmission = { by: 'open' } | { by: 'published' } | { by: 'grant'; signer: Hex; maxBytes: number };

export type UploadPolicy = (upload: UploadRequest) => Promise<UploadAdmission>;

const defaultChainReadTimeoutMs = 5_000;

const howToUpload =
  'publish the model on chain first (`verity model push` with a publisher key publishes, then uploads), or have the ' +
  "node's operator sign a Verity-Upload-Grant for it";

export function uploadPolicy(options: UploadPolicyOptions): UploadPolicy {
  const { operator, publishedModel } = options;
  const trusted = [operator, ...(options.routers ?? [])];
  const timeoutMs = options.chainReadTimeoutMs ?? defaultChainReadTimeoutMs;

  return async function admitUpload(upload: UploadRequest): Promise<UploadAdmission> {
    if (!publishedModel) return { by: 'open' };
    const { sha256 } = upload;
    if (sha256 === undefined) {
      throw new VerityError(
        'UPLOAD_NOT_ALLOWED',
        `this node stores only blobs of models published on chain, or granted by its operator: name the blob in x-verity-sha256 and ${howToUpload}`,
        { details: { param: 'x-verity-sha256' } },
      );
    }
    let refusedGrant: string | undefined;
    if (upload.grant !== undefined) {
      const grant = checkUploadGrant(upload.grant, { node: operator, sha256, trusted });
      if (grant.ok) return { by: 'grant', signer: grant.signer, maxBytes: grant.size };
      refusedGrant = grant.reason;
    }
    let record: { deprecated: boolean } | null;
    try {
      record = await withTimeout(publishedModel(sha256), timeoutMs);
    } catch (cause) {
      // The cause may carry the RPC URL (which may hold a key): kept out of the message.
      throw new VerityError('CHAIN_UNAVAILABLE', `cannot read from the chain whether ${sha256} is a published model; retry`, {
        cause,
        details: { sha256 },
      });
    }
    if (record && !record.deprecated) return { by: 'published' };
    const what = record ? `model ${sha256} is deprecated on chain` : `${sha256} is not a model published on chain`;
    throw new VerityError('UPLOAD_NOT_ALLOWED', `${what}: this node does not store it; ${howToUpload}`, {
      details: { sha256, ...(record ? { deprecated: true } : {}), ...(refusedGrant ? { grant: refusedGrant } : {}) },
    });
  };
}
