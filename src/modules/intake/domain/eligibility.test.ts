import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criteriaSchema } from './criteria-schema.ts';
import {
  type Condition,
  type Criterion,
  DEFAULT_CRITERIA,
  employeeLimitOf,
  evaluate,
  type Facts,
  fillMessage,
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
      fr: "Votre entreprise compte 72 employés ; le programme s'adresse aux entreprises de 50 employés ou moins.",
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

  it('name the region instead of showing its code', () => {
    expect(result(eligible, 'located_in_quebec').message).toEqual({
      fr: 'Votre entreprise est située au Québec (région : Montréal).',
      en: 'Your business is located in Québec (region: Montréal).',
    });
    // A code that is no Québec region has no name: it is shown as given.
    expect(result({ ...eligible, region: '18' }, 'located_in_quebec').message.fr).toContain(
      'la région indiquée (18)',
    );
  });

  it('put a space before « ; », « : », « ! » and « ? » in French, whatever the facts', () => {
    const variants: Facts[] = [
      eligible,
      { ...eligible, employees: 72, yearsInOperation: 0, foundedYear: 2027, alreadyInProgram: true },
      { ...eligible, postalCode: 'K1A 0B1', neq: '11439201', naics: '722' },
      {},
    ];
    for (const facts of variants) {
      for (const criterion of DEFAULT_CRITERIA) {
        for (const template of [criterion.success.fr, criterion.failure.fr]) {
          expect(fillMessage(template, criterion, facts, 'fr')).not.toMatch(/[^\s][;:!?]/);
        }
      }
    }
  });

  it('make the words after a number agree with it, in each language', () => {
    const years = (yearsInOperation: number) =>
      result({ ...eligible, yearsInOperation }, 'one_year_in_operation');
    expect(years(1).message).toEqual({
      fr: 'Votre entreprise est en activité depuis 1 an.',
      en: 'Your business has been in operation for 1 year.',
    });
    expect(years(11).message).toEqual({
      fr: 'Votre entreprise est en activité depuis 11 ans.',
      en: 'Your business has been in operation for 11 years.',
    });
    expect(result({ ...eligible, employees: 1 }, 'small_business').message).toEqual({
      fr: 'Votre entreprise compte 1 employé, soit 50 ou moins.',
      en: 'Your business has 1 employee, that is 50 or fewer.',
    });
    // French counts zero as singular, English as plural.
    expect(result({ ...eligible, employees: 0 }, 'small_business').message).toEqual({
      fr: 'Votre entreprise compte 0 employé, soit 50 ou moins.',
      en: 'Your business has 0 employees, that is 50 or fewer.',
    });
    const twoYears = DEFAULT_CRITERIA.find((c) => c.id === 'one_year_in_operation')!;
    const stricter = { ...twoYears, test: { op: 'gte' as const, fact: 'yearsInOperation', value: 2 } };
    expect(fillMessage(stricter.failure.fr, stricter, { foundedYear: 2026, yearsInOperation: 1 }, 'fr')).toBe(
      "Votre entreprise a été fondée en 2026 ; le programme demande au moins 2 ans d'activité.",
    );
  });

  it('treat a missing fact as failing, and say so', () => {
    const { employees: _, ...rest } = eligible;
    expect(result(rest, 'small_business')).toMatchObject({ passed: false });
    expect(result(rest, 'small_business').message.fr).toContain('(non fourni)');
  });

  it('say « non fourni » once, without doubled parentheses, where a message already puts a fact in some', () => {
    const { region: _, postalCode: __, ...rest } = eligible;
    expect(result(rest, 'located_in_quebec').message).toEqual({
      fr: "Le programme s'adresse aux entreprises situées au Québec : le code postal (non fourni) et la région indiquée (non fourni) ne correspondent pas à une adresse au Québec.",
      en: 'The program is for businesses located in Québec: postal code (not given) and the region given (not given) do not match an address in Québec.',
    });
  });
});

describe('message placeholders', () => {
  const inRegions: Criterion = {
    id: 'greater_montreal',
    label: { fr: 'Grand Montréal', en: 'Greater Montréal' },
    test: { op: 'in', fact: 'region', values: ['06', '13'] },
    failure: { fr: '{{value}} : hors de {{limit}}', en: '{{value}}: not in {{limit}}' },
    success: { fr: '{{value}}', en: '{{value}}' },
  };
  const between: Criterion = {
    id: 'mid_size',
    label: { fr: 'Taille moyenne', en: 'Mid-size' },
    test: { op: 'between', fact: 'employees', min: 5, max: 20 },
    failure: { fr: '{{limit|employé|employés}}', en: '{{limit|employee|employees}}' },
    success: { fr: '{{value | employé | employés }}', en: '{{value|employees}}' },
  };

  it('name the regions a criterion lists', () => {
    expect(fillMessage(inRegions.failure.fr, inRegions, { region: '16' }, 'fr')).toBe(
      'Montérégie : hors de Montréal, Laval',
    );
  });

  it('give a range or a missing value the plural form, and accept one form or spaces', () => {
    expect(fillMessage(between.failure.fr, between, {}, 'fr')).toBe('5 à 20 employés');
    expect(fillMessage(between.success.fr, between, {}, 'fr')).toBe('(non fourni) employés');
    expect(fillMessage(between.success.fr, between, { employees: 1 }, 'fr')).toBe('1 employé');
    expect(fillMessage(between.success.en, between, { employees: 1 }, 'en')).toBe('1 employees');
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
            fr: 'Échec : {{value}} / {{limit|un|des}} / {{facts.b|x|y}} {{unknown}} {{unknown|a|b}}',
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

describe('a program’s employee limit', () => {
  it('is the smallest bound on the declared or the registry’s count, in any branch', () => {
    expect(employeeLimitOf(DEFAULT_CRITERIA)).toBe(50);
    const rule = (test: Condition): Criterion => ({ ...DEFAULT_CRITERIA[0]!, test });
    expect(
      employeeLimitOf([
        rule({
          any: [
            { op: 'between', fact: 'employees', min: 1, max: 20 },
            { op: 'present', fact: 'neq' },
          ],
        }),
        rule({ op: 'lte', fact: 'registryEmployeesMax', value: 30 }),
      ]),
    ).toBe(20);
    expect(employeeLimitOf([rule({ op: 'gte', fact: 'employees', value: 1 })])).toBeNull();
  });
});
