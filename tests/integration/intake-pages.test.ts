import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../src/modules/intake/domain/eligibility.ts';
import * as stepPage from '../../src/modules/intake/ui/application-step.tsx';
import * as applyPage from '../../src/modules/intake/ui/apply.tsx';
import * as consentTextsPage from '../../src/modules/intake/ui/consent-texts.tsx';
import * as criteriaPage from '../../src/modules/intake/ui/criteria.tsx';
import * as precheckPage from '../../src/modules/intake/ui/eligibility-check.tsx';
import * as importPage from '../../src/modules/intake/ui/import.tsx';
import * as reviewPage from '../../src/modules/intake/ui/review-application.tsx';
import * as settingsPage from '../../src/modules/programs/ui/settings.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { allConsents, business, defaultProgramId, submitted, verifiedRetailer } from '../support/intake.ts';
import { load, send, thrown } from '../support/pages.ts';

let h: Harness;
let programId: string;
let admin: Ctx;
let coordinator: Ctx;
let retailer: Ctx;
let anonymous: Ctx;

const as = async (role: 'admin' | 'coordinator' | 'retailer') =>
  h.as({ bearerToken: await h.token((await h.user(role)).email) });

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await as('admin');
  coordinator = await as('coordinator');
  retailer = await as('retailer');
  anonymous = await h.as({});
});
afterAll(() => h?.close());

describe(`intake administration pages (${engine})`, () => {
  it('edit the criteria through use cases: a round trip of the form publishes the same criteria', async () => {
    const page = await load(criteriaPage.loader, admin, '/admin/program/eligibility');
    expect(page.version).toBe(1);
    const fields: Record<string, string> = { count: String(page.criteria.length) };
    page.criteria.forEach((c, i) => {
      for (const [name, value] of Object.entries(c)) {
        if (name === 'rows') {
          c.rows.forEach((r, j) => {
            for (const [k, v] of Object.entries(r)) fields[`c${i}.r${j}.${k}`] = v;
          });
        } else if (name === 'locked') {
          if (value) fields[`c${i}.locked`] = 'yes';
        } else fields[`c${i}.${name}`] = String(value);
      }
    });
    expect(await send(criteriaPage.action, admin, '/admin/program/eligibility', fields)).toEqual({
      version: 2,
    });
    const after = await load(criteriaPage.loader, admin, '/admin/program/eligibility');
    expect(after.version).toBe(2);
    expect(after.criteria).toEqual(page.criteria);
    const overview = await (await h.request(`/api/v1/programs/${programId}`)).json();
    expect(overview.criteria.map((c: { id: string }) => c.id)).toEqual(DEFAULT_CRITERIA.map((c) => c.id));
  });

  it('show the consent texts in force', async () => {
    const { texts } = await load(consentTextsPage.loader, admin, '/admin/program/consents');
    expect(texts.map((t) => [t.purpose, t.version])).toEqual([
      ['participation', 1],
      ['research', 1],
      ['surveys', 1],
      ['publication', 1],
      ['newsletter', 1],
    ]);
  });

  it('are for administrators: others are refused, and anonymous visitors are asked to sign in', async () => {
    const pages: [Parameters<typeof load>[0], string][] = [
      [criteriaPage.loader, '/admin/program/eligibility'],
      [consentTextsPage.loader, '/admin/program/consents'],
      [settingsPage.loader, '/admin/program'],
    ];
    for (const [loader, path] of pages) {
      expect(await thrown(load(loader, coordinator, path))).toEqual({ status: 403 });
      expect(await thrown(load(loader, anonymous, path))).toEqual({
        status: 302,
        location: `/sign-in?next=${encodeURIComponent(path)}`,
      });
    }
    expect((await load(settingsPage.loader, admin, '/admin/program')).program.id).toBe(programId);
  });
});

describe(`intake team pages (${engine})`, () => {
  it('review an application and import paper ones through use cases that authorize', async () => {
    const { id } = await submitted(h, programId, { neq: '1414141419' });
    const path = `/review/applications/${id}`;
    const review = await load(reviewPage.loader, coordinator, path, { id });
    expect(review.application.id).toBe(id);
    expect(Array.isArray(review.duplicates)).toBe(true);
    expect(await thrown(load(reviewPage.loader, retailer, path, { id }))).toEqual({ status: 403 });
    expect(await thrown(load(reviewPage.loader, anonymous, path, { id }))).toEqual({
      status: 302,
      location: `/sign-in?next=${encodeURIComponent(path)}`,
    });
    const upload = await load(importPage.loader, coordinator, '/review/import');
    expect(upload.columns).toContain('legal_name');
    expect(await thrown(load(importPage.loader, retailer, '/review/import'))).toEqual({ status: 403 });
  });
});

