import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationRegistryChecks, applications } from '../../src/modules/intake/db/tables.ts';
import { DEFAULT_CRITERIA, REGISTRY_CRITERIA } from '../../src/modules/intake/domain/eligibility.ts';
import { bandMaximum } from '../../src/modules/intake/domain/registry-check.ts';
import * as stepPage from '../../src/modules/intake/ui/application-step.tsx';
import * as precheckPage from '../../src/modules/intake/ui/eligibility-check.tsx';
import * as reviewPage from '../../src/modules/intake/ui/review-application.tsx';
import { previewEligibility } from '../../src/modules/intake/use-cases/preview-eligibility.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { businessWithApprovedPlan, grantsEnvelope } from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { allConsents, business, defaultProgramId, submitted, verifiedRetailer } from '../support/intake.ts';
import { importExtract, syntheticExtract } from '../support/registry.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  await importExtract(h, admin, syntheticExtract());
  await h.request('/api/v1/registry/cae-naics', {
    method: 'PUT',
    token: admin,
    json: { items: [{ cae: '6311', naics: '445110' }] },
  });
});
afterAll(() => h?.close());

/** A retailer's draft application, its business step not yet filled with registry facts. */
async function draft(locale: 'fr' | 'en') {
  const retailer = await verifiedRetailer(h, { locale });
  const res = await h.request('/api/v1/applications', {
    method: 'POST',
    token: retailer.token,
    json: {
      programId,
      business: business({ legalName: 'Ma boutique', neq: '1143920115' }),
      consents: allConsents,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = await res.json();
  return { id, token: retailer.token, ctx: await h.as({ bearerToken: retailer.token }, { locale }) };
}

const STEP = '/applications/:id/steps/:step';
const stepForm = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams({
    _csrf: 'csrf',
    legalName: 'Ma boutique',
    neq: '1111111111',
    naics: '458',
    employees: '4',
    foundedYear: '2015',
    ...fields,
  }),
});
const inputValue = (html: string, name: string) =>
  new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];

describe(`registry prefill (${engine})`, () => {
  it('looks the NEQ up, prefills, keeps the registry’s values beside the applicant’s correction (fr)', async () => {
    const { id, ctx } = await draft('fr');
    const looked = await renderPage(
      stepPage,
      ctx,
      STEP,
      `/applications/${id}/steps/1`,
      stepForm({ intent: 'lookup' }),
    );
    expect(looked.status).toBe(302);
    const page = await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`);
    expect(page.html).toContain('Selon le Registraire des entreprises, extrait du 2026-11-15');
    expect(page.html).toContain('Immatriculée (IM)');
    expect(page.html).toContain('De 1 à 5 (2)');
    expect(page.html).toContain('Boutique Zoé — Plateau');
    expect(inputValue(page.html, 'legalName')).toBe('Boutique Zoé inc.');
    expect(inputValue(page.html, 'foundedYear')).toBe('2019');
    expect(page.html).toMatch(/<option value="445" selected/);
    // The applicant corrects the name and goes on.
    const corrected = await renderPage(
      stepPage,
      ctx,
      STEP,
      `/applications/${id}/steps/1`,
      stepForm({ intent: 'next', legalName: 'Boutique Zoé', naics: '445', foundedYear: '2019' }),
    );
    expect(corrected.status).toBe(302);
    const [app] = await h.services.database.db.select().from(applications).where(eq(applications.id, id));
    expect(app!.legalName).toBe('Boutique Zoé');
    const [check] = await h.services.database.db
      .select()
      .from(applicationRegistryChecks)
      .where(eq(applicationRegistryChecks.applicationId, id));
    expect(check!.facts!.legalName).toBe('Boutique Zoé inc.');
    // The applicant's review shows both values, the correction marked.
    const review = await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/5`);
    expect(review.html).toContain('Valeurs du registre et valeurs déclarées');
    expect(review.html).toMatch(
      /Boutique Zoé inc\.<\/td><td>Boutique Zoé<\/td><td><strong>Corrigé par le demandeur/,
    );
    // So does the team's review page.
    const team = await renderPage(
      reviewPage,
      await h.as({ bearerToken: coordinator }),
      '/review/applications/:id',
      `/review/applications/${id}`,
    );
    expect(team.status).toBe(200);
    expect(team.html).toContain('Corrigé par le demandeur');
    expect(team.html).toContain('Confirmé');
  });

  it('prefills in English, and flags a NEQ the extract does not list without refusing it', async () => {
    const { id, ctx } = await draft('en');
    await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`, stepForm({ intent: 'lookup' }));
    const page = await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`);
    expect(page.html).toContain('According to the Registraire des entreprises, extract of 2026-11-15');
    expect(page.html).toContain('Registry values and declared values');
    await renderPage(
      stepPage,
      ctx,
      STEP,
      `/applications/${id}/steps/1`,
      stepForm({ intent: 'lookup', neq: '9999999999' }),
    );
    const unlisted = await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`);
    expect(unlisted.html).toContain(
      'NEQ 9999999999 is not in the Registraire des entreprises extract of 2026-11-15',
    );
    const bad = await renderPage(
      stepPage,
      ctx,
      STEP,
      `/applications/${id}/steps/1`,
      stepForm({ intent: 'lookup', neq: '12' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/href="#field-neq"[^<]*has 10 digits/);
  });

  it('warns of a struck-off business on the form', async () => {
    const { id, ctx } = await draft('fr');
    await renderPage(
      stepPage,
      ctx,
      STEP,
      `/applications/${id}/steps/1`,
      stepForm({ intent: 'lookup', neq: '2222222222' }),
    );
    const page = await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`);
    expect(page.html).toContain('Le registre indique que cette entreprise est radiée.');
  });
});

