import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sizeBandOf } from '../../src/kernel/business.ts';
import { formatDate } from '../../src/kernel/format.ts';
import { REGION_CODES } from '../../src/kernel/quebec.ts';
import { actionPlans, closures } from '../../src/modules/coaching/db/tables.ts';
import { randomFor } from '../../src/modules/demo/generators/random.ts';
import { scoreGains } from '../../src/modules/diagnostic/db/reporting.ts';
import { diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
import { assignments } from '../../src/modules/experts/db/tables.ts';
import { cohortIds } from '../../src/modules/intake/db/reporting.ts';
import { applicationEvents, applications, partnerOrganizations } from '../../src/modules/intake/db/tables.ts';
import {
  COHORT_STEPS,
  type CohortGroup,
  type KeptCohortFilter,
  keptCohortCounts,
  keptGainSummaries,
} from '../../src/modules/reporting/db/cohort-counts.ts';
import { cohortCounts } from '../../src/modules/reporting/db/tables.ts';
import { periodInstants } from '../../src/modules/reporting/use-cases/report-period.ts';
import { selectRows } from '../../src/platform/db/client.ts';
import { newId } from '../../src/platform/ids.ts';
import { type ExpertFixture, expert } from '../support/coaching.ts';
import { randomDiagnostics } from '../support/diagnostic.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

let h: Harness;
let programId: string;
let questionnaireId: string;
let coach: ExpertFixture;
const partners: string[] = [];
const db = () => h.services.database.db;
const DAY = 86_400_000;
const NAICS = ['441', '445', '448', '453'];
const STATUSES = ['draft', 'submitted', 'accepted', 'refused', 'waitlisted', 'withdrawn'] as const;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const current = await h.request(`/api/v1/questionnaires/current?programId=${programId}`);
  questionnaireId = ((await current.json()) as { id: string }).id;
  coach = await expert(h, await h.token((await h.user('coordinator')).email));
  for (const code of ['A', 'B']) {
    const id = newId();
    await db()
      .insert(partnerOrganizations)
      .values({ id, programId, name: `Partenaire ${code}`, referralCode: `KC-${code}` });
    partners.push(id);
  }
});
afterAll(() => h?.close());

/**
 * Random applications over fourteen months (hours apart, so that month ends in Montréal are crossed),
 * in every status, some with a partner or the expert, each with what may follow: T0 and T1 (completed
 * or not), an assignment (active or ended), a plan (draft or approved), a closure, an acceptance event.
 */
async function addApplications(seed: number, count: number): Promise<string[]> {
  const random = randomFor(seed, 'cohort-counts');
  const start = Date.parse('2026-01-15T12:00:00Z');
  const ids: string[] = [];
  // One decimal, as scoring keeps them; a dimension sometimes missing from one phase.
  const score = () => random.int(0, 1000) / 10;
  const scores = () => ({
    overall: score(),
    dimensions: Object.fromEntries(
      ['strategie', 'vente', 'marketing'].filter(() => random.chance(0.9)).map((d) => [d, score()]),
    ),
  });
  for (let i = 0; i < count; i++) {
    const id = newId();
    const status = random.pick(STATUSES);
    const submittedAt = status === 'draft' ? null : new Date(start + random.int(0, 420 * 24) * 3_600_000);
    const at = (days: number) => new Date((submittedAt ?? new Date(start)).getTime() + days * DAY);
    await db()
      .insert(applications)
      .values({
        id,
        programId,
        status,
        submittedAt,
        region: random.chance(0.95) ? random.pick(REGION_CODES.slice(0, 4)) : null,
        naics: random.pick(NAICS),
        employees: random.chance(0.9) ? random.int(0, 60) : null,
        eligible: random.chance(0.2) ? null : random.chance(0.8),
        decidedAt: status === 'accepted' && random.chance(0.95) ? at(3) : null,
        waitlistedAt: random.chance(0.15) ? at(2) : null,
        partnerOrganizationId: random.chance(0.3) ? random.pick(partners) : null,
        assignedExpertUserId: status === 'accepted' && random.chance(0.4) ? coach.userId : null,
      });
    if (status === 'withdrawn' && random.chance(0.5))
      await db()
        .insert(applicationEvents)
        .values({ id: newId(), applicationId: id, kind: 'accepted', occurredAt: at(3) });
    if (status === 'accepted' || status === 'withdrawn') {
      await randomDiagnostics(
        db(),
        random,
        { applicationId: id, programId, questionnaireId },
        { t0: 0.7, t1: 0.3 },
        at(10),
        () => ({ scores: scores() }),
      );
      if (random.chance(0.5))
        await db()
          .insert(assignments)
          .values({
            id: newId(),
            programId,
            applicationId: id,
            expertId: coach.id,
            status: random.chance(0.7) ? 'active' : 'ended',
            assignedAt: at(5),
          });
      if (random.chance(0.4)) {
        const approved = random.chance(0.6);
        await db()
          .insert(actionPlans)
          .values({
            applicationId: id,
            status: approved ? 'approved' : 'draft',
            approvedAt: approved ? at(20) : null,
          });
      }
      if (random.chance(0.2))
        await db()
          .insert(closures)
          .values({ applicationId: id, outcome: 'completed', closedAt: at(60) });
    }
    ids.push(id);
  }
  return ids;
}

