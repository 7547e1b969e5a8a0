import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AidRules } from './aid-rules.ts';
import { DEFAULT_AID_RULES } from './default-aid-rules.ts';
import { type BudgetLine, claimableAmount, grantOf } from './grant.ts';
import { applyRatio, basisPoints } from './money.ts';

const line = (id: string, amountCents: number, category: BudgetLine['category'] = 'website'): BudgetLine => ({
  id,
  category,
  amountCents,
});
type PercentageRules = Extract<AidRules, { kind: 'percentage' }>;
const percentage = (overrides: Partial<PercentageRules> = {}): PercentageRules => ({
  ...(DEFAULT_AID_RULES as PercentageRules),
  ...overrides,
});

describe('grant', () => {
  it('applies the rate, then the cap, and keeps each step', () => {
    const grant = grantOf({ rules: percentage(), lines: [line('a', 1_200_000)], otherPublicAidCents: 0 });
    expect(grant.amountCents).toBe(240_000);
    expect(grant.steps.map((s) => [s.kind, 'resultCents' in s ? s.resultCents : s.eligibleCents])).toEqual([
      ['eligible', 1_200_000],
      ['rate', 1_080_000],
      ['cap', 240_000],
      ['stacking', 240_000],
    ]);
  });

  it('matches CDAP’s worked examples (90 %, at most 15 000 $)', () => {
    const rules = percentage({ capPerBusinessCents: 1_500_000 });
    expect(grantOf({ rules, lines: [line('a', 1_000_000)], otherPublicAidCents: 0 }).amountCents).toBe(
      900_000,
    );
    expect(grantOf({ rules, lines: [line('a', 2_000_000)], otherPublicAidCents: 0 }).amountCents).toBe(
      1_500_000,
    );
  });

  it('leaves out ineligible categories, lowers the cap by earlier grants, and leaves room for other aid', () => {
    const rules = percentage({ capPerBusinessCents: 1_500_000, stackingLimitBasisPoints: 9000 });
    const grant = grantOf({
      rules,
      lines: [line('a', 1_000_000), line('b', 50_000, 'shipping')],
      otherPublicAidCents: 200_000,
      previousGrantsCents: 1_000_000,
    });
    expect(grant.eligibleCents).toBe(1_000_000);
    expect(grant.excludedLineIds).toEqual(['b']);
    // 900 000 → cap 1 500 000 − 1 000 000 = 500 000 → stacking 900 000 − 200 000 = 700 000.
    expect(grant.amountCents).toBe(500_000);
    expect(grantOf({ rules, lines: [line('a', 1_000_000)], otherPublicAidCents: 800_000 }).amountCents).toBe(
      100_000,
    );
    expect(
      grantOf({ rules, lines: [line('a', 1_000_000)], otherPublicAidCents: 2_000_000 }).amountCents,
    ).toBe(0);
  });

  it('pays a fixed amount at most up to the eligible costs, and nothing when the program gives no aid', () => {
    const { rateBasisPoints: _, ...base } = percentage();
    const fixed: AidRules = { ...base, kind: 'fixed', amountCents: 240_000 };
    expect(grantOf({ rules: fixed, lines: [line('a', 100_000)], otherPublicAidCents: 0 }).amountCents).toBe(
      100_000,
    );
    expect(grantOf({ rules: fixed, lines: [line('a', 900_000)], otherPublicAidCents: 0 }).amountCents).toBe(
      240_000,
    );
    const none: AidRules = { ...base, kind: 'none' };
    expect(grantOf({ rules: none, lines: [line('a', 900_000)], otherPublicAidCents: 0 }).amountCents).toBe(0);
  });

  const rulesArb = fc.record({
    rate: fc.integer({ min: 1, max: 10_000 }),
    cap: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
    share: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
  });
  const amountArb = fc.integer({ min: 0, max: 10_000_000 });

  it('never exceeds rate × eligible cost, the cap or the stacking limit, is never negative, and grows with cost (property)', () => {
    fc.assert(
      fc.property(rulesArb, amountArb, amountArb, amountArb, amountArb, (r, cost, extra, other, previous) => {
        const rules = percentage({
          rateBasisPoints: r.rate,
          capPerBusinessCents: r.cap,
          stackingLimitBasisPoints: r.share,
        });
        const input = { rules, otherPublicAidCents: other, previousGrantsCents: previous };
        const { amountCents } = grantOf({ ...input, lines: [line('a', cost)] });
        expect(amountCents).toBeGreaterThanOrEqual(0);
        expect(amountCents).toBeLessThanOrEqual(applyRatio(cost, basisPoints(r.rate)));
        if (r.cap !== null) expect(amountCents).toBeLessThanOrEqual(Math.max(0, r.cap - previous));
        if (r.share !== null)
          expect(amountCents + other).toBeLessThanOrEqual(
            Math.max(other, applyRatio(cost, basisPoints(r.share))),
          );
        expect(grantOf({ ...input, lines: [line('a', cost + extra)] }).amountCents).toBeGreaterThanOrEqual(
          amountCents,
        );
      }),
    );
  });

  it('shrinks a claim when actual costs are lower, never pays above the agreement, nor twice (property)', () => {
    fc.assert(
      fc.property(
        rulesArb,
        amountArb,
        amountArb,
        amountArb,
        amountArb,
        (r, approved, actual, more, paidShare) => {
          const rules = percentage({
            rateBasisPoints: r.rate,
            capPerBusinessCents: r.cap,
            stackingLimitBasisPoints: r.share,
          });
          const approvedLines = [line('a', approved)];
          const agreementGrantCents = grantOf({
            rules,
            lines: approvedLines,
            otherPublicAidCents: 0,
          }).amountCents;
          const paidCents = Math.min(paidShare, agreementGrantCents);
          const claim = (spent: number) =>
            claimableAmount({
              rules,
              approvedLines,
              actualCents: new Map([['a', spent]]),
              agreementGrantCents,
              otherPublicAidCents: 0,
              paidCents,
            });
          const now = claim(actual);
          expect(now.amountCents + paidCents).toBeLessThanOrEqual(Math.max(paidCents, agreementGrantCents));
          expect(claim(actual + more).amountCents).toBeGreaterThanOrEqual(now.amountCents);
          expect(claim(approved).entitledCents).toBe(agreementGrantCents);
        },
      ),
    );
  });

  it('pays 90 % of what was spent when it is less than planned', () => {
    const rules = percentage({ capPerBusinessCents: null });
    const result = claimableAmount({
      rules,
      approvedLines: [line('a', 1_000_000), line('b', 200_000)],
      actualCents: new Map([
        ['a', 800_000],
        ['b', 300_000], // above its line: counts 200 000
      ]),
      agreementGrantCents: 1_080_000,
      otherPublicAidCents: 0,
      paidCents: 500_000,
    });
    expect(result.entitledCents).toBe(900_000);
    expect(result.amountCents).toBe(400_000);
  });
});
