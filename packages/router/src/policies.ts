/**
 * Verification policies as the router runs them, for tensors and text alike (`execute`): `none` and `relay` (one
 * executor, failover on node faults) and `replicate:k` (k distinct operators; a strict majority of matching output
 * hashes is the quorum; dissenters are named in the response and recorded). Either asks only nodes priced within the
 * request's quote (pricing.ts). The policy is parsed once, at the edge (`routablePolicy`), and travels as an object.
 */
import {
  type Dissent,
  type Hex,
  type ModelEntry,
  type Policy,
  VerityError,
  formatPolicy,
  parsePolicy,
  requiredAgreement,
} from '@verity/protocol';
import type { DissentLog } from './dissent-log.js';
import { type Forwarding, isNodeFault } from './forward.js';
import type { NodeSet, NodeState } from './node-set.js';
import { type PriceTerms, answerCeiling, answerPrice, withinPrice } from './pricing.js';
import { rankNodes } from './select.js';

export interface PolicyContext extends Forwarding {
  nodeSet: NodeSet;
  dissentLog: DissentLog;
  /** Asks more nodes to fetch and serve a model; resolves when they have tried. */
  spreadModel(entry: ModelEntry, extraNodes: number): Promise<void>;
  /** What prices a request for a model (pricing.ts): its published price as last read, the router's minimum. */
  priceTerms(entry: ModelEntry, maxTokens?: number | null): PriceTerms;
  /** This request's max_tokens, when it is a text request (null: not given). */
  maxTokens?: number | null;
}

/** A request as every policy sees it: its model, its id and its policy, parsed once at the edge. */
export interface PolicyRequest {
  entry: ModelEntry;
  requestId: Hex;
  policy: Policy;
  /** formatPolicy(policy): what nodes are asked under and receipts must sign. */
  policyName: string;
}

interface Attempt {
  node: string;
  error: { code: string; message: string };
}

/**
 * Nodes serving the model and priced within the request's quote (asking `answers` operators; see pricing.ts), best
 * first: those not in failure cooldown before those that are.
 */
function candidatesFor(ctx: PolicyContext, entry: ModelEntry, answers: number): NodeState[] {
  const { nodeSet } = ctx;
  const modelId = entry.modelId;
  const terms = ctx.priceTerms(entry, ctx.maxTokens);
  const quote = ctx.quoteWei ?? answerPrice(nodeSet.nodes, answers, terms);
  const serving = nodeSet.nodes.filter((n) => n.healthy && n.models.has(modelId) && withinPrice(n, quote, terms));
  const available = new Set(nodeSet.available());
  const cost = (n: NodeState) => answerCeiling(n, terms);
  const ordered = [
    ...rankNodes(
      serving.filter((n) => available.has(n)),
      cost,
    ),
    ...rankNodes(
      serving.filter((n) => !available.has(n)),
      cost,
    ),
  ];
  const operators = new Set<string>();
  return ordered.filter((n) => {
    const operator = (n.address ?? n.url).toLowerCase();
    if (operators.has(operator)) return false;
    operators.add(operator);
    return true;
  });
}

export function describe(error: unknown): { code: string; message: string } {
  return error instanceof VerityError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: String(error) };
}

/**
 * Policy `none`: the best candidate answers, and when it fails as a node (down, timed out, a receipt that does not
 * hold) the next one priced within the quote is asked. A caller's error (bad input) is returned at once.
 */
export async function failover<A>(ctx: PolicyContext, entry: ModelEntry, ask: (node: NodeState) => Promise<A>): Promise<A> {
  const attempts: Attempt[] = [];
  let candidates = candidatesFor(ctx, entry, 1);
  if (candidates.length === 0) {
    await ctx.spreadModel(entry, 1);
    candidates = candidatesFor(ctx, entry, 1);
  }
  for (const node of candidates) {
    try {
      return await ask(node);
    } catch (error) {
      if (!isNodeFault(error)) throw error;
      attempts.push({ node: node.url, error: describe(error) });
    }
  }
  throw new VerityError('NODE_UNAVAILABLE', `no node could serve the request (${attempts.length} tried)`, {
    details: { attempts },
  });
}

/** What replication needs of each verified answer. */
export interface ReplicaAnswer {
  node: NodeState;
  outputHash: Hex;
  /** The executor its receipt names. */
  executor: string;
}

export interface Agreement<A extends ReplicaAnswer> {
  /** The answers with the agreed outputHash: at least the quorum. */
  winners: A[];
  dissent: Dissent[];
}

/**
 * Policy `replicate:k`: k distinct operators answer (a failed one is replaced by the next candidate), answers are
 * grouped by outputHash, and a strict majority of the k must agree. Dissenters are recorded and named.
 */
