import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../src/cli/run.ts';
import {
  registryEnterprises,
  registryExtracts,
  registryNames,
} from '../../src/modules/registry/db/tables.ts';
import { blockedNeqs } from '../../src/modules/registry/index.ts';
import * as adminPage from '../../src/modules/registry/ui/registry-admin.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted, verifiedRetailer } from '../support/intake.ts';
import { importExtract, syntheticExtract, syntheticFile } from '../support/registry.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let admin: string;
let coordinator: string;
let firstId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h?.close());

/** As the coordinator unless told otherwise (null: anonymously). */
const lookUp = (neq: string, token: string | null = coordinator, ip?: string) =>
  h.request(`/api/v1/registry/enterprises/${neq}`, { token: token ?? undefined, ip });
const db = () => h.services.database.db;
const rowsOf = async (extractId: string) =>
  (
    await db()
      .select({ n: count() })
      .from(registryEnterprises)
      .where(eq(registryEnterprises.extractId, extractId))
  )[0]!.n;

describe(`registry import (${engine})`, () => {
  it('loads the synthetic extract: counts, rejected rows with reasons, provenance', async () => {
    const { started, detail } = await importExtract(h, admin, syntheticExtract());
    expect(started.unchanged).toBe(false);
    expect(detail.status).toBe('current');
    expect(detail.fileDate).toBe('2026-11-15');
    expect(detail.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.rowCounts).toEqual({
      'Entreprise.csv': { loaded: 4, rejected: 3 },
      'Nom.csv': { loaded: 6, rejected: 0 },
      'Etablissement.csv': { loaded: 3, rejected: 0 },
      'FusionScission.csv': { loaded: 1, rejected: 0 },
      'ContinuationTransformation.csv': { loaded: 1, rejected: 0 },
      'DomaineValeur.csv': { loaded: 13, rejected: 0 },
    });
    expect(detail.rowsRead).toBe(31);
    expect(detail.warnings).toEqual([]);
    expect(detail.rejectedRows).toEqual([
      { file: 'Entreprise.csv', line: 6, reason: 'neq', column: 'NEQ' },
      { file: 'Entreprise.csv', line: 7, reason: 'date', column: 'DAT_IMMAT' },
      { file: 'Entreprise.csv', line: 8, reason: 'duplicate', column: 'NEQ' },
    ]);
    firstId = detail.id;
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.entityId, firstId));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'registry.extract_made_current',
      'registry.import_started',
    ]);
  });

  it('decodes codes through the extract’s DomaineValeur, keeps raw codes, normalises dates, hides what is not displayable', async () => {
    await h.request('/api/v1/registry/cae-naics', {
      method: 'PUT',
      token: admin,
      json: { items: [{ cae: '6311', naics: '445110' }] },
    });
    const res = await lookUp('1111111111');
    expect(res.status).toBe(200);
    const zoe = await res.json();
    expect(zoe.extract).toMatchObject({ id: firstId, fileDate: '2026-11-15' });
    expect(zoe.legalName).toBe('Boutique Zoé inc.');
    expect(zoe.names.map((n: { name: string; current: boolean }) => [n.name, n.current])).toEqual([
      ['Épicerie Zoé', true],
      ['Boutique Zoé inc.', true],
      ['Zoé Alimentation inc.', false],
    ]);
    expect(zoe.names[0]).toMatchObject({
      foreignName: "Zoe's Grocery",
      type: { code: 'A', label: 'Autre nom' },
    });
    expect(zoe.names[2]).toMatchObject({ startedOn: '2019-03-01', endedOn: '2019-03-03' });
    expect(zoe.status).toEqual({ code: 'IM', label: 'Immatriculée' });
    expect(zoe.statusKind).toBe('registered');
    expect(zoe.legalForm).toEqual({ code: 'CIE', label: 'Société par actions ou compagnie' });
    expect(zoe.employeeBand).toEqual({ code: '2', label: 'De 1 à 5' });
    expect(zoe.registeredOn).toBe('2019-03-04');
    expect(zoe.activities).toEqual([
      {
        cae: { code: '6311', label: "Magasins d'alimentation" },
        description: 'Épicerie fine',
        naics: '445110',
      },
      { cae: { code: '6521', label: 'Magasins de vêtements' }, description: 'Vêtements', naics: null },
    ]);
    expect(zoe.domicileAddress).toEqual(['123, rue Principale', 'Montréal (Québec)', 'H2X 1Y4']);
    expect(zoe.establishments.map((e: { number: string; main: boolean }) => [e.number, e.main])).toEqual([
      ['0001', true],
      ['0002', false],
    ]);
    // An activity code the lists do not know: the raw code, no label.
    expect(zoe.establishments[1].activities[0].cae).toEqual({ code: '9999', label: null });

    const struck = await (await lookUp('2222222222')).json();
    expect([struck.statusKind, struck.status.label, struck.registeredOn, struck.statusOn]).toEqual([
      'struck_off',
      "Radiée d'office",
      '2018-11-20',
      '2024-02-01',
    ]);
    const hidden = await (await lookUp('3333333333')).json();
    expect(hidden.domicileAddress).toBeNull();
    expect(hidden.establishments[0].address).toBeNull();
    expect(hidden.legalForm).toEqual({ code: 'ZZZ', label: null });
    expect([hidden.legalName, hidden.registeredOn, hidden.statusOn]).toEqual([
      'Atelier Sans Adresse, S.E.N.C.',
      '2017-01-02',
      '2020-06-15',
    ]);
    const bankrupt = await (await lookUp('4444444444')).json();
    expect([bankrupt.bankrupt, bankrupt.registeredOn]).toEqual([true, '2021-05-01']);
  });

  it('names, for payments, the businesses struck off or bankrupt in one query', async () => {
    const blocked = await blockedNeqs(db(), [
      '1111111111',
      '2222222222',
      '3333333333',
      '4444444444',
      '9999999999',
    ]);
    expect([...blocked].sort()).toEqual(['2222222222', '4444444444']);
  });

  it('answers a bad NEQ by naming the field, an unlisted one as not found', async () => {
    const bad = await lookUp('12-34');
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe('neq');
    expect((await lookUp('9999999999')).status).toBe(404);
    // Typed as people type it: with spaces or dashes.
    expect((await lookUp('111-111-1111')).status).toBe(200);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await db().select().from(registryExtracts);
    const audits = (await db().select({ n: count() }).from(auditEvents))[0]!.n;
    const res = await h.request('/api/v1/registry/imports', {
      method: 'POST',
      token: admin,
      body: (await import('../support/registry.ts')).extractForm(syntheticExtract()),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id: firstId, status: 'current', unchanged: true });
    expect(await db().select().from(registryExtracts)).toEqual(before);
    expect((await db().select({ n: count() }).from(auditEvents))[0]!.n).toBe(audits);
  });

  it('leaves the previous extract current when Entreprise.csv lacks a column, naming it', async () => {
    const broken = syntheticFile('Entreprise.csv').replace(',COD_STAT_IMMAT,', ',STATUT,');
    const { detail } = await importExtract(h, admin, syntheticExtract({ 'Entreprise.csv': broken }));
    expect(detail.status).toBe('failed');
    expect(detail.failure).toMatchObject({
      kind: 'missing_column',
      file: 'Entreprise.csv',
      column: 'COD_STAT_IMMAT',
    });
    expect(detail.failure.message).toMatch(/^Colonne COD_STAT_IMMAT absente d.Entreprise\.csv\.$/);
    expect(await rowsOf(detail.id)).toBe(0);
    expect((await (await lookUp('1111111111')).json()).extract.id).toBe(firstId);
  });

  it('leaves the previous extract current when the zip is corrupt, cut short, or has no Entreprise.csv', async () => {
    const whole = syntheticExtract();
    for (const [bytes, kind] of [
      [new TextEncoder().encode('ceci n’est pas un zip'), 'corrupt_zip'],
      [whole.subarray(0, Math.floor(whole.length / 2)), 'corrupt_zip'],
      [syntheticExtract({ 'Entreprise.csv': null }), 'missing_file'],
    ] as const) {
      const { detail } = await importExtract(h, admin, bytes);
      expect([detail.status, detail.failure.kind]).toEqual(['failed', kind]);
    }
    const [current] = await db()
      .select()
      .from(registryExtracts)
      .where(eq(registryExtracts.status, 'current'));
    expect(current!.id).toBe(firstId);
    expect(await rowsOf(firstId)).toBe(4);
  });

  it('warns of a missing column or file elsewhere, then swaps: the previous extract’s rows are gone', async () => {
    const names = syntheticFile('Nom.csv')
      .replace(',NOM_ASSUJ_LANG_ETRNG,', ',')
      .replace(",Zoe's Grocery,", ',');
    const { detail } = await importExtract(
      h,
      admin,
      syntheticExtract({ 'Nom.csv': names, 'FusionScission.csv': null }),
    );
    expect(detail.status).toBe('current');
    expect(
      detail.warnings.map((w: { kind: string; file: string; column: string | null }) => [
        w.kind,
        w.file,
        w.column,
      ]),
    ).toEqual([
      ['missing_column', 'Nom.csv', 'NOM_ASSUJ_LANG_ETRNG'],
      ['missing_file', 'FusionScission.csv', null],
    ]);
    expect(await rowsOf(firstId)).toBe(0);
    expect(
      (await db().select({ n: count() }).from(registryNames).where(eq(registryNames.extractId, firstId)))[0]!
        .n,
    ).toBe(0);
    const [old] = await db().select().from(registryExtracts).where(eq(registryExtracts.id, firstId));
    expect(old!.status).toBe('superseded');
    expect((await (await lookUp('1111111111')).json()).extract.id).toBe(detail.id);
  });

  it('imports from the command line, through the same use case', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'registry-')), 'extrait.zip');
    writeFileSync(file, syntheticExtract());
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), stdin: undefined };
    const code = await runInProcess(['registry', 'import', '--file', file], io, h.services);
    expect(out.join('\n')).toContain('Entreprise.csv');
    expect(code).toBe(0);
    const [current] = await db()
      .select()
      .from(registryExtracts)
      .where(eq(registryExtracts.status, 'current'));
    expect(current!.importedVia).toBe('virage registry import');
  });
});

