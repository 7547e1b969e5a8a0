import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aidRulesSchema, financeApproversFor } from './aid-rules.ts';
import { DEFAULT_AID_RULES } from './default-aid-rules.ts';

function errors(input: unknown) {
  return (aidRulesSchema.safeParse(input).error?.issues ?? []).map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));
}

describe('aid rules', () => {
  it('accept the default rules as they are', () => {
    expect(aidRulesSchema.parse(DEFAULT_AID_RULES)).toEqual(DEFAULT_AID_RULES);
  });

  it('name the field and give an i18n key for each mistake', () => {
    expect(errors({ ...DEFAULT_AID_RULES, rateBasisPoints: 10_001 })).toEqual([
      { path: 'rateBasisPoints', message: 'funding:errors.rate_range' },
    ]);
    expect(errors({ ...DEFAULT_AID_RULES, rateBasisPoints: 90.5 })).toEqual([
      { path: 'rateBasisPoints', message: 'funding:errors.rate_range' },
    ]);
    expect(errors({ ...DEFAULT_AID_RULES, capPerBusinessCents: 12.5 })).toEqual([
      { path: 'capPerBusinessCents', message: 'funding:errors.cents' },
    ]);
    expect(errors({ ...DEFAULT_AID_RULES, ineligibleCategories: ['shipping', 'training'] })).toEqual([
      { path: 'ineligibleCategories.1', message: 'funding:errors.categories_overlap' },
    ]);
    expect(
      errors({ ...DEFAULT_AID_RULES, projectWindow: { startsOn: '2027-04-01', endsOn: '2027-03-01' } }),
    ).toEqual([{ path: 'projectWindow.endsOn', message: 'funding:errors.window_order' }]);
    expect(errors({ ...DEFAULT_AID_RULES, claimDeadline: '2027-13-45' })).toEqual([
      { path: 'claimDeadline', message: 'funding:errors.date' },
    ]);
    expect(
      errors({
        ...DEFAULT_AID_RULES,
        approvalLevels: [
          { aboveCents: 500_000, financeApprovers: 2 },
          { aboveCents: 100_000, financeApprovers: 3 },
        ],
      }),
    ).toEqual([{ path: 'approvalLevels.1', message: 'funding:errors.levels_order' }]);
  });

  it('know each kind: no aid, a percentage, a fixed amount', () => {
    const { rateBasisPoints: _rate, ...withoutRate } = DEFAULT_AID_RULES as typeof DEFAULT_AID_RULES & {
      rateBasisPoints: number;
    };
    expect(aidRulesSchema.safeParse({ ...withoutRate, kind: 'none' }).success).toBe(true);
    expect(aidRulesSchema.safeParse({ ...withoutRate, kind: 'fixed', amountCents: 240_000 }).success).toBe(
      true,
    );
    expect(errors({ ...withoutRate, kind: 'fixed', amountCents: 0 })).toEqual([
      { path: 'amountCents', message: 'funding:errors.amount_positive' },
    ]);
    expect(aidRulesSchema.safeParse({ ...DEFAULT_AID_RULES, kind: 'none' }).success).toBe(false);
  });

  it('ask a second finance approver above the configured amount', () => {
    expect(financeApproversFor(DEFAULT_AID_RULES, 500_000)).toBe(1);
    expect(financeApproversFor(DEFAULT_AID_RULES, 500_001)).toBe(2);
    expect(financeApproversFor({ approvalLevels: [] }, 10_000_000)).toBe(1);
  });

  it('accept exactly the rates from 1 to 10 000 basis points (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 20_000 }), (rate) => {
        const ok = aidRulesSchema.safeParse({ ...DEFAULT_AID_RULES, rateBasisPoints: rate }).success;
        expect(ok).toBe(rate >= 1 && rate <= 10_000);
      }),
    );
  });
});