type Fact = {
  submittedDay: string;
  month: string;
  region: string | null;
  naics: string | null;
  sizeBand: string | null;
  partnerId: string | null;
  expertUserId: string | null;
  acceptedNow: number;
} & Record<(typeof COHORT_STEPS)[number], number>;

/** Every submitted application's steps, read the obvious way from the tables the facts come from. */
async function recount(): Promise<Fact[]> {
  const apps = await db().select().from(applications).where(eq(applications.programId, programId));
  const ids = apps.map((a) => a.id);
  if (ids.length === 0) return [];
  const events = await db()
    .select()
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, ids));
  const diags = await db().select().from(diagnostics).where(inArray(diagnostics.applicationId, ids));
  const assigned = await db().select().from(assignments).where(inArray(assignments.applicationId, ids));
  const plans = await db().select().from(actionPlans).where(inArray(actionPlans.applicationId, ids));
  const closed = await db().select().from(closures).where(inArray(closures.applicationId, ids));
  const done = (id: string, phase: 'T0' | 'T1') =>
    diags.some(
      (d) => d.applicationId === id && d.phase === phase && d.status === 'completed' && d.completedAt,
    );
  const flag = (b: boolean) => (b ? 1 : 0);
  return apps
    .filter((a) => a.submittedAt !== null)
    .map((a) => {
      const submittedDay = formatDate(a.submittedAt as Date);
      return {
        submittedDay,
        month: `${submittedDay.slice(0, 7)}-01`,
        region: a.region,
        naics: a.naics,
        sizeBand: sizeBandOf(a.employees),
        partnerId: a.partnerOrganizationId,
        expertUserId: a.assignedExpertUserId,
        applications: 1,
        eligible: flag(a.eligible === true),
        accepted: flag(
          (a.status === 'accepted' && a.decidedAt !== null) ||
            (a.status === 'withdrawn' &&
              events.some((e) => e.applicationId === a.id && e.kind === 'accepted')),
        ),
        acceptedNow: flag(a.status === 'accepted'),
        waitlisted: flag(a.waitlistedAt !== null),
        t0_done: flag(done(a.id, 'T0')),
        assigned: flag(assigned.some((s) => s.applicationId === a.id)),
        plan_approved: flag(
          plans.some((p) => p.applicationId === a.id && p.status === 'approved' && p.approvedAt),
        ),
        closed: flag(closed.some((c) => c.applicationId === a.id)),
        t1_done: flag(done(a.id, 'T1')),
      };
    });
}

const STEPS_AND_NOW = [...COHORT_STEPS, 'acceptedNow'] as const;

/** Facts added up per key, zero sums left out (a group whose files all left keeps a row of zeros). */
function sumBy(facts: Fact[], keyOf: (f: Fact) => string): Map<string, Record<string, number>> {
  const sums = new Map<string, Record<string, number>>();
  for (const f of facts) {
    const sum = sums.get(keyOf(f)) ?? Object.fromEntries(STEPS_AND_NOW.map((s) => [s, 0]));
    for (const s of STEPS_AND_NOW) sum[s] = (sum[s] ?? 0) + f[s];
    sums.set(keyOf(f), sum);
  }
  return sums;
}
const nonZero = (sums: Map<string, Record<string, number>>) =>
  new Map([...sums].filter(([, s]) => Object.values(s).some((v) => v !== 0)));

async function expectKeptCountsToMatch() {
  type Group = Pick<Fact, 'month' | 'region' | 'naics' | 'sizeBand'>;
  const kept = await selectRows<Group & Record<string, string | number | null>>(
    db(),
    sql`select month::text as month, region, naics, size_band as "sizeBand", ${sql.raw(COHORT_STEPS.join(', '))},
      accepted_now as "acceptedNow" from reporting_cohort_counts where program_id = ${programId}`,
  );
  const key = (g: Group) => [g.month, g.region, g.naics, g.sizeBand].join('|');
  const keptSums = new Map(
    kept.map((k) => [key(k), Object.fromEntries(STEPS_AND_NOW.map((s) => [s, Number(k[s])]))]),
  );
  expect(nonZero(keptSums)).toEqual(nonZero(sumBy(await recount(), key)));
}

