import { and, eq, lt, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closures } from '../../src/modules/coaching/db/tables.ts';
import { users } from '../../src/modules/identity/db/tables.ts';
import { applications } from '../../src/modules/intake/db/tables.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId, submitted } from '../support/intake.ts';

let h: Harness;
let programId: string;
let coordinatorToken: string;
let officerToken: string;
let coach: ExpertFixture;
const YEAR = 365.25 * 24 * 3600;
let neqs = 0;
const neq = () => `55${String(++neqs).padStart(8, '0')}`;

async function api(path: string, token: string, init: { method?: string; json?: unknown } = {}) {
  const res = await h.request(`/api/v1${path}`, { ...init, token });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function refused(overrides: Record<string, unknown> = {}) {
  const app = await submitted(h, programId, { neq: neq(), ...overrides });
  const decided = await api(`/applications/${app.id}/decision`, coordinatorToken, {
    method: 'POST',
    json: { decision: 'refused', reason: 'Hors du territoire de Zoé Tremblay' },
  });
  if (decided.status !== 200) throw new Error(JSON.stringify(decided.body));
  return app;
}

const row = async (id: string) =>
  (await h.services.database.db.select().from(applications).where(eq(applications.id, id)))[0]!;

/** A retention run started through the API and run by the job queue, as the officer's button does. */
async function retentionRun(dryRun: boolean) {
  const started = await api('/privacy/retention-runs', officerToken, { method: 'POST', json: { dryRun } });
  expect(started.status).toBe(202);
  expect(started.body.status).toBe('queued');
  await h.services.jobs.drain();
  const run = await api(`/privacy/retention-runs/${started.body.id}`, officerToken);
  expect(run.body.status).toBe('done');
  return run.body as { id: string; counts: Record<string, number> };
}

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  officerToken = await h.token((await h.user('privacy')).email);
  coach = await expert(h, coordinatorToken);
});
afterAll(() => h?.close());

describe(`retention schedule (${engine})`, () => {
  it('lists every kind with its period and trigger; the officer changes a period, never below its floor', async () => {
    const schedule = await api('/privacy/retention-schedule', officerToken);
    const closedFile = schedule.body.items.find((k: { kind: string }) => k.kind === 'closed_file');
    expect(closedFile).toMatchObject({ action: 'anonymise', trigger: 'file_closure', periodMonths: 84 });
    expect(schedule.body.items.find((k: { kind: string }) => k.kind === 'precheck')).toMatchObject({
      action: 'never_stored',
      periodMonths: null,
    });

    const tooShort = await api('/privacy/retention-schedule/closed_file', officerToken, {
      method: 'PUT',
      json: { periodMonths: 6 },
    });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.errors).toEqual([{ path: 'periodMonths', message: expect.stringContaining('24') }]);
    const kept = await api('/privacy/retention-schedule/audit_log', officerToken, {
      method: 'PUT',
      json: { periodMonths: 12 },
    });
    expect(kept.status).toBe(422);
    expect(
      (
        await api('/privacy/retention-schedule/nope', officerToken, {
          method: 'PUT',
          json: { periodMonths: 1 },
        })
      ).status,
    ).toBe(404);

    const changed = await api('/privacy/retention-schedule/sent_mail', officerToken, {
      method: 'PUT',
      json: { periodMonths: 6 },
    });
    expect(changed.body).toMatchObject({ kind: 'sent_mail', periodMonths: 6, changed: true });
    const [audit] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'retention.period_set'));
    expect(audit!.changes).toEqual({ periodMonths: [3, 6] });
    await api('/privacy/retention-schedule/sent_mail', officerToken, {
      method: 'PUT',
      json: { periodMonths: 3 },
    });
  });
});