describe(`the establishment an application is for (${engine})`, () => {
  const checkOf = async (id: string) =>
    (
      await h.services.database.db
        .select()
        .from(applicationRegistryChecks)
        .where(eq(applicationRegistryChecks.applicationId, id))
    )[0];
  const teamReview = async (id: string, locale: 'fr' | 'en') =>
    renderPage(
      reviewPage,
      await h.as({ bearerToken: coordinator }, { locale }),
      '/review/applications/:id',
      `/review/applications/${id}`,
    );

  it('is chosen among the registry’s stores on the form, stored beside the check, shown to the team and in the API (fr)', async () => {
    const { id, ctx, token } = await draft('fr');
    await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`, stepForm({ intent: 'lookup' }));
    const page = await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`);
    expect(page.html).toMatch(
      /<fieldset id="field-establishment"[^>]*><legend>Établissement visé par la demande/,
    );
    for (const value of ['0001', '0002', 'other'])
      expect(page.html).toContain(`type="radio" name="establishment" value="${value}"`);
    expect(page.html).toContain('Aucun de ceux-ci / autre adresse');
    const chosen = await renderPage(
      stepPage,
      ctx,
      STEP,
      `/applications/${id}/steps/1`,
      stepForm({ intent: 'next', legalName: 'Boutique Zoé inc.', naics: '445', establishment: '0002' }),
    );
    expect(chosen.status).toBe(302);
    expect((await checkOf(id))!.establishment).toBe('0002');
    const team = await teamReview(id, 'fr');
    expect(team.html).toMatch(
      /<dt>Établissement visé par la demande<\/dt><dd>Boutique Zoé — Saint-Joseph — 45, boulevard Saint-Joseph/,
    );
    const api = await h.request(`/api/v1/applications/${id}`, { token });
    expect(api.status).toBe(200);
    expect((await api.json()).establishment).toBe('0002');
    // A new lookup brings new facts: the choice is made again among them.
    await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`, stepForm({ intent: 'lookup' }));
    expect((await checkOf(id))!.establishment).toBeNull();
  });

  it('takes « none of these » through the API, shown in English, and refuses an establishment the registry does not list, naming the field', async () => {
    const { id, ctx, token } = await draft('en');
    const patch = (establishment: string) =>
      h.request(`/api/v1/applications/${id}`, {
        method: 'PATCH',
        token,
        headers: { 'accept-language': 'en' },
        json: { establishment },
      });
    // Before any lookup there is nothing to choose from.
    const early = await patch('0001');
    expect(early.status).toBe(422);
    expect((await early.json()).errors).toEqual([
      {
        path: 'establishment',
        message: expect.stringMatching(/^Establishment the application is for must be/),
      },
    ]);
    await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`, stepForm({ intent: 'lookup' }));
    const unknown = await patch('0009');
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors[0].path).toBe('establishment');
    expect((await checkOf(id))!.establishment).toBeNull();
    const form = await renderPage(
      stepPage,
      ctx,
      STEP,
      `/applications/${id}/steps/1`,
      stepForm({ intent: 'next', legalName: 'Boutique Zoé inc.', naics: '445', establishment: '0009' }),
    );
    expect(form.status).toBe(422);
    expect(form.html).toMatch(/href="#field-establishment"[^<]*Establishment the application is for must be/);
    const other = await patch('other');
    expect(other.status, await other.clone().text()).toBe(200);
    expect((await other.json()).establishment).toBe('other');
    expect((await teamReview(id, 'en')).html).toMatch(
      /<dt>Establishment the application is for<\/dt><dd>None of these \/ another address<\/dd>/,
    );
  });
});

