import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/kernel/csv.ts';
import * as researchPage from '../../src/modules/reporting/ui/research.tsx';
import * as adminPage from '../../src/modules/reporting/ui/research-extracts-admin.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { allConsents, business, defaultProgramId, verifiedRetailer } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let admin: string;
let coordinator: string;
let researcher: string;
let otherResearcher: string;
const neqs: string[] = [];
let neqCounter = 0;

/** A submitted application whose business consents to research (or not); every direct identifier is unique. */
async function applicant(research: boolean, overrides: Record<string, unknown> = {}) {
  const retailer = await verifiedRetailer(h);
  const n = neqCounter++;
  const neq = `44${String(n).padStart(7, '0')}1`;
  neqs.push(neq);
  const created = await h.request('/api/v1/applications', {
    method: 'POST',
    token: retailer.token,
    json: {
      programId,
      business: business({
        neq,
        legalName: `Commerce Secret ${n} inc.`,
        tradeName: `Secret ${n}`,
        email: `secret${n}@boutique.example`,
        phone: `514-555-${String(1000 + n)}`,
        contactName: `Personne Secrète ${n}`,
        ...overrides,
      }),
      consents: { ...allConsents, research },
      attestation: true,
    },
  });
  const { id } = await created.json();
  const submit = await h.request(`/api/v1/applications/${id}/submit`, {
    method: 'POST',
    token: retailer.token,
  });
  expect(submit.status).toBe(200);
  return { id, token: retailer.token };
}

const ask = (token: string, generalisation: Record<string, string> = {}) =>
  h.request('/api/v1/research-extracts', {
    method: 'POST',
    token,
    json: {
      programId,
      purpose: 'Effet de l’accompagnement sur la maturité numérique des détaillants',
      variableGroups: ['diagnostic', 'coaching', 'outcomes'],
      generalisation,
    },
  });
const decide = (id: string, json: unknown, token = admin) =>
  h.request(`/api/v1/research-extracts/${id}/approval`, { method: 'POST', token, json });
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Asks, approves and downloads an extract; returns the record and the zip's files. */
async function approvedExtract(generalisation: Record<string, string>) {
  const asked = await (await ask(researcher, generalisation)).json();
  const decided = await decide(asked.id, { decision: 'approved' });
  expect(decided.status).toBe(200);
  const record = await decided.json();
  expect(record.status).toBe('approved');
  const res = await h.request(`/api/v1/research-extracts/${asked.id}/download`, { token: researcher });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  const zip = new Uint8Array(await res.arrayBuffer());
  return { record, zip, files: unzipSync(zip) };
}

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  researcher = await h.token((await h.user('researcher', { name: 'Chercheuse Cefrio' })).email);
  otherResearcher = await h.token((await h.user('researcher')).email);
  // Eight Montréal boutiques consent to research; one in Québec City does too, alone in its class.
  for (let i = 0; i < 7; i++) await applicant(true);
  // One of them accepted, with its T0 diagnostic done: the extract carries its scores.
  const diagnosed = await applicant(true);
  await h.request(`/api/v1/applications/${diagnosed.id}/decision`, {
    method: 'POST',
    token: coordinator,
    json: { decision: 'accepted' },
  });
  await completedDiagnostic(h, diagnosed.id, diagnosed.token, 'T0');
  await applicant(true, { municipality: 'Québec', postalCode: 'G1R 2B5', street: '1, rue Secrète' });
  // One never consented; one consents, then withdraws while the team asks it for information.
  await applicant(false);
  const withdrawing = await applicant(true);
  await h.request(`/api/v1/applications/${withdrawing.id}/decision`, {
    method: 'POST',
    token: coordinator,
    json: { decision: 'info_requested', reason: 'Précisez vos objectifs.' },
  });
  const withdrawn = await h.request(`/api/v1/applications/${withdrawing.id}`, {
    method: 'PATCH',
    token: withdrawing.token,
    json: { consents: { research: false } },
  });
  expect(withdrawn.status).toBe(200);
}, 120_000);
afterAll(() => h?.close());