describe(`the application form (${engine})`, () => {
  it('previews eligibility on the review step exactly as submission will judge it, already in the program included', async () => {
    await submitted(h, programId, { neq: '1515151515' });
    const second = await verifiedRetailer(h);
    const created = await h.request('/api/v1/applications', {
      method: 'POST',
      token: second.token,
      json: {
        programId,
        business: business({ neq: '1515151515' }),
        consents: allConsents,
        attestation: true,
      },
    });
    const { id } = await created.json();
    const ctx = await h.as({ bearerToken: second.token });
    const path = `/applications/${id}/steps/5`;
    const { preview } = await load(stepPage.loader, ctx, path, { id, step: '5' });
    expect(preview?.eligible).toBe(false);
    expect(preview?.criteria.find((c) => c.id === 'not_already_in_program')).toMatchObject({ passed: false });
    const res = await h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: second.token });
    const judged = (await res.json()).eligibility;
    expect(judged.eligible).toBe(preview?.eligible);
    expect(judged.criteria.map((c: { id: string; passed: boolean }) => [c.id, c.passed])).toEqual(
      preview?.criteria.map((c) => [c.id, c.passed]),
    );
  });

  it('names the postal code of a place outside Québec on the contact step, without judging it', async () => {
    const retailer = await verifiedRetailer(h);
    const created = await h.request('/api/v1/applications', {
      method: 'POST',
      token: retailer.token,
      json: { programId, business: { legalName: 'Boutique de Terre-Neuve' } },
    });
    const { id } = await created.json();
    const ctx = await h.as({ bearerToken: retailer.token });
    const failed = await send(
      stepPage.action,
      ctx,
      `/applications/${id}/steps/2`,
      { intent: 'next', postalCode: 'A1A 1A1', municipality: 'Montréal' },
      { id, step: '2' },
    );
    expect(failed).toMatchObject({ init: { status: 422 } });
    const { error } = (
      failed as unknown as { data: { error: { errors: { path: string; message: string }[] } } }
    ).data;
    expect(error.errors).toEqual([
      {
        path: 'business.postalCode',
        message: 'Le champ « Code postal » doit être un code postal du Québec (commençant par G, H ou J).',
      },
    ]);
  });

  it('previews nothing while the facts the assessment needs are missing', async () => {
    const retailer = await verifiedRetailer(h);
    const created = await h.request('/api/v1/applications', {
      method: 'POST',
      token: retailer.token,
      json: { programId, business: { legalName: 'Boutique sans NEQ' } },
    });
    const { id } = await created.json();
    const ctx = await h.as({ bearerToken: retailer.token });
    const { preview } = await load(stepPage.loader, ctx, `/applications/${id}/steps/5`, { id, step: '5' });
    expect(preview).toBeNull();
  });
});

describe(`the pre-check page (${engine})`, () => {
  const answers = {
    region: '06',
    postalCode: 'h2x 1y4',
    neq: '1143920115',
    naics: '458',
    employees: '8',
    foundedYear: '2015',
  };

  it("lists what to fix in the fields' order, and refuses places outside Québec as field errors", async () => {
    const failed = await send(precheckPage.action, anonymous, '/eligibility', {
      ...answers,
      region: '99',
      postalCode: 'K1A 0B1',
      neq: '',
      employees: 'huit',
    });
    expect(failed).toMatchObject({ init: { status: 422 } });
    const { error } = (failed as unknown as { data: { error: { errors: { path: string }[] } } }).data;
    expect(error.errors.map((e) => e.path)).toEqual(['region', 'postalCode', 'neq', 'employees']);
  });

  it('carries its answers to the application, through registration or sign-in', async () => {
    const answered = await send(precheckPage.action, anonymous, '/eligibility', answers);
    expect(answered).toMatchObject({ answer: { eligible: true } });
    const query = 'region=06&postalCode=h2x+1y4&neq=1143920115&naics=458&employees=8&foundedYear=2015';
    // The visitor, not signed in yet, is sent to register or sign in with the answers in `next`.
    const visitor = await load(applyPage.loader, anonymous, `/apply?${query}&ref=`);
    expect(visitor).toMatchObject({ kind: 'anonymous', here: `/apply?${query}` });
    // Back as a retailer, starting the application fills in the answers.
    const retailerCtx = await as('retailer');
    const started = await send(applyPage.action, retailerCtx, `/apply?${query}`, { referralCode: '' });
    const location = (started as unknown as Response).headers.get('location') ?? '';
    const id = location.match(/\/applications\/([\w-]+)\/steps\/1$/)?.[1] ?? '';
    const { application } = await load(stepPage.loader, retailerCtx, location, { id, step: '1' });
    expect(application.business).toMatchObject({
      region: '06',
      postalCode: 'H2X 1Y4',
      neq: '1143920115',
      naics: '458',
      employees: 8,
      foundedYear: 2015,
    });
  });
});
