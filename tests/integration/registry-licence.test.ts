import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/kernel/csv.ts';
import * as adminPage from '../../src/modules/registry/ui/registry-admin.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { allConsents, defaultProgramId, submitted } from '../support/intake.ts';
import { importExtract, syntheticExtract } from '../support/registry.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let admin: string;
let coordinator: string;
let researcher: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  researcher = await h.token((await h.user('researcher')).email);
  await importExtract(h, admin, syntheticExtract());
  // Ten consenting businesses, one class without the registry's facts, two of five with them: five the
  // registry lists (registered, a business corporation, 1 to 5 employees), five it does not.
  for (const neq of ['1111111111', '9999999999'])
    for (let i = 0; i < 5; i++) await submitted(h, programId, { neq }, { ...allConsents, research: true });
}, 120_000);
afterAll(() => h?.close());

/** Asks for an extract (profile only, no region) and has an administrator approve it: the decision. */
async function askAndApprove(generalisation: Record<string, string> = {}) {
  const asked = await h.request('/api/v1/research-extracts', {
    method: 'POST',
    token: researcher,
    json: {
      programId,
      purpose: 'Profil des détaillants accompagnés selon le registre',
      variableGroups: ['coaching'],
      generalisation: { region: 'none', ...generalisation },
    },
  });
  expect(asked.status, await asked.clone().text()).toBe(201);
  const { id } = await asked.json();
  const decided = await h.request(`/api/v1/research-extracts/${id}/approval`, {
    method: 'POST',
    token: admin,
    json: { decision: 'approved' },
  });
  return { id, decided: await decided.json() };
}

/** An approved extract's data and dictionary. */
async function extract(generalisation: Record<string, string> = {}) {
  const { id, decided } = await askAndApprove(generalisation);
  expect(decided.status, JSON.stringify(decided)).toBe('approved');
  const res = await h.request(`/api/v1/research-extracts/${id}/download`, { token: researcher });
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return {
    data: parseCsvRecords(strFromU8(files['data.csv']!)),
    dictionary: parseCsvRecords(strFromU8(files['dictionary.csv']!)).records,
  };
}

const licence = (method: string, token = admin, json?: unknown) =>
  h.request('/api/v1/registry/licence', { method, token, ...(json ? { json } : {}) });
const audited = (action: string) =>
  h.services.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action)));
const REGISTRY_VARIABLES = ['registry_status', 'registry_legal_form', 'registry_size_band'];

describe(`the registry licence guard on research extracts (${engine})`, () => {
  it('leaves registry-derived variables out until an administrator records that the licence allows them', async () => {
    const { data, dictionary } = await extract();
    expect(data.records).toHaveLength(10);
    for (const name of REGISTRY_VARIABLES) {
      expect(data.header).not.toContain(name);
      expect(dictionary.map((r) => r.variable)).not.toContain(name);
    }
    expect((await (await licence('GET')).json()).inForce).toBeNull();
  });

  it('lets only administrators record it, refuses bad input naming the field, and audits who and when', async () => {
    expect((await licence('GET', coordinator)).status).toBe(403);
    expect((await licence('PUT', coordinator, { licence: 'CC BY 4.0, clause 2' })).status).toBe(403);
    const short = await licence('PUT', admin, { licence: 'oui' });
    expect(short.status).toBe(422);
    expect((await short.json()).errors.map((e: { path: string }) => e.path)).toEqual(['licence']);
    const said = 'Licence de Données Québec, article 3 : rediffusion permise avec mention de la source.';
    const recorded = await licence('PUT', admin, { licence: said });
    expect(recorded.status, await recorded.clone().text()).toBe(200);
    const body = await recorded.json();
    expect(body.inForce).toMatchObject({ licence: said, revokedAt: null, recordedBy: expect.any(String) });
    expect((await licence('PUT', admin, { licence: said })).status).toBe(409);
    expect(await audited('registry.licence_recorded')).toHaveLength(1);
  });

  it('then releases the registry’s status, legal form and employee band, coarsened, in the data and the dictionary in both languages', async () => {
    const { data, dictionary } = await extract();
    expect(data.header).toEqual(expect.arrayContaining(REGISTRY_VARIABLES));
    const statuses = data.records.map((r) => r.registry_status).sort();
    expect(statuses).toEqual([...Array(5).fill('not_listed'), ...Array(5).fill('registered')]);
    const listed = data.records.filter((r) => r.registry_status === 'registered');
    expect(listed.map((r) => [r.registry_legal_form, r.registry_size_band])).toEqual(
      Array(5).fill(['corporation', '0-5']),
    );
    expect(data.records.filter((r) => r.registry_status === 'not_listed')[0]).toMatchObject({
      registry_legal_form: '',
      registry_size_band: '',
    });
    expect(dictionary.find((r) => r.variable === 'registry_status')).toMatchObject({
      label_fr: 'Statut au registre des entreprises',
      label_en: 'Status in the business registry',
      codes: 'registered; struck_off; other; not_listed',
    });
  });

  it('counts the registry’s facts in the k-anonymity check: a struck-off company alone refuses the extract, which passes without them', async () => {
    await submitted(h, programId, { neq: '2222222222' }, { ...allConsents, research: true });
    const { decided } = await askAndApprove();
    expect(decided).toMatchObject({
      status: 'refused',
      refusalKind: 'k_anonymity',
      failingClassCount: 1,
      suggestedGeneralisation: { region: 'none', registry: 'none' },
    });
    const { data, dictionary } = await extract({ registry: 'none' });
    expect(data.records).toHaveLength(11);
    for (const name of REGISTRY_VARIABLES) {
      expect(data.header).not.toContain(name);
      expect(dictionary.map((r) => r.variable)).not.toContain(name);
    }
  });

  it('is revoked by an administrator, audited, and the variables leave the next extract', async () => {
    const revoked = await licence('DELETE');
    expect(revoked.status).toBe(200);
    const body = await revoked.json();
    expect(body.inForce).toBeNull();
    expect(body.records[0]).toMatchObject({ revokedAt: expect.any(String), revokedBy: expect.any(String) });
    expect((await licence('DELETE')).status).toBe(409);
    expect(await audited('registry.licence_revoked')).toHaveLength(1);
    const { data } = await extract();
    for (const name of REGISTRY_VARIABLES) expect(data.header).not.toContain(name);
  });

  it('is recorded and revoked from the administrators’ registry page, in both languages, a missing licence named', async () => {
    const page = async (locale: 'fr' | 'en', form?: Record<string, string>) =>
      renderPage(
        adminPage,
        await h.as({ bearerToken: admin }, { locale }),
        '/admin/registry',
        '/admin/registry',
        form ? { method: 'POST', body: new URLSearchParams({ _csrf: 'csrf', ...form }) } : undefined,
      );
    expect((await page('fr')).html).toContain('Aucune autorisation inscrite');
    const missing = await page('en', { intent: 'licence', licence: '' });
    expect(missing.status).toBe(422);
    expect(missing.html).toMatch(/href="#field-licence"[^<]*Licence and clause that allow republication/);
    const said = 'Licence de Données Québec, article 3 : rediffusion permise.';
    expect((await page('fr', { intent: 'licence', licence: said })).html).toContain('Autorisation inscrite.');
    const shown = await page('en');
    expect(shown.html).toContain('Permission recorded on');
    expect(shown.html).toContain(said);
    expect((await page('fr', { intent: 'revoke_licence' })).html).toContain('Autorisation révoquée');
    expect((await (await licence('GET')).json()).inForce).toBeNull();
  });
});