describe(`registry access (${engine})`, () => {
  it('lets administrators alone import and read imports', async () => {
    const retailer = await verifiedRetailer(h);
    expect((await h.request('/api/v1/registry/imports', { token: coordinator })).status).toBe(403);
    const res = await h.request('/api/v1/registry/imports', {
      method: 'POST',
      token: retailer.token,
      body: (await import('../support/registry.ts')).extractForm(syntheticExtract()),
    });
    expect(res.status).toBe(403);
  });

  it('limits lookups of others’ businesses, never an applicant’s own NEQ nor staff', async () => {
    const programId = await defaultProgramId(h);
    const applicant = await submitted(h, programId, { neq: '1111111111' });
    for (let i = 0; i < 30; i++)
      expect((await lookUp('2222222222', applicant.token, '198.51.100.9')).status).toBe(200);
    const limited = await lookUp('2222222222', applicant.token, '198.51.100.9');
    expect(limited.status).toBe(429);
    // Their own business stays open to them, and staff are not limited.
    expect((await lookUp('1111111111', applicant.token, '198.51.100.9')).status).toBe(200);
    for (let i = 0; i < 35; i++)
      expect((await lookUp('2222222222', coordinator, '198.51.100.9')).status).toBe(200);
    // The limit runs per address too: an anonymous caller from that address is limited, another is not.
    expect((await lookUp('2222222222', null, '198.51.100.9')).status).toBe(429);
    expect((await lookUp('2222222222', null, '198.51.100.10')).status).toBe(200);
  });
});

