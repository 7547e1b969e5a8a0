import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as reportsPage from '../../src/modules/reporting/ui/quarterly-reports.tsx';
import { coachedBy, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let coordinatorToken: string;
let ministryToken: string;
const folder = mkdtempSync(path.join(tmpdir(), 'virage-quarterly-'));
const TROIS_RIVIERES = { municipality: 'Trois-Rivières', postalCode: 'G9A 5H7' };
// The harness's clock is 2027-01-15: the fourth quarter of fiscal 2026-2027.
const Q4 = { fiscalYear: '2026-2027', quarter: 4 };

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  ministryToken = await h.token((await h.user('ministry')).email);
  const coach = await expert(h, coordinatorToken);
  // Six businesses in Montréal, two in Trois-Rivières: the two are « x », so are Montréal's six.
  for (const [i, place] of [{}, {}, {}, {}, {}, {}, TROIS_RIVIERES, TROIS_RIVIERES].entries()) {
    const app = await coachedBy(h, programId, coordinatorToken, coach, {
      ...place,
      tradeName: `Boutique ${i}`,
    });
    await completedDiagnostic(h, app.id, app.token, 'T0');
  }
});
afterAll(() => h?.close());

const produce = (json: unknown, token = coordinatorToken) =>
  h.request(`/api/v1/programs/${programId}/reports`, { method: 'POST', token, json });
type Indicator = { id: string; total: { shown: boolean; value?: number } };
const received = (snapshot: { indicators: Indicator[] }) =>
  snapshot.indicators.find((i) => i.id === 'applications_received')!.total;

/** The text of a PDF, and its metadata, as poppler reads them. */
function readPdf(bytes: ArrayBuffer, name: string) {
  const file = path.join(folder, name);
  writeFileSync(file, Buffer.from(bytes));
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-']).toString(),
    info: execFileSync('pdfinfo', [file]).toString(),
  };
}

