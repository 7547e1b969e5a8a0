import { and, eq, gt, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { programs } from '../../programs/db/tables.ts';
import { recordEvent } from './application-writes.ts';
import { applications } from './tables.ts';

/** What a file waits on the retailer for: a draft to submit, an answer, a coaching file's follow-up. */
export type FileWait = 'draft' | 'info_requested' | 'accepted' | 'closed';

/**
 * A program's files that have waited on their retailer since `before` or earlier (the reminders
 * module), with the instant the wait began: drafts by their last change, only while the intake is
 * open at `now` (one cannot submit after); information requests and acceptances by their decision,
 * while the coaching is not over; closed files by their closure. One set-based read over the review
 * queue's index (program, status).
 */
export async function filesWaitingSince(
  db: Executor,
  input: { programId: string; wait: FileWait; before: Date; now: Date },
) {
  const { before, now } = input;
  const since = {
    draft: applications.updatedAt,
    info_requested: applications.decidedAt,
    accepted: applications.decidedAt,
    closed: applications.coachingClosedAt,
  }[input.wait];
  const conditions: SQL[] = [
    eq(applications.programId, input.programId),
    eq(applications.status, input.wait === 'closed' ? 'accepted' : input.wait),
    isNotNull(applications.applicantId),
    lte(since, before),
    isNull(applications.anonymisedAt),
  ];
  if (input.wait === 'accepted') conditions.push(isNull(applications.coachingClosedAt));
  if (input.wait === 'draft') {
    conditions.push(
      sql`exists (select 1 from ${programs} where ${programs.id} = ${applications.programId} and ${or(
        isNull(programs.intakeClosesAt),
        gt(programs.intakeClosesAt, now),
      )})`,
    );
  }
  const rows = await db
    .select({
      applicationId: applications.id,
      applicantId: applications.applicantId,
      business: sql<string>`coalesce(nullif(${applications.tradeName}, ''), ${applications.legalName}, '')`,
      since,
    })
    .from(applications)
    .where(and(...conditions));
  return rows.map((r) => ({ ...r, applicantId: r.applicantId!, since: r.since! }));
}

/** A reminder sent about an application, in its history (the reminders module, in its transaction). */
export async function recordReminderSent(tx: Tx, ctx: Ctx, applicationId: string, kind: string) {
  await recordEvent(tx, ctx, applicationId, { kind: 'reminder_sent', message: kind });
}