describe(`eligibility on registry facts (${engine})`, () => {
  it('explains registry criteria « selon le Registraire des entreprises, extrait du … »; an unlisted business is flagged, not refused', async () => {
    const admin = await h.token((await h.user('admin')).email);
    const published = await h.request(`/api/v1/programs/${programId}/criteria`, {
      method: 'PUT',
      token: admin,
      json: { criteria: [...DEFAULT_CRITERIA, ...REGISTRY_CRITERIA] },
    });
    expect(published.status, await published.clone().text()).toBe(200);
    const verdicts: Record<string, string[]> = {};
    for (const neq of ['1111111111', '2222222222', '9999999999']) {
      const { id, ctx } = await draft('fr');
      await renderPage(stepPage, ctx, STEP, `/applications/${id}/steps/1`, stepForm({ intent: 'save', neq }));
      const preview = await previewEligibility(ctx, id);
      verdicts[neq] = preview!.criteria
        .filter((c) => c.id.startsWith('registry_'))
        .map((c) => `${c.passed ? '✓' : '✗'} ${c.message}`);
    }
    expect(verdicts['1111111111']).toEqual([
      '✓ Selon le Registraire des entreprises, extrait du 2026-11-15, l’entreprise est immatriculée.',
      '✓ Selon le Registraire des entreprises, extrait du 2026-11-15, l’entreprise compte au plus 5 employés au Québec.',
    ]);
    expect(verdicts['2222222222']![0]).toBe(
      '✗ Selon le Registraire des entreprises, extrait du 2026-11-15, l’entreprise est radiée ; le programme s’adresse aux entreprises immatriculées.',
    );
    expect(verdicts['2222222222']![1]).toContain('compte au plus 25 employés');
    expect(verdicts['9999999999']![0]).toBe(
      '✓ Selon le Registraire des entreprises, extrait du 2026-11-15, l’entreprise est absente de l’extrait (à vérifier par l’équipe).',
    );
  });

  it('reads the top of an employee band from its label', () => {
    expect(
      ['De 1 à 5', 'De 11 à 25', 'Aucun employé', '5 000 et plus', 'De 1 000 à 2 499', null].map(bandMaximum),
    ).toEqual([5, 25, 0, null, 2499, null]);
  });
});