describe(`research extracts (${engine})`, () => {
  it('records a request from a researcher, and refuses bad input naming the field', async () => {
    const res = await ask(researcher);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'requested', decidedBy: null, rowCount: null });
    expect(body.requestedBy.name).toBe('Chercheuse Cefrio');
    const bad = await h.request('/api/v1/research-extracts', {
      method: 'POST',
      token: researcher,
      json: { programId, purpose: 'court', variableGroups: [] },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'purpose',
      'variableGroups',
    ]);
    const refusal = await decide(body.id, { decision: 'refused' });
    expect(refusal.status).toBe(422);
    expect((await refusal.json()).errors[0].path).toBe('reason');
  });

  it('refuses an extract with a class under 5, naming it to administrators and suggesting a generalisation', async () => {
    const asked = await (await ask(researcher)).json();
    const decided = await (await decide(asked.id, { decision: 'approved' })).json();
    expect(decided).toMatchObject({
      status: 'refused',
      refusalKind: 'k_anonymity',
      failingClassCount: 1,
      failingClasses: [
        { values: { region: '03', subsector: '458', size_band: '10-19', year: '2027' }, count: 1 },
      ],
      suggestedGeneralisation: { region: 'none', subsector: 'subsector', size_band: 'band', year: 'year' },
    });
    // The researcher learns how many classes failed and the way out, not the small classes themselves.
    const mine = (await (await h.request('/api/v1/research-extracts', { token: researcher })).json()).items;
    const seen = mine.find((x: { id: string }) => x.id === asked.id);
    expect(seen).toMatchObject({ failingClassCount: 1, failingClasses: null, status: 'refused' });
    const download = await h.request(`/api/v1/research-extracts/${asked.id}/download`, { token: researcher });
    expect(download.status).toBe(409);
    const again = await decide(asked.id, { decision: 'approved' });
    expect(again.status).toBe(409);
  });

  it('delivers consenting businesses only, without any direct identifier, as CSV, XLSX, dictionary and README', async () => {
    const { record, zip, files } = await approvedExtract({ region: 'none' });
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'data.csv', 'data.xlsx', 'dictionary.csv']);
    // 9 consented; the withdrawn consent and the refused one are not there.
    expect(record.rowCount).toBe(9);
    const csv = parseCsvRecords(strFromU8(files['data.csv']!));
    expect(csv.records).toHaveLength(9);
    const diagnosed = csv.records.filter((r) => r.t0_overall !== '');
    expect(diagnosed).toHaveLength(1);
    expect(diagnosed[0]).toMatchObject({
      t0_month: '2027-01',
      application_status: 'accepted',
      t1_overall: '',
    });
    expect(Number(diagnosed[0]!.t0_strategy)).toBeGreaterThanOrEqual(0);
    expect(csv.header.slice(0, 4)).toEqual(['business_id', 'region', 'subsector', 'size_band']);
    expect(csv.header).toEqual(
      expect.arrayContaining(['t0_overall', 't1_strategy', 'coaching_hours', 'closure_jobs_created']),
    );
    expect(new Set(csv.records.map((r) => r.region))).toEqual(new Set(['*']));
    expect(new Set(csv.records.map((r) => r.business_id)).size).toBe(9);
    expect(csv.records.every((r) => /^2027-\d\d$/.test(r.submitted_month!))).toBe(true);

    // Every text file, and the workbook's own files (it is a zip of XML too).
    const texts = { ...files, ...unzipSync(files['data.xlsx']!) };
    delete texts['data.xlsx'];
    const everything = Object.values(texts)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const secret of [
      'Secret',
      'Secrète',
      'secret',
      '@',
      '514-555',
      'Saint-Denis',
      'H2X',
      'G1R',
      ...neqs,
    ])
      expect(everything, secret).not.toContain(secret);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files['data.xlsx']!) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(10);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csv.header);
    const ids = new Set(Array.from({ length: 9 }, (_, i) => String(sheet.getRow(i + 2).getCell(1).value)));
    expect(ids).toEqual(new Set(csv.records.map((r) => r.business_id)));

    const dictionary = parseCsvRecords(strFromU8(files['dictionary.csv']!));
    expect(dictionary.header).toEqual([
      'variable',
      'label_fr',
      'label_en',
      'type',
      'unit',
      'codes',
      'derivation_fr',
      'derivation_en',
    ]);
    expect(dictionary.records.map((r) => r.variable)).toEqual(csv.header);
    expect(dictionary.records.find((r) => r.variable === 't1_strategy')).toMatchObject({
      type: 'decimal',
      unit: 'points',
      label_en: 'T1 score: Digital strategy and governance',
    });

    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('virage-research-2');
    for (const name of ['data.csv', 'data.xlsx', 'dictionary.csv']) {
      expect(readme).toContain(`${name}  sha256:${sha256(files[name]!)}`);
      expect(record.checksums[name]).toBe(sha256(files[name]!));
    }
    expect(record.checksums.zip).toBe(sha256(zip));

    const logged = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'research_extract.downloaded'), eq(auditEvents.entityId, record.id)));
    expect(logged).toHaveLength(1);
    const listed = (await (await h.request('/api/v1/research-extracts', { token: admin })).json()).items;
    expect(listed.find((x: { id: string }) => x.id === record.id).downloads).toBe(1);
  });

  it('gives the same businesses different pseudonyms in another extract', async () => {
    const first = await approvedExtract({ region: 'none' });
    const second = await approvedExtract({ region: 'none' });
    const ids = (files: Record<string, Uint8Array>) =>
      new Set(parseCsvRecords(strFromU8(files['data.csv']!)).records.map((r) => r.business_id));
    const a = ids(first.files);
    const b = ids(second.files);
    expect(a.size).toBe(9);
    expect([...a].filter((id) => b.has(id))).toEqual([]);
  });

  it('lets only the researcher who asked, and administrators, download', async () => {
    const { record } = await approvedExtract({ region: 'none' });
    const other = await h.request(`/api/v1/research-extracts/${record.id}/download`, {
      token: otherResearcher,
    });
    expect(other.status).toBe(404);
    const theirs = (await (await h.request('/api/v1/research-extracts', { token: otherResearcher })).json())
      .items;
    expect(theirs).toEqual([]);
    const byAdmin = await h.request(`/api/v1/research-extracts/${record.id}/download`, { token: admin });
    expect(byAdmin.status).toBe(200);
  });

  it('gives the researcher a page, in both languages, to follow their extracts and ask for one', async () => {
    const asResearcher = (locale: 'fr' | 'en') => h.as({ bearerToken: researcher }, { locale });
    const fr = await renderPage(researchPage, await asResearcher('fr'), '/research', '/research');
    expect(fr.status).toBe(200);
    expect(fr.html).toContain('<h1>Extraits de recherche</h1>');
    expect(fr.html).toContain('Redemander avec cette généralisation');
    expect(fr.html).toContain('/download');
    const en = await renderPage(researchPage, await asResearcher('en'), '/research', '/research');
    expect(en.html).toContain('Ask for an extract');
    expect(en.html).toContain('Suggested generalisation: Region: Not released');

    const post = (fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ _csrf: 'csrf' });
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      return { method: 'POST', body };
    };
    const bad = await renderPage(
      researchPage,
      await asResearcher('fr'),
      '/research',
      '/research',
      post({ programId, purpose: 'court' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('href="#field-purpose"');
    expect(bad.html).toContain('href="#field-variableGroups"');
    const good = await renderPage(
      researchPage,
      await asResearcher('fr'),
      '/research',
      '/research',
      post({
        programId,
        purpose: 'Adoption des outils numériques selon la taille',
        variableGroups: ['coaching', 'outcomes'],
        'generalisation.region': 'none',
        'generalisation.subsector': 'sector',
        'generalisation.size_band': 'band',
        'generalisation.year': 'year',
      }),
    );
    expect(good.status).toBe(302);
    const mine = (await (await h.request('/api/v1/research-extracts', { token: researcher })).json()).items;
    expect(mine[0]).toMatchObject({
      variableGroups: ['coaching', 'outcomes'],
      generalisation: { region: 'none', subsector: 'sector', size_band: 'band', year: 'year' },
    });

    const ministry = await h.as({ bearerToken: await h.token((await h.user('ministry')).email) });
    expect((await renderPage(researchPage, ministry, '/research', '/research')).status).toBe(403);
  });

  it('lets administrators decide from a page: a refusal needs a reason', async () => {
    const asked = await (await ask(researcher)).json();
    const asAdmin = await h.as({ bearerToken: admin }, { locale: 'fr' });
    const page = await renderPage(adminPage, asAdmin, '/admin/research-extracts', '/admin/research-extracts');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`id="reason-${asked.id}"`);
    const send = (decision: string, reason = '') =>
      renderPage(adminPage, asAdmin, '/admin/research-extracts', '/admin/research-extracts', {
        method: 'POST',
        body: new URLSearchParams({ _csrf: 'csrf', id: asked.id, decision, reason }),
      });
    const noReason = await send('refused');
    expect(noReason.status).toBe(422);
    expect(noReason.html).toContain('Donnez la raison du refus');
    expect((await send('refused', 'Finalité commerciale')).status).toBe(302);
    const after = await renderPage(
      adminPage,
      asAdmin,
      '/admin/research-extracts',
      '/admin/research-extracts?decided=refused',
    );
    expect(after.html).toContain('Refusé : Finalité commerciale');
    const asResearcher = await h.as({ bearerToken: researcher });
    expect(
      (await renderPage(adminPage, asResearcher, '/admin/research-extracts', '/admin/research-extracts'))
        .status,
    ).toBe(403);
  });
});
