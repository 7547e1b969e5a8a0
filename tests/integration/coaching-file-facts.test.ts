import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionPlans,
  closures,
  coachingExpertOutcomes,
  coachingFileFacts,
  coachingSessions,
  outcomeSurveys,
  planActions,
} from '../../src/modules/coaching/db/tables.ts';
import { randomFor } from '../../src/modules/demo/generators/random.ts';
import { diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
import { assignments } from '../../src/modules/experts/db/tables.ts';
import { applications } from '../../src/modules/intake/db/tables.ts';
import { newId } from '../../src/platform/ids.ts';
import { type ExpertFixture, expert } from '../support/coaching.ts';
import { randomDiagnostics } from '../support/diagnostic.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

let h: Harness;
let programId: string;
let questionnaireId: string;
const coaches: ExpertFixture[] = [];
const db = () => h.services.database.db;
const DAY = 86_400_000;
const START = Date.parse('2026-06-01T12:00:00Z');

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const current = await h.request(`/api/v1/questionnaires/current?programId=${programId}`);
  questionnaireId = ((await current.json()) as { id: string }).id;
  const staff = await h.token((await h.user('coordinator')).email);
  coaches.push(await expert(h, staff), await expert(h, staff));
});
afterAll(() => h?.close());

/** Accepted files, each coached by one of the experts: sessions, diagnostics, a plan, some closed with a survey. */
async function addFiles(seed: number, count: number): Promise<string[]> {
  const random = randomFor(seed, 'coaching-file-facts');
  const ids: string[] = [];
  const at = (days: number) => new Date(START + days * DAY);
  for (let i = 0; i < count; i++) {
    const id = newId();
    await db()
      .insert(applications)
      .values({ id, programId, status: 'accepted', submittedAt: at(0), decidedAt: at(1) });
    await randomDiagnostics(
      db(),
      random,
      { applicationId: id, programId, questionnaireId },
      { t0: 0.8, t1: 0.5 },
      at(10),
      () => ({ overall: random.int(0, 1000) / 10 }),
    );
    const closed = random.chance(0.4);
    await db()
      .insert(assignments)
      .values({
        id: newId(),
        programId,
        applicationId: id,
        expertId: random.pick(coaches).id,
        status: closed ? 'ended' : 'active',
        assignedAt: at(random.int(2, 5)),
        endedAt: closed ? at(90) : null,
        endReason: closed ? 'closed:completed' : null,
      });
    for (let s = 0; s < random.int(0, 3); s++)
      await db()
        .insert(coachingSessions)
        .values({
          id: newId(),
          applicationId: id,
          expertId: coaches[0]!.id,
          startsAt: at(random.int(6, 80)),
          durationMinutes: 60,
          mode: 'video',
          status: random.pick(['scheduled', 'held', 'cancelled'] as const),
        });
    if (random.chance(0.8)) {
      await db()
        .insert(actionPlans)
        .values({ applicationId: id, status: 'approved', approvedAt: at(20) });
      for (let p = 1; p <= random.int(0, 3); p++)
        await db()
          .insert(planActions)
          .values({
            id: newId(),
            applicationId: id,
            position: p,
            objective: `Objectif ${p}`,
            status: random.pick(['todo', 'in_progress', 'done'] as const),
          });
    }
    if (closed) {
      await db()
        .insert(closures)
        .values({ applicationId: id, outcome: 'completed', closedAt: at(90) });
      if (random.chance(0.7))
        await db()
          .insert(outcomeSurveys)
          .values({
            id: newId(),
            programId,
            applicationId: id,
            wave: 'closure',
            dueAt: at(100),
            sentAt: at(90),
            answeredAt: random.chance(0.8) ? at(95) : null,
            answers: random.chance(0.9)
              ? ({ satisfactionExpert: random.int(1, 5) } as never)
              : ({ jobsCreated: 1 } as never),
          });
    }
    ids.push(id);
  }
  return ids;
}

