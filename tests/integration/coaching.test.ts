import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeSurveys } from '../../src/modules/coaching/db/tables.ts';
import { getFileHistory } from '../../src/modules/coaching/use-cases/get-file-history.ts';
import { sendDueSurveys } from '../../src/modules/coaching/use-cases/send-due-surveys.ts';
import { assignments } from '../../src/modules/experts/db/tables.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

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

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const post = (path: string, token: string, body: unknown) =>
  h.request(path, { method: 'POST', token, json: body });
const patch = (path: string, token: string, body: unknown) =>
  h.request(path, { method: 'PATCH', token, json: body });
const put = (path: string, token: string, body: unknown) =>
  h.request(path, { method: 'PUT', token, json: body });
const mails = (template: string, to?: string) =>
  h.services.database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.template, template), to ? eq(mailOutbox.toAddress, to) : undefined));
const icsOf = (mail: { attachments: { content: string }[] | null }) =>
  Buffer.from(mail.attachments![0]!.content, 'base64').toString('utf8');

/** Parses an invitation with ical.js (an independent implementation), timezones included. */
function parseInvitation(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    localStart: event.startDate.toString(),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    organizer: String(vevent.getFirstPropertyValue('organizer')),
    attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
    summary: event.summary,
    location: event.location,
    alarms: vevent.getAllSubcomponents('valarm').map((alarm) => ({
      action: alarm.getFirstPropertyValue('action'),
      trigger: String(alarm.getFirstPropertyValue('trigger')),
      description: alarm.getFirstPropertyValue('description'),
    })),
  };
}