describe(`retention job (${engine})`, () => {
  it('anonymises exactly the expired files, skips those on hold, and leaves the dashboard’s figures unchanged', async () => {
    // Expire after the periods: a closed coached file (7 years), refused applications (2 years).
    const closed = await coachedBy(h, programId, coordinatorToken, coach, {
      neq: neq(),
      tradeName: 'Chez Zoé',
    });
    await completedDiagnostic(h, closed.id, closed.token, 'T0');
    const closing = await api(`/applications/${closed.id}/close`, coach.token, {
      method: 'POST',
      json: { outcome: 'abandoned', reason: 'Zoé Tremblay a vendu sa boutique' },
    });
    expect(closing.status).toBe(200);
    const refusedOnce = await refused();
    const onHold = await refused();
    const hold = await api(`/privacy/legal-holds/${onHold.id}`, officerToken, {
      method: 'PUT',
      json: { reason: 'Litige en cours' },
    });
    expect(hold.status).toBe(200);
    h.clock.advance(8 * YEAR);
    // Recent: an accepted file in progress and a refusal of last month stay as they are.
    const inProgress = await acceptedApplication(h, programId, coordinatorToken, { neq: neq() });
    const recentRefusal = await refused();

    // Every figure, without the business names the alerts list (those are what anonymising removes).
    const dashboard = async () => {
      const { alerts, ...figures } = (await api(`/programs/${programId}/dashboard`, coordinatorToken)).body;
      return {
        ...figures,
        alerts: alerts.map((a: { files: { name: string }[] }) => ({
          ...a,
          files: a.files.map(({ name: _, ...file }) => file),
        })),
      };
    };
    const indicators = async () => (await api(`/programs/${programId}/indicators`, coordinatorToken)).body;
    const before = { dashboard: await dashboard(), indicators: await indicators() };
    expect(before.dashboard.funnel.find((s: { step: string }) => s.step === 'applications').count).toBe(5);

    const dry = await retentionRun(true);
    expect(dry.counts).toMatchObject({ closed_file: 1, refused_application: 1, withdrawn_application: 0 });
    expect((await row(refusedOnce.id)).legalName).toBe('Boutique Zoé inc.');

    const real = await retentionRun(false);
    expect(real.counts).toMatchObject({ closed_file: 1, refused_application: 1 });
    for (const id of [closed.id, refusedOnce.id]) {
      const app = await row(id);
      expect(app).toMatchObject({
        applicantId: null,
        legalName: null,
        tradeName: null,
        neq: null,
        street: null,
        postalCode: null,
        phone: null,
        email: null,
        contactName: null,
        decisionReason: null,
        searchText: '',
        // The facts reports count stay.
        region: '06',
        naics: '458',
        employees: 12,
        annualRevenueBand: '250k-500k',
      });
      expect(app.anonymisedAt).toEqual(h.clock.now);
    }
    const [closure] = await h.services.database.db
      .select()
      .from(closures)
      .where(eq(closures.applicationId, closed.id));
    expect(closure).toMatchObject({ outcome: 'abandoned', reason: null });
    for (const id of [onHold.id, inProgress.id, recentRefusal.id]) {
      expect(await row(id)).toMatchObject({ legalName: 'Boutique Zoé inc.', anonymisedAt: null });
    }

    expect({ dashboard: await dashboard(), indicators: await indicators() }).toEqual(before);
    // The log holds counts only; nothing is anonymised twice.
    const [logged] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'retention.run'), eq(auditEvents.entityId, real.id)));
    expect(logged!.changes).toEqual({ counts: real.counts });
    expect(JSON.stringify(logged)).not.toContain('Zoé');
    expect((await retentionRun(false)).counts).toMatchObject({ closed_file: 0, refused_application: 0 });

    // Lifting the hold lets the next run anonymise the file.
    expect(
      (await h.request(`/api/v1/privacy/legal-holds/${onHold.id}`, { method: 'DELETE', token: officerToken }))
        .status,
    ).toBe(204);
    expect((await retentionRun(false)).counts).toMatchObject({ refused_application: 1 });
    expect((await row(onHold.id)).legalName).toBeNull();
    const runs = await api('/privacy/retention-runs', officerToken);
    expect(runs.body.items.map((r: { dryRun: boolean }) => r.dryRun)).toEqual([false, false, false, true]);
  });

  it('destroys e-mails made more than three months ago once sent, and keeps those waiting to be sent', async () => {
    const db = h.services.database.db;
    await refused(); // its decision is e-mailed
    await h.services.jobs.drain();
    const [waiting] = await db
      .update(mailOutbox)
      .set({ status: 'queued' })
      .where(eq(mailOutbox.id, (await db.select({ id: mailOutbox.id }).from(mailOutbox).limit(1))[0]!.id))
      .returning();
    h.clock.advance(YEAR);
    const done = and(lt(mailOutbox.createdAt, h.clock.now), ne(mailOutbox.status, 'queued'));
    const due = await db.$count(mailOutbox, done);
    expect(due).toBeGreaterThan(0);
    expect((await retentionRun(true)).counts.sent_mail).toBe(due);
    expect((await retentionRun(false)).counts.sent_mail).toBe(due);
    expect(await db.$count(mailOutbox, done)).toBe(0);
    expect(await db.$count(mailOutbox, eq(mailOutbox.id, waiting!.id))).toBe(1);
  });
});

