import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCoachingOverview } from '../../src/modules/coaching/index.ts';
import { getSupplier } from '../../src/modules/coaching/use-cases/get-supplier.ts';
import { getSupplierDirectory } from '../../src/modules/coaching/use-cases/get-supplier-directory.ts';
import { listRateableSuppliers } from '../../src/modules/coaching/use-cases/list-rateable-suppliers.ts';
import { startSupplier } from '../../src/modules/coaching/use-cases/start-supplier.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

// The use cases behind the coaching pages: the overview of a file and the suppliers a retailer may rate.
let h: Harness;
let programId: string;
let coordinator: string;
let coach: ExpertFixture;
let otherCoach: ExpertFixture;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  coach = await expert(h, coordinator, { name: 'Camille Expert' });
  otherCoach = await expert(h, coordinator);
});
afterAll(() => h?.close());

const as = (token: string) => h.as({ bearerToken: token });
const send = (method: string, path: string, token: string, json: unknown) =>
  h
    .request(path, { method, token, json })
    .then(async (res) => ({ status: res.status, body: await res.json() }));

const plan = (supplierId: string | null, status: 'draft' | 'approved' = 'approved') => ({
  currentState: 'Site vitrine ancien.',
  goals: '20 commandes en ligne par mois.',
  budgetCents: 500_000,
  timeline: 'Février à juin 2027',
  actions: [
    {
      objective: 'Ouvrir la boutique en ligne',
      steps: 'Choisir la plateforme',
      owner: 'Zoé',
      dueDate: '2027-03-31',
      estimatedCostCents: 300_000,
      status: 'todo',
      supplierId,
    },
  ],
  status,
});

describe(`the coaching overview (${engine})`, () => {
  it('shows each side what it may see and do, and the surveys once the file is closed', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    const { body: session } = await send('POST', '/api/v1/sessions', coach.token, {
      applicationId: app.id,
      startsAt: '2027-01-18T09:00:00-05:00',
      durationMinutes: 60,
      mode: 'phone',
    });
    await send('POST', '/api/v1/sessions', coach.token, {
      applicationId: app.id,
      startsAt: '2027-02-18T09:00:00-05:00',
      durationMinutes: 480,
      mode: 'in_store',
    });
    const start = h.clock.now;
    h.clock.now = new Date('2027-01-18T17:00:00Z');
    try {
      await send('PATCH', `/api/v1/sessions/${session.id}`, coach.token, {
        hours: 1.5,
        notes: 'Privé.',
        summary: 'Fiche Google.',
      });
    } finally {
      h.clock.now = start;
    }

    const forExpert = await getCoachingOverview(await as(coach.token), app.id);
    expect(forExpert).toMatchObject({
      assigned: true,
      expert: { name: 'Camille Expert' },
      closed: null,
      plan: null,
      surveys: [],
      can: {
        manageSessions: true,
        recordSessions: true,
        editPlan: true,
        close: true,
        readNotes: true,
        reviewApplication: false,
      },
    });
    expect(forExpert.sessions[0]).toMatchObject({ notes: 'Privé.', summary: 'Fiche Google.' });
    // 1.5 h used and 8 h booked of 10 h: the warning counts what is left to book.
    expect(forExpert.hoursBudget).toMatchObject({ warning: 'low', availableHours: 0.5 });
    expect(forExpert.hoursBudget.message).toContain('0,5 h sur 10 h');

    const forRetailer = await getCoachingOverview(await as(app.token), app.id);
    expect(forRetailer.can).toMatchObject({
      manageSessions: false,
      editPlan: false,
      updateProgress: true,
      readNotes: false,
      answerSurveys: true,
    });
    // The summary is not shared yet; notes never are.
    expect(forRetailer.sessions[0]).toMatchObject({ notes: null, summary: null });
    await expect(getCoachingOverview(await as(otherCoach.token), app.id)).rejects.toMatchObject({
      code: 'not_found',
    });

    await send('PUT', `/api/v1/plans/${app.id}`, coach.token, plan(null));
    expect(
      (
        await send('POST', `/api/v1/applications/${app.id}/close`, coach.token, {
          outcome: 'completed',
          // No action of the plan done: « Plan réalisé » says why.
          reason: 'Objectifs atteints autrement.',
        })
      ).status,
    ).toBe(200);
    const closed = await getCoachingOverview(await as(app.token), app.id);
    expect(closed).toMatchObject({
      assigned: false,
      // The assignment has ended: the expert is the one of the sessions.
      expert: { name: 'Camille Expert' },
      closed: { outcome: 'completed', reason: 'Objectifs atteints autrement.' },
      plan: { status: 'approved', done: 0, total: 1 },
      can: { manageSessions: false, editPlan: false, updateProgress: false, close: false },
    });
    // Only the survey sent at closure; the six-month one is not sent yet.
    expect(closed.surveys).toEqual([{ id: expect.any(String), wave: 'closure', answered: false }]);
    // The same overview through the API, for integrators.
    const overviewApi = await h.request(`/api/v1/applications/${app.id}/coaching`, { token: app.token });
    expect(overviewApi.status).toBe(200);
    expect(await overviewApi.json()).toEqual(JSON.parse(JSON.stringify(closed)));
    // A malformed, injected or unknown id is a clean 404, never a server error.
    for (const id of ['not-a-uuid', "1' or '1'='1", '00000000-0000-7000-8000-000000000000', 'é🙂']) {
      const bad = await h.request(`/api/v1/applications/${encodeURIComponent(id)}/coaching`, {
        token: app.token,
      });
      expect(bad.status, id).toBe(404);
    }
    // The expert does not read the surveys.
    expect((await getCoachingOverview(await as(coach.token), app.id)).surveys).toEqual([]);
  });
});

