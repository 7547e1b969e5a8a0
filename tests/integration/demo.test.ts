import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closures,
  coachingSessions,
  supplierRatings,
  suppliers,
} from '../../src/modules/coaching/db/tables.ts';
import { getCaseload } from '../../src/modules/coaching/use-cases/get-caseload.ts';
import { getPlan } from '../../src/modules/coaching/use-cases/get-plan.ts';
import { getWorkload } from '../../src/modules/coaching/use-cases/get-workload.ts';
import { listSessions } from '../../src/modules/coaching/use-cases/list-sessions.ts';
import { DEMO_ACCOUNTS } from '../../src/modules/demo/generators/accounts.ts';
import { type DemoSummary, generateDemoData } from '../../src/modules/demo/use-cases/generate-demo-data.ts';
import { diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
import { experts } from '../../src/modules/experts/db/tables.ts';
import {
  agreements,
  bankAccounts,
  claims,
  paymentBatchClaims,
  paymentBatches,
} from '../../src/modules/funding/db/tables.ts';
import { getBudget } from '../../src/modules/funding/use-cases/get-budget.ts';
import { users } from '../../src/modules/identity/db/tables.ts';
import { applications } from '../../src/modules/intake/db/tables.ts';
import { getIntakeSummary } from '../../src/modules/intake/use-cases/get-intake-summary.ts';
import { outreachMessages } from '../../src/modules/outreach/db/tables.ts';
import { getReminderSettings } from '../../src/modules/reminders/use-cases/get-reminder-settings.ts';
import { getProgramDashboard } from '../../src/modules/reporting/use-cases/get-program-dashboard.ts';
import { workshopRegistrations } from '../../src/modules/workshops/db/tables.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

const RETAILERS = 120;
const SEED = 3;
const DAY = 86_400_000;

let h: Harness;
let summary: DemoSummary;
let programId: string;
const emailOf = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
const as = async (email: string): Promise<Ctx> => h.as({ bearerToken: await h.token(email) });

/** What the demo holds, business by business (by NEQ, since ids differ from run to run). */
async function story(harness: Harness) {
  const db = harness.services.database.db;
  const rows = await db
    .select({
      neq: applications.neq,
      status: applications.status,
      expert: users.email,
      closed: applications.coachingClosedAt,
    })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.assignedExpertUserId));
  const scores = await db
    .select({ neq: applications.neq, phase: diagnostics.phase, overall: diagnostics.overall })
    .from(diagnostics)
    .innerJoin(applications, eq(applications.id, diagnostics.applicationId));
  const sessions = await db
    .select({
      neq: applications.neq,
      status: coachingSessions.status,
      minutes: coachingSessions.minutesLogged,
    })
    .from(coachingSessions)
    .innerJoin(applications, eq(applications.id, coachingSessions.applicationId));
  const byNeq = (a: { neq: string | null }, b: { neq: string | null }) =>
    (a.neq ?? '').localeCompare(b.neq ?? '');
  return {
    applications: rows.map((r) => ({ ...r, closed: r.closed !== null })).sort(byNeq),
    diagnostics: scores.sort((a, b) => byNeq(a, b) || a.phase.localeCompare(b.phase)),
    sessions: sessions.sort(
      (a, b) => byNeq(a, b) || a.status.localeCompare(b.status) || (a.minutes ?? 0) - (b.minutes ?? 0),
    ),
  };
}

beforeAll(async () => {
  h = await createHarness();
  const result = await generateDemoData(h.system, { retailers: RETAILERS, seed: SEED });
  summary = result.summary!;
  programId = await defaultProgramId(h);
}, 600_000);
afterAll(() => h?.close());