describe(`coaching sessions (${engine})`, () => {
  it('schedules a session and e-mails both sides a valid invitation in Montréal time', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    const created = await json(
      await post('/api/v1/sessions', coach.token, {
        applicationId: app.id,
        startsAt: '2027-01-20T10:00:00-05:00',
        durationMinutes: 90,
        mode: 'in_store',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      startsAt: '2027-01-20T10:00:00-05:00',
      durationMinutes: 90,
      mode: 'in_store',
      status: 'scheduled',
      sequence: 0,
    });
    // An in-store visit happens at the business's address.
    expect(created.body.location).toBe('123, rue Saint-Denis, Montréal, H2X 1Y4');
    const [toRetailer] = await mails('coaching:mail.session_scheduled', app.retailer.email);
    const [toExpert] = await mails('coaching:mail.session_scheduled', coach.email);
    expect(toRetailer!.subject).toBe('Rencontre d’accompagnement le 2027-01-20 10 h 00'.replace('’', "'"));
    expect(toRetailer!.attachments![0]).toMatchObject({
      filename: 'invite.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
    });
    for (const mail of [toRetailer!, toExpert!]) {
      const ics = icsOf(mail);
      expect(ics).toMatch(/\r\n/);
      expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      const invitation = parseInvitation(ics);
      expect(invitation).toMatchObject({
        method: 'REQUEST',
        uid: `${created.body.id}@virage`,
        sequence: 0,
        status: 'CONFIRMED',
        tzid: 'America/Montreal',
        localStart: '2027-01-20T10:00:00',
        start: '2027-01-20T15:00:00.000Z',
        end: '2027-01-20T16:30:00.000Z',
        organizer: `mailto:${coach.email}`,
        attendees: [`mailto:${app.retailer.email}`],
        location: '123, rue Saint-Denis, Montréal, H2X 1Y4',
      });
    }
    // Reminders the day before and the hour before, in the reader's language.
    const reminder = (text: string) =>
      ['-P1D', '-PT1H'].map((trigger) => ({ action: 'DISPLAY', trigger, description: text }));
    expect(parseInvitation(icsOf(toRetailer!)).alarms).toEqual(
      reminder("Rappel : rencontre d'accompagnement avec Camille Expert pour Chez Zoé."),
    );
    // Downloaded later from an English browser: still the language the retailer chose in Virage.
    const fromEnglishBrowser = await h.request(`/api/v1/sessions/${created.body.id}/invite.ics`, {
      token: app.token,
      headers: { 'accept-language': 'en' },
    });
    expect(parseInvitation(await fromEnglishBrowser.text()).alarms).toEqual(
      reminder("Rappel : rencontre d'accompagnement avec Camille Expert pour Chez Zoé."),
    );
  });

  it('keeps the UID and raises the SEQUENCE on a reschedule and a cancellation, in summer time too', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    const { body: session } = await json(
      await post('/api/v1/sessions', coach.token, {
        applicationId: app.id,
        startsAt: '2027-06-02T13:30:00-04:00',
        durationMinutes: 60,
        mode: 'video',
        location: 'https://meet.example.ca/virage',
      }),
    );
    const moved = await json(
      await patch(`/api/v1/sessions/${session.id}`, coach.token, { startsAt: '2027-06-03T09:00:00-04:00' }),
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sequence: 1, startsAt: '2027-06-03T09:00:00-04:00' });
    const [changed] = await mails('coaching:mail.session_changed', app.retailer.email);
    expect(parseInvitation(icsOf(changed!))).toMatchObject({
      method: 'REQUEST',
      uid: `${session.id}@virage`,
      sequence: 1,
      localStart: '2027-06-03T09:00:00',
      start: '2027-06-03T13:00:00.000Z',
    });
    const cancelled = await json(
      await patch(`/api/v1/sessions/${session.id}`, coach.token, { status: 'cancelled' }),
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2 });
    const [cancellation] = await mails('coaching:mail.session_cancelled', coach.email);
    expect(parseInvitation(icsOf(cancellation!))).toMatchObject({
      method: 'CANCEL',
      uid: `${session.id}@virage`,
      sequence: 2,
      status: 'CANCELLED',
      alarms: [],
    });
    // The file served by the API is the latest state: the very file that was sent, even later on.
    h.clock.advance(90);
    const served = await h.request(`/api/v1/sessions/${session.id}/invite.ics`, { token: app.token });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('text/calendar');
    expect(await served.text()).toBe(icsOf(cancellation!));
    // In the language the retailer chose in Virage (French here), whatever their browser asks for.
    const fromEnglishBrowser = await h.request(`/api/v1/sessions/${session.id}/invite.ics`, {
      token: app.token,
      headers: { 'accept-language': 'en' },
    });
    expect(await fromEnglishBrowser.text()).toBe(icsOf(cancellation!));
    expect(
      (
        await json(
          await patch(`/api/v1/sessions/${session.id}`, coach.token, {
            startsAt: '2027-06-04T09:00:00-04:00',
          }),
        )
      ).status,
    ).toBe(409);
  });

  it('refuses a time in the past, a clash with another session of the expert, the skipped spring hour and a wrong offset', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    const other = await coachedBy(h, programId, coordinator, coach);
    const schedule = (startsAt: string, applicationId = app.id, locale = 'fr') =>
      h
        .request('/api/v1/sessions', {
          method: 'POST',
          token: coach.token,
          headers: { 'accept-language': locale },
          json: { applicationId, startsAt, durationMinutes: 60, mode: 'phone' },
        })
        .then(json);
    const past = await schedule('2027-01-14T10:00:00-05:00');
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([
      { path: 'startsAt', message: 'La rencontre doit être dans le futur.' },
    ]);
    expect((await schedule('2027-02-10T14:00:00-05:00')).status).toBe(201);
    const clash = await schedule('2027-02-10T14:30:00-05:00', other.id);
    expect(clash.status).toBe(422);
    expect(clash.body.errors[0].message).toContain('2027-02-10 14 h 00');
    expect((await schedule('2027-02-10T15:00:00-05:00', other.id)).status).toBe(201);
    for (const skipped of ['2027-03-14T02:30:00-04:00', '2027-03-14T02:30:00-05:00']) {
      const res = await schedule(skipped);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].message).toContain("n'existe pas à Montréal");
    }
    const wrongOffset = await schedule('2027-01-21T10:00:00-04:00', app.id, 'en');
    expect(wrongOffset.status).toBe(422);
    expect(wrongOffset.body.errors[0].message).toBe("The offset must be Montréal's on that date (-05:00).");
    expect((await schedule('2027-01-21 10h', app.id)).body.errors[0].path).toBe('startsAt');
    // UTC names an instant and is accepted.
    expect((await schedule('2027-01-21T15:00:00Z')).body.startsAt).toBe('2027-01-21T10:00:00-05:00');
  });

  it('records hours and notes afterwards, keeps notes from the retailer, and warns as the hours budget runs out', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    const { body: session } = await json(
      await post('/api/v1/sessions', coach.token, {
        applicationId: app.id,
        startsAt: '2027-01-18T09:00:00-05:00',
        durationMinutes: 120,
        mode: 'phone',
      }),
    );
    const early = await json(await patch(`/api/v1/sessions/${session.id}`, coach.token, { hours: 2 }));
    expect(early.status).toBe(422);
    expect(early.body.errors[0].path).toBe('hours');
    const start = h.clock.now;
    h.clock.now = new Date('2027-01-18T17:00:00Z');
    try {
      const negative = await json(await patch(`/api/v1/sessions/${session.id}`, coach.token, { hours: -1 }));
      expect(negative.status).toBe(422);
      expect(negative.body.errors).toEqual([
        { path: 'hours', message: 'Les heures consacrées ne peuvent pas être négatives.' },
      ]);
      const recorded = await json(
        await patch(`/api/v1/sessions/${session.id}`, coach.token, {
          hours: 8.5,
          notes: 'Propriétaire réticente aux réseaux sociaux.',
          summary: 'Priorité : fiche Google.',
        }),
      );
      expect(recorded.status).toBe(200);
      expect(recorded.body).toMatchObject({
        status: 'held',
        hours: 8.5,
        notes: 'Propriétaire réticente aux réseaux sociaux.',
      });
      expect(recorded.body.hoursBudget).toMatchObject({
        budgetHours: 10,
        usedHours: 8.5,
        remainingHours: 1.5,
        warning: 'low',
      });
      expect(recorded.body.hoursBudget.message).toContain('1,5 h sur 10 h');
      const seenByRetailer = await json(
        await h.request(`/api/v1/sessions?applicationId=${app.id}`, { token: app.token }),
      );
      expect(seenByRetailer.body.items[0]).toMatchObject({ notes: null, summary: null, hours: 8.5 });
      await patch(`/api/v1/sessions/${session.id}`, coach.token, { summaryShared: true });
      const shared = await json(await h.request(`/api/v1/sessions/${session.id}`, { token: app.token }));
      expect(shared.body).toMatchObject({ notes: null, summary: 'Priorité : fiche Google.' });
      // The retailer reads, never changes; another expert does not even see the session.
      expect((await patch(`/api/v1/sessions/${session.id}`, app.token, { hours: 1 })).status).toBe(403);
      expect((await h.request(`/api/v1/sessions/${session.id}`, { token: otherCoach.token })).status).toBe(
        404,
      );
      expect(
        (await h.request(`/api/v1/sessions?applicationId=${app.id}`, { token: otherCoach.token })).status,
      ).toBe(404);
    } finally {
      h.clock.now = start;
    }
  });
});

