import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/kernel/csv.ts';
import { OPEN_DATA_COLUMNS } from '../../src/modules/reporting/domain/open-data.ts';
import * as openDataPage from '../../src/modules/reporting/ui/open-data.tsx';
import * as openDataFile from '../../src/modules/reporting/ui/open-data-file.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { submitted } from '../support/intake.ts';
import { load, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let slug: string;

beforeAll(async () => {
  h = await createHarness();
  const program = (await (await h.request('/api/v1/programs')).json()).items[0];
  slug = program.slug;
  for (let i = 0; i < 7; i++) await submitted(h, program.id, { neq: `55${String(i).padStart(7, '0')}1` });
  await submitted(h, program.id, { neq: '5500000991', municipality: 'Québec', postalCode: 'G1R 2B5' });
}, 60_000);
afterAll(() => h?.close());

/** A file of the program's open data, as an anonymous visitor gets it. */
async function openFile(file: string) {
  const anonymous = await h.as({});
  return (await load(openDataFile.loader as never, anonymous, `/open-data/${slug}/${file}`, {
    slug,
    file,
  })) as Response;
}

describe(`open data (${engine})`, () => {
  it('publishes the aggregates as RFC 4180 CSV in UTF-8, after disclosure control', async () => {
    const res = await openFile('aggregates.csv');
    expect(res.headers.get('content-type')).toContain('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    const { header, records } = parseCsvRecords(text);
    expect(header).toEqual([...OPEN_DATA_COLUMNS]);
    const row = (breakdown: string, code: string) =>
      records.find((r) => r.breakdown === breakdown && r.category_code === code)!;
    // One business in Capitale-Nationale: hidden, and Montréal with it, so the total does not give it away.
    expect(row('region', '03')).toMatchObject({ businesses: '', suppression: 'small_count' });
    expect(row('region', '06')).toMatchObject({ businesses: '', suppression: 'complementary' });
    expect(row('region', '01')).toMatchObject({ businesses: '0', suppression: '' });
    expect(row('region', 'total')).toMatchObject({ businesses: '8', rules_version: 'virage-sdc-1' });
    expect(row('subsector', '458')).toMatchObject({ businesses: '8' });
    expect(row('status', 'submitted')).toMatchObject({ businesses: '8' });
    for (const r of records) {
      expect(r.period_start).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(r.period_end).toBe('2027-01-15');
      if (r.businesses !== '') expect(Number(r.businesses) === 0 || Number(r.businesses) >= 5).toBe(true);
    }
  });

  it('describes every column in a data dictionary, and the dataset in metadata (CC-BY 4.0)', async () => {
    const dictionary = parseCsvRecords(await (await openFile('dictionary.csv')).text());
    expect(dictionary.records.map((r) => r.column)).toEqual([...OPEN_DATA_COLUMNS]);
    expect(dictionary.records.find((r) => r.column === 'businesses')).toMatchObject({
      type: 'integer',
      label_fr: 'Entreprises',
      label_en: 'Businesses',
    });
    const metadata = await (await openFile('metadata.json')).json();
    expect(metadata).toMatchObject({
      license: { id: 'CC-BY-4.0' },
      temporal: { end: '2027-01-15' },
      accrualPeriodicity: 'daily',
      language: ['fr', 'en'],
    });
    expect(metadata.title.fr).toContain('Données ouvertes');
    expect(metadata.publisher.en).toBeTruthy();
  });

  it('has a public index page in both languages, and answers 404 for an unknown program or file', async () => {
    for (const [locale, heading, x] of [
      ['fr', 'Données ouvertes', 'moins de 5 entreprises'],
      ['en', 'Open data', 'fewer than 5 businesses'],
    ] as const) {
      const page = await renderPage(
        openDataPage,
        await h.as({}, { locale }),
        '/open-data/:slug',
        `/open-data/${slug}`,
      );
      expect(page.status).toBe(200);
      expect(page.html).toContain(heading);
      expect(page.html).toContain(x);
      expect(page.html).toContain(`/open-data/${slug}/aggregates.csv`);
    }
    const anonymous = await h.as({});
    expect(
      (
        await thrown(
          load(openDataFile.loader as never, anonymous, '/open-data/none/aggregates.csv', {
            slug: 'none',
            file: 'aggregates.csv',
          }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await thrown(
          load(openDataFile.loader as never, anonymous, `/open-data/${slug}/raw.csv`, {
            slug,
            file: 'raw.csv',
          }),
        )
      ).status,
    ).toBe(404);
  });
});