describe(`suppliers a retailer may rate (${engine})`, () => {
  it('are those of their own plan, with the rating they gave', async () => {
    const { body: supplier } = await send('POST', '/api/v1/suppliers', coordinator, {
      name: 'Alpha Commerce',
      categories: ['ecommerce_platform'],
      regions: ['06'],
      languages: ['fr'],
    });
    const mine = await coachedBy(h, programId, coordinator, coach);
    const theirs = await coachedBy(h, programId, coordinator, coach);
    await send('PUT', `/api/v1/plans/${mine.id}`, coach.token, plan(supplier.id, 'draft'));
    await send('PUT', `/api/v1/plans/${theirs.id}`, coach.token, plan(supplier.id, 'draft'));
    expect((await listRateableSuppliers(await as(mine.token))).items).toEqual([
      { supplierId: supplier.id, applicationId: mine.id, rating: null, comment: null },
    ]);
    await send('POST', `/api/v1/suppliers/${supplier.id}/ratings`, mine.token, {
      applicationId: mine.id,
      rating: 4,
      comment: 'Efficace.',
    });
    expect((await listRateableSuppliers(await as(mine.token))).items).toEqual([
      { supplierId: supplier.id, applicationId: mine.id, rating: 4, comment: 'Efficace.' },
    ]);
    // Nobody else rates.
    expect((await listRateableSuppliers(await as(coach.token))).items).toEqual([]);
    expect((await listRateableSuppliers(await as(coordinator))).items).toEqual([]);
  });
});

describe(`the supplier pages' use cases (${engine})`, () => {
  it('let the program team manage entries, withdrawn ones included, and nobody else', async () => {
    const { body: supplier } = await send('POST', '/api/v1/suppliers', coordinator, {
      name: 'Bêta Retiré',
      categories: ['ecommerce_platform'],
      regions: ['06'],
      languages: ['fr'],
    });
    await send('PATCH', `/api/v1/suppliers/${supplier.id}`, coordinator, { active: false });
    const team = await as(coordinator);
    expect(startSupplier(team)).toMatchObject({ name: '', categories: [] });
    expect(await getSupplier(team, supplier.id)).toMatchObject({ name: 'Bêta Retiré', active: false });
    const directory = await getSupplierDirectory(team, {});
    expect(directory.can).toEqual({ manage: true });
    expect(directory.items.map((s) => s.id)).toContain(supplier.id);

    const coachCtx = await as(coach.token);
    expect(() => startSupplier(coachCtx)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    await expect(getSupplier(coachCtx, supplier.id)).rejects.toMatchObject({ code: 'forbidden' });
    const seen = await getSupplierDirectory(coachCtx, {});
    expect(seen.can).toEqual({ manage: false });
    expect(seen.items.map((s) => s.id)).not.toContain(supplier.id);
    await expect(getSupplier(team, '00000000-0000-7000-8000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