const completePlan = (supplierId: string | null = null) => ({
  currentState: 'Site vitrine ancien, aucune vente en ligne.',
  goals: '20 commandes en ligne par mois d’ici décembre.',
  budgetCents: 500_000,
  timeline: 'Février à juin 2027',
  actions: [
    {
      objective: 'Ouvrir la boutique en ligne',
      steps: 'Choisir la plateforme; importer 50 produits',
      owner: 'Zoé',
      dueDate: '2027-03-31',
      estimatedCostCents: 300_000,
      status: 'todo',
      supplierId,
    },
    {
      objective: 'Fiche d’établissement',
      steps: 'Revendiquer et compléter la fiche',
      owner: 'Zoé',
      dueDate: '2027-02-15',
      estimatedCostCents: 0,
      status: 'in_progress',
      supplierId: null,
    },
  ],
  status: 'draft',
});

describe(`action plans (${engine})`, () => {
  it('suggests a first draft from the diagnostic and the business’s goals', async () => {
    const app = await coachedBy(h, programId, coordinator, coach, {
      goals: 'Vendre en ligne à nos clients de la Rive-Sud.',
    });
    await completedDiagnostic(h, app.id, app.token);
    const plan = await json(await h.request(`/api/v1/plans/${app.id}`, { token: coach.token }));
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      saved: false,
      status: 'draft',
      goals: 'Vendre en ligne à nos clients de la Rive-Sud.',
    });
    expect(plan.body.currentState).toMatch(
      /^Niveau de maturité numérique : .+ \(score \d+ sur 100\)\. Dimensions à renforcer en priorité : /,
    );
    expect(plan.body.actions.length).toBeGreaterThan(0);
    expect(plan.body.actions[0]).toMatchObject({ id: null, owner: '', dueDate: null, status: 'todo' });
    expect(plan.body.actions[0].recommendationKey).toBeTruthy();
    expect(plan.body.missing).toContain('budgetCents');
  });

  it('approves a plan only with its minimum elements, naming each one missing, and saves nothing on refusal', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    const incomplete = {
      ...completePlan(),
      goals: '',
      actions: [{ ...completePlan().actions[0]!, owner: '', dueDate: null }],
      status: 'approved',
    };
    const refused = await json(await put(`/api/v1/plans/${app.id}`, coach.token, incomplete));
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('Le plan ne peut pas être approuvé : 3 élément(s) à compléter.');
    expect(refused.body.errors).toEqual([
      {
        path: 'goals',
        message: 'Le champ « Objectifs » est à remplir avant l’approbation.'.replace('’', "'"),
      },
      {
        path: 'actions.0.owner',
        message: 'Action 1 : le champ « Responsable » est à remplir avant l’approbation.'.replace('’', "'"),
      },
      {
        path: 'actions.0.dueDate',
        message: 'Action 1 : le champ « Échéance » est à remplir avant l’approbation.'.replace('’', "'"),
      },
    ]);
    expect((await json(await h.request(`/api/v1/plans/${app.id}`, { token: coach.token }))).body.saved).toBe(
      false,
    );

    const draft = await json(await put(`/api/v1/plans/${app.id}`, coach.token, completePlan()));
    expect(draft.body).toMatchObject({
      saved: true,
      status: 'draft',
      missing: [],
      progress: { done: 0, total: 2 },
    });
    const withIds = completePlan().actions.map((a, i) => ({ ...a, id: draft.body.actions[i].id }));
    const approved = await json(
      await put(`/api/v1/plans/${app.id}`, coach.token, {
        ...completePlan(),
        actions: withIds,
        status: 'approved',
      }),
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    // Ids carry over from one save to the next.
    expect(approved.body.actions.map((a: { id: string }) => a.id)).toEqual(
      draft.body.actions.map((a: { id: string }) => a.id),
    );

    // The retailer updates progress but does not rewrite the plan; another expert sees nothing.
    const actionId = approved.body.actions[1].id;
    const progressed = await json(
      await patch(`/api/v1/plans/${app.id}/actions/${actionId}`, app.token, { status: 'done' }),
    );
    expect(progressed.body.progress).toEqual({ done: 1, total: 2 });
    expect((await put(`/api/v1/plans/${app.id}`, app.token, completePlan())).status).toBe(403);
    expect((await h.request(`/api/v1/plans/${app.id}`, { token: otherCoach.token })).status).toBe(404);
    expect((await h.request(`/api/v1/plans/${app.id}`, { token: app.token })).status).toBe(200);
  });
});