describe(`registry administration page (${engine})`, () => {
  it('shows the current extract’s provenance in both languages, and keeps the CAE → NAICS pairs', async () => {
    const fr = await renderPage(
      adminPage,
      await h.as({ bearerToken: admin }),
      '/admin/registry',
      '/admin/registry',
    );
    expect(fr.status).toBe(200);
    expect(fr.html).toContain('Extrait en vigueur');
    expect(fr.html).toContain('2026-11-15');
    expect(fr.html).toContain('<label for="field-file">');
    const en = await renderPage(
      adminPage,
      await h.as({ bearerToken: admin }, { locale: 'en' }),
      '/admin/registry',
      '/admin/registry',
    );
    expect(en.html).toContain('Current extract');
    expect(en.html).toContain('CAE → NAICS correspondence');
    const ctx = await h.as({ bearerToken: admin });
    const refused = await renderPage(adminPage, ctx, '/admin/registry', '/admin/registry', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: 'csrf', intent: 'correspondence', correspondence: '6311 44x' }),
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Le code SCIAN compte de 2 à 6 chiffres.');
    expect(refused.html).toContain('href="#field-correspondence"');
    const saved = await renderPage(adminPage, ctx, '/admin/registry', '/admin/registry', {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: 'csrf',
        intent: 'correspondence',
        correspondence: '6311 445110\n6521;448',
      }),
    });
    expect(saved.html).toContain('Correspondance enregistrée.');
    expect(await (await h.request('/api/v1/registry/cae-naics', { token: admin })).json()).toEqual({
      items: [
        { cae: '6311', naics: '445110' },
        { cae: '6521', naics: '448' },
      ],
    });
  });

  it('is refused to a coordinator', async () => {
    const page = await renderPage(
      adminPage,
      await h.as({ bearerToken: coordinator }),
      '/admin/registry',
      '/admin/registry',
    );
    expect(page.status).toBe(403);
  });
});

describe('registry data and the licence', () => {
  it('stays out of open data; research extracts read it only where the licence record is checked (decision 44)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const folder = path.resolve(import.meta.dirname, '../../src/modules/reporting');
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(10);
    const reading = files.filter((f) =>
      /\/registry\/|application_registry_checks|applicationRegistryChecks|registry_/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    // The research extract's source query, its variables and the use case that reads the licence record
    // (registry-licence.test.ts checks the guard both ways); nothing else, open data included.
    expect(
      reading.map((f) => path.relative(folder, f)).sort(),
      'registry-derived data may be republished only once the licence allows it',
    ).toEqual([
      'db/research-source.ts',
      'domain/research-variables.ts',
      'use-cases/decide-research-extract.ts',
    ]);
  });
});
