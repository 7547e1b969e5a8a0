import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/kernel/csv.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';

/** An incident with the regulation's eight contents, as the officer enters it. */
const complete = () => ({
  informationInvolved: 'Noms, courriels et chiffre d’affaires déclaré de 40 détaillants',
  circumstances: 'Un tableur exporté a été envoyé par erreur à un fournisseur « externe ».',
  occurredFrom: '2027-01-05',
  occurredTo: '2027-01-06',
  learnedOn: '2027-01-08',
  personsAffected: 40,
  personsApproximate: false,
  riskAssessment: 'Renseignements peu sensibles ; le fournisseur a confirmé la destruction du fichier.',
  seriousRisk: true,
  notices: { commissionNotifiedOn: '2027-01-09', personsNotifiedOn: '2027-01-10', publicNotice: null },
  measures: 'Fichier détruit par le destinataire ; exports limités aux comptes du programme.',
  adviceToPersons: 'Méfiez-vous des courriels qui vous demandent vos coordonnées bancaires.',
});

/** The eight contents and the field the API names when each is missing. */
const EIGHT: [string, (body: Record<string, unknown>) => void, string][] = [
  ['1. information involved', (b) => delete b.informationInvolved, 'informationInvolved'],
  ['2. circumstances', (b) => delete b.circumstances, 'circumstances'],
  ['3. date or period', (b) => delete b.occurredFrom, 'occurredFrom'],
  ['4. date learned of', (b) => delete b.learnedOn, 'learnedOn'],
  ['5. number of persons', (b) => delete b.personsAffected, 'personsAffected'],
  ['6. risk assessment', (b) => delete b.riskAssessment, 'riskAssessment'],
  ['7. notices', (b) => delete b.notices, 'notices'],
  ['8. measures taken', (b) => delete b.measures, 'measures'],
];

let h: Harness;
let officer: string;
let dir: string;
beforeAll(async () => {
  h = await createHarness();
  officer = await h.token((await h.user('privacy', { locale: 'fr', name: 'Rachida Responsable' })).email);
  dir = mkdtempSync(path.join(tmpdir(), 'incidents-'));
});
afterAll(() => h?.close());

const record = (json: unknown, token = officer) =>
  h.request('/api/v1/privacy-incidents', { method: 'POST', token, json });
const count = async () =>
  (await (await h.request('/api/v1/privacy-incidents', { token: officer })).json()).items.length;

/** A PDF's text as poppler reads it, blanks folded, and whether it is tagged. */
async function readPdf(res: Response, name: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/pdf');
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
  return { text, info };
}