describe(`supplier directory (${engine})`, () => {
  it('lists suppliers alphabetically with filters, and lets a retailer rate one from their plan only', async () => {
    const create = (name: string, categories: string[], regions = ['06']) =>
      post('/api/v1/suppliers', coordinator, {
        name,
        categories,
        regions,
        languages: ['fr'],
        website: 'https://exemple.ca',
        descriptionFr: `${name}, fournisseur.`,
      }).then(json);
    const zeta = await create('Zêta Web', ['web_agency']);
    const alpha = await create('Alpha Commerce', ['ecommerce_platform', 'trainer']);
    await create('Beta Québec', ['web_agency'], ['03']);
    expect(zeta.status).toBe(201);
    const retailerApp = await coachedBy(h, programId, coordinator, coach);
    const all = await json(await h.request('/api/v1/suppliers?region=06', { token: retailerApp.token }));
    const names = all.body.items.map((s: { name: string }) => s.name);
    expect(names.indexOf('Alpha Commerce')).toBeLessThan(names.indexOf('Zêta Web'));
    expect(names).not.toContain('Beta Québec');
    const agencies = await json(
      await h.request('/api/v1/suppliers?category=web_agency&q=zeta', { token: retailerApp.token }),
    );
    expect(agencies.body.items.map((s: { name: string }) => s.name)).toEqual(['Zêta Web']);

    const notInPlan = await json(
      await post(`/api/v1/suppliers/${alpha.body.id}/ratings`, retailerApp.token, {
        applicationId: retailerApp.id,
        rating: 5,
      }),
    );
    expect(notInPlan.status).toBe(422);
    await put(`/api/v1/plans/${retailerApp.id}`, coach.token, completePlan(alpha.body.id));
    const rated = await post(`/api/v1/suppliers/${alpha.body.id}/ratings`, retailerApp.token, {
      applicationId: retailerApp.id,
      rating: 4,
      comment: 'Efficace.',
    });
    expect(rated.status).toBe(200);
    const badRating = await json(
      await post(`/api/v1/suppliers/${alpha.body.id}/ratings`, retailerApp.token, {
        applicationId: retailerApp.id,
        rating: 9,
      }),
    );
    expect(badRating.body.errors[0].path).toBe('rating');
    const after = await json(await h.request('/api/v1/suppliers?category=trainer', { token: coach.token }));
    expect(after.body.items.find((s: { name: string }) => s.name === 'Alpha Commerce').rating).toEqual({
      average: 4,
      count: 1,
    });
    expect(
      (
        await post('/api/v1/suppliers', retailerApp.token, {
          name: 'X',
          categories: ['trainer'],
          regions: ['06'],
          languages: ['fr'],
        })
      ).status,
    ).toBe(403);
  });
});