describe('demo generate', () => {
  it('takes applications through intake, with the statuses it reports', async () => {
    const intake = await getIntakeSummary(await as(emailOf('coordinator')), programId);
    expect(intake.counts).toEqual(summary.applications);
    expect(intake.reviewRequested).toBe(summary.reviewRequested);
    const { draft, submitted, info_requested, accepted, refused } = intake.counts;
    const applied = Object.values(intake.counts).reduce((a, b) => a + b, 0);
    expect(applied).toBeGreaterThan(RETAILERS * 0.85);
    expect(accepted).toBeGreaterThan(applied / 2);
    for (const n of [draft, submitted, info_requested, refused]) expect(n).toBeGreaterThan(0);
    // Ineligible applications were judged by the eligibility rules: none of them is accepted.
    const ineligible = await h.services.database.db
      .select({ status: applications.status })
      .from(applications)
      .where(eq(applications.eligible, false));
    expect(ineligible.length).toBeGreaterThan(0);
    expect(ineligible.every((a) => a.status !== 'accepted')).toBe(true);
  });

  it('has entry diagnostics whose scores spread', async () => {
    const t0 = await h.services.database.db
      .select({ overall: diagnostics.overall, level: diagnostics.level })
      .from(diagnostics)
      .where(and(eq(diagnostics.phase, 'T0'), eq(diagnostics.status, 'completed')));
    expect(t0.length).toBe(summary.entryDiagnostics.completed);
    expect(t0.length).toBeGreaterThan(summary.applications.accepted * 0.7);
    const scores = t0.map((d) => d.overall!);
    expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(40);
    expect(new Set(t0.map((d) => d.level)).size).toBeGreaterThanOrEqual(3);
  });

  it('gives every one of the twelve experts files, within their capacity', async () => {
    const workload = await getWorkload(await as(emailOf('coordinator')), {});
    expect(workload.items).toHaveLength(12);
    for (const expert of workload.items) {
      expect(expert.activeFiles).toBeGreaterThan(0);
      expect(expert.activeFiles).toBeLessThanOrEqual(expert.capacity);
      expect(expert.capacity).toBe(summary.experts.capacity);
    }
    const closed = await h.services.database.db.select().from(closures);
    expect(closed.length).toBe(summary.coaching.closedCompleted + summary.coaching.closedAbandoned);
    expect(workload.items.reduce((sum, e) => sum + e.activeFiles, 0)).toBe(
      summary.experts.filesAssigned - closed.length,
    );
    const regions = (await h.services.database.db.select({ regions: experts.regions }).from(experts)).flatMap(
      (e) => e.regions,
    );
    expect(new Set(regions).size).toBe(17);
  });

  it('coaches files: sessions held and ahead, plans, suppliers, closures, as reported', async () => {
    const db = h.services.database.db;
    const sessions = await db.select({ status: coachingSessions.status }).from(coachingSessions);
    const count = (status: string) => sessions.filter((s) => s.status === status).length;
    expect(count('held')).toBe(summary.coaching.sessionsHeld);
    expect(count('scheduled')).toBe(summary.coaching.sessionsAhead);
    expect(count('cancelled')).toBe(summary.coaching.sessionsCancelled);
    expect(summary.coaching.sessionsHeld).toBeGreaterThan(summary.experts.filesAssigned);
    expect(summary.coaching.plansApproved).toBeGreaterThan(10);
    expect(summary.coaching.plansWithOverdueAction).toBeGreaterThan(0);
    expect((await db.select().from(suppliers)).length).toBe(summary.coaching.suppliers);
    expect((await db.select().from(supplierRatings)).length).toBe(summary.coaching.ratings);
  });

  it('keeps the demo retailer’s file lively: accepted, diagnosed, coached by the demo expert, a session behind and one this week, a plan under way', async () => {
    const retailer = await as(emailOf('retailer'));
    const [file] = await h.services.database.db
      .select()
      .from(applications)
      .innerJoin(users, eq(users.id, applications.applicantId))
      .where(eq(users.email, emailOf('retailer')));
    expect(file!.applications.status).toBe('accepted');
    const [expertAccount] = await h.services.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, emailOf('expert')));
    expect(file!.applications.assignedExpertUserId).toBe(expertAccount!.id);
    const [t0] = await h.services.database.db
      .select()
      .from(diagnostics)
      .where(eq(diagnostics.applicationId, file!.applications.id));
    expect(t0).toMatchObject({ phase: 'T0', status: 'completed' });

    const { items } = await listSessions(retailer, { applicationId: file!.applications.id });
    const now = h.clock.now.getTime();
    expect(items.filter((s) => s.status === 'held')).toHaveLength(1);
    const ahead = items.filter((s) => s.status === 'scheduled');
    expect(ahead).toHaveLength(1);
    expect(new Date(ahead[0]!.startsAt).getTime() - now).toBeLessThan(7 * DAY);

    const plan = await getPlan(retailer, file!.applications.id);
    expect(plan.status).toBe('approved');
    expect(plan.progress.done).toBeGreaterThan(0);
    expect(plan.progress.done).toBeLessThan(plan.progress.total);
    expect(plan.actions.some((a) => a.status === 'in_progress')).toBe(true);
  });

  it('fills the demo expert’s week and flags files on their caseload', async () => {
    const caseload = await getCaseload(await as(emailOf('expert')), {});
    const now = h.clock.now.getTime();
    const thisWeek = caseload.items.filter(
      (f) => f.nextSession && new Date(f.nextSession.startsAt).getTime() - now < 7 * DAY,
    );
    expect(thisWeek.length).toBeGreaterThanOrEqual(2);
    expect(caseload.items.some((f) => f.flags.length > 0)).toBe(true);
  });

  it('funds approved plans: agreements in each state, claims at every review step, one batch paid', async () => {
    const db = h.services.database.db;
    const f = summary.funding;
    for (const story of [
      'draft',
      'offered',
      'content_due',
      'financial_due',
      'payment_due',
      'payable_unverified',
    ] as const)
      expect(f[story], `${story} in ${JSON.stringify(f)}`).toBe(1);
    expect(f.paid).toBe(2);
    const byStatus = (rows: { status: string }[]) => {
      const counts: Record<string, number> = {};
      for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
      return counts;
    };
    expect(byStatus(await db.select({ status: agreements.status }).from(agreements))).toEqual({
      draft: 1,
      offered: 1,
      accepted: f.claim_draft + 6,
    });
    const steps = await db.select({ status: claims.status, step: claims.reviewStep }).from(claims);
    expect(byStatus(steps)).toEqual({
      ...(f.claim_draft ? { draft: f.claim_draft } : {}),
      submitted: 1,
      content_approved: 1,
      financially_approved: 1,
      payment_approved: 1,
      paid: 2,
    });
    expect(
      steps
        .filter((c) => c.status !== 'draft')
        .map((c) => c.step ?? 'none')
        .sort(),
    ).toEqual(['content', 'financial', 'none', 'none', 'none', 'payment'].sort());
    // The approved claim waits outside the batch: its business's bank details are not verified yet.
    const [batch, ...others] = await db.select().from(paymentBatches);
    expect(others).toEqual([]);
    expect(batch!.status).toBe('paid');
    expect(await db.select().from(paymentBatchClaims)).toHaveLength(2);
    const banks = await db.select({ verifiedAt: bankAccounts.verifiedAt }).from(bankAccounts);
    expect(banks.filter((b) => b.verifiedAt).length).toBe(2);
    expect(banks.length).toBe(f.claim_draft + 6);

    // The grants envelope shows the money engaged and paid; coaching hours drew on the accompaniment one.
    const budget = await getBudget(await as('finances@demo.virage.quebec'), programId, {});
    const total = (key: string, figure: 'paidCents' | 'committedCents') =>
      budget.envelopes.find((e) => e.key === key)!.years.reduce((sum, y) => sum + y[figure], 0);
    expect(total('subventions', 'paidCents')).toBeGreaterThan(0);
    expect(total('accompagnement', 'committedCents')).toBeGreaterThan(0);
  });

  it('engages the businesses: a past webinar with attendance, a full workshop with a waitlist, a newsletter, reminders set', async () => {
    const db = h.services.database.db;
    const e = summary.engagement;
    expect(e).toMatchObject({ workshops: 2, waitlisted: 2, newsletters: 1 });
    expect(e.present).toBeGreaterThan(0);
    expect(e.satisfactionAnswers).toBeGreaterThan(0);
    const registrations = await db
      .select({ status: workshopRegistrations.status })
      .from(workshopRegistrations);
    expect(registrations.filter((r) => r.status === 'registered')).toHaveLength(e.registered);
    expect(registrations.filter((r) => r.status === 'waitlisted')).toHaveLength(2);
    // The program's dashboard shows the webinar's attendance and satisfaction, and the full workshop.
    const coordinator = await as(emailOf('coordinator'));
    const board = await getProgramDashboard(coordinator, programId, {});
    const [past, ahead] = board.workshops.items;
    expect(past!.present).toBe(e.present);
    expect(past!.attendanceRate).toBeGreaterThan(50);
    expect(past!.satisfaction.answers).toBe(e.satisfactionAnswers);
    expect(ahead).toMatchObject({ registered: 4, present: 0, attendanceRate: null });
    const [message] = await db.select().from(outreachMessages);
    expect(message).toMatchObject({ kind: 'newsletter', segment: { stages: ['t0_completed'] } });
    const settings = await getReminderSettings(coordinator, programId);
    expect(settings.find((s) => s.kind === 'draft-left-7-days')).toMatchObject({ enabled: true, days: 5 });
  });

  it('tells the same story for the same seed', async () => {
    const again = await createHarness();
    try {
      await generateDemoData(again.system, { retailers: RETAILERS, seed: SEED });
      expect(await story(again)).toEqual(await story(h));
    } finally {
      await again.close();
    }
  }, 600_000);
});
