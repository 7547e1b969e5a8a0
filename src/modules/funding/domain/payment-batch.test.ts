import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BankDetailsState, batchSelection } from './payment-batch.ts';

const claim = (claimId: string, amountCents: number, bankDetails: BankDetailsState = 'verified') => ({
  claimId,
  amountCents,
  bankDetails,
});

describe('payment batch selection', () => {
  it('leaves out claims without verified bank details, each with its reason', () => {
    const { included, excluded, totalCents } = batchSelection(
      [claim('a', 100), claim('b', 200, 'missing'), claim('c', 300, 'unverified'), claim('d', 400)],
      null,
    );
    expect(included.map((c) => c.claimId)).toEqual(['a', 'd']);
    expect(excluded.map((c) => [c.claimId, c.reason])).toEqual([
      ['b', 'no_bank_account'],
      ['c', 'bank_account_unverified'],
    ]);
    expect(totalCents).toBe(500);
  });

  it('pays no business the registry shows struck off or bankrupt, whatever its bank details', () => {
    const { included, excluded } = batchSelection(
      [
        claim('a', 100),
        { ...claim('b', 200), registryBlocked: true },
        { ...claim('c', 300, 'missing'), registryBlocked: true },
      ],
      null,
    );
    expect(included.map((c) => c.claimId)).toEqual(['a']);
    expect(excluded.map((c) => [c.claimId, c.reason])).toEqual([
      ['b', 'registry_status'],
      ['c', 'registry_status'],
    ]);
  });

  it('stops at the limit in order: a later smaller claim does not overtake a waiting one', () => {
    const { included, excluded, totalCents } = batchSelection(
      [claim('a', 600), claim('b', 500), claim('c', 100), claim('d', 50, 'missing')],
      1_000,
    );
    expect(included.map((c) => c.claimId)).toEqual(['a']);
    expect(excluded.map((c) => [c.claimId, c.reason])).toEqual([
      ['b', 'batch_limit'],
      ['c', 'batch_limit'],
      ['d', 'no_bank_account'],
    ]);
    expect(totalCents).toBe(600);
  });

  it('never passes the limit, and accounts for every claim once (property)', () => {
    const state = fc.constantFrom<BankDetailsState>('verified', 'unverified', 'missing');
    fc.assert(
      fc.property(
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 1_000_000 }), bankDetails: state })),
        fc.option(fc.integer({ min: 0, max: 5_000_000 })),
        (rows, limit) => {
          const candidates = rows.map((r, i) => ({ ...r, claimId: String(i) }));
          const { included, excluded, totalCents } = batchSelection(candidates, limit);
          expect(totalCents).toBe(included.reduce((s, c) => s + c.amountCents, 0));
          if (limit !== null) expect(totalCents).toBeLessThanOrEqual(limit);
          expect([...included, ...excluded].map((c) => c.claimId).sort()).toEqual(
            candidates.map((c) => c.claimId).sort(),
          );
          expect(included.every((c) => c.bankDetails === 'verified')).toBe(true);
        },
      ),
    );
  });
});