describe(`caseload, workload and closure (${engine})`, () => {
  it('shows an expert only their files, with next session, plan progress, hours and flags', async () => {
    const mine = await coachedBy(h, programId, coordinator, coach);
    const theirs = await coachedBy(h, programId, coordinator, otherCoach);
    await post('/api/v1/sessions', coach.token, {
      applicationId: mine.id,
      startsAt: '2027-02-01T10:00:00-05:00',
      durationMinutes: 60,
      mode: 'video',
    });
    const caseload = await json(await h.request('/api/v1/caseload', { token: coach.token }));
    expect(caseload.status).toBe(200);
    const ids = caseload.body.items.map((i: { applicationId: string }) => i.applicationId);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const item = caseload.body.items.find((i: { applicationId: string }) => i.applicationId === mine.id);
    expect(item).toMatchObject({
      nextSession: { startsAt: '2027-02-01T10:00:00-05:00', mode: 'video' },
      plan: null,
      hours: { usedHours: 0, budgetHours: 10 },
      flags: [],
    });
    expect((await h.request('/api/v1/caseload', { token: coordinator })).status).toBe(403);

    // 40 days later with no session held, and a plan action past due: both flags.
    await put(`/api/v1/plans/${theirs.id}`, otherCoach.token, completePlan());
    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 40 * 86_400_000);
    try {
      const later = await json(await h.request('/api/v1/caseload', { token: otherCoach.token }));
      const flagged = later.body.items.find((i: { applicationId: string }) => i.applicationId === theirs.id);
      expect(flagged.flags).toEqual(['no_contact', 'plan_overdue']);
      expect(flagged.plan).toMatchObject({ status: 'draft', done: 0, total: 2, overdueActions: 1 });
    } finally {
      h.clock.now = start;
    }
    const workload = await json(await h.request('/api/v1/workload', { token: coordinator }));
    const row = workload.body.items.find((w: { expertId: string }) => w.expertId === coach.id);
    expect(row.activeFiles).toBeGreaterThan(0);
    expect(row.sessionsThisMonth).toBeGreaterThanOrEqual(1);
    expect((await h.request('/api/v1/workload', { token: coach.token })).status).toBe(403);
  });

  it('does not ask a business that withdrew its survey consent to answer the closure survey', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    expect((await post('/api/v1/me/consents/surveys/withdrawal', app.token, {})).status).toBe(200);
    const closed = await json(
      await post(`/api/v1/applications/${app.id}/close`, coach.token, {
        outcome: 'abandoned',
        reason: 'Fermé.',
      }),
    );
    expect(closed.status).toBe(200);
    const [survey] = await h.services.database.db
      .select()
      .from(outcomeSurveys)
      .where(and(eq(outcomeSurveys.applicationId, app.id), eq(outcomeSurveys.wave, 'closure')));
    expect(survey!.sentAt).toBeNull();
    expect(await mails('coaching:mail.closed', app.retailer.email)).toHaveLength(0);
    const [notice] = await mails('coaching:mail.closed_without_survey', app.retailer.email);
    expect(notice!.textBody).toContain(`/applications/${app.id}/diagnostics`);
    expect(notice!.textBody).not.toContain('/surveys/');
  });

  it('closes a file: completed needs an approved plan, abandoned needs a reason; sessions ahead are cancelled and surveys follow', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    await completedDiagnostic(h, app.id, app.token);
    const { body: ahead } = await json(
      await post('/api/v1/sessions', coach.token, {
        applicationId: app.id,
        startsAt: '2027-03-01T10:00:00-05:00',
        durationMinutes: 60,
        mode: 'phone',
      }),
    );
    const notApproved = await json(
      await post(`/api/v1/applications/${app.id}/close`, coach.token, { outcome: 'completed' }),
    );
    expect(notApproved.status).toBe(409);
    const noReason = await json(
      await post(`/api/v1/applications/${app.id}/close`, coach.token, { outcome: 'abandoned' }),
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].path).toBe('reason');
    expect(
      (
        await post(`/api/v1/applications/${app.id}/close`, otherCoach.token, {
          outcome: 'abandoned',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
    await put(`/api/v1/plans/${app.id}`, coach.token, { ...completePlan(), status: 'approved' });
    // No session held and no action done: « Plan réalisé » asks why, in the caller's language.
    for (const [locale, message] of [
      ['fr', 'Indiquez le motif : peu a été fait'],
      ['en', 'Give the reason: little was done'],
    ] as const) {
      const littleDone = await h.request(`/api/v1/applications/${app.id}/close`, {
        method: 'POST',
        token: coach.token,
        headers: { 'accept-language': locale },
        json: { outcome: 'completed' },
      });
      expect(littleDone.status).toBe(422);
      const problem = await littleDone.json();
      expect(problem.errors[0].path).toBe('reason');
      expect(problem.errors[0].message).toContain(message);
    }

    const closed = await json(
      await post(`/api/v1/applications/${app.id}/close`, coach.token, {
        outcome: 'completed',
        reason: 'La propriétaire a tout fait seule.',
      }),
    );
    expect(closed.status).toBe(200);
    expect(closed.body.surveys.map((s: { wave: string }) => s.wave)).toEqual(['closure', 'six_months']);
    expect(
      (await json(await h.request(`/api/v1/sessions/${ahead.id}`, { token: coach.token }))).body,
    ).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(await mails('coaching:mail.session_cancelled', app.retailer.email)).toHaveLength(1);
    const [closing] = await mails('coaching:mail.closed', app.retailer.email);
    expect(closing!.textBody).toContain(`/surveys/${closed.body.surveys[0].id}`);
    const [assignment] = await h.services.database.db
      .select()
      .from(assignments)
      .where(eq(assignments.applicationId, app.id));
    expect(assignment).toMatchObject({ status: 'ended', endReason: 'closed:completed' });
    expect(
      (await post(`/api/v1/applications/${app.id}/close`, coach.token, { outcome: 'completed' })).status,
    ).toBe(409);
    expect(
      (
        await post('/api/v1/sessions', coach.token, {
          applicationId: app.id,
          startsAt: '2027-03-02T10:00:00-05:00',
          durationMinutes: 60,
          mode: 'phone',
        })
      ).status,
    ).toBe(409);
    // The expert still reads the closed file (T1 and the survey follow) and lists it among closed files.
    expect((await h.request(`/api/v1/applications/${app.id}`, { token: coach.token })).status).toBe(200);
    const closedFiles = await json(await h.request('/api/v1/caseload?status=closed', { token: coach.token }));
    expect(closedFiles.body.items.map((i: { applicationId: string }) => i.applicationId)).toContain(app.id);
    // The closing diagnostic can start.
    expect(
      (await post('/api/v1/diagnostics', app.token, { applicationId: app.id, phase: 'T1' })).status,
    ).toBe(201);

    // The retailer answers the closure survey once; the expert never reads the answers.
    const surveyId = closed.body.surveys[0].id;
    const answers = {
      onlineSalesShare: 12.5,
      revenueChange: 'increase',
      jobsCreated: 1,
      jobsKept: 6,
      toolsAdopted: ['online_store', 'social_media'],
      satisfactionExpert: 5,
      satisfactionProgram: 4,
    };
    const bad = await json(
      await post(`/api/v1/surveys/${surveyId}/answers`, app.token, {
        ...answers,
        satisfactionExpert: 7,
        onlineSalesShare: -3,
      }),
    );
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'onlineSalesShare',
      'satisfactionExpert',
    ]);
    expect((await post(`/api/v1/surveys/${surveyId}/answers`, app.token, answers)).status).toBe(200);
    expect((await post(`/api/v1/surveys/${surveyId}/answers`, app.token, answers)).status).toBe(409);
    expect((await h.request(`/api/v1/surveys/${surveyId}`, { token: coach.token })).status).toBe(403);
    // The six-month survey is not open before it is sent, and goes out once when due.
    const later = closed.body.surveys[1].id;
    expect((await post(`/api/v1/surveys/${later}/answers`, app.token, answers)).status).toBe(409);
    expect(await sendDueSurveys(h.system)).toBe(0);
    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 183 * 86_400_000);
    try {
      expect(await sendDueSurveys(h.system)).toBeGreaterThanOrEqual(1);
      expect(await sendDueSurveys(h.system)).toBe(0);
      const [six] = await mails('coaching:mail.survey_six_months', app.retailer.email);
      expect(six!.textBody).toContain(`/surveys/${later}`);
      expect((await post(`/api/v1/surveys/${later}/answers`, app.token, answers)).status).toBe(200);
    } finally {
      h.clock.now = start;
    }
  });
});

