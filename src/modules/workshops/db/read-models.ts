import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../../kernel/locale.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../identity/db/tables.ts';
import type { AttendanceTally } from '../domain/workshops.ts';
import { workshopRegistrations, workshops } from './tables.ts';

/**
 * Training hours per business for the program's reports (beside coaching hours): the minutes
 * attended at workshops, recorded present.
 */
export function hoursTrained(): SQL {
  return sql`select ${workshopRegistrations.applicationId} as application_id,
      sum(${workshopRegistrations.minutesAttended}) / 60.0 as value
    from ${workshopRegistrations}
    where ${workshopRegistrations.present} and ${workshopRegistrations.minutesAttended} > 0
    group by ${workshopRegistrations.applicationId}`;
}

/**
 * For the ministry's indicators, per business: the share of its places held at workshops whose
 * attendance was recorded that it attended, in percent.
 */
export function workshopAttendanceShare(): SQL {
  const r = workshopRegistrations;
  return sql`select ${r.applicationId} as application_id,
      (100.0 * count(*) filter (where ${r.present}) / count(*))::float8 as value
    from ${r}
    where ${r.status} = 'registered' and ${r.present} is not null
    group by ${r.applicationId}`;
}

/** For the ministry's indicators, per business: its mean answer to the workshops' satisfaction question (1 to 5). */
export function workshopSatisfaction(): SQL {
  const r = workshopRegistrations;
  return sql`select ${r.applicationId} as application_id, avg(${r.satisfaction})::float8 as value
    from ${r}
    where ${r.status} = 'registered' and ${r.satisfaction} is not null
    group by ${r.applicationId}`;
}

/** Hours of workshops a business attended, for its accompaniment (coaching shows them beside its hours). */
export async function trainingHoursOf(db: Executor, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ minutes: sql<number>`coalesce(sum(${workshopRegistrations.minutesAttended}), 0)::int` })
    .from(workshopRegistrations)
    .where(
      and(eq(workshopRegistrations.applicationId, applicationId), eq(workshopRegistrations.present, true)),
    );
  return Math.round(((row?.minutes ?? 0) / 60) * 100) / 100;
}

export type UpcomingRegistration = {
  registrationId: string;
  applicationId: string;
  userId: string;
  locale: Locale;
  workshopId: string;
  titleFr: string;
  titleEn: string;
  startsAt: Date;
  durationMinutes: number;
  format: 'in_person' | 'online';
  place: string | null;
  link: string | null;
};

/**
 * For the reminders module: the places held (registered) at published workshops starting in
 * [from, to), with what a reminder says. Offers and the waitlist are not reminded.
 */
export async function workshopsStartingBetween(
  db: Executor,
  programId: string,
  from: Date,
  to: Date,
): Promise<UpcomingRegistration[]> {
  return db
    .select({
      registrationId: workshopRegistrations.id,
      applicationId: workshopRegistrations.applicationId,
      userId: workshopRegistrations.userId,
      locale: users.locale,
      workshopId: workshops.id,
      titleFr: workshops.titleFr,
      titleEn: workshops.titleEn,
      startsAt: workshops.startsAt,
      durationMinutes: workshops.durationMinutes,
      format: workshops.format,
      place: workshops.place,
      link: workshops.link,
    })
    .from(workshopRegistrations)
    .innerJoin(workshops, eq(workshops.id, workshopRegistrations.workshopId))
    .innerJoin(users, eq(users.id, workshopRegistrations.userId))
    .where(
      and(
        eq(workshops.programId, programId),
        eq(workshops.status, 'published'),
        inArray(workshopRegistrations.status, ['registered']),
        gte(workshops.startsAt, from),
        lt(workshops.startsAt, to),
      ),
    )
    .orderBy(workshops.startsAt);
}

/** Which registrations a segment of the program's businesses keeps (the outreach module's criterion). */
export type ParticipantFilter = {
  /** These workshops of the program; absent or empty: any of its workshops. */
  ids?: readonly string[];
  /** Only those recorded present; otherwise every business holding a place (or present). */
  attended?: boolean;
};

/**
 * A program's workshop participants as a subquery of `(application_id, user_id)`, read in one
 * statement by whoever narrows its businesses (outreach's segments).
 */
export function workshopParticipants(programId: string, filter: ParticipantFilter): SQL {
  const r = workshopRegistrations;
  const conditions = [
    eq(workshops.programId, programId),
    filter.attended ? eq(r.present, true) : sql`(${r.status} = 'registered' or ${r.present})`,
  ];
  if (filter.ids?.length) conditions.push(inArray(workshops.id, [...filter.ids]));
  return sql`select ${r.applicationId} as application_id, ${r.userId} as user_id
    from ${r} join ${workshops} on ${workshops.id} = ${r.workshopId}
    where ${and(...conditions)}`;
}

export type WorkshopTally = AttendanceTally & {
  id: string;
  titleFr: string;
  titleEn: string;
  startsAt: Date;
  registered: number;
};

/**
 * For the program's dashboard: each published workshop starting in [from, to) with its places held
 * and its attendance and satisfaction tallies, counted by the database in one statement.
 */
export async function workshopTallies(
  db: Executor,
  programId: string,
  period: { from?: Date; to?: Date },
): Promise<WorkshopTally[]> {
  const r = workshopRegistrations;
  const held = sql`${r.status} = 'registered'`;
  const rows = await db
    .select({
      id: workshops.id,
      titleFr: workshops.titleFr,
      titleEn: workshops.titleEn,
      startsAt: workshops.startsAt,
      registered: sql<number>`count(${r.id}) filter (where ${held})::int`,
      recorded: sql<number>`count(${r.id}) filter (where ${held} and ${r.present} is not null)::int`,
      present: sql<number>`count(${r.id}) filter (where ${held} and ${r.present})::int`,
      answers: sql<number>`count(${r.satisfaction}) filter (where ${held})::int`,
      ratingSum: sql<number>`coalesce(sum(${r.satisfaction}) filter (where ${held}), 0)::int`,
    })
    .from(workshops)
    .leftJoin(r, eq(r.workshopId, workshops.id))
    .where(
      and(
        eq(workshops.programId, programId),
        eq(workshops.status, 'published'),
        period.from ? gte(workshops.startsAt, period.from) : undefined,
        period.to ? lt(workshops.startsAt, period.to) : undefined,
      ),
    )
    .groupBy(workshops.id)
    .orderBy(workshops.startsAt, workshops.id);
  return rows.map((w) => ({
    ...w,
    registered: Number(w.registered),
    recorded: Number(w.recorded),
    present: Number(w.present),
    answers: Number(w.answers),
    ratingSum: Number(w.ratingSum),
  }));
}
