import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '../../src/kernel/privacy-policy.ts';
import { outcomeSurveys } from '../../src/modules/coaching/db/tables.ts';
import { sendDueSurveys } from '../../src/modules/coaching/use-cases/send-due-surveys.ts';
import { applications, consents } from '../../src/modules/intake/db/tables.ts';
import * as myPrivacy from '../../src/modules/privacy/ui/my-privacy.tsx';
import { researchSourceBatch } from '../../src/modules/reporting/db/research-source.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { newId } from '../../src/platform/ids.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import {
  acceptedApplication,
  allConsents,
  business,
  defaultProgramId,
  verifiedRetailer,
} from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h.close());

const post = (path: string, token: string, json: unknown = {}) =>
  h.request(path, { method: 'POST', token, json });
type Standing = {
  purpose: string;
  state: string;
  textVersion: number | null;
  givenAt: string | null;
  withdrawnAt: string | null;
};
const standingOf = (
  body: { businesses: { applicationId: string; consents: Standing[] }[] },
  id: string,
  purpose: string,
) => body.businesses.find((b) => b.applicationId === id)!.consents.find((c) => c.purpose === purpose)!;

/** An accepted application whose business consents to research and surveys. */
const consenting = () =>
  acceptedApplication(h, programId, coordinator).then(async (app) => {
    const res = await post(`/api/v1/me/consents/research/grant`, app.token, { applicationId: app.id });
    expect(res.status).toBe(200);
    return app;
  });

describe(`my consents (${engine})`, () => {
  it('lists every purpose with its state, text version and times; withdraws and gives again as new records, audited', async () => {
    const app = await consenting();
    const listed = await h.request('/api/v1/me/consents', { token: app.token });
    expect(listed.status).toBe(200);
    const before = await listed.json();
    expect(before.businesses).toHaveLength(1);
    expect(before.businesses[0].consents.map((c: Standing) => [c.purpose, c.state])).toEqual([
      ['participation', 'given'],
      ['research', 'given'],
      ['surveys', 'given'],
      ['publication', 'not_given'],
      ['newsletter', 'not_given'],
    ]);
    expect(standingOf(before, app.id, 'surveys').textVersion).toBeGreaterThanOrEqual(1);
    expect(standingOf(before, app.id, 'surveys').givenAt).not.toBeNull();

    h.clock.advance(60);
    const withdrawn = await post('/api/v1/me/consents/surveys/withdrawal', app.token, {
      applicationId: app.id,
    });
    expect(withdrawn.status).toBe(200);
    const after = standingOf(await withdrawn.json(), app.id, 'surveys');
    expect(after).toMatchObject({ state: 'withdrawn', withdrawnAt: h.clock.now.toISOString() });
    expect(after.givenAt).toBe(standingOf(before, app.id, 'surveys').givenAt);
    // Withdrawing what is not given says so, and writes nothing.
    const again = await post('/api/v1/me/consents/surveys/withdrawal', app.token, {});
    expect(again.status).toBe(409);

    h.clock.advance(60);
    const given = await post('/api/v1/me/consents/surveys/grant', app.token, {});
    expect(standingOf(await given.json(), app.id, 'surveys')).toMatchObject({
      state: 'given',
      givenAt: h.clock.now.toISOString(),
      withdrawnAt: null,
    });

    const records = await h.services.database.db
      .select()
      .from(consents)
      .where(eq(consents.applicationId, app.id));
    const surveys = records
      .filter((r) => r.purpose === 'surveys')
      .sort((a, b) => +a.recordedAt - +b.recordedAt);
    expect(surveys.map((r) => r.granted)).toEqual([true, false, true]);
    expect(surveys.slice(1).every((r) => r.privacyPolicyVersion === PRIVACY_POLICY_VERSION)).toBe(true);
    const audited = await h.services.database.db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, app.id));
    expect(audited.filter((a) => a.action === 'consent.withdrawn')).toEqual([
      {
        action: 'consent.withdrawn',
        changes: {
          purpose: 'surveys',
          textVersion: expect.any(Number),
          privacyPolicyVersion: PRIVACY_POLICY_VERSION,
        },
      },
    ]);
  });

  it('of choices recorded in the same instant, the later one wins (withdraw, give, withdraw without the clock moving)', async () => {
    const app = await consenting();
    for (const step of ['withdrawal', 'grant', 'withdrawal'])
      expect((await post(`/api/v1/me/consents/research/${step}`, app.token, {})).status).toBe(200);
    const listed = await (await h.request('/api/v1/me/consents', { token: app.token })).json();
    expect(standingOf(listed, app.id, 'research').state).toBe('withdrawn');
    // The research extract reads the same order: the business is out of it.
    const sources = await researchSourceBatch(h.services.database.db, programId, null, 100_000);
    expect(sources.map((s) => s.applicationId)).not.toContain(app.id);
  });

  it('refuses an unknown purpose naming the field, another person’s business, and everyone but a retailer', async () => {
    const app = await consenting();
    const other = await verifiedRetailer(h);
    const bad = await post('/api/v1/me/consents/marketing/withdrawal', app.token, {});
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path)).toEqual(['purpose']);
    const notMine = await post('/api/v1/me/consents/research/withdrawal', other.token, {
      applicationId: app.id,
    });
    expect(notMine.status).toBe(404);
    const badId = await post('/api/v1/me/consents/research/withdrawal', app.token, { applicationId: 'x' });
    expect(badId.status).toBe(422);
    expect((await h.request('/api/v1/me/consents', { token: coordinator })).status).toBe(403);
  });

  it('a withdrawn research consent removes the business from the next research extract', async () => {
    const app = await consenting();
    const ids = async () =>
      (await researchSourceBatch(h.services.database.db, programId, null, 100_000)).map(
        (r) => r.applicationId,
      );
    expect(await ids()).toContain(app.id);
    expect((await post('/api/v1/me/consents/research/withdrawal', app.token, {})).status).toBe(200);
    expect(await ids()).not.toContain(app.id);
  });

  it('a withdrawn survey consent stops the follow-up surveys; given again, they go', async () => {
    const app = await consenting();
    const id = newId();
    await h.services.database.db.insert(outcomeSurveys).values({
      id,
      programId,
      applicationId: app.id,
      wave: 'six_months',
      dueAt: new Date(h.clock.now.getTime() - 1000),
    });
    expect((await post('/api/v1/me/consents/surveys/withdrawal', app.token, {})).status).toBe(200);
    await sendDueSurveys(h.system);
    const sentAt = async () =>
      (await h.services.database.db.select().from(outcomeSurveys).where(eq(outcomeSurveys.id, id)))[0]!
        .sentAt;
    expect(await sentAt()).toBeNull();
    expect((await post('/api/v1/me/consents/surveys/grant', app.token, {})).status).toBe(200);
    await sendDueSurveys(h.system);
    expect(await sentAt()).not.toBeNull();
  });

  it('withdrawing participation withdraws the application', async () => {
    const app = await consenting();
    expect((await post('/api/v1/me/consents/participation/withdrawal', app.token, {})).status).toBe(200);
    const [row] = await h.services.database.db
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.id, app.id));
    expect(row!.status).toBe('withdrawn');
  });
});

