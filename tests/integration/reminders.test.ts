import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { montrealWallClock } from '../../src/kernel/format.ts';
import { reminderDeliveries } from '../../src/modules/reminders/db/tables.ts';
import { REMINDER_KINDS } from '../../src/modules/reminders/domain/kinds.ts';
import { SEND_DUE_REMINDERS_JOB } from '../../src/modules/reminders/jobs/send-due-reminders-job.ts';
import { sendDueReminders } from '../../src/modules/reminders/use-cases/send-due-reminders.ts';
import { stopLink } from '../../src/modules/reminders/use-cases/stop-link.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import {
  acceptedApplication,
  allConsents,
  business,
  defaultProgramId,
  submitted,
  verifiedRetailer,
} from '../support/intake.ts';
import { startSmtp } from '../support/smtp.ts';
import { publishedWorkshop, workshopInput } from '../support/workshops.ts';

let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let programId: string;
let coordinator: string;
let admin: string;
let coach: ExpertFixture;

const HOUR = 3600;
const DAY = 24 * HOUR;

beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({ env: { SMTP_URL: smtp.url } });
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  admin = await h.token((await h.user('admin')).email);
  coach = await expert(h, coordinator, { locale: 'en', name: 'Sam Expert' });
});

afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

const sweep = () => sendDueReminders(h.system);

/** The reminders recorded about a file, by kind and recipient. */
async function sentAbout(applicationId: string) {
  const rows = await h.services.database.db
    .select()
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.applicationId, applicationId));
  return rows.map((r) => `${r.kind}:${r.recipient}`).sort();
}

/** The e-mails received so far by this address (the outbox sent by its job). */
async function mailTo(email: string) {
  await h.services.jobs.drain();
  return smtp.received.filter((m) => m.to.includes(email));
}

