import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/kernel/csv.ts';
import * as suppliersPage from '../../src/modules/coaching/ui/suppliers.tsx';
import * as suppliersExport from '../../src/modules/coaching/ui/suppliers-export.ts';
import * as expertsPage from '../../src/modules/experts/ui/experts.tsx';
import * as expertsExport from '../../src/modules/experts/ui/experts-export.ts';
import * as reviewExport from '../../src/modules/intake/ui/review-export.ts';
import * as reviewQueue from '../../src/modules/intake/ui/review-queue.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { load, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';
import { xlsxRows } from '../support/xlsx.ts';

let h: Harness;
let programId: string;
let coordinatorToken: string;
let coordinator: Ctx;

const FORMULA_NAME = '=HYPERLINK("http://x","y")';

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  coordinator = await h.as({ bearerToken: coordinatorToken }, { locale: 'fr' });
});
afterAll(() => h?.close());

describe(`exports of the review queue (${engine})`, () => {
  beforeAll(async () => {
    await submitted(h, programId, { neq: '2121212125', legalName: FORMULA_NAME });
    await submitted(h, programId, {
      neq: '2323232327',
      legalName: 'Québécoise inc.',
      municipality: 'Québec',
    });
    const decided = await submitted(h, programId, { neq: '2424242428', legalName: 'Acceptée inc.' });
    await h.request(`/api/v1/applications/${decided.id}/decision`, {
      method: 'POST',
      token: coordinatorToken,
      json: { decision: 'accepted' },
    });
  });

  /** The legal names the page lists for a query, in its order. */
  const pageNames = async (search: string) => {
    const data = await load(reviewQueue.loader, coordinator, `/review${search}`);
    return data.items.map((i) => i.legalName);
  };

  it('holds the rows the page lists with the same filters, in the same order, as CSV and XLSX', async () => {
    for (const search of ['', '?status=all', '?status=all&region=06&sort=name', '?status=accepted']) {
      const expected = await pageNames(search);
      expect(expected.length).toBeGreaterThan(0);
      const neutralised = expected.map((n) => (n === FORMULA_NAME ? `'${n}` : n));

      const csv = (await load(reviewExport.loader, coordinator, `/review/export.csv${search}`)) as Response;
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(csv.headers.get('content-disposition')).toMatch(
        /^attachment; filename="demandes-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const [header, ...rows] = parseCsv(await csv.text());
      expect(header![0]).toBe("Nom légal de l'entreprise");
      expect(rows.map((r) => r[0])).toEqual(neutralised);

      const xlsx = (await load(reviewExport.loader, coordinator, `/review/export.xlsx${search}`)) as Response;
      const [, ...cells] = await xlsxRows(await xlsx.arrayBuffer());
      expect(cells.map((r) => r[0])).toEqual(neutralised);
    }
  });

  it('is offered on the page with its filters, the cursor left out', async () => {
    const data = await load(reviewQueue.loader, coordinator, '/review?status=all&region=06&cursor=');
    expect(data.exportSearch).toBe('?status=all&region=06');
    const { html } = await renderPage(reviewQueue, coordinator, '/review', '/review?status=all&region=06');
    expect(html).toContain('<a href="/review/export.csv?status=all&amp;region=06">Exporter (CSV)</a>');
    expect(html).toContain('<a href="/review/export.xlsx?status=all&amp;region=06">Exporter (XLSX)</a>');
  });

  it('answers in the API with the list’s filters, neutralised and typed', async () => {
    const csv = await h.request('/api/v1/exports/applications.csv?q=2121212125', {
      token: coordinatorToken,
      headers: { 'accept-language': 'en' },
    });
    expect(csv.status).toBe(200);
    const [header, row] = parseCsv(await csv.text());
    expect(header![0]).toBe('Legal name of the business');
    expect(row![0]).toBe(`'${FORMULA_NAME}`);

    const xlsx = await h.request('/api/v1/exports/applications.xlsx?region=06', {
      token: coordinatorToken,
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
    const [, ...cells] = await xlsxRows(await xlsx.arrayBuffer());
    expect(cells.map((r) => r[0])).toContain(`'${FORMULA_NAME}`);
    const employees = cells.map((r) => r[6]);
    expect(employees.every((n) => typeof n === 'number')).toBe(true);
    expect(cells.every((r) => r[9] instanceof Date)).toBe(true);
  });

  it('refuses a bad filter with a message naming it, and anyone outside the program team', async () => {
    const bad = await h.request('/api/v1/exports/applications.csv?region=99', { token: coordinatorToken });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe('region');
    expect(await thrown(load(reviewExport.loader, coordinator, '/review/export.csv?region=99'))).toEqual({
      status: 422,
    });
    for (const role of ['retailer', 'expert', 'ministry', 'researcher', 'partner', 'finance'] as const) {
      const token = await h.token((await h.user(role)).email);
      const res = await h.request('/api/v1/exports/applications.csv', { token });
      expect(res.status, role).toBe(403);
      const ctx = await h.as({ bearerToken: token });
      expect((await thrown(load(reviewExport.loader, ctx, '/review/export.xlsx'))).status, role).toBe(403);
    }
  });
});

describe(`exports of the experts and the supplier directory (${engine})`, () => {
  beforeAll(async () => {
    for (const name of [FORMULA_NAME, 'Anne Lavoie']) {
      const { email } = await h.user('expert');
      const res = await h.request('/api/v1/experts', {
        method: 'POST',
        token: coordinatorToken,
        json: { email, name, regions: ['06'], languages: ['fr', 'en'], specialties: [], capacity: 7 },
      });
      expect(res.status).toBe(201);
    }
    for (const [name, regions] of [
      ['-Moins cher', ['06']],
      ['Atelier Web', ['03']],
    ] as const) {
      const res = await h.request('/api/v1/suppliers', {
        method: 'POST',
        token: coordinatorToken,
        json: { name, categories: ['trainer'], regions, languages: ['fr'] },
      });
      expect(res.status).toBe(201);
    }
  });

  it('gives every expert of the page with their capacity as a number, formulas neutralised', async () => {
    const page = await load(expertsPage.loader, coordinator, '/experts');
    const csv = (await load(expertsExport.loader, coordinator, '/experts/export.csv')) as Response;
    const [header, ...rows] = parseCsv(await csv.text());
    expect(header).toContain('Capacité (dossiers actifs au maximum)');
    const neutralised = page.experts.map((e) => (e.name === FORMULA_NAME ? `'${e.name}` : e.name));
    expect(rows.map((r) => r[0])).toEqual(neutralised);

    const xlsx = (await load(expertsExport.loader, coordinator, '/experts/export.xlsx')) as Response;
    const [, ...cells] = await xlsxRows(await xlsx.arrayBuffer());
    expect(cells.map((r) => r[0])).toEqual(neutralised);
    expect(cells.map((r) => r[7])).toEqual(page.experts.map((e) => e.capacity));
  });

  it('gives the directory with the page’s filters to the program team only', async () => {
    const page = await load(suppliersPage.loader, coordinator, '/suppliers?region=06');
    expect(page.exportSearch).toBe('?region=06');
    const csv = (await load(
      suppliersExport.loader,
      coordinator,
      '/suppliers/export.csv?region=06',
    )) as Response;
    const [, ...rows] = parseCsv(await csv.text());
    expect(rows.map((r) => r[0])).toEqual(
      page.items.map((s) => (s.name.startsWith('-') ? `'${s.name}` : s.name)),
    );
    expect(rows.map((r) => r[0])).toContain("'-Moins cher");
    expect(rows.map((r) => r[0])).not.toContain('Atelier Web');

    for (const role of ['retailer', 'expert', 'partner'] as const) {
      const token = await h.token((await h.user(role)).email);
      expect((await h.request('/api/v1/exports/suppliers.csv', { token })).status, role).toBe(403);
      expect((await h.request('/api/v1/exports/experts.xlsx', { token })).status, role).toBe(403);
    }
  });
});