describe(`the privacy page (${engine})`, () => {
  it('shows my consents, states the effect before confirming a withdrawal, and withdraws without JavaScript', async () => {
    const app = await consenting();
    const ctx = await h.as({ bearerToken: app.token });
    const page = await renderPage(myPrivacy, ctx, '/account/privacy', '/account/privacy');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Ce que Virage conserve, par finalité');
    expect(page.html).toContain('Consentements de Chez Zoé');
    expect(page.html).toContain(`/account/privacy?withdraw=research&amp;application=${app.id}#confirm`);
    expect(page.html).not.toContain('Confirmer le retrait');

    const confirm = await renderPage(
      myPrivacy,
      ctx,
      '/account/privacy',
      `/account/privacy?withdraw=research&application=${app.id}`,
    );
    expect(confirm.html).toContain('Retirer le consentement « Recherche (partenaire de recherche) »');
    expect(confirm.html).toContain('Votre entreprise sera exclue des prochains extraits de recherche.');
    expect(confirm.html).toContain('Confirmer le retrait');

    const body = new URLSearchParams({
      _csrf: 'csrf',
      intent: 'withdraw',
      purpose: 'research',
      applicationId: app.id,
    });
    const done = await renderPage(myPrivacy, ctx, '/account/privacy', '/account/privacy', {
      method: 'POST',
      body,
    });
    expect(done.status).toBe(302);
    const listed = await (await h.request('/api/v1/me/consents', { token: app.token })).json();
    expect(standingOf(listed, app.id, 'research').state).toBe('withdrawn');
  });

  it('is in English for an English reader', async () => {
    const retailer = await verifiedRetailer(h, { locale: 'en' });
    const created = await post('/api/v1/applications', retailer.token, {
      programId,
      business: business({ neq: '3399999990' }),
      consents: allConsents,
      attestation: true,
    });
    expect(created.status).toBe(201);
    const ctx = await h.as({ bearerToken: retailer.token }, { locale: 'en' });
    const page = await renderPage(myPrivacy, ctx, '/account/privacy', '/account/privacy');
    expect(page.html).toContain('What Virage keeps, by purpose');
    expect(page.html).toContain('Ask for a copy of my data');
  });
});
