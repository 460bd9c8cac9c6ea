/**
 * Internal: the settlement a node keeps for each of its receipts (`GET /v1/receipts/<id>` → `settlement`): the
 * epoch the receipt fell in, its leaf index, the epoch's Merkle root and the receipt's inclusion proof, and whether
 * the root is on chain yet. Read leniently (numbers may come as decimal strings) but checked for form.
 */
import { type Hex, VerityError, bytes32Pattern, settlementStatuses } from '@verity/protocol';

export interface Settlement {
  epoch: number;
  /** The receipt's position among the epoch's leaves. */
  leafIndex: number;
  /** The epoch's Merkle root; null while the epoch is still open. */
  root: Hex | null;
  /** Inclusion proof of the receipt's leaf under `root` (empty while open). */
  proof: Hex[];
  /** open: the epoch takes receipts; closed: its root is computed but not on chain yet; posted: on chain. */
  status: (typeof settlementStatuses)[number];
  /** The transaction that posted the root. */
  txHash?: Hex;
}

function integer(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

function bytes32(value: unknown): value is Hex {
  return typeof value === 'string' && bytes32Pattern.test(value);
}

/** The settlement in a stored response, undefined when there is none; a malformed one is the server's fault. */
export function parseSettlement(value: unknown, what: string): Settlement | undefined {
  if (value === undefined || value === null) return undefined;
  const fail = (problem: string) =>
    new VerityError('NODE_UNAVAILABLE', `${what} answered with a settlement that cannot be read: ${problem}`, {
      details: { settlement: value },
    });
  if (typeof value !== 'object' || Array.isArray(value)) throw fail('not an object');
  const raw = value as Record<string, unknown>;
  const epoch = integer(raw.epoch);
  if (epoch === undefined) throw fail('epoch is not a non-negative integer');
  const leafIndex = integer(raw.leafIndex ?? 0);
  if (leafIndex === undefined) throw fail('leafIndex is not a non-negative integer');
  const status = raw.status;
  if (typeof status !== 'string' || !(settlementStatuses as readonly string[]).includes(status)) {
    throw fail(`status is not one of ${settlementStatuses.join(', ')}`);
  }
  const root = raw.root ?? null;
  if (root !== null && !bytes32(root)) throw fail('root is not 0x and 64 hex digits');
  const proof = raw.proof ?? [];
  if (!Array.isArray(proof) || !proof.every(bytes32)) throw fail('proof is not a list of 0x and 64 hex digits');
  if (status === 'posted' && root === null) throw fail('a posted epoch has no root');
  const settlement: Settlement = { epoch, leafIndex, root, proof, status: status as Settlement['status'] };
  if (raw.txHash !== undefined && raw.txHash !== null) {
    if (!bytes32(raw.txHash)) throw fail('txHash is not 0x and 64 hex digits');
    settlement.txHash = raw.txHash;
  }
  return settlement;
}