describe(`who read what (${engine})`, () => {
  it('logs staff reads of a person’s file, not the person’s own nor lists, and shows them to the officer and the person', async () => {
    const app = await coachedBy(h, programId, coordinatorToken, coach, { neq: neq() });
    const me = await api('/me', app.token);
    const retailerId = me.body.id as string;
    await api(`/applications/${app.id}`, app.token);
    await api('/applications', coordinatorToken);
    expect((await api(`/applications/${app.id}`, coordinatorToken)).status).toBe(200);
    expect((await api(`/plans/${app.id}`, coach.token)).status).toBe(200);

    const reads = await api(`/privacy/people/${retailerId}/file-reads`, officerToken);
    expect(reads.status).toBe(200);
    expect(reads.body.items).toEqual([
      expect.objectContaining({
        part: 'plan',
        applicationId: app.id,
        reader: expect.objectContaining({ role: 'expert' }),
      }),
      expect.objectContaining({
        part: 'application',
        applicationId: app.id,
        reader: expect.objectContaining({ role: 'coordinator' }),
      }),
    ]);
    expect((await api('/me/file-reads', app.token)).body).toEqual(reads.body);
    expect((await api(`/privacy/people/${retailerId}/file-reads`, coach.token)).status).toBe(403);
  });
});

describe(`account deletion (${engine})`, () => {
  it('is refused while a file is in progress; then removes the identifiers in one go and keeps the facts', async () => {
    const app = await submitted(h, programId, { neq: neq() });
    const userId = (await api('/me', app.token)).body.id as string;
    const refusedNow = await api(`/privacy/accounts/${userId}/deletion`, officerToken, {
      method: 'POST',
      json: { reason: 'Demande no 12' },
    });
    expect(refusedNow.status).toBe(409);
    expect(refusedNow.body.detail).toMatch(/dossier en cours/);

    await api(`/applications/${app.id}/decision`, coordinatorToken, {
      method: 'POST',
      json: { decision: 'refused', reason: 'Hors programme' },
    });
    const deleted = await api(`/privacy/accounts/${userId}/deletion`, officerToken, {
      method: 'POST',
      json: { reason: 'Demande no 12' },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ userId, applicationsAnonymised: 1, applicationsHeld: 0 });
    const [account] = await h.services.database.db.select().from(users).where(eq(users.id, userId));
    expect(account).toMatchObject({
      name: '',
      email: `erased-${userId}@invalid`,
      active: false,
      passwordHash: null,
    });
    expect(await row(app.id)).toMatchObject({
      legalName: null,
      email: null,
      applicantId: null,
      region: '06',
    });
    // Every way back in is gone, and the e-mails sent to the address with it.
    expect((await h.request('/api/v1/me', { token: app.token })).status).toBe(401);
    expect(
      await h.services.database.db.$count(mailOutbox, eq(mailOutbox.toAddress, app.retailer.email)),
    ).toBe(0);
  });
});