/** Each file's facts, worked out the obvious way from the rows they come from. */
async function recount() {
  const apps = await db().select().from(applications).where(eq(applications.programId, programId));
  const ids = apps.map((a) => a.id);
  const of = <T extends { applicationId: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.applicationId === id);
  const assigned = await db().select().from(assignments).where(inArray(assignments.applicationId, ids));
  const closed = await db().select().from(closures).where(inArray(closures.applicationId, ids));
  const sessions = await db()
    .select()
    .from(coachingSessions)
    .where(inArray(coachingSessions.applicationId, ids));
  const diags = await db().select().from(diagnostics).where(inArray(diagnostics.applicationId, ids));
  const surveys = await db().select().from(outcomeSurveys).where(inArray(outcomeSurveys.applicationId, ids));
  const actions = await db().select().from(planActions).where(inArray(planActions.applicationId, ids));
  const facts = [];
  for (const id of ids.sort()) {
    const isClosed = of(closed, id).length > 0;
    const active = of(assigned, id).find((a) => a.status === 'active');
    const closing = of(assigned, id)
      .filter((a) => isClosed && a.endReason?.startsWith('closed:'))
      .sort((x, y) => (y.endedAt?.getTime() ?? 0) - (x.endedAt?.getTime() ?? 0))[0];
    const app = apps.find((a) => a.id === id)!;
    const open = active && !isClosed && app.submittedAt ? active : undefined;
    if (!open && !closing) continue;
    const held = of(sessions, id)
      .filter((s) => s.status === 'held')
      .map((s) => s.startsAt.getTime());
    const completed = (phase: 'T0' | 'T1') =>
      closing ? of(diags, id).find((d) => d.phase === phase && d.status === 'completed') : undefined;
    const [t0, t1] = [completed('T0'), completed('T1')];
    const survey = closing
      ? of(surveys, id).find((s) => s.wave === 'closure' && s.answeredAt !== null)
      : undefined;
    const satisfaction = (survey?.answers as { satisfactionExpert?: number } | null)?.satisfactionExpert;
    facts.push({
      applicationId: id,
      programId: app.programId,
      openSince: open ? new Date(held.length > 0 ? Math.max(...held) : open.assignedAt.getTime()) : null,
      closedBy: closing?.expertId ?? null,
      paired: t0 && t1 ? 1 : 0,
      t0Overall: t0 && t1 ? t0.overall : null,
      t1Overall: t0 && t1 ? t1.overall : null,
      surveyAnswered: survey ? 1 : 0,
      satisfaction: satisfaction ?? null,
      actions: of(actions, id).length,
      actionsDone: of(actions, id).filter((a) => a.status === 'done').length,
    });
  }
  return facts;
}

const kept = () => db().select().from(coachingFileFacts).orderBy(coachingFileFacts.applicationId);

/** The recounted facts of closed files added up per program and expert, scores in tenths. */
async function sumsOfRecount() {
  const sums = new Map<string, Omit<typeof coachingExpertOutcomes.$inferSelect, 'programId' | 'expertId'>>();
  for (const f of await recount()) {
    if (!f.closedBy) continue;
    const s = sums.get(f.closedBy) ?? {
      closedFiles: 0,
      pairs: 0,
      t0Sum: 0,
      gainSum: 0,
      t0Squares: 0,
      t0Gains: 0,
      surveys: 0,
      ratings: 0,
      ratingSum: 0,
      actions: 0,
      actionsDone: 0,
    };
    s.closedFiles += 1;
    if (f.t0Overall !== null && f.t1Overall !== null) {
      const [t0, gain] = [Math.round(f.t0Overall * 10), Math.round((f.t1Overall - f.t0Overall) * 10)];
      s.pairs += 1;
      s.t0Sum += t0;
      s.gainSum += gain;
      s.t0Squares += t0 * t0;
      s.t0Gains += t0 * gain;
    }
    s.surveys += f.surveyAnswered;
    if (f.satisfaction !== null) {
      s.ratings += 1;
      s.ratingSum += f.satisfaction;
    }
    s.actions += f.actions;
    s.actionsDone += f.actionsDone;
    sums.set(f.closedBy, s);
  }
  return [...sums.entries()]
    .map(([expertId, s]) => ({ programId, expertId, ...s }))
    .sort((x, y) => x.expertId.localeCompare(y.expertId));
}