describe(`privacy incident register (${engine})`, () => {
  for (const [content, remove, field] of EIGHT) {
    it(`refuses a record missing ${content}, naming the field`, async () => {
      const before = await count();
      const body: Record<string, unknown> = complete();
      remove(body);
      const res = await record(body);
      expect(res.status).toBe(422);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(field);
      expect(await count()).toBe(before);
    });
  }

  it('refuses empty texts, a period that ends before it starts, a date to come and a serious risk without notices', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...complete(), measures: '   ' }, 'measures'],
      [{ ...complete(), occurredTo: '2027-01-01' }, 'occurredTo'],
      [{ ...complete(), learnedOn: '2027-01-04' }, 'learnedOn'],
      [{ ...complete(), learnedOn: '2027-02-01' }, 'learnedOn'],
      [{ ...complete(), seriousRisk: 'maybe' }, 'seriousRisk'],
      [
        { ...complete(), notices: { commissionNotifiedOn: null, personsNotifiedOn: '2027-01-10' } },
        'notices.commissionNotifiedOn',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await record(body);
      expect(res.status, field).toBe(422);
      expect((await res.json()).errors.map((e: { path: string }) => e.path)).toContain(field);
    }
  });

  it('records a complete incident, keeps it five years, and audits it', async () => {
    const res = await record(complete());
    expect(res.status).toBe(201);
    const incident = await res.json();
    expect(incident).toMatchObject({ learnedOn: '2027-01-08', keptUntil: '2032-01-08', personsAffected: 40 });
    expect(incident.notices).toEqual({
      commissionNotifiedOn: '2027-01-09',
      personsNotifiedOn: '2027-01-10',
      publicNotice: null,
    });
    const read = await h.request(`/api/v1/privacy-incidents/${incident.id}`, { token: officer });
    expect(await read.json()).toEqual(incident);
    const [audit] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, incident.id));
    expect(audit).toMatchObject({ action: 'privacy_incident.recorded', actorRole: 'privacy' });
  });

  it('records a minor incident without notices: nothing to notify when the risk is not serious', async () => {
    const res = await record({
      ...complete(),
      seriousRisk: false,
      personsAffected: 3,
      personsApproximate: true,
      notices: { commissionNotifiedOn: null, personsNotifiedOn: null },
      adviceToPersons: null,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).notices).toEqual({
      commissionNotifiedOn: null,
      personsNotifiedOn: null,
      publicNotice: null,
    });
  });

  it('exports the register as CSV for the Commission, one row per incident with the eight contents', async () => {
    const res = await h.request('/api/v1/privacy-incidents/register.csv', { token: officer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parseCsv(await res.text());
    expect(header![0]).toBe(
      '1. Renseignements personnels visés (ou raison pour laquelle ils ne sont pas connus)',
    );
    expect(header).toContain('8. Mesures prises pour diminuer le risque de préjudice');
    expect(rows).toHaveLength(await count());
    const serious = rows.find((r) => r[header!.indexOf('6. Risque de préjudice sérieux')] === 'Oui')!;
    expect(serious[header!.indexOf('2. Circonstances de l’incident')]).toContain('fournisseur « externe »');
    expect(serious[header!.indexOf('7. Date de l’avis à la Commission d’accès à l’information')]).toBe(
      '2027-01-09',
    );
    expect(serious[header!.indexOf('5. Nombre de personnes concernées')]).toBe('40');
  });

  it('exports the register as a tagged PDF that pdftotext reads back', async () => {
    const { text, info } = await readPdf(
      await h.request('/api/v1/privacy-incidents/register.pdf', { token: officer }),
      'register.pdf',
    );
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(text).toContain('Registre des incidents de confidentialité');
    expect(text).toContain('Incident dont l’organisation a eu connaissance le 2027-01-08');
    expect(text).toContain('fournisseur « externe »');
    expect(text).toContain('2032-01-08');
    const exported = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'privacy_incident.register_exported'));
    expect(exported.map((e) => (e.changes as { format: string }).format).sort()).toEqual(['csv', 'pdf']);
  });

  it('writes the notice letter to a person in their language, with the six contents of the regulation', async () => {
    const incident = await (await record(complete())).json();
    const person = await h.user('retailer', { locale: 'en', name: 'Ruth Retailer' });
    const english = await readPdf(
      await h.request(`/api/v1/privacy-incidents/${incident.id}/notice.pdf?userId=${person.id}`, {
        token: officer,
      }),
      'notice-en.pdf',
    );
    expect(english.info).toMatch(/Tagged:\s+yes/);
    for (const words of [
      'Notice of a confidentiality incident',
      'Hello Ruth Retailer',
      'What happened',
      'From 2027-01-05 to 2027-01-06',
      'What we have done',
      'What you can do',
      'Méfiez-vous des courriels',
      'Rachida Responsable',
    ])
      expect(english.text).toContain(words);
    const french = await readPdf(
      await h.request(`/api/v1/privacy-incidents/${incident.id}/notice.pdf?locale=fr`, { token: officer }),
      'notice-fr.pdf',
    );
    expect(french.text).toContain('Avis d’incident de confidentialité');
    expect(french.text).toContain('Madame, Monsieur');
    expect(french.text).toContain('Du 2027-01-05 au 2027-01-06');
  });

  it('has no notice letter while the advice to persons is missing', async () => {
    const incident = await (await record({ ...complete(), adviceToPersons: null })).json();
    const res = await h.request(`/api/v1/privacy-incidents/${incident.id}/notice.pdf?locale=en`, {
      token: officer,
    });
    expect(res.status).toBe(409);
  });

  it('never shows the register to an expert, a coordinator or an administrator who is not designated', async () => {
    for (const role of ['expert', 'coordinator', 'admin'] as const) {
      const token = await h.token((await h.user(role)).email);
      expect((await h.request('/api/v1/privacy-incidents', { token })).status, role).toBe(403);
      expect((await h.request('/api/v1/privacy-incidents/register.csv', { token })).status, role).toBe(403);
      expect((await record(complete(), token)).status, role).toBe(403);
    }
  });

  it('brings an entry up to date under the same rules: the register shows the latest, the history the former (decision 42)', async () => {
    const minor = {
      ...complete(),
      seriousRisk: false,
      notices: { commissionNotifiedOn: null, personsNotifiedOn: null, publicNotice: null },
      measures: 'Fichier supprimé.',
    };
    const { id } = await (await record(minor)).json();
    const update = (json: unknown) =>
      h.request(`/api/v1/privacy-incidents/${id}`, { method: 'PUT', token: officer, json });

    // A serious risk still needs both notices; a refusal changes nothing.
    const refused = await update({ ...minor, seriousRisk: true });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors.map((e: { path: string }) => e.path)).toEqual([
      'notices.commissionNotifiedOn',
      'notices.personsNotifiedOn',
    ]);
    const later = {
      ...minor,
      learnedOn: '2027-01-07',
      seriousRisk: true,
      notices: { commissionNotifiedOn: '2027-01-12', personsNotifiedOn: '2027-01-13', publicNotice: null },
      measures: 'Fichier supprimé ; accès du fournisseur retiré le 2027-01-12.',
    };
    const res = await update(later);
    expect(res.status).toBe(200);
    const updated = await res.json();
    expect(updated).toMatchObject({
      id,
      version: 2,
      measures: later.measures,
      notices: later.notices,
      updatedAt: h.clock.now.toISOString(),
      // Never kept less long than when first entered (learned of on 2027-01-08).
      keptUntil: '2032-01-08',
    });

    const csv = parseCsv(
      await (await h.request('/api/v1/privacy-incidents/register.csv', { token: officer })).text(),
    );
    const measures = csv[0]!.indexOf('8. Mesures prises pour diminuer le risque de préjudice');
    expect(csv.map((r) => r[measures])).toContain(later.measures);
    expect(csv.map((r) => r[measures])).not.toContain('Fichier supprimé.');

    const history = await (
      await h.request(`/api/v1/privacy-incidents/${id}/history`, { token: officer })
    ).json();
    expect(history.items).toEqual([
      { version: 1, writtenAt: h.clock.now.toISOString(), entry: { ...minor, occurredTo: '2027-01-06' } },
    ]);
    const audits = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(audits.find((a) => a.action === 'privacy_incident.updated')!.changes).toEqual({
      version: [1, 2],
      fields: ['learnedOn', 'seriousRisk', 'notices', 'measures'],
    });
  });
});