describe(`registry status at acceptance (${engine})`, () => {
  it('accepts a struck-off business only with a reason, audited as an override', async () => {
    const app = await submitted(h, programId, { neq: '2222222222' });
    const decide = (json: unknown) =>
      h.request(`/api/v1/applications/${app.id}/decision`, { method: 'POST', token: coordinator, json });
    const refused = await decide({ decision: 'accepted' });
    expect(refused.status).toBe(409);
    const problem = await refused.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    expect(problem.detail).toContain('2026-11-15');
    const accepted = await decide({
      decision: 'accepted',
      reason: 'Réimmatriculée la semaine dernière (preuve au dossier)',
    });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const audit = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, app.id));
    expect(audit.some((a) => JSON.stringify(a.changes).includes('"overridden":true'))).toBe(true);
    // A registered business needs no reason.
    const fine = await submitted(h, programId, { neq: '1111111111' });
    const ok = await h.request(`/api/v1/applications/${fine.id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'accepted' },
    });
    expect(ok.status).toBe(200);
  });
});

describe(`registry on the pre-check (${engine})`, () => {
  it('fills in the subsector and founding year from the NEQ, in both languages, storing nothing', async () => {
    const form = (locale: 'fr' | 'en', neq: string) =>
      h.as({}, { locale, ip: '192.0.2.44' }).then((ctx) =>
        renderPage(precheckPage, ctx, '/eligibility', '/eligibility', {
          method: 'POST',
          body: new URLSearchParams({
            _csrf: 'csrf',
            intent: 'lookup',
            neq,
            region: '06',
            postalCode: 'H2X 1Y4',
          }),
        }),
      );
    const fr = await form('fr', '1111111111');
    expect(fr.html).toMatch(
      /Selon le Registraire des entreprises, extrait du 2026-11-15\s:\sBoutique Zoé inc\., Immatriculée\./,
    );
    expect(fr.html).toMatch(/<option value="445" selected/);
    expect(inputValue(fr.html, 'foundedYear')).toBe('2019');
    const en = await form('en', '9999999999');
    expect(en.html).toContain(
      'NEQ 9999999999 is not in the Registraire des entreprises extract of 2026-11-15',
    );
  });
});

describe(`registry status at the grant agreement (${engine})`, () => {
  it('offers an agreement to a struck-off business only with a reason, audited', async () => {
    const admin = await h.token((await h.user('admin')).email);
    const envelopeId = await grantsEnvelope(h, admin, programId, 'registry', [['2026-2027', 10_000_000]]);
    const app = await businessWithApprovedPlan(h, programId, coordinator);
    // The business is found struck off after its acceptance (a later extract, or a corrected NEQ).
    await h.services.database.db
      .update(applications)
      .set({ neq: '2222222222' })
      .where(eq(applications.id, app.id));
    const prepared = await h.request('/api/v1/agreements', {
      method: 'POST',
      token: coordinator,
      json: {
        applicationId: app.id,
        envelopeId,
        fiscalYear: '2026-2027',
        gstRegistered: false,
        qstRegistered: false,
        lines: [{ category: 'ecommerce_platform', description: 'Boutique en ligne', amountCents: 200_000 }],
      },
    });
    expect(prepared.status, await prepared.clone().text()).toBe(201);
    const { id } = await prepared.json();
    const offer = (json: unknown) =>
      h.request(`/api/v1/agreements/${id}/offer`, { method: 'POST', token: coordinator, json });
    const refused = await offer({ acceptBy: '2027-02-15' });
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors.map((e: { path: string }) => e.path)).toEqual(['registryOverride']);
    const offered = await offer({
      acceptBy: '2027-02-15',
      registryOverride: 'Réimmatriculation en cours, vérifiée',
    });
    expect(offered.status, await offered.clone().text()).toBe(200);
    const audit = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, app.id));
    expect(audit.find((a) => a.action === 'agreement.offered')?.changes).toMatchObject({
      registryOverride: 'Réimmatriculation en cours, vérifiée',
    });
  });
});
