import { and, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { anyOf } from '../../../platform/db/bulk.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { users } from '../../identity/db/tables.ts';
import { assignments, experts } from './tables.ts';

export type ExpertRow = typeof experts.$inferSelect;

/** Experts with their account name and e-mail and how many active files each has. */
export async function expertsWithLoad(
  db: Executor,
  where?: { programId?: string; ids?: string[]; userId?: string },
) {
  const load = db
    .select({ expertId: assignments.expertId, activeFiles: count().as('active_files') })
    .from(assignments)
    .where(eq(assignments.status, 'active'))
    .groupBy(assignments.expertId)
    .as('load');
  const rows = await db
    .select({
      expert: experts,
      email: users.email,
      name: users.name,
      locale: users.locale,
      activeFiles: sql<number>`coalesce(${load.activeFiles}, 0)::int`,
    })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .leftJoin(load, eq(load.expertId, experts.id))
    .where(
      and(
        where?.programId ? eq(experts.programId, where.programId) : undefined,
        where?.ids ? anyOf(experts.id, where.ids) : undefined,
        where?.userId ? eq(experts.userId, where.userId) : undefined,
      ),
    )
    .orderBy(users.name);
  return rows.map((r) => ({
    ...r.expert,
    email: r.email,
    name: r.name,
    locale: r.locale,
    activeFiles: Number(r.activeFiles),
  }));
}

export type ExpertWithLoad = Awaited<ReturnType<typeof expertsWithLoad>>[number];

/** The last expert each business of the program had before (continuity), from ended assignments. */
export async function previousExperts(db: Executor, programId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinctOn([assignments.applicationId], {
      applicationId: assignments.applicationId,
      expertId: assignments.expertId,
    })
    .from(assignments)
    .where(and(eq(assignments.programId, programId), eq(assignments.status, 'ended')))
    .orderBy(assignments.applicationId, sql`${assignments.endedAt} desc`);
  return new Map(rows.map((r) => [r.applicationId, r.expertId]));
}

/** The expert coaching a business now, with what invitations and e-mails need; undefined if none. */
export async function activeExpertOf(db: Executor, applicationId: string) {
  return (await activeExpertsOf(db, [applicationId])).get(applicationId);
}

/** The same for many businesses in one query (lists), by application id; businesses without one are absent. */
export async function activeExpertsOf(db: Executor, applicationIds: string[]) {
  const rows = await db
    .select({
      applicationId: assignments.applicationId,
      expertId: experts.id,
      userId: experts.userId,
      name: users.name,
      email: users.email,
      locale: users.locale,
    })
    .from(assignments)
    .innerJoin(experts, eq(experts.id, assignments.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .where(and(inArray(assignments.applicationId, applicationIds), eq(assignments.status, 'active')));
  return new Map(rows.map(({ applicationId, ...expert }) => [applicationId, expert]));
}

/** The active assignments of these businesses; with `lock`, held until the transaction ends (confirmations). */
export async function activeAssignmentsOf(
  db: Executor,
  applicationIds: string[],
  options: { lock: boolean },
) {
  const query = db
    .select({ id: assignments.id, applicationId: assignments.applicationId, expertId: assignments.expertId })
    .from(assignments)
    .where(and(anyOf(assignments.applicationId, applicationIds), eq(assignments.status, 'active')));
  return options.lock ? query.for('update') : query;
}

/** The name, e-mail and language of these accounts (retailers to e-mail), by user id. */
export async function accountContacts(db: Executor, userIds: string[]) {
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(anyOf(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Holds an expert's row until the transaction ends, so that checks on their agenda or load cannot race. */
export async function lockExpert(tx: Executor, expertId: string): Promise<void> {
  await lockExperts(tx, [expertId]);
}

/** The same for several experts, always in the order of their ids, so that two callers cannot deadlock. */
export async function lockExperts(tx: Executor, expertIds: string[]): Promise<void> {
  if (expertIds.length === 0) return;
  await tx
    .select({ id: experts.id })
    .from(experts)
    .where(inArray(experts.id, expertIds))
    .orderBy(experts.id)
    .for('update');
}

/** Ends the active assignment of a business (closure), keeping it as history. */
export async function endActiveAssignment(
  tx: Executor,
  applicationId: string,
  at: Date,
  reason: string,
): Promise<void> {
  await tx
    .update(assignments)
    .set({ status: 'ended', endedAt: at, endReason: reason })
    .where(and(eq(assignments.applicationId, applicationId), eq(assignments.status, 'active')));
}

/**
 * A closure undone: the business gets back the expert whose assignment the closure ended, if they are
 * still available and have room (their lock held); otherwise it waits for an expert (undefined).
 */
export async function restoreClosedAssignment(
  tx: Executor,
  applicationId: string,
  at: Date,
  by: string | null,
): Promise<ExpertWithLoad | undefined> {
  const [last] = await tx
    .select()
    .from(assignments)
    .where(and(eq(assignments.applicationId, applicationId), like(assignments.endReason, 'closed:%')))
    .orderBy(desc(assignments.endedAt))
    .limit(1);
  if (!last) return undefined;
  await lockExpert(tx, last.expertId);
  const [expert] = await expertsWithLoad(tx, { ids: [last.expertId] });
  if (expert?.status !== 'active' || expert.activeFiles >= expert.capacity) return undefined;
  await tx.insert(assignments).values({
    id: newId(),
    programId: last.programId,
    applicationId,
    expertId: last.expertId,
    score: last.score,
    reasons: last.reasons,
    assignedAt: at,
    assignedBy: by,
  });
  return expert;
}

/** An expert's name, e-mail and language (invitations, e-mails). */
export async function expertContact(db: Executor, expertId: string) {
  return (await expertContacts(db, [expertId])).get(expertId);
}

/** The same for several experts, by expert id. */
export async function expertContacts(db: Executor, expertIds: string[]) {
  const rows = await db
    .select({
      expertId: experts.id,
      userId: experts.userId,
      name: users.name,
      email: users.email,
      locale: users.locale,
    })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(inArray(experts.id, expertIds));
  return new Map(rows.map((r) => [r.expertId, r]));
}

/** Every assignment a business had, oldest first, with the expert's name (the file's history). */
export async function assignmentHistory(db: Executor, applicationId: string) {
  return (
    db
      .select({
        expertId: assignments.expertId,
        expertName: users.name,
        assignedAt: assignments.assignedAt,
        endedAt: assignments.endedAt,
        endReason: assignments.endReason,
      })
      .from(assignments)
      .innerJoin(experts, eq(experts.id, assignments.expertId))
      .innerJoin(users, eq(users.id, experts.userId))
      .where(eq(assignments.applicationId, applicationId))
      // At the same instant, the ended one first (ascending puts nulls last).
      .orderBy(assignments.assignedAt, assignments.endedAt)
  );
}

/** When each of these businesses got its current expert. */
export async function assignedSince(db: Executor, applicationIds: string[]): Promise<Map<string, Date>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ applicationId: assignments.applicationId, assignedAt: assignments.assignedAt })
    .from(assignments)
    .where(and(inArray(assignments.applicationId, applicationIds), eq(assignments.status, 'active')));
  return new Map(rows.map((r) => [r.applicationId, r.assignedAt]));
}