/** What `keptCohortCounts` must answer for a filter: the recount's facts that pass it, grouped. */
async function expectCohortToMatch(all: Fact[], filter: Omit<KeptCohortFilter, 'programId'>) {
  const facts = all.filter(
    (f) =>
      (filter.from === undefined || f.submittedDay >= filter.from) &&
      (filter.to === undefined || f.submittedDay <= filter.to) &&
      (filter.region === undefined || f.region === filter.region) &&
      (filter.partnerId === undefined || f.partnerId === filter.partnerId) &&
      (filter.expertUserId === undefined || f.expertUserId === filter.expertUserId),
  );
  const groups = await keptCohortCounts(db(), { programId, ...filter });
  const asSums = (g: CohortGroup) => Object.fromEntries(STEPS_AND_NOW.map((s) => [s, g[s]]));
  const of = (breakdown: CohortGroup['breakdown']) =>
    nonZero(new Map(groups.filter((g) => g.breakdown === breakdown).map((g) => [String(g.key), asSums(g)])));
  const total = groups.find((g) => g.breakdown === 'total');
  expect(total && asSums(total)).toEqual(
    sumBy(facts, () => 'total').get('total') ?? Object.fromEntries(STEPS_AND_NOW.map((s) => [s, 0])),
  );
  expect(of('region')).toEqual(nonZero(sumBy(facts, (f) => String(f.region))));
  expect(of('subsector')).toEqual(nonZero(sumBy(facts, (f) => String(f.naics))));
  expect(of('size_band')).toEqual(nonZero(sumBy(facts, (f) => String(f.sizeBand))));
  // The gains, against diagnostic's row-by-row summary over the same cohort.
  const { from, to, ...chosen } = filter;
  const expected = await scoreGains(
    db(),
    cohortIds({ programId, ...chosen, ...periodInstants({ from, to }) }),
  );
  const kept = await keptGainSummaries(db(), { programId, ...filter });
  expect(kept.map((g) => [g.measure, g.pairs, g.improved])).toEqual(
    expected.map((g) => [g.measure, g.pairs, g.improved]),
  );
  for (const [k, g] of kept.entries()) {
    expect(g.mean).toBeCloseTo(expected[k]?.mean ?? Number.NaN, 9);
    expect(g.variance).toBeCloseTo(expected[k]?.variance ?? Number.NaN, 9);
  }
}

const FILTERS: Omit<KeptCohortFilter, 'programId'>[] = [
  {},
  // Whole months only; days at both ends; within one month; open at one end with a ragged other end.
  { from: '2026-03-01', to: '2026-08-31' },
  { from: '2026-02-17', to: '2026-11-03' },
  { from: '2026-05-04', to: '2026-05-20' },
  { from: '2026-06-10' },
  { to: '2026-09-29' },
  { region: '06', from: '2026-04-15', to: '2027-01-31' },
];

describe('the dashboard’s kept cohort counts', () => {
  it('agree with a recount from the source tables after inserts, and answer every filter alike', async () => {
    await addApplications(1, 150);
    await expectKeptCountsToMatch();
    const facts = await recount();
    for (const filter of FILTERS) await expectCohortToMatch(facts, filter);
    await expectCohortToMatch(facts, { partnerId: partners[0] as string });
    await expectCohortToMatch(facts, { expertUserId: coach.userId, from: '2026-04-01' });
  }, 120_000);

  it('follow updates, withdrawals, ended assignments, reopened plans and deletions, direct or cascaded', async () => {
    const ids = await addApplications(2, 80);
    const [a, b, c, d, e] = ids;
    // A file moves region and size band, gets submitted later, loses its partner.
    await db()
      .update(applications)
      .set({
        region: '11',
        employees: 55,
        submittedAt: new Date('2026-12-31T23:30:00-05:00'),
        partnerOrganizationId: null,
      })
      .where(eq(applications.id, a as string));
    // Withdrawn after an acceptance (its event kept), back to draft, refused.
    await db()
      .insert(applicationEvents)
      .values({ id: newId(), applicationId: b as string, kind: 'accepted', occurredAt: new Date() });
    await db()
      .update(applications)
      .set({ status: 'withdrawn' })
      .where(eq(applications.id, b as string));
    await db()
      .update(applications)
      .set({ submittedAt: null, status: 'draft' })
      .where(eq(applications.id, c as string));
    await db()
      .update(assignments)
      .set({ status: 'ended', endedAt: new Date() })
      .where(inArray(assignments.applicationId, ids));
    await db()
      .update(actionPlans)
      .set({ status: 'draft', approvedAt: null })
      .where(inArray(actionPlans.applicationId, ids.slice(0, 40)));
    await db()
      .delete(closures)
      .where(inArray(closures.applicationId, ids.slice(40)));
    await db()
      .delete(diagnostics)
      .where(inArray(diagnostics.applicationId, ids.slice(20, 50)));
    // Deleted with everything that hangs on it (diagnostics, plans, closures by cascade).
    await db()
      .delete(applications)
      .where(inArray(applications.id, [d as string, e as string]));
    await expectKeptCountsToMatch();
    const facts = await recount();
    for (const filter of FILTERS) await expectCohortToMatch(facts, filter);
    await expectCohortToMatch(facts, { partnerId: partners[1] as string, to: '2026-10-10' });
  }, 120_000);

  it('are filled again from the facts by the migration’s refresh, and emptied by a truncate', async () => {
    await db().execute(sql`truncate reporting_cohort_facts`);
    expect(await db().select().from(cohortCounts)).toEqual([]);
    await db().execute(
      sql`select reporting_cohort_facts_refresh(array(select id from applications where submitted_at is not null))`,
    );
    await expectKeptCountsToMatch();
    await expectCohortToMatch(await recount(), { from: '2026-02-17', to: '2026-11-03' });
  });
});