describe(`reopening a closed file (${engine})`, () => {
  /** A held session of this business (the clock moves past it), and a plan approved with `done` of 2 actions done. */
  async function workedOn(app: { id: string }, by: ExpertFixture, done: number, startsAt: string) {
    const { body: session } = await json(
      await post('/api/v1/sessions', by.token, {
        applicationId: app.id,
        startsAt,
        durationMinutes: 60,
        mode: 'phone',
      }),
    );
    const start = h.clock.now;
    h.clock.now = new Date(new Date(startsAt).getTime() + 2 * 3_600_000);
    try {
      expect((await patch(`/api/v1/sessions/${session.id}`, by.token, { hours: 1 })).status).toBe(200);
    } finally {
      h.clock.now = start;
    }
    const plan = completePlan();
    plan.actions.forEach((a, i) => {
      a.status = i < done ? 'done' : 'todo';
    });
    expect((await put(`/api/v1/plans/${app.id}`, by.token, { ...plan, status: 'approved' })).status).toBe(
      200,
    );
  }

  it('closes as completed without a reason when enough was done, and a coordinator reopens it with a reason', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    await workedOn(app, coach, 1, '2027-01-22T10:00:00-05:00');
    // Each step a minute after the other, so that the history has an order.
    h.clock.advance(60);
    const closed = await json(
      await post(`/api/v1/applications/${app.id}/close`, coach.token, { outcome: 'completed' }),
    );
    expect(closed.status).toBe(200);
    const reopen = (token: string, body: unknown) =>
      post(`/api/v1/applications/${app.id}/reopen`, token, body).then(json);
    // The expert who closed asks the program team; a reason is required.
    expect((await reopen(coach.token, { reason: 'Erreur' })).status).toBe(403);
    const noReason = await reopen(coordinator, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].path).toBe('reason');

    h.clock.advance(60);
    const reopened = await reopen(coordinator, { reason: 'Fermé par erreur, il reste deux actions.' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      expert: { id: coach.id, name: 'Camille Expert' },
      surveysWithdrawn: ['closure', 'six_months'],
    });
    // The retailer and the expert who comes back are told.
    const [toRetailer] = await mails('coaching:mail.reopened_retailer', app.retailer.email);
    expect(toRetailer!.subject).toBe('Votre accompagnement reprend : Chez Zoé');
    const [toExpert] = await mails('coaching:mail.reopened_expert', coach.email);
    expect(toExpert!.textBody).toContain(`/caseload/${app.id}`);
    expect((await reopen(coordinator, { reason: 'Encore' })).status).toBe(409);
    const overview = await json(
      await h.request(`/api/v1/applications/${app.id}/coaching`, { token: coach.token }),
    );
    expect(overview.body).toMatchObject({ assigned: true, closed: null, surveys: [], can: { close: true } });
    const active = await h.services.database.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.applicationId, app.id), eq(assignments.status, 'active')));
    expect(active.map((a) => a.expertId)).toEqual([coach.id]);
    const admin = await h.token((await h.user('admin')).email);
    const audit = await json(
      await h.request(`/api/v1/audit-events?entityId=${app.id}&action=file.reopened`, { token: admin }),
    );
    expect(audit.body.items[0]).toMatchObject({
      action: 'file.reopened',
      changes: { reason: 'Fermé par erreur, il reste deux actions.', expertId: coach.id },
    });
    // Sessions can be booked again, and a second closure sends the surveys again.
    h.clock.advance(60);
    const again = await json(
      await post(`/api/v1/applications/${app.id}/close`, coach.token, { outcome: 'completed' }),
    );
    expect(again.status).toBe(200);
    expect(again.body.surveys.map((s: { wave: string }) => s.wave)).toEqual(['closure', 'six_months']);
    // The retailer's history follows the whole file; and there is nothing left to withdraw from.
    const history = await getFileHistory(await h.as({ bearerToken: app.token }), app.id);
    expect(history.map((e) => ('outcome' in e ? `${e.kind}:${e.outcome}` : e.kind))).toEqual([
      'assigned',
      'closed:completed',
      'reopened',
      'assigned',
      'closed:completed',
    ]);
    expect(history[0]).toMatchObject({ expert: 'Camille Expert' });
    const withdraw = await h.request(`/api/v1/applications/${app.id}/withdraw`, {
      method: 'POST',
      token: app.token,
      headers: { 'accept-language': 'en' },
    });
    expect(withdraw.status).toBe(409);
    expect((await withdraw.json()).detail).toBe(
      'The coaching is over: the application can no longer be withdrawn.',
    );
  });

  it('leaves the file waiting for an expert when theirs has no room left', async () => {
    const full = await expert(h, coordinator, { capacity: 1 });
    const app = await coachedBy(h, programId, coordinator, full);
    await post(`/api/v1/applications/${app.id}/close`, full.token, {
      outcome: 'abandoned',
      reason: 'Injoignable',
    });
    // The place freed by the closure is taken meanwhile.
    await coachedBy(h, programId, coordinator, full);
    const reopened = await json(
      await post(`/api/v1/applications/${app.id}/reopen`, coordinator, {
        reason: 'La propriétaire a rappelé.',
      }),
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body.expert).toBeNull();
    expect(await mails('coaching:mail.reopened_expert', full.email)).toHaveLength(0);
    const overview = await json(
      await h.request(`/api/v1/applications/${app.id}/coaching`, { token: coordinator }),
    );
    expect(overview.body).toMatchObject({ assigned: false, closed: null });
  });
});

describe(`hours budget setting (${engine})`, () => {
  it('comes from the program settings, in quarter hours', async () => {
    const admin = await h.token((await h.user('admin')).email);
    const bad = await json(
      await patch(`/api/v1/programs/${programId}`, admin, { coachingHoursPerRetailer: 7.3 }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('coachingHoursPerRetailer');
    expect(
      (await patch(`/api/v1/programs/${programId}`, admin, { coachingHoursPerRetailer: 12.5 })).status,
    ).toBeLessThan(300);
    try {
      const app = await coachedBy(h, programId, coordinator, coach);
      const sessions = await json(
        await h.request(`/api/v1/sessions?applicationId=${app.id}`, { token: app.token }),
      );
      expect(sessions.body.hoursBudget).toMatchObject({ budgetHours: 12.5, usedHours: 0, warning: null });
    } finally {
      await patch(`/api/v1/programs/${programId}`, admin, { coachingHoursPerRetailer: 10 });
    }
  });
});