async function draftOf(retailer: { token: string }, legalName = 'Brouillon inc.') {
  const res = await h.request('/api/v1/applications', {
    method: 'POST',
    token: retailer.token,
    json: { programId, business: business({ legalName, tradeName: legalName }), consents: allConsents },
  });
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

const put = (path: string, token: string, json: unknown) => h.request(path, { method: 'PUT', token, json });

describe(`reminders (${engine})`, () => {
  it('reminds a draft left 7 days once, in the retailer’s language, with a way to stop, and shows it in the history', async () => {
    const retailer = await verifiedRetailer(h, { locale: 'en' });
    const id = await draftOf(retailer, 'Left Alone Ltd');
    h.clock.advance(6 * DAY);
    await sweep();
    expect(await sentAbout(id)).toEqual([]);
    h.clock.advance(DAY + HOUR);
    await sweep();
    await sweep();
    expect(await sentAbout(id)).toEqual(['draft-left-7-days:retailer']);
    const mails = await mailTo(retailer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Your application for Left Alone Ltd is still a draft');
    expect(mails[0]!.text).toContain(`To stop receiving reminders: ${stopLink(h.config, retailer.id)}`);
    expect(stopLink(h.config, retailer.id)).toMatch(/^http:\/\/virage\.test\/reminders\/stop\/[\w.-]+$/);
    expect(mails[0]!.text).toContain(`http://virage.test/applications/${id}`);
    const file = await (await h.request(`/api/v1/applications/${id}`, { token: coordinator })).json();
    expect(file.history.map((e: { kind: string; message: string }) => `${e.kind}:${e.message}`)).toContain(
      'reminder_sent:draft-left-7-days',
    );
  });

  it('sends once when two sweeps run at the same time', async () => {
    const retailer = await verifiedRetailer(h);
    const id = await draftOf(retailer, 'Deux Fois inc.');
    h.clock.advance(7 * DAY + HOUR);
    const counts = await Promise.all([sweep(), sweep(), sweep()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await sentAbout(id)).toEqual(['draft-left-7-days:retailer']);
    const mails = await mailTo(retailer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Votre demande pour Deux Fois inc. est restée en brouillon');
  });

  it('sends nothing the person stopped, but still the notices they may not stop', async () => {
    const retailer = await verifiedRetailer(h);
    const stop = await put('/api/v1/me/reminder-preference', retailer.token, { stopped: true });
    expect(stop.status).toBe(200);
    expect((await stop.json()).stopped).toBe(true);
    const draft = await draftOf(retailer, 'Silence inc.');
    h.clock.advance(7 * DAY + HOUR);
    await sweep();
    expect(await sentAbout(draft)).toEqual([]);
    // An information request the team waits on is a service notice: it goes even so.
    const other = await submitted(h, programId, { neq: '3312345678' });
    await put('/api/v1/me/reminder-preference', other.token, { stopped: true });
    const asked = await h.request(`/api/v1/applications/${other.id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'info_requested', reason: 'Votre site web ?' },
    });
    expect(asked.status).toBe(200);
    h.clock.advance(6 * DAY);
    await sweep();
    expect(await sentAbout(other.id)).toEqual([]);
    h.clock.advance(DAY + HOUR);
    await sweep();
    expect(await sentAbout(other.id)).toEqual(['information-request-unanswered-7-days:retailer']);
    expect((await mailTo(other.retailer.email)).map((m) => m.subject)).toContain(
      "L'équipe attend vos précisions pour Chez Zoé",
    );
    // Taken back: the next draft reminder goes again.
    const resume = await put('/api/v1/me/reminder-preference', retailer.token, { stopped: false });
    expect((await resume.json()).stopped).toBe(false);
  });

  it('reminds the initial diagnostic 14 days after acceptance, only to those who have not finished it', async () => {
    const waiting = await acceptedApplication(h, programId, coordinator);
    const done = await acceptedApplication(h, programId, coordinator);
    await completedDiagnostic(h, done.id, done.token, 'T0');
    h.clock.advance(13 * DAY);
    await sweep();
    expect(await sentAbout(waiting.id)).toEqual([]);
    h.clock.advance(DAY + HOUR);
    await sweep();
    await sweep();
    expect(await sentAbout(waiting.id)).toEqual(['t0-not-finished-14-days-after-acceptance:retailer']);
    expect(await sentAbout(done.id)).toEqual([]);
    const mail = (await mailTo(waiting.retailer.email)).find((m) => m.subject.includes('diagnostic'));
    expect(mail!.subject).toBe('Votre diagnostic numérique initial vous attend');
    expect(mail!.text).toContain(`/applications/${waiting.id}/diagnostics`);
  });

  it('reminds a coaching session the day before, to the retailer and the expert, each in their language', async () => {
    const file = await coachedBy(h, programId, coordinator, coach);
    const startsAt = new Date(h.clock.now.getTime() + 3 * DAY * 1000);
    const scheduled = await h.request('/api/v1/sessions', {
      method: 'POST',
      token: coach.token,
      json: { applicationId: file.id, startsAt: startsAt.toISOString(), durationMinutes: 60, mode: 'video' },
    });
    expect(scheduled.status).toBe(201);
    await sweep();
    const kinds = async () => (await sentAbout(file.id)).filter((k) => k.startsWith('coaching-session'));
    expect(await kinds()).toEqual([]);
    h.clock.advance(2 * DAY + HOUR);
    await sweep();
    await sweep();
    expect(await kinds()).toEqual(['coaching-session-tomorrow:expert', 'coaching-session-tomorrow:retailer']);
    const toRetailer = (await mailTo(file.retailer.email)).filter((m) => m.subject.startsWith('Rappel'));
    const toExpert = (await mailTo(coach.email)).filter((m) => m.subject.startsWith('Reminder'));
    expect(toRetailer).toHaveLength(1);
    expect(toRetailer[0]!.text).toContain('avec Sam Expert a lieu le');
    expect(toExpert).toHaveLength(1);
    expect(toExpert[0]!.subject).toContain('Reminder: session with Chez Zoé on');
    // Past the session, nothing more.
    h.clock.advance(DAY);
    await sweep();
    expect(await kinds()).toHaveLength(2);
  });

  it('reminds a place held at a workshop the day before, not the waitlist, once', async () => {
    const day = montrealWallClock(new Date(h.clock.now.getTime() + 3 * DAY * 1000)).date;
    const workshopId = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, { capacity: 1, dates: [{ date: day, time: '10:00' }] }),
    );
    const holder = await acceptedApplication(h, programId, coordinator);
    const waiting = await acceptedApplication(h, programId, coordinator);
    for (const file of [holder, waiting]) {
      const res = await h.request(`/api/v1/workshops/${workshopId}/registrations`, {
        method: 'POST',
        token: file.token,
      });
      expect(res.status).toBe(201);
    }
    const kinds = async (id: string) => (await sentAbout(id)).filter((k) => k.startsWith('workshop'));
    await sweep();
    expect(await kinds(holder.id)).toEqual([]);
    h.clock.advance(2 * DAY + 12 * HOUR);
    await sweep();
    await sweep();
    expect(await kinds(holder.id)).toEqual(['workshop-tomorrow:retailer']);
    expect(await kinds(waiting.id)).toEqual([]);
    const mails = (await mailTo(holder.retailer.email)).filter((m) =>
      m.subject.startsWith('Rappel : atelier'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('« Vendre sur les réseaux sociaux »');
    expect(mails[0]!.text).toContain('1000, rue Sherbrooke Ouest, Montréal');
    h.clock.advance(DAY);
    await sweep();
    expect(await kinds(holder.id)).toHaveLength(1);
  });

  it('reminds an open action of an approved plan 7 days before it is due, once', async () => {
    const file = await coachedBy(h, programId, coordinator, coach);
    const due = new Date(h.clock.now.getTime() + 10 * DAY * 1000).toISOString().slice(0, 10);
    const action = (objective: string, status: string) => ({
      objective,
      steps: 'Faire',
      owner: 'Zoé',
      dueDate: due,
      estimatedCostCents: 0,
      status,
      supplierId: null,
    });
    const plan = await put(`/api/v1/plans/${file.id}`, coach.token, {
      currentState: 'Vitrine seulement',
      goals: 'Vendre en ligne',
      budgetCents: 100_000,
      timeline: 'Hiver',
      actions: [action('Boutique en ligne', 'todo'), action('Fiche Google', 'done')],
      status: 'approved',
    });
    expect(plan.status).toBe(200);
    const kinds = async () => (await sentAbout(file.id)).filter((k) => k.startsWith('plan-action'));
    await sweep();
    expect(await kinds()).toEqual([]);
    h.clock.advance(3 * DAY + HOUR);
    await sweep();
    await sweep();
    expect(await kinds()).toEqual(['plan-action-due-in-7-days:retailer']);
    const mail = (await mailTo(file.retailer.email)).find((m) => m.subject.startsWith('Action du plan'));
    expect(mail!.subject).toBe(`Action du plan à échéance le ${due}`);
    expect(mail!.text).toContain('« Boutique en ligne »');
  });

  it('reminds the final diagnostic after closure, unless it is done', async () => {
    const file = await coachedBy(h, programId, coordinator, coach);
    const close = await h.request(`/api/v1/applications/${file.id}/close`, {
      method: 'POST',
      token: coach.token,
      json: { outcome: 'abandoned', reason: 'Vente du commerce' },
    });
    expect(close.status).toBe(200);
    const kinds = async () => (await sentAbout(file.id)).filter((k) => k.startsWith('t1'));
    h.clock.advance(6 * DAY);
    await sweep();
    expect(await kinds()).toEqual([]);
    h.clock.advance(DAY + HOUR);
    await sweep();
    await sweep();
    expect(await kinds()).toEqual(['t1-diagnostic-at-closure:retailer']);
  });

  it('lets the program team turn a kind off or change its delay, with field errors in the reader’s language', async () => {
    const path = `/api/v1/programs/${programId}/reminders`;
    const read = await h.request(path, { token: coordinator });
    expect(read.status).toBe(200);
    const { reminders } = await read.json();
    expect(reminders).toHaveLength(REMINDER_KINDS.length);
    expect(reminders[0]).toMatchObject({
      kind: 'draft-left-7-days',
      enabled: true,
      days: 7,
      stoppable: true,
    });
    const wrong = await put(path, admin, {
      reminders: [{ kind: 'draft-left-7-days', enabled: true, days: 0 }],
    });
    expect(wrong.status).toBe(422);
    const problem = JSON.stringify(await wrong.json());
    expect(problem).toContain('reminders.0.days');
    expect(problem).toContain('Indiquez un nombre entier de jours, de 1 à 90.');
    const retailer = await verifiedRetailer(h);
    expect((await put(path, retailer.token, { reminders: [] })).status).toBe(403);

    const saved = await put(path, coordinator, {
      reminders: [
        { kind: 'draft-left-7-days', enabled: true, days: 2 },
        { kind: 'information-request-unanswered-7-days', enabled: false, days: 7 },
      ],
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).reminders.slice(0, 2)).toMatchObject([
      { kind: 'draft-left-7-days', enabled: true, days: 2 },
      { kind: 'information-request-unanswered-7-days', enabled: false, days: 7 },
    ]);
    const draft = await draftOf(retailer, 'Pressé inc.');
    const asked = await submitted(h, programId, { neq: '3387654321' });
    await h.request(`/api/v1/applications/${asked.id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'info_requested', reason: 'Votre NEQ ?' },
    });
    h.clock.advance(2 * DAY + HOUR);
    await sweep();
    expect(await sentAbout(draft)).toEqual(['draft-left-7-days:retailer']);
    h.clock.advance(7 * DAY);
    await sweep();
    expect(await sentAbout(asked.id)).toEqual([]);
  });

  it('runs the sweep as the hourly job', async () => {
    const retailer = await verifiedRetailer(h);
    const draft = await draftOf(retailer, 'Par Tâche inc.');
    h.clock.advance(8 * DAY);
    await h.services.jobs.enqueue(h.services.database.db, SEND_DUE_REMINDERS_JOB, {});
    expect(await h.services.jobs.drain([SEND_DUE_REMINDERS_JOB])).toBe(1);
    expect(await sentAbout(draft)).toEqual(['draft-left-7-days:retailer']);
  });

  it('stops draft reminders once the program’s intake closes', async () => {
    const retailer = await verifiedRetailer(h);
    const draft = await draftOf(retailer, 'Trop Tard inc.');
    const closed = await h.request(`/api/v1/programs/${programId}`, {
      method: 'PATCH',
      token: admin,
      json: { intakeClosesAt: h.clock.now.toISOString() },
    });
    expect(closed.status).toBe(204);
    h.clock.advance(30 * DAY);
    await sweep();
    expect(await sentAbout(draft)).toEqual([]);
  });
});
