import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weakestDimensionsOf } from '../../src/modules/diagnostic/index.ts';
import { updateProfile } from '../../src/modules/identity/use-cases/update-profile.ts';
import * as dashboardPage from '../../src/modules/reporting/ui/dashboard.tsx';
import {
  hoursTrained,
  workshopAttendanceShare,
  workshopSatisfaction,
  workshopsStartingBetween,
} from '../../src/modules/workshops/index.ts';
import { settleWorkshops } from '../../src/modules/workshops/use-cases/settle-workshops.ts';
import { selectRows } from '../../src/platform/db/client.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';
import {
  calendarOf,
  mailsOf,
  pdfText,
  publishedWorkshop,
  workshopChange,
  workshopInput,
} from '../support/workshops.ts';

let h: Harness;
let programId: string;
let coordinator: string;
let facilitator: ExpertFixture;
let otherExpert: ExpertFixture;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  facilitator = await expert(h, coordinator, { name: 'Camille Animatrice' });
  otherExpert = await expert(h, coordinator);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const post = (path: string, token: string, body?: unknown) =>
  h.request(path, { method: 'POST', token, json: body });
const emailOf = async (token: string) => (await json(await h.request('/api/v1/me', { token }))).body.email;

describe('workshops', () => {
  it('creates a series of drafts, refuses bad input naming each field, and publishes', async () => {
    const bad = await json(
      await post(
        '/api/v1/workshops',
        coordinator,
        workshopInput(programId, {
          topic: 'astrology',
          format: 'online',
          place: null,
          audience: 'region',
          dates: [{ date: '2026-01-10', time: '10:00' }],
        }),
      ),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['link', 'region', 'topic']);
    const past = await json(
      await post(
        '/api/v1/workshops',
        coordinator,
        workshopInput(programId, { dates: [{ date: '2026-01-10', time: '10:00' }] }),
      ),
    );
    expect(past.body.errors[0].path).toBe('dates.0.date');

    const series = await json(
      await post(
        '/api/v1/workshops',
        coordinator,
        workshopInput(programId, {
          dates: [
            { date: '2027-03-17', time: '09:00' },
            { date: '2027-03-03', time: '09:00' },
          ],
        }),
      ),
    );
    expect(series.status).toBe(201);
    expect(series.body.seriesId).toEqual(expect.any(String));
    expect(series.body.items.map((w: { startsAt: string }) => w.startsAt)).toEqual([
      '2027-03-03T09:00:00-05:00',
      '2027-03-17T09:00:00-04:00',
    ]);
    expect(series.body.items.every((w: { status: string }) => w.status === 'draft')).toBe(true);

    // A retailer does not see drafts, nor may create.
    const app = await acceptedApplication(h, programId, coordinator);
    expect((await post('/api/v1/workshops', app.token, workshopInput(programId))).status).toBe(403);
    const seen = (await json(await h.request('/api/v1/workshops', { token: app.token }))).body.items;
    expect(seen.map((w: { id: string }) => w.id)).not.toContain(series.body.items[0].id);
    const published = await json(
      await post(`/api/v1/workshops/${series.body.items[0].id}/publish`, coordinator),
    );
    expect(published.body.status).toBe('published');
    expect((await post(`/api/v1/workshops/${series.body.items[0].id}/publish`, coordinator)).status).toBe(
      409,
    );
  });

  it('shows a retailer the workshops open to them, those on their weak dimensions first', async () => {
    const app = await acceptedApplication(h, programId, coordinator);
    await completedDiagnostic(h, app.id, app.token, 'T0', 0.4);
    const weak = (await weakestDimensionsOf(h.services.database.db, { applicationIds: [app.id] })).get(
      app.id,
    )!;
    const strong = ['strategy', 'presence', 'ecommerce', 'marketing', 'data', 'skills'].find(
      (d) => !weak.includes(d),
    )!;
    const general = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, { topic: strong, dates: [{ date: '2027-02-01', time: '10:00' }] }),
    );
    const forWeak = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, {
        topic: weak[0],
        audience: 'weak_topic',
        dates: [{ date: '2027-02-20', time: '10:00' }],
      }),
    );
    const elsewhere = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, { audience: 'region', region: '03' }),
    );
    const items = (await json(await h.request('/api/v1/workshops', { token: app.token }))).body.items;
    const ids = items.map((w: { id: string }) => w.id);
    expect(ids.indexOf(forWeak)).toBeLessThan(ids.indexOf(general));
    expect(items.find((w: { id: string }) => w.id === forWeak).recommended).toBe(true);
    expect(ids).not.toContain(elsewhere);
    // Registering for a workshop not open to the business is as if it did not exist.
    expect((await post(`/api/v1/workshops/${elsewhere}/registrations`, app.token)).status).toBe(404);
    // A business without a diagnostic is not offered the workshop for the weak.
    const fresh = await acceptedApplication(h, programId, coordinator);
    const freshIds = (
      await json(await h.request('/api/v1/workshops', { token: fresh.token }))
    ).body.items.map((w: { id: string }) => w.id);
    expect(freshIds).toContain(general);
    expect(freshIds).not.toContain(forWeak);
  });

  it('fills places, waitlists in order, offers a freed place by e-mail and gives the .ics at each change', async () => {
    const id = await publishedWorkshop(h, coordinator, workshopInput(programId, { capacity: 1 }));
    const [a, b, c] = [
      await acceptedApplication(h, programId, coordinator),
      await acceptedApplication(h, programId, coordinator),
      await acceptedApplication(h, programId, coordinator),
    ];
    const first = await json(await post(`/api/v1/workshops/${id}/registrations`, a.token));
    expect(first).toMatchObject({ status: 201, body: { status: 'registered', position: null } });
    expect((await post(`/api/v1/workshops/${id}/registrations`, a.token)).status).toBe(409);
    const second = await json(await post(`/api/v1/workshops/${id}/registrations`, b.token));
    expect(second.body).toMatchObject({ status: 'waitlisted', position: 1 });
    const third = await json(await post(`/api/v1/workshops/${id}/registrations`, c.token));
    expect(third.body).toMatchObject({ status: 'waitlisted', position: 2 });

    const aEmail = await emailOf(a.token);
    const [invite] = await mailsOf(h, 'workshops:mail.registered', aEmail);
    const ics = calendarOf(invite!);
    expect(ics).toMatchObject({
      method: 'REQUEST',
      uid: `${first.body.id}@virage.workshops`,
      sequence: 0,
      localStart: '2027-02-10T13:30:00',
      start: '2027-02-10T18:30:00.000Z',
      summary: 'Atelier Virage : Vendre sur les réseaux sociaux',
      location: '1000, rue Sherbrooke Ouest, Montréal',
    });
    expect(ics.alarms).toEqual(['-P1D', '-PT1H']);
    const bEmail = await emailOf(b.token);
    expect((await mailsOf(h, 'workshops:mail.waitlisted', bEmail))[0]!.subject).toContain('Liste d');

    // A cancels: the calendar event is cancelled (same UID, higher SEQUENCE) and B is offered the place.
    const cancelled = await json(
      await post(`/api/v1/workshops/${id}/registrations/${first.body.id}/cancel`, a.token),
    );
    expect(cancelled.body.status).toBe('cancelled');
    const cancelIcs = calendarOf((await mailsOf(h, 'workshops:mail.cancelled', aEmail))[0]!);
    expect(cancelIcs).toMatchObject({ method: 'CANCEL', uid: ics.uid, sequence: 1 });
    const offer = (await mailsOf(h, 'workshops:mail.offered', bEmail))[0]!;
    expect(offer.textBody).toContain("réservée jusqu'au 2027-01-16 10 h 00");
    const list = (await json(await h.request('/api/v1/workshops', { token: b.token }))).body.items;
    expect(list.find((w: { id: string }) => w.id === id).registration).toMatchObject({
      status: 'offered',
      offerExpiresAt: '2027-01-16T10:00:00-05:00',
    });
    expect(list.find((w: { id: string }) => w.id === id)).toMatchObject({ placesLeft: 0, waiting: 1 });
    // Another retailer cannot take B's offer, nor C who waits.
    expect(
      (await post(`/api/v1/workshops/${id}/registrations/${second.body.id}/accept`, c.token)).status,
    ).toBe(404);
    expect(
      (await post(`/api/v1/workshops/${id}/registrations/${third.body.id}/accept`, c.token)).status,
    ).toBe(409);

    // B lets the offer expire: the job passes the place to C, who accepts.
    h.clock.advance(25 * 3600);
    expect(
      (await post(`/api/v1/workshops/${id}/registrations/${second.body.id}/accept`, b.token)).status,
    ).toBe(409);
    const settled = await settleWorkshops(h.system);
    expect(settled.expired).toBe(1);
    expect(await mailsOf(h, 'workshops:mail.offer_expired', bEmail)).toHaveLength(1);
    const cEmail = await emailOf(c.token);
    expect(await mailsOf(h, 'workshops:mail.offered', cEmail)).toHaveLength(1);
    const accepted = await json(
      await post(`/api/v1/workshops/${id}/registrations/${third.body.id}/accept`, c.token),
    );
    expect(accepted.body.status).toBe('registered');
    const cIcs = calendarOf((await mailsOf(h, 'workshops:mail.registered', cEmail))[0]!);
    expect(cIcs).toMatchObject({ method: 'REQUEST', uid: `${third.body.id}@virage.workshops`, sequence: 1 });

    // A registers again on the same registration: the waitlist, with a new SEQUENCE to come.
    const again = await json(await post(`/api/v1/workshops/${id}/registrations`, a.token));
    expect(again.body).toMatchObject({ id: first.body.id, status: 'waitlisted', position: 1 });
    const detail = (await json(await h.request(`/api/v1/workshops/${id}`, { token: coordinator }))).body;
    expect(detail.figures).toMatchObject({ registered: 1, waitlisted: 1, offered: 0 });

    // One more place goes at once to the next in line; a new time sends the registered an update.
    const change = (body: unknown) =>
      h.request(`/api/v1/workshops/${id}`, { method: 'PUT', token: coordinator, json: body });
    const moved = await json(
      await change(workshopChange({ capacity: 2, date: { date: '2027-02-10', time: '15:00' } })),
    );
    expect(moved.body).toMatchObject({ capacity: 2, startsAt: '2027-02-10T15:00:00-05:00', placesLeft: 0 });
    expect(await mailsOf(h, 'workshops:mail.offered', aEmail)).toHaveLength(1);
    const update = calendarOf((await mailsOf(h, 'workshops:mail.changed', cEmail))[0]!);
    expect(update).toMatchObject({
      method: 'REQUEST',
      uid: cIcs.uid,
      sequence: 2,
      localStart: '2027-02-10T15:00:00',
    });
    const fewer = await json(
      await change(workshopChange({ capacity: 1, date: { date: '2027-02-10', time: '15:00' } })),
    );
    expect(fewer.status).toBe(422);
    expect(fewer.body.errors[0].path).toBe('capacity');
    expect((await change(workshopChange({ date: { date: '2027-02-10', time: '15:00' } }))).status).toBe(200);
    expect(
      (await h.request(`/api/v1/workshops/${id}`, { method: 'PUT', token: c.token, json: workshopChange() }))
        .status,
    ).toBe(403);
  });

  it('lets the facilitator alone take attendance, counts the hours and issues the certificate', async () => {
    const id = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, {
        format: 'online',
        place: null,
        link: 'https://webinaire.example.ca/virage',
        capacity: 5,
        facilitatorUserId: facilitator.userId,
        dates: [{ date: '2027-02-11', time: '10:00' }],
      }),
    );
    const coached = await coachedBy(h, programId, coordinator, facilitator);
    const english = await acceptedApplication(h, programId, coordinator);
    await updateProfile(await h.as({ bearerToken: english.token }), { locale: 'en' });
    const absent = await acceptedApplication(h, programId, coordinator);
    const reg = async (token: string) =>
      (await json(await post(`/api/v1/workshops/${id}/registrations`, token))).body.id;
    const [r1, r2, r3] = [await reg(coached.token), await reg(english.token), await reg(absent.token)];

    const put = (token: string, body: unknown) =>
      h.request(`/api/v1/workshops/${id}/attendance`, { method: 'PUT', token, json: body });
    const rows = [
      { registrationId: r1, present: true, minutesAttended: 120 },
      { registrationId: r2, present: true, minutesAttended: 100 },
      { registrationId: r3, present: false, minutesAttended: 0 },
    ];
    expect((await put(facilitator.token, rows)).status).toBe(409); // not started yet
    h.clock.now = new Date('2027-02-11T17:05:00Z');
    expect((await put(otherExpert.token, rows)).status).toBe(404);
    expect((await put(coached.token, rows)).status).toBe(404);
    const over = await json(await put(facilitator.token, [{ ...rows[0], minutesAttended: 121 }]));
    expect(over.body.errors[0].path).toBe('0.minutesAttended');
    expect((await json(await put(facilitator.token, rows))).status).toBe(200);

    // The attended hours count beside the coaching hours, apart from the budget.
    const sessions = await json(
      await h.request(`/api/v1/sessions?applicationId=${coached.id}`, { token: facilitator.token }),
    );
    expect(sessions.body.hoursBudget).toMatchObject({ trainingHours: 2, usedHours: 0 });

    // Certificates: in the participant's language, only at 80 % or more.
    const cert = async (registrationId: string, token: string) =>
      h.request(`/api/v1/workshops/${id}/certificates/${registrationId}.pdf`, { token });
    const french = await cert(r1, coached.token);
    expect(french.headers.get('content-type')).toContain('application/pdf');
    const frText = pdfText(await french.arrayBuffer());
    expect(frText).toContain('Attestation de participation');
    expect(frText).toContain('2 h (120 minutes sur 120)');
    expect(frText).toContain('Camille Animatrice');
    expect(pdfText(await (await cert(r2, coordinator)).arrayBuffer())).toContain('Certificate of attendance');
    expect((await cert(r3, absent.token)).status).toBe(409);
    expect((await cert(r1, english.token)).status).toBe(404);

    // A webinar's list: reconnections add up; an address not registered is reported, not guessed.
    const csv =
      'email,minutes\n' +
      [
        `${await emailOf(coached.token)},50`,
        `${await emailOf(coached.token)},40`,
        'stranger@example.ca,30',
      ].join('\n');
    const upload = (text: string, token = facilitator.token) => {
      const form = new FormData();
      form.set('csv', new File([text], 'participants.csv', { type: 'text/csv' }));
      return h.request(`/api/v1/workshops/${id}/attendance/import`, { method: 'POST', token, body: form });
    };
    expect((await upload(csv, otherExpert.token)).status).toBe(404);
    const badList = await json(await upload('courriel;duree\nx@example.ca;3'));
    expect(badList.status).toBe(422);
    expect(badList.body.errors[0].path).toBe('csv');
    const imported = (await json(await upload(csv))).body as {
      items: { id: string; present: boolean; minutesAttended: number }[];
      unmatched: string[];
    };
    expect(imported.unmatched).toEqual(['stranger@example.ca']);
    expect(imported.items.find((r) => r.id === r1)).toMatchObject({ present: true, minutesAttended: 90 });
    expect(imported.items.find((r) => r.id === r2)).toMatchObject({ present: false, minutesAttended: 0 });
    // The program's training hours indicator reads the same minutes, per business.
    const trained = await selectRows<{ application_id: string; value: number }>(
      h.services.database.db,
      hoursTrained(),
    );
    expect(trained.find((r) => r.application_id === coached.id)?.value).toBeCloseTo(1.5);
    expect(trained.find((r) => r.application_id === english.id)).toBeUndefined();

    // Satisfaction: invited once after the end (not the absent), answered once; the team sees the figures.
    await settleWorkshops(h.system);
    expect((await settleWorkshops(h.system)).invited).toBe(0);
    expect(await mailsOf(h, 'workshops:mail.satisfaction', await emailOf(coached.token))).toHaveLength(1);
    expect(await mailsOf(h, 'workshops:mail.satisfaction', await emailOf(english.token))).toHaveLength(0);
    expect(await mailsOf(h, 'workshops:mail.satisfaction', await emailOf(absent.token))).toHaveLength(0);
    const answer = (token: string, body: unknown) =>
      post(`/api/v1/workshops/${id}/registrations/${r1}/satisfaction`, token, body);
    expect((await json(await answer(coached.token, { rating: 6 }))).body.errors[0].path).toBe('rating');
    expect((await answer(coached.token, { rating: 4, comment: 'Très utile' })).status).toBe(200);
    expect((await answer(coached.token, { rating: 5 })).status).toBe(409);
    const detail = (await json(await h.request(`/api/v1/workshops/${id}`, { token: coordinator }))).body;
    expect(detail.figures).toMatchObject({
      registered: 3,
      attendanceRate: 33.3,
      satisfaction: { answers: 1, mean: 4 },
    });
    expect((await h.request(`/api/v1/workshops/${id}`, { token: otherExpert.token })).status).toBe(404);

    // The ministry's indicators average per business (here too few businesses to publish them).
    const db = h.services.database.db;
    const shares = await selectRows<{ application_id: string; value: number }>(db, workshopAttendanceShare());
    expect(shares.find((r) => r.application_id === coached.id)?.value).toBe(100);
    expect(shares.find((r) => r.application_id === english.id)?.value).toBe(0);
    const ratings = await selectRows<{ application_id: string; value: number }>(db, workshopSatisfaction());
    expect(ratings.find((r) => r.application_id === coached.id)?.value).toBe(4);
    const indicators = await json(
      await h.request(`/api/v1/programs/${programId}/indicators`, { token: coordinator }),
    );
    for (const indicator of ['workshop_attendance', 'workshop_satisfaction'])
      expect(indicators.body.indicators.find((i: { id: string }) => i.id === indicator).total).toEqual({
        shown: false,
        reason: 'small_count',
      });

    // The program's dashboard: the same figures per workshop, and in total for those starting that day.
    const board = await json(
      await h.request(`/api/v1/programs/${programId}/dashboard?from=2027-02-11&to=2027-02-11`, {
        token: coordinator,
      }),
    );
    expect(board.status).toBe(200);
    const figures = { attendanceRate: 33.3, satisfaction: { answers: 1, mean: 4 } };
    expect(board.body.workshops.items).toEqual([
      {
        id,
        title: 'Vendre sur les réseaux sociaux',
        startsAt: '2027-02-11T10:00:00-05:00',
        registered: 3,
        present: 1,
        ...figures,
      },
    ]);
    expect(board.body.workshops.total).toEqual({ workshops: 1, registered: 3, present: 1, ...figures });
    const url = '/admin/dashboard?from=2027-02-11&to=2027-02-11';
    const page = await renderPage(
      dashboardPage,
      await h.as({ bearerToken: coordinator }),
      '/admin/dashboard',
      url,
    );
    expect(page.html).toContain(
      '<th scope="row">Vendre sur les réseaux sociaux</th><td>2027-02-11</td><td class="numeric">3</td><td class="numeric">1</td><td class="numeric">33,3 %</td><td class="numeric">4 / 5 (1)</td>',
    );
    expect(page.html).toContain('<th scope="row">Tous les ateliers</th>');
  });

  it('cancels a workshop: the place holders get METHOD:CANCEL, the waiting a word, nobody registers any more', async () => {
    const id = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, { capacity: 1, dates: [{ date: '2027-03-25', time: '10:00' }] }),
    );
    const [a, b, late] = [
      await acceptedApplication(h, programId, coordinator),
      await acceptedApplication(h, programId, coordinator),
      await acceptedApplication(h, programId, coordinator),
    ];
    const held = (await json(await post(`/api/v1/workshops/${id}/registrations`, a.token))).body;
    await post(`/api/v1/workshops/${id}/registrations`, b.token);
    expect((await post(`/api/v1/workshops/${id}/cancel`, a.token)).status).toBe(403);
    const cancelled = await json(await post(`/api/v1/workshops/${id}/cancel`, coordinator));
    expect(cancelled.body).toMatchObject({ status: 'cancelled', placesTaken: 0, waiting: 0 });
    const ics = calendarOf((await mailsOf(h, 'workshops:mail.cancelled', await emailOf(a.token)))[0]!);
    expect(ics).toMatchObject({ method: 'CANCEL', uid: `${held.id}@virage.workshops`, sequence: 1 });
    const told = await mailsOf(h, 'workshops:mail.workshop_cancelled', await emailOf(b.token));
    expect(told).toHaveLength(1);
    expect(told[0]!.attachments).toEqual([]);
    expect((await post(`/api/v1/workshops/${id}/cancel`, coordinator)).status).toBe(409);
    expect((await post(`/api/v1/workshops/${id}/registrations`, late.token)).status).toBe(404);
  });

  it('lists for the reminders the places held at workshops starting in a window', async () => {
    h.clock.now = new Date('2027-01-20T15:00:00Z');
    const id = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, { dates: [{ date: '2027-03-30', time: '10:00' }], capacity: 1 }),
    );
    const a = await acceptedApplication(h, programId, coordinator);
    const b = await acceptedApplication(h, programId, coordinator);
    await post(`/api/v1/workshops/${id}/registrations`, a.token);
    await post(`/api/v1/workshops/${id}/registrations`, b.token);
    const found = await workshopsStartingBetween(
      h.services.database.db,
      programId,
      new Date('2027-03-30T00:00:00Z'),
      new Date('2027-03-31T00:00:00Z'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      workshopId: id,
      locale: 'fr',
      titleEn: 'Selling on social media',
      place: '1000, rue Sherbrooke Ouest, Montréal',
      startsAt: new Date('2027-03-30T14:00:00Z'),
    });
  });
});
