import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaSchema } from './criteria-schema.ts';
import {
  type Condition,
  type Criterion,
  DEFAULT_CRITERIA,
  evaluate,
  type Facts,
  holds,
} from './eligibility.ts';

const eligible: Facts = {
  postalCode: 'H2X 1Y4',
  region: '06',
  neq: '1143920115',
  naics: '458',
  employees: 12,
  foundedYear: 2015,
  yearsInOperation: 12,
  alreadyInProgram: false,
};

const result = (facts: Facts, id: string) =>
  evaluate(DEFAULT_CRITERIA, facts).criteria.find((c) => c.id === id)!;

describe('default criteria', () => {
  it('are valid data for the criteria editor', () => {
    expect(criteriaSchema.safeParse(DEFAULT_CRITERIA).success).toBe(true);
  });

  it('accept an eligible retailer and explain each criterion', () => {
    const evaluation = evaluate(DEFAULT_CRITERIA, eligible);
    expect(evaluation.eligible).toBe(true);
    expect(evaluation.criteria.map((c) => c.id)).toEqual(DEFAULT_CRITERIA.map((c) => c.id));
    expect(result(eligible, 'small_business').message.fr).toBe(
      'Votre entreprise compte 12 employés, soit 50 ou moins.',
    );
  });

  it('say which criterion failed and why, in both languages', () => {
    const big = { ...eligible, employees: 72 };
    const evaluation = evaluate(DEFAULT_CRITERIA, big);
    expect(evaluation.eligible).toBe(false);
    expect(evaluation.criteria.filter((c) => !c.passed).map((c) => c.id)).toEqual(['small_business']);
    expect(result(big, 'small_business').message).toEqual({
      fr: "Votre entreprise compte 72 employés; le programme s'adresse aux entreprises de 50 employés ou moins.",
      en: 'Your business has 72 employees; the program is for businesses with 50 employees or fewer.',
    });
  });

  it('refuse a postal code outside Québec, a non-retail subsector, a young business, a duplicate NEQ', () => {
    expect(result({ ...eligible, postalCode: 'K1A 0B1' }, 'located_in_quebec').passed).toBe(false);
    expect(result({ ...eligible, region: '18' }, 'located_in_quebec').passed).toBe(false);
    expect(result({ ...eligible, naics: '722' }, 'retail_trade').message.fr).toContain('le sous-secteur 722');
    expect(
      result({ ...eligible, yearsInOperation: 0, foundedYear: 2027 }, 'one_year_in_operation').message.en,
    ).toContain('founded in 2027');
    expect(result({ ...eligible, alreadyInProgram: true }, 'not_already_in_program').passed).toBe(false);
    expect(result({ ...eligible, neq: '11439201' }, 'valid_neq').passed).toBe(false);
  });

  it('treat a missing fact as failing, and say so', () => {
    const { employees: _, ...rest } = eligible;
    expect(result(rest, 'small_business')).toMatchObject({ passed: false });
    expect(result(rest, 'small_business').message.fr).toContain('(non fourni)');
  });
});

// Random conditions over a few numeric facts, to check the engine's logic itself.
const factNames = ['a', 'b', 'c'];
const comparisonArb = fc.oneof(
  fc.record({
    op: fc.constant('lte' as const),
    fact: fc.constantFrom(...factNames),
    value: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({
    op: fc.constant('gte' as const),
    fact: fc.constantFrom(...factNames),
    value: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({ op: fc.constant('present' as const), fact: fc.constantFrom(...factNames, 'missing') }),
  fc
    .tuple(fc.constantFrom(...factNames), fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 5 }))
    .map(([fact, min, width]) => ({ op: 'between' as const, fact, min, max: min + width })),
  fc.record({
    op: fc.constant('in' as const),
    fact: fc.constantFrom(...factNames),
    values: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1 }),
  }),
);
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparisonArb,
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
  ),
})).c;
const factsArb = fc.record({
  a: fc.integer({ min: -6, max: 6 }),
  b: fc.integer({ min: -6, max: 6 }),
  c: fc.integer({ min: -6, max: 6 }),
});

describe('eligibility engine (properties)', () => {
  it('"all" holds exactly when every part holds, "any" when one does', () => {
    fc.assert(
      fc.property(fc.array(conditionArb, { minLength: 1, maxLength: 4 }), factsArb, (parts, facts) => {
        expect(holds({ all: parts }, facts)).toBe(parts.every((p) => holds(p, facts)));
        expect(holds({ any: parts }, facts)).toBe(parts.some((p) => holds(p, facts)));
      }),
    );
  });

  it('"at most" is monotone: a smaller value never turns a pass into a failure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (limit, x, d) => {
          const test: Condition = { op: 'lte', fact: 'employees', value: limit };
          if (holds(test, { employees: x + d })) expect(holds(test, { employees: x })).toBe(true);
        },
      ),
    );
  });

  it('explains every criterion, is eligible only if all pass, and leaves no raw placeholder', () => {
    fc.assert(
      fc.property(fc.array(conditionArb, { minLength: 1, maxLength: 5 }), factsArb, (tests, facts) => {
        const criteria: Criterion[] = tests.map((test, i) => ({
          id: `c${i}`,
          label: { fr: `c${i}`, en: `c${i}` },
          test,
          failure: {
            fr: 'Échec : {{value}} / {{limit}} / {{facts.b}} {{unknown}}',
            en: 'Failed: {{value}} / {{limit}}',
          },
          success: { fr: 'Réussi : {{value}}', en: 'Passed: {{value}}' },
        }));
        const evaluation = evaluate(criteria, facts);
        expect(evaluation.criteria).toHaveLength(criteria.length);
        expect(evaluation.eligible).toBe(evaluation.criteria.every((c) => c.passed));
        for (const c of evaluation.criteria) {
          expect(c.message.fr).not.toMatch(/\{\{|\}\}/);
          expect(c.message.en).not.toMatch(/\{\{|\}\}/);
        }
      }),
    );
  });
});
