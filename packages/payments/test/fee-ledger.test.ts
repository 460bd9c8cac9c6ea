/**
 * The router's record of charges for the fee split, without a chain: charge roots are built over the oldest
 * unposted charges that fit in what the splitter received, every posted charge carries a proof of its leaf, and a
 * (request, executor) pair is recorded once.
 */
import { chargeLeaf } from '@verity/chain';
import { type Hex, verifyMerkleProof } from '@verity/protocol';
import { describe, expect, it } from 'vitest';
import { FeeLedger } from '../src/index.js';

const executorA = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as const;
const executorB = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc' as const;
const model = `0x${'ab'.repeat(32)}` as Hex;
const request = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex;

describe('FeeLedger', () => {
  it('builds roots FIFO within what is available, with proofs that verify against them', () => {
    const ledger = new FeeLedger();
    ledger.record([
      { requestId: request(1), modelId: model, executor: executorA, amount: 5n },
      { requestId: request(1), modelId: model, executor: executorB, amount: 5n },
      { requestId: request(2), modelId: model, executor: executorA, amount: 7n },
    ]);
    // The same answer recorded again (a retried commit) is kept once.
    ledger.record([{ requestId: request(1), modelId: model, executor: executorA, amount: 5n }]);
    expect(ledger.unpostedCount()).toBe(3);

    expect(ledger.buildRoot(4n)).toBeUndefined();
    const first = ledger.buildRoot(12n);
    expect(first).toMatchObject({ total: 10n, count: 2 });
    expect(ledger.unpostedRoot()?.seq).toBe(first?.seq);
    ledger.markPosted(first?.seq as number, 0n);
    expect(ledger.unpostedRoot()).toBeUndefined();
    expect(ledger.unpostedCount()).toBe(1);

    const posted = ledger.unpaid();
    expect(posted.map((c) => [c.requestId, c.executor])).toEqual([
      [request(1), executorA],
      [request(1), executorB],
    ]);
    for (const charge of posted) {
      expect(charge.rootId).toBe(0n);
      expect(verifyMerkleProof(chargeLeaf(charge), charge.proof, first?.root as Hex)).toBe(true);
    }

    ledger.markPaid([posted[0]?.seq as number], `0x${'11'.repeat(32)}`);
    expect(ledger.unpaid()).toHaveLength(1);
    expect(ledger.chargesOf(executorA).map((c) => [c.requestId, c.paidIn !== null, c.rootId])).toEqual([
      [request(2), false, null],
      [request(1), true, 0n],
    ]);
    ledger.close();
  });
});
