import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from '../../../kernel/csv.ts';
import { createI18n, translatorFor } from '../../../platform/i18n/i18n.ts';
import { DETAILED, generalise } from '../domain/research.ts';
import {
  quasiValuesOf,
  type ResearchSource,
  releasedRow,
  researchVariables,
} from '../domain/research-variables.ts';
import en from '../i18n/en.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { writeResearchZip } from './research-zip.ts';

const dimensions = [{ id: 'sales', label: { fr: 'Ventes', en: 'Sales' } }];
const variables = researchVariables(['diagnostic'], DETAILED, { dimensions, revenueChanges: [] });

function source(i: number): ResearchSource {
  const at = new Date(Date.UTC(2026, i % 12, 1 + (i % 28)));
  return {
    applicationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    region: '06',
    naics: '448',
    employees: 3,
    // A field to quote, with an accented letter (two bytes in UTF-8): pieces must not cut them.
    revenueBand: i % 3 === 0 ? 'é, "x"' : null,
    submittedAt: at,
    status: 'accepted',
    referredByPartner: i % 2 === 0,
    diagnostics: { T0: { completedAt: at, overall: i / 7, dimensions: { sales: i % 101 } }, T1: null },
    sessionsHeld: 0,
    minutesHeld: 0,
    planApprovedAt: null,
    closureOutcome: null,
    closedAt: null,
    surveys: { closure: null, six_months: null },
  };
}

describe('research zip', () => {
  it('writes every row whole across the CSV pieces handed to the zip', async () => {
    const sources = Array.from({ length: 3_000 }, (_, i) => source(i));
    async function* batches() {
      for (let i = 0; i < sources.length; i += 1_000) yield sources.slice(i, i + 1_000);
    }
    const chunks: Uint8Array[] = [];
    const i18n = createI18n({ fr: { reporting: fr }, en: { reporting: en } });
    const written = await writeResearchZip({
      batches: batches(),
      variables,
      facts: {
        extractId: 'x',
        programName: { fr: 'P', en: 'P' },
        purpose: 'test',
        requestedBy: 'R',
        approvedBy: 'A',
        extractedAt: '2027-01-01',
        rulesVersions: {},
        generalisation: DETAILED,
      },
      t: { fr: translatorFor(i18n, 'fr'), en: translatorFor(i18n, 'en') },
      sink: async (chunk) => {
        chunks.push(chunk);
      },
    });
    const zip = unzipSync(Buffer.concat(chunks));
    const csv = new TextDecoder().decode(zip['data.csv']);
    expect(csv.length).toBeGreaterThan(3 * 64 * 1024);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(variables.map((v) => v.name));
    expect(written.rowCount).toBe(sources.length);
    expect(rows).toHaveLength(sources.length);
    rows.forEach((row, i) => {
      const s = sources[i]!;
      const expected = releasedRow(s, row[0]!, variables, generalise(quasiValuesOf(s), DETAILED));
      // parseCsv gives the fields unquoted: compare with each value as its CSV field reads back.
      expect(row).toEqual(expected.map((v) => parseCsv(csvField(v))[0]?.[0] ?? ''));
    });
  });
});
