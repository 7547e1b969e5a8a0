import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import { DEFAULT_CONSENT_TEXTS } from '../../src/modules/intake/domain/defaults.ts';
import { DEFAULT_CRITERIA } from '../../src/modules/intake/domain/eligibility.ts';
import * as programsPage from '../../src/modules/programs/ui/programs.tsx';
import { coachedBy, expert } from '../support/coaching.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId, submitted } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let firstId: string;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  firstId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const post = (json: unknown, token = admin) =>
  h.request('/api/v1/programs', { method: 'POST', token, json }).then((r) => r);
const program = async (id: string) => (await h.request(`/api/v1/programs/${id}`)).json();
const questionnaire = async (id: string) =>
  (await h.request(`/api/v1/questionnaires/current?programId=${id}`)).json();

/** The first program's criteria with another employee maximum. */
const criteriaWithMaximum = (employees: number) =>
  DEFAULT_CRITERIA.map((c) =>
    c.id === 'small_business'
      ? {
          ...c,
          test: { op: 'lte' as const, fact: 'employees', value: employees },
          label: { fr: `${employees} employés ou moins`, en: `${employees} employees or fewer` },
        }
      : c,
  );

const SURVEYS_FR = 'Sondages de suivi, deuxième version du texte.';

describe(`creating a program (${engine})`, () => {
  it('creates a blank program with the default criteria, consent texts and its own questionnaire', async () => {
    const created = await json(
      await post({
        nameFr: 'Virage 2028',
        nameEn: 'Shift 2028',
        descriptionFr: 'Un autre programme.',
        descriptionEn: 'Another program.',
        slug: 'virage-2028',
        targetRetailers: 5000,
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.slug).toBe('virage-2028');
    const view = await program(created.body.id);
    expect(view).toMatchObject({
      slug: 'virage-2028',
      name: 'Virage 2028',
      description: 'Un autre programme.',
      targetRetailers: 5000,
      placesRemaining: 5000,
      criteriaVersion: 1,
    });
    expect(view.criteria.map((c: { id: string }) => c.id)).toEqual(DEFAULT_CRITERIA.map((c) => c.id));
    expect(view.consentTexts.find((t: { purpose: string }) => t.purpose === 'participation').text).toBe(
      DEFAULT_CONSENT_TEXTS.participation.fr,
    );
    const own = await questionnaire(created.body.id);
    const first = await questionnaire(firstId);
    expect(own.version).toBe(1);
    expect(own.id).not.toBe(first.id);
    const list = await json(await h.request('/api/v1/programs'));
    expect(list.body.items.map((p: { slug: string }) => p.slug)).toEqual([
      'virage-numerique-detaillants',
      'virage-2028',
    ]);
    const audit = await json(
      await h.request(`/api/v1/audit-events?action=program.created&entityId=${created.body.id}`, {
        token: admin,
      }),
    );
    expect(audit.body.items).toHaveLength(1);
  });

  it('copies settings, descriptions, the current criteria and consent texts, and the published questionnaire', async () => {
    // The source program as an administrator changed it: each copied part differs from the defaults.
    const changed = await h.request(`/api/v1/programs/${firstId}`, {
      method: 'PATCH',
      token: admin,
      json: {
        coachingHoursPerRetailer: 12.5,
        intakeClosesAt: '2027-06-30T04:00:00Z',
        automatedDecisionNoticeFr: 'Avis copié.',
        automatedDecisionNoticeEn: 'Copied notice.',
      },
    });
    const criteria = await h.request(`/api/v1/programs/${firstId}/criteria`, {
      method: 'PUT',
      token: admin,
      json: { criteria: criteriaWithMaximum(40) },
    });
    const texts = await h.request(`/api/v1/programs/${firstId}/consent-texts`, {
      method: 'PUT',
      token: admin,
      json: { texts: { surveys: { fr: SURVEYS_FR, en: 'Follow-up surveys, second version.' } } },
    });
    expect([changed.status, criteria.status, texts.status]).toEqual([204, 200, 200]);
    const relabelled = structuredClone(DEFAULT_QUESTIONNAIRE);
    relabelled.dimensions[0]!.label = { fr: 'Stratégie copiée', en: 'Copied strategy' };
    const draft = await json(
      await h.request('/api/v1/questionnaires', {
        method: 'POST',
        token: admin,
        json: { programId: firstId, content: relabelled },
      }),
    );
    const published = await h.request(`/api/v1/questionnaires/${draft.body.id}/publish`, {
      method: 'POST',
      token: admin,
    });
    expect([draft.status, published.status]).toEqual([201, 200]);

    const copy = await json(
      await post({
        nameFr: 'Virage 2029',
        nameEn: 'Shift 2029',
        descriptionEn: 'Given, so not copied.',
        slug: 'virage-2029',
        targetRetailers: 10,
        copyFrom: firstId,
      }),
    );
    expect(copy.status).toBe(201);
    const [source, copied] = [await program(firstId), await program(copy.body.id)];
    expect(copied).toMatchObject({
      name: 'Virage 2029',
      description: source.description,
      targetRetailers: 10,
      intakeClosesAt: source.intakeClosesAt,
      automatedDecisionNotice: 'Avis copié.',
      criteriaVersion: 1,
    });
    expect(copied.criteria).toEqual(source.criteria);
    expect(copied.criteria.find((c: { id: string }) => c.id === 'small_business').label).toBe(
      '40 employés ou moins',
    );
    expect(copied.consentTexts.map((t: { text: string }) => t.text)).toEqual(
      source.consentTexts.map((t: { text: string }) => t.text),
    );
    expect(copied.consentTexts.find((t: { purpose: string }) => t.purpose === 'surveys')).toMatchObject({
      version: 1,
      text: SURVEYS_FR,
    });
    const english = await json(
      await h.request(`/api/v1/programs/${copy.body.id}`, { headers: { 'accept-language': 'en' } }),
    );
    expect(english.body.description).toBe('Given, so not copied.');
    const [fromQuestionnaire, toQuestionnaire] = [
      await questionnaire(firstId),
      await questionnaire(copy.body.id),
    ];
    expect(toQuestionnaire.id).not.toBe(fromQuestionnaire.id);
    expect(toQuestionnaire.version).toBe(1);
    expect(toQuestionnaire.dimensions).toEqual(fromQuestionnaire.dimensions);
    expect(toQuestionnaire.dimensions[0].label).toBe('Stratégie copiée');
    const [fromLibrary, toLibrary] = await Promise.all(
      [firstId, copy.body.id].map(async (id) =>
        (
          await json(await h.request(`/api/v1/recommendations?programId=${id}`, { token: admin }))
        ).body.items.map(({ id: _, updatedAt: __, ...r }: { id: string; updatedAt: string }) => r),
      ),
    );
    expect(toLibrary).toEqual(fromLibrary);
    // The coaching budget is a setting: copied too (seen by the program's settings page and coaching).
    const audit = await json(
      await h.request(`/api/v1/audit-events?action=program.created&entityId=${copy.body.id}`, {
        token: admin,
      }),
    );
    expect(audit.body.items[0].changes).toMatchObject({ copyFrom: firstId, coachingMinutesPerRetailer: 750 });

    // The copy is the new program's own: changing the source's criteria leaves it as copied.
    await h.request(`/api/v1/programs/${firstId}/criteria`, {
      method: 'PUT',
      token: admin,
      json: { criteria: DEFAULT_CRITERIA },
    });
    expect((await program(copy.body.id)).criteria).toEqual(copied.criteria);
  });

  it('refuses a slug already taken with 409, and bad input with 422 naming each field', async () => {
    const base = { nameFr: 'A', nameEn: 'A', descriptionFr: 'A', descriptionEn: 'A', targetRetailers: 5 };
    const taken = await json(await post({ ...base, slug: 'virage-numerique-detaillants' }));
    expect(taken.status).toBe(409);
    expect(taken.body.errors.map((e: { path: string }) => e.path)).toEqual(['slug']);
    // Two administrators taking the same slug at the same moment: one gets it, the other is told why.
    const race = await Promise.all([
      post({ ...base, slug: 'virage-course' }),
      post({ ...base, slug: 'virage-course' }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    const badSlug = await json(await post({ ...base, slug: 'Virage 2030!' }));
    expect(badSlug.status).toBe(422);
    expect(badSlug.body.errors).toEqual([
      expect.objectContaining({ path: 'slug', message: expect.stringContaining('traits d') }),
    ]);
    const blank = await json(
      await post({ nameFr: 'A', nameEn: 'A', slug: 'virage-vide', targetRetailers: 0, copyFrom: 'nope' }),
    );
    expect(blank.status).toBe(422);
    expect(blank.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'copyFrom',
      'targetRetailers',
    ]);
    const noDescription = await json(
      await post({ nameFr: 'A', nameEn: 'A', slug: 'virage-vide', targetRetailers: 5 }),
    );
    expect(noDescription.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'descriptionEn',
      'descriptionFr',
    ]);
    const unknownSource = await json(
      await post({ ...base, slug: 'virage-vide', copyFrom: '0190aaaa-0000-7000-8000-000000000000' }),
    );
    expect(unknownSource.status).toBe(422);
    expect(unknownSource.body.errors.map((e: { path: string }) => e.path)).toEqual(['copyFrom']);
    expect((await json(await post({ ...base, slug: 'virage-coord' }, coordinator))).status).toBe(403);
    const slugs = (await json(await h.request('/api/v1/programs'))).body.items.map(
      (p: { slug: string }) => p.slug,
    );
    expect(slugs).not.toContain('virage-vide');
  });
});

describe(`programs side by side (${engine})`, () => {
  let secondId: string;
  beforeAll(async () => {
    const created = await json(
      await post({
        nameFr: 'Petits commerces',
        nameEn: 'Small shops',
        slug: 'petits-commerces',
        targetRetailers: 1,
        copyFrom: firstId,
      }),
    );
    secondId = created.body.id;
    await h.request(`/api/v1/programs/${secondId}/criteria`, {
      method: 'PUT',
      token: admin,
      json: { criteria: criteriaWithMaximum(5) },
    });
  });

  it("judges an applicant by the program's own criteria", async () => {
    const check = async (id: string) =>
      (
        await json(
          await h.request(`/api/v1/programs/${id}/eligibility-check`, {
            method: 'POST',
            json: {
              neq: '1143920115',
              postalCode: 'H2X 1Y4',
              region: '06',
              naics: '458',
              employees: 12,
              foundedYear: 2015,
            },
          }),
        )
      ).body.eligible;
    expect(await check(firstId)).toBe(true);
    expect(await check(secondId)).toBe(false);
    const inSecond = await submitted(h, secondId, { neq: '5512345673', employees: 12 });
    const view = await json(await h.request(`/api/v1/applications/${inSecond.id}`, { token: coordinator }));
    expect(view.body.eligibility).toMatchObject({ eligible: false, criteriaVersion: 2 });
  });

  it("counts each program's places against its own target", async () => {
    const before = (await program(firstId)).placesRemaining;
    await acceptedApplication(h, secondId, coordinator, { employees: 3 });
    const over = await submitted(h, secondId, { neq: '5598765437', employees: 3 });
    const decided = await json(
      await h.request(`/api/v1/applications/${over.id}/decision`, {
        method: 'POST',
        token: coordinator,
        json: { decision: 'accepted' },
      }),
    );
    expect(decided.body.status).toBe('waitlisted');
    expect(await program(secondId)).toMatchObject({ placesRemaining: 0, full: true, waitlistLength: 1 });
    expect((await program(firstId)).placesRemaining).toBe(before);
    const accepted = await acceptedApplication(h, firstId, coordinator);
    const first = await json(await h.request(`/api/v1/applications/${accepted.id}`, { token: coordinator }));
    expect(first.body.status).toBe('accepted');
  });

  it('filters the review queue, partners, experts, workload and caseload by program', async () => {
    const ids = async (path: string, token = coordinator) =>
      ((await json(await h.request(path, { token }))).body.items as { id?: string; expertId?: string }[]).map(
        (i) => i.id ?? i.expertId,
      );
    const coach = await expert(h, coordinator);
    const coached = await coachedBy(h, firstId, coordinator, coach);
    const inSecond = await submitted(h, secondId, { neq: '5511122236', employees: 2 });

    const firstQueue = await ids(`/api/v1/applications?programId=${firstId}&limit=100`);
    const secondQueue = await ids(`/api/v1/applications?programId=${secondId}&limit=100`);
    expect(firstQueue).toContain(coached.id);
    expect(firstQueue).not.toContain(inSecond.id);
    expect(secondQueue).toContain(inSecond.id);
    expect(secondQueue).not.toContain(coached.id);

    expect(await ids(`/api/v1/experts?programId=${firstId}`)).toContain(coach.id);
    expect(await ids(`/api/v1/experts?programId=${secondId}`)).toEqual([]);
    expect(await ids(`/api/v1/workload?programId=${firstId}`)).toContain(coach.id);
    expect(await ids(`/api/v1/workload?programId=${secondId}`)).toEqual([]);

    const partner = await json(
      await h.request('/api/v1/partners', {
        method: 'POST',
        token: coordinator,
        json: { programId: secondId, name: 'SDC du Plateau' },
      }),
    );
    expect(partner.status).toBe(201);
    expect(await ids(`/api/v1/partners?programId=${secondId}`)).toEqual([partner.body.id]);
    expect(await ids(`/api/v1/partners?programId=${firstId}`)).not.toContain(partner.body.id);
    expect(await ids('/api/v1/partners')).toContain(partner.body.id);

    const caseload = async (query: string) =>
      (
        (await json(await h.request(`/api/v1/caseload${query}`, { token: coach.token }))).body.items as {
          applicationId: string;
        }[]
      ).map((i) => i.applicationId);
    expect(await caseload('')).toEqual([coached.id]);
    expect(await caseload(`?programId=${firstId}`)).toEqual([coached.id]);
    expect(await caseload(`?programId=${secondId}`)).toEqual([]);
    expect(
      (await json(await h.request('/api/v1/caseload?programId=nope', { token: coach.token }))).status,
    ).toBe(422);
  });
});

describe(`the programs page (${engine})`, () => {
  it('lists the programs for administrators, and creates one from the form', async () => {
    const asAdmin = await h.as({ bearerToken: admin });
    const page = await renderPage(programsPage, asAdmin, '/admin/programs', '/admin/programs');
    expect(page.status).toBe(200);
    expect(page.html).toContain('/programs/virage-numerique-detaillants');
    const created = await renderPage(programsPage, asAdmin, '/admin/programs', '/admin/programs', {
      method: 'POST',
      body: new URLSearchParams({
        nameFr: 'Troisième vague',
        nameEn: 'Third wave',
        slug: 'troisieme-vague',
        targetRetailers: '1 200',
        copyFrom: firstId,
      }),
    });
    expect(created.status).toBe(302);
    const list = await (await h.request('/api/v1/programs')).json();
    expect(list.items.find((p: { slug: string }) => p.slug === 'troisieme-vague')?.targetRetailers).toBe(
      1200,
    );
  });

  it('is refused to the rest of the team, through the use case', async () => {
    const page = await renderPage(
      programsPage,
      await h.as({ bearerToken: coordinator }),
      '/admin/programs',
      '/admin/programs',
    );
    expect(page.status).toBe(403);
  });
});
