import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OPEN_DATA_BREAKDOWNS,
  OPEN_DATA_STATUSES,
  type OpenDataLabels,
  openDataRecords,
} from './open-data.ts';

const label = { fr: 'fr', en: 'en' };
const labels: OpenDataLabels = {
  notGiven: label,
  total: label,
  statuses: Object.fromEntries(OPEN_DATA_STATUSES.map((s) => [s, label])) as OpenDataLabels['statuses'],
};
const context = { program: 'p', periodStart: '2026-04-01', periodEnd: '2027-01-15', labels };

const counts = fc.array(
  fc.record({
    region: fc.constantFrom('03', '06', '09', null),
    naics: fc.constantFrom('445', '458', '999', null),
    band: fc.constantFrom(0, 1, 2, 4, null),
    status: fc.constantFrom(...OPEN_DATA_STATUSES),
    n: fc.integer({ min: 1, max: 12 }),
  }),
  { maxLength: 30 },
);

describe('open data', () => {
  it('names every category with a zero, counts unknown codes as not given, and adds a total', () => {
    const records = openDataRecords(
      [{ region: '06', naics: '999', band: 2, status: 'accepted', n: 9 }],
      context,
    );
    const subsector = records.filter((r) => r.breakdown === 'subsector');
    expect(subsector.find((r) => r.category_code === 'not_given')?.businesses).toBe(9);
    expect(subsector.find((r) => r.category_code === '445')?.businesses).toBe(0);
    expect(subsector.at(-1)).toMatchObject({ category_code: 'total', businesses: 9, suppression: '' });
    expect(records.find((r) => r.breakdown === 'size_band' && r.category_code === '10-19')?.businesses).toBe(
      9,
    );
  });

  it('publishes no count from 1 to 4, nor one that can be worked out from its total (property)', () => {
    fc.assert(
      fc.property(counts, (rows) => {
        const records = openDataRecords(rows, context);
        const all = rows.reduce((n, r) => n + r.n, 0);
        for (const breakdown of OPEN_DATA_BREAKDOWNS) {
          const lines = records.filter((r) => r.breakdown === breakdown);
          for (const r of lines) {
            if (r.businesses !== null) expect(r.businesses === 0 || (r.businesses as number) >= 5).toBe(true);
            else expect(['small_count', 'complementary']).toContain(r.suppression);
          }
          expect(lines.filter((r) => r.businesses === null).length).not.toBe(1);
          const total = lines.at(-1)!;
          if (total.businesses !== null) expect(total.businesses).toBe(all);
        }
      }),
    );
  });
});