export async function replicate<A extends ReplicaAnswer>(
  ctx: PolicyContext,
  request: { entry: ModelEntry; requestId: Hex },
  k: number,
  ask: (node: NodeState) => Promise<A>,
): Promise<Agreement<A>> {
  const policy = formatPolicy({ kind: 'replicate', k });
  const quorum = requiredAgreement({ kind: 'replicate', k });
  let pool = candidatesFor(ctx, request.entry, k);
  if (pool.length < k) {
    await ctx.spreadModel(request.entry, k - pool.length);
    pool = candidatesFor(ctx, request.entry, k);
  }
  const operators = new Set(ctx.nodeSet.nodes.filter((n) => n.healthy).map((n) => (n.address ?? n.url).toLowerCase()));
  if (pool.length < k) {
    throw new VerityError(
      'NOT_ENOUGH_NODES',
      `${policy} needs ${k} distinct operators serving the model within its price; ${pool.length} available`,
      {
        details: { needed: k, available: pool.length, operators: operators.size },
      },
    );
  }

  const answers: A[] = [];
  const failures: { node: NodeState; error: unknown }[] = [];
  const waiting = [...pool];
  let callerError: unknown;

  // k lanes: each takes the next candidate and, if that node fails, the one after, so failures are replaced.
  async function lane(): Promise<void> {
    for (let node = waiting.shift(); node && !callerError; node = waiting.shift()) {
      try {
        answers.push(await ask(node));
        return;
      } catch (error) {
        if (!isNodeFault(error)) {
          callerError = error;
          return;
        }
        failures.push({ node, error });
      }
    }
  }
  await Promise.all(Array.from({ length: k }, lane));
  if (callerError) throw callerError;

  const groups = new Map<Hex, A[]>();
  for (const answer of answers) groups.set(answer.outputHash, [...(groups.get(answer.outputHash) ?? []), answer]);
  const [winningHash, winners] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [undefined, []];

  const dissent: Dissent[] = [];
  for (const answer of answers) {
    if (answer.outputHash === winningHash) continue;
    dissent.push({ executor: answer.executor, node: answer.node.url, outputHash: answer.outputHash });
  }
  for (const { node, error } of failures) dissent.push({ executor: node.address ?? '', node: node.url, error: describe(error) });

  if (!winningHash || winners.length < quorum) {
    throw new VerityError('NO_QUORUM', `${policy}: no output was agreed by ${quorum} of ${k} distinct operators`, {
      details: {
        needed: quorum,
        groups: [...groups.entries()].map(([hash, group]) => ({ outputHash: hash, executors: group.map((a) => a.node.url) })),
        dissent,
      },
    });
  }
  const at = Date.now();
  for (const answer of answers) {
    if (answer.outputHash === winningHash) continue;
    answer.node.dissents += 1;
    ctx.dissentLog.record({
      requestId: request.requestId,
      modelId: request.entry.modelId,
      node: answer.node.url,
      executor: answer.executor,
      outputHash: answer.outputHash,
      quorumHash: winningHash,
      at,
    });
  }
  return { winners, dissent };
}

/**
 * Runs a request under its policy: `ask` gets one verified answer from one node (or throws); the agreeing answers
 * come back (one under `none` and `relay`, the quorum under `replicate:k`) with the dissent.
 */
export async function execute<A extends ReplicaAnswer>(
  ctx: PolicyContext,
  request: PolicyRequest,
  ask: (node: NodeState) => Promise<A>,
): Promise<Agreement<A>> {
  const { policy } = request;
  if (policy.kind === 'replicate') return replicate(ctx, request, policy.k, ask);
  if (policy.kind === 'spot-check') throw spotCheckRefused(request.policyName);
  return { winners: [await failover(ctx, request.entry, ask)], dissent: [] };
}

/**
 * The policy a request asks for, as this router runs it: `spot-check:p` is part of Protocol v1 but needs validators
 * (a later issue), so it is refused by name rather than quietly run as `none`.
 */
export function routablePolicy(text: string | undefined): Policy {
  const policy = parsePolicy(text);
  if (policy.kind === 'spot-check') throw spotCheckRefused(text);
  return policy;
}

function spotCheckRefused(text: string | undefined): VerityError {
  return new VerityError('UNKNOWN_POLICY', 'spot-check is not implemented by this router yet; use "none" or "replicate:<k>"', {
    details: { policy: text },
  });
}

/** How many executors' answers a request under `policy` may be charged for: k under `replicate:k`, else one. */
export function answersOf(policy: Policy): number {
  return policy.kind === 'replicate' ? policy.k : 1;
}