describe('quarterly reports', () => {
  let first: { id: string; checksum: string };

  it('freezes the quarter’s figures: later applications do not change a version once produced', async () => {
    const res = await produce(Q4);
    expect(res.status).toBe(201);
    first = await res.json();
    expect(first).toMatchObject({ fiscalYear: '2026-2027', quarter: 4, version: 1, reason: null });
    expect(first).toMatchObject({ checksumVerified: true, rulesVersion: 'virage-sdc-1' });
    await submitted(h, programId, { neq: '4400000077' });
    const again = await (await h.request(`/api/v1/reports/${first.id}`, { token: ministryToken })).json();
    expect(received(again.snapshot)).toEqual({ shown: true, value: 8 });
    expect(again.snapshot.period).toEqual({ from: '2027-01-01', to: '2027-03-31' });
  });

  it('makes a correction a new version that needs a reason, and leaves version 1 as it was', async () => {
    const refused = await produce(Q4);
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors[0].path).toBe('reason');
    const res = await produce({ ...Q4, reason: 'Demande reçue en retard' });
    expect(res.status).toBe(201);
    const second = await res.json();
    expect(second).toMatchObject({ version: 2, reason: 'Demande reçue en retard' });
    const v2 = await (await h.request(`/api/v1/reports/${second.id}`, { token: ministryToken })).json();
    expect(received(v2.snapshot)).toEqual({ shown: true, value: 9 });
    const list = await (
      await h.request(`/api/v1/programs/${programId}/reports`, { token: ministryToken })
    ).json();
    expect(list.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(list.items[1].checksum).toBe(first.checksum);
  });

  it('refuses any change to a stored version, in the database itself', async () => {
    const refusal = (statement: ReturnType<typeof sql>) =>
      h.services.database.db.execute(statement).then(
        () => 'done',
        (error: Error) => String(error.cause ?? error),
      );
    expect(await refusal(sql`update quarterly_reports set reason = 'edit' where version = 1`)).toMatch(
      /append-only/,
    );
    expect(await refusal(sql`delete from quarterly_reports`)).toMatch(/append-only/);
  });

  it('has a checksum anyone can verify: the SHA-256 of the canonical JSON it stores', async () => {
    const result = await h.services.database.db.execute(
      sql`select snapshot, checksum from quarterly_reports`,
    );
    const rows = (result as unknown as { rows: { snapshot: string; checksum: string }[] }).rows;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(createHash('sha256').update(row.snapshot, 'utf8').digest('hex')).toBe(row.checksum);
      expect(JSON.stringify(JSON.parse(row.snapshot))).toBe(row.snapshot.replace(/\n/g, ''));
    }
  });

  it('refuses a quarter not begun, a malformed year or quarter, naming the field, and writes nothing', async () => {
    for (const [body, field] of [
      [{ fiscalYear: '2027-2028', quarter: 1 }, 'quarter'],
      [{ fiscalYear: '2026-2028', quarter: 1 }, 'fiscalYear'],
      [{ fiscalYear: '2026-2027', quarter: 5 }, 'quarter'],
      [{ fiscalYear: '2026-2027', quarter: '1' }, 'quarter'],
    ] as const) {
      const res = await produce(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const list = await (
      await h.request(`/api/v1/programs/${programId}/reports`, { token: coordinatorToken })
    ).json();
    expect(list.items).toHaveLength(2);
  });

  it('lets the ministry download but not produce; a retailer or a researcher gets neither', async () => {
    expect((await produce({ ...Q4, reason: 'Ministère' }, ministryToken)).status).toBe(403);
    for (const role of ['retailer', 'researcher'] as const) {
      const token = await h.token((await h.user(role)).email);
      expect((await produce({ ...Q4, reason: role }, token)).status).toBe(403);
      expect((await h.request(`/api/v1/reports/${first.id}.pdf`, { token })).status).toBe(403);
      expect((await h.request(`/api/v1/programs/${programId}/reports`, { token })).status).toBe(403);
    }
    const res = await h.request(`/api/v1/reports/${first.id}.xlsx`, { token: ministryToken });
    expect(res.status).toBe(200);
  });

  it('prints the PDF in French: tagged title and language, quarter, version, checksum, « x » with its note', async () => {
    const res = await h.request(`/api/v1/reports/${first.id}.pdf?lang=fr`, { token: ministryToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { text, info } = readPdf(await res.arrayBuffer(), 'fr.pdf');
    expect(info).toMatch(/Title:\s+Rapport trimestriel T4 2026-2027/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(text).toContain('Rapport trimestriel T4 2026-2027');
    expect(text).toContain(first.checksum);
    expect(text).toContain('virage-sdc-1');
    expect(text).toMatch(/Version\s+1/);
    expect(text).toMatch(/\bx\b/);
    expect(text).toContain('moins de 5 entreprises');
    expect(text).not.toContain('Boutique');
  });

  it('prints every breakdown table whole and readable: landscape, no heading word cut, each indicator in a column', async () => {
    const res = await h.request(`/api/v1/reports/${first.id}.pdf?lang=fr`, { token: ministryToken });
    const { text, info } = readPdf(await res.arrayBuffer(), 'fr-tables.pdf');
    expect(info).toMatch(/Page size:\s+792 x 612 pts/);
    // The longest words of the column headings, whole (at 6.5 pt in portrait they were cut in two).
    for (const word of ['d’accompagnement', 'visioconférence', 'accompagnées', '(entreprises)'])
      expect(text).toContain(word);
    const report = await (await h.request(`/api/v1/reports/${first.id}`, { token: ministryToken })).json();
    const byRegion = report.snapshot.indicators.filter(
      (i: { control: string; breakdowns: { breakdown: string }[] }) =>
        i.control !== 'mean' && i.breakdowns.some((b) => b.breakdown === 'region'),
    );
    // Montréal's row, over the parts the region table is printed in: one figure per indicator.
    const regionTable = text.slice(
      text.indexOf('Selon : Région administrative'),
      text.indexOf('Selon : Sous-secteur'),
    );
    const cells = regionTable
      .split('\n')
      .filter((line) => line.startsWith('Montréal '))
      .flatMap((line) =>
        line
          .replace(/^Montréal\s+/, '')
          .trim()
          .split(/\s{2,}/),
      );
    expect(byRegion.length).toBeGreaterThan(10);
    expect(cells).toHaveLength(byRegion.length);
    expect(cells.slice(0, 2)).toEqual(['x', 'x']);
  });

  it('prints the PDF in English with the same frozen figures', async () => {
    const res = await h.request(`/api/v1/reports/${first.id}.pdf?lang=en`, { token: ministryToken });
    const { text, info } = readPdf(await res.arrayBuffer(), 'en.pdf');
    expect(info).toMatch(/Title:\s+Quarterly report Q4 2026-2027/);
    expect(text).toContain('Quarterly report Q4 2026-2027');
    expect(text).toContain('fewer than 5 businesses');
    expect(text).toContain(first.checksum);
  });

  it('writes the XLSX with a sheet per part, numbers typed and « x » where a figure is suppressed', async () => {
    const res = await h.request(`/api/v1/reports/${first.id}.xlsx?lang=fr`, { token: ministryToken });
    expect(res.headers.get('content-disposition')).toContain('virage-2026-2027-q4-v1-fr.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'T4 2026-2027',
      'Sommaire',
      'Région administrative',
      'Sous-secteur (SCIAN)',
      'Taille (employés)',
      'Trimestre financier',
      'Maturité T0 → T1',
    ]);
    const facts = workbook.worksheets[0]!;
    const values = facts.getSheetValues().flat().map(String);
    expect(values).toContain(first.checksum);
    expect(values.some((v) => v.includes('moins de 5 entreprises'))).toBe(true);
    const summary = workbook.getWorksheet('Sommaire')!;
    const row = summary
      .getRows(2, summary.rowCount - 1)!
      .find((r) => r.getCell(1).value === 'Demandes reçues');
    expect(typeof row?.getCell(3).value).toBe('number');
    const regions = workbook.getWorksheet('Région administrative')!;
    const cells = regions.getSheetValues().flat();
    expect(cells).toContain('x');
  });
});

describe('the « Rapports trimestriels » page', () => {
  const url = '/quarterly-reports';

  it('lists each quarter’s versions with their files in both languages, and offers the team the form', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken }, { locale: 'fr' });
    const page = await renderPage(reportsPage, ctx, url, url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Rapports trimestriels');
    expect(page.html).toContain('<h3 id="quarter-T4-2026-2027">T4 2026-2027</h3>');
    expect(page.html).toContain('Demande reçue en retard');
    expect(page.html).toMatch(/href="\/api\/v1\/reports\/[0-9a-f-]+\.pdf\?lang=en"[^>]*>PDF \(anglais\)/);
    expect(page.html).toMatch(/href="\/api\/v1\/reports\/[0-9a-f-]+\.xlsx\?lang=fr"/);
    expect(page.html).toContain('name="fiscalYear"');
    expect(page.html).toContain('value="2026-2027"');
  });

  it('shows the ministry the reports in English, without the form', async () => {
    const ctx = await h.as({ bearerToken: ministryToken }, { locale: 'en' });
    const page = await renderPage(reportsPage, ctx, url, url);
    expect(page.html).toContain('Q4 2026-2027');
    expect(page.html).toContain('Checksum verified');
    expect(page.html).not.toContain('name="fiscalYear"');
  });

  it('asks for the reason of a correction, naming the field, and keeps what was typed', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken }, { locale: 'fr' });
    const page = await renderPage(reportsPage, ctx, url, url, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: 'csrf', fiscalYear: '2026-2027', quarter: '4', reason: '' }),
    });
    expect(page.status).toBe(422);
    expect(page.html).toContain('href="#field-reason"');
    expect(page.html).toContain('indiquez le motif de la correction');
  });

  it('produces a report from the form and says so', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken }, { locale: 'fr' });
    const page = await renderPage(reportsPage, ctx, url, url, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: 'csrf', fiscalYear: '2026-2027', quarter: '3', reason: '' }),
    });
    expect(page.status).toBe(302);
    const list = await (
      await h.request(`/api/v1/programs/${programId}/reports`, { token: coordinatorToken })
    ).json();
    expect(list.items.find((r: { quarter: number }) => r.quarter === 3)).toMatchObject({ version: 1 });
  });
});