/** The kept facts and sums equal what their sources say (an expert whose files all reopened keeps a row of zeros). */
async function expectKeptEqualRecount() {
  expect(await kept()).toEqual(await recount());
  const sums = await db().select().from(coachingExpertOutcomes).orderBy(coachingExpertOutcomes.expertId);
  expect(sums.filter((s) => s.closedFiles !== 0 || s.actions !== 0 || s.pairs !== 0)).toEqual(
    await sumsOfRecount(),
  );
}

describe('coaching file facts (decision 48)', () => {
  it('equal a recount from their sources after every kind of change', async () => {
    const ids = await addFiles(1, 40);
    await expectKeptEqualRecount();
    expect((await kept()).some((f) => f.openSince) && (await kept()).some((f) => f.closedBy)).toBe(true);

    // A session held, then a bulk change of every session's hour.
    const [scheduled] = await db()
      .select()
      .from(coachingSessions)
      .where(and(inArray(coachingSessions.applicationId, ids), eq(coachingSessions.status, 'scheduled')))
      .limit(1);
    await db()
      .update(coachingSessions)
      .set({ status: 'held', startsAt: new Date(START + 120 * DAY) })
      .where(eq(coachingSessions.id, scheduled!.id));
    await db().execute(sql`update coaching_sessions set starts_at = starts_at + interval '1 hour'`);
    await expectKeptEqualRecount();

    // A closed file reopened (closure deleted, assignment active again); an open file closed by another expert.
    const facts = await kept();
    const closedOne = facts.find((f) => f.closedBy)!.applicationId;
    await db().delete(closures).where(eq(closures.applicationId, closedOne));
    await db()
      .update(assignments)
      .set({ status: 'active', endedAt: null, endReason: null })
      .where(eq(assignments.applicationId, closedOne));
    const openOne = facts.find((f) => f.openSince)!.applicationId;
    await db()
      .update(assignments)
      .set({ status: 'ended', endedAt: new Date(START + 30 * DAY), endReason: 'reassigned' })
      .where(eq(assignments.applicationId, openOne));
    await db()
      .insert(assignments)
      .values({
        id: newId(),
        programId,
        applicationId: openOne,
        expertId: coaches[1]!.id,
        assignedAt: new Date(START + 30 * DAY),
      });
    await expectKeptEqualRecount();
    await db()
      .update(assignments)
      .set({ status: 'ended', endedAt: new Date(START + 95 * DAY), endReason: 'closed:abandoned' })
      .where(and(eq(assignments.applicationId, openOne), eq(assignments.status, 'active')));
    await db()
      .insert(closures)
      .values({ applicationId: openOne, outcome: 'abandoned', closedAt: new Date(START + 95 * DAY) });
    await expectKeptEqualRecount();

    // Outcomes change: surveys answered, actions done, a T1 rescored, a T0 deleted, a file deleted.
    await db()
      .update(outcomeSurveys)
      .set({ answeredAt: new Date(START + 99 * DAY), answers: { satisfactionExpert: 2 } as never })
      .where(inArray(outcomeSurveys.applicationId, ids));
    await db().update(planActions).set({ status: 'done' }).where(eq(planActions.position, 1));
    await db().execute(sql`update diagnostics set overall = least(100, overall + 5) where phase = 'T1'`);
    const paired = (await kept()).find((f) => f.paired === 1)!.applicationId;
    await db()
      .delete(diagnostics)
      .where(and(eq(diagnostics.applicationId, paired), eq(diagnostics.phase, 'T0')));
    await db()
      .delete(applications)
      .where(eq(applications.id, facts.at(-1)!.applicationId));
    await expectKeptEqualRecount();
  });

  it('are rebuilt as the migration fills them', async () => {
    await db().execute(sql`delete from coaching_file_facts`);
    expect(await db().select().from(coachingFileFacts)).toEqual([]);
    await db().execute(
      sql`select coaching_file_facts_refresh(array(select distinct application_id from assignments))`,
    );
    await expectKeptEqualRecount();
  });
});
