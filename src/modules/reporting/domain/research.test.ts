import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANY,
  atLeastAsGeneral,
  classCounts,
  DETAILED,
  disclosureVerdict,
  failingClasses,
  GENERALISATIONS,
  generalise,
  K_MIN,
  monthOf,
  type QuasiValues,
  suggestGeneralisation,
} from './research.ts';

const business = (
  region: string,
  subsector: string,
  size_band: string,
  year: string,
  registry: string | null = null,
): QuasiValues => ({ region, subsector, size_band, year, registry });

const businesses = fc.array(
  fc.record({
    region: fc.constantFrom('01', '03', '06', '09', null),
    subsector: fc.constantFrom('445', '448', '458', '459', null),
    size_band: fc.constantFrom('1-4', '5-9', '10-19', '20-49', '50+', null),
    year: fc.constantFrom('2026', '2027', '2028'),
    registry: fc.constantFrom('registered/corporation/0-5', 'struck_off/other/6-25', null),
  }),
  { maxLength: 120 },
);
const generalisations = fc.constantFrom(...GENERALISATIONS);

describe('research extracts: coarsening and k-anonymity', () => {
  it('coarsens dates to the Montréal month', () => {
    expect(monthOf(new Date('2027-04-01T03:30:00Z'))).toBe('2027-03');
    expect(monthOf(new Date('2027-04-01T05:00:00Z'))).toBe('2027-04');
    expect(monthOf(null)).toBeNull();
  });

  it('generalises each quasi-identifier one level at a time', () => {
    const b = business('06', '458', '5-9', '2027');
    expect(generalise(b, DETAILED)).toEqual({
      region: '06',
      subsector: '458',
      size_band: '5-9',
      year: '2027',
      registry: '',
    });
    expect(
      generalise(b, {
        region: 'none',
        subsector: 'sector',
        size_band: 'small_large',
        year: 'none',
        registry: 'none',
      }),
    ).toEqual({ region: ANY, subsector: '45', size_band: '1-9', year: ANY, registry: ANY });
    expect(
      generalise(business('06', '441', '20-49', '2027'), { ...DETAILED, size_band: 'small_large' }),
    ).toMatchObject({ size_band: '10+' });
  });

  it('refuses an extract with a class under 5 and names the class', () => {
    const rows = [
      ...Array.from({ length: 6 }, () => business('06', '458', '1-4', '2027')),
      ...Array.from({ length: 2 }, () => business('09', '458', '1-4', '2027')),
    ];
    const counts = classCounts(rows, DETAILED);
    const verdict = disclosureVerdict(counts, counts, DETAILED);
    expect(verdict).toEqual({
      ok: false,
      failing: [
        {
          values: { region: '09', subsector: '458', size_band: '1-4', year: '2027', registry: '' },
          count: 2,
        },
      ],
      // Dropping the region merges the two classes (8 businesses): the least generalisation that passes.
      suggestion: { ...DETAILED, region: 'none' },
    });
  });

  it('counts the registry’s facts, when released, as a quasi-identifier, and gives them up first', () => {
    // Six businesses alike but for the registry: one struck-off company would stand alone.
    const rows = [
      ...Array.from({ length: 5 }, () => business('06', '458', '1-4', '2027', 'registered/corporation/0-5')),
      business('06', '458', '1-4', '2027', 'struck_off/corporation/0-5'),
    ];
    const counts = classCounts(rows, DETAILED);
    const verdict = disclosureVerdict(counts, counts, DETAILED);
    expect(verdict).toMatchObject({
      ok: false,
      failing: [{ values: { registry: 'struck_off/corporation/0-5' }, count: 1 }],
      suggestion: { ...DETAILED, registry: 'none' },
    });
    expect(failingClasses(classCounts(rows, { ...DETAILED, registry: 'none' }))).toEqual([]);
  });

  it('has no suggestion when the whole cohort is smaller than k, and refuses an empty extract', () => {
    const counts = classCounts([business('06', '458', '1-4', '2027')], DETAILED);
    expect(suggestGeneralisation(counts, DETAILED)).toBeNull();
    expect(disclosureVerdict(new Map(), new Map(), DETAILED)).toEqual({
      ok: false,
      failing: [],
      suggestion: null,
    });
  });

  it('releases only k-anonymous extracts (property)', () => {
    fc.assert(
      fc.property(businesses, generalisations, (rows, asked) => {
        const verdict = disclosureVerdict(classCounts(rows, asked), classCounts(rows, DETAILED), asked);
        if (verdict.ok) {
          for (const n of classCounts(rows, asked).values()) expect(n).toBeGreaterThanOrEqual(K_MIN);
        } else {
          expect(verdict.failing.every((c) => c.count < K_MIN)).toBe(true);
        }
      }),
    );
  });

  it('suggests a generalisation, no finer than the one asked, under which the extract passes (property)', () => {
    fc.assert(
      fc.property(businesses, generalisations, (rows, asked) => {
        const suggestion = suggestGeneralisation(classCounts(rows, DETAILED), asked);
        if (suggestion === null) {
          // Only when nothing passes: even the most general release has fewer than k businesses.
          expect(rows.length).toBeLessThan(K_MIN);
          return;
        }
        expect(atLeastAsGeneral(suggestion, asked)).toBe(true);
        expect(failingClasses(classCounts(rows, suggestion))).toEqual([]);
        // And it is the least such: nothing strictly finer (and still as general as asked) passes.
        for (const g of GENERALISATIONS) {
          if (g === suggestion || !atLeastAsGeneral(g, asked) || !atLeastAsGeneral(suggestion, g)) continue;
          expect(failingClasses(classCounts(rows, g)).length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
