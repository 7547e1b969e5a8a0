import { and, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { anyOf } from '../../../platform/db/bulk.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../domain/consents.ts';
import { type DuplicateMatch, matchesBetween } from '../domain/duplicates.ts';
import { employeeLimitOf } from '../domain/eligibility.ts';
import { ACTIVE_STATUSES } from '../domain/status.ts';
import { applications, consents, consentTexts, criteriaVersions, partnerMembers } from './tables.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type ConsentTextRow = typeof consentTexts.$inferSelect;

export async function currentCriteria(db: Executor, programId: string) {
  const [row] = await db
    .select()
    .from(criteriaVersions)
    .where(eq(criteriaVersions.programId, programId))
    .orderBy(desc(criteriaVersions.version))
    .limit(1);
  return row;
}

/** The latest version of each consent text of a program. */
export async function currentConsentTexts(
  db: Executor,
  programId: string,
): Promise<Partial<Record<ConsentPurpose, ConsentTextRow>>> {
  const rows = await db
    .selectDistinctOn([consentTexts.purpose])
    .from(consentTexts)
    .where(eq(consentTexts.programId, programId))
    .orderBy(consentTexts.purpose, desc(consentTexts.version));
  return Object.fromEntries(rows.map((r) => [r.purpose, r]));
}

/** Accepted applications and waitlist length: the live figures of the public page. */
export async function programCounts(
  db: Executor,
  programId: string,
): Promise<{ accepted: number; waitlisted: number }> {
  const rows = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(
      and(eq(applications.programId, programId), inArray(applications.status, ['accepted', 'waitlisted'])),
    )
    .groupBy(applications.status);
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { accepted: of('accepted'), waitlisted: of('waitlisted') };
}

export async function findApplication(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** The latest consent choice per purpose for an application. */
export async function latestConsents(db: Executor, applicationId: string) {
  const rows = await db
    .selectDistinctOn([consents.purpose])
    .from(consents)
    .where(eq(consents.applicationId, applicationId))
    .orderBy(consents.purpose, desc(consents.recordedAt), desc(consents.seq));
  return Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, rows.find((r) => r.purpose === p)])) as Record<
    ConsentPurpose,
    (typeof rows)[number] | undefined
  >;
}

/** Other applications sharing the NEQ, e-mail, phone or address of this one (possible duplicates). */
export async function possibleDuplicates(db: Executor, app: ApplicationRow) {
  const keys = { neq: app.neq, email: app.emailKey, phone: app.phoneKey, address: app.addressKey };
  const clauses = [
    keys.neq ? eq(applications.neq, keys.neq) : undefined,
    keys.email ? eq(applications.emailKey, keys.email) : undefined,
    keys.phone ? eq(applications.phoneKey, keys.phone) : undefined,
    keys.address ? eq(applications.addressKey, keys.address) : undefined,
  ].filter(Boolean);
  if (clauses.length === 0) return [];
  const rows = await db
    .select({
      id: applications.id,
      legalName: applications.legalName,
      status: applications.status,
      programId: applications.programId,
      neq: applications.neq,
      emailKey: applications.emailKey,
      phoneKey: applications.phoneKey,
      addressKey: applications.addressKey,
    })
    .from(applications)
    .where(and(ne(applications.id, app.id), ne(applications.status, 'draft'), or(...clauses)))
    .limit(20);
  return rows.map((r) => ({
    id: r.id,
    legalName: r.legalName,
    status: r.status,
    matches: matchesBetween(keys, {
      neq: r.neq,
      email: r.emailKey,
      phone: r.phoneKey,
      address: r.addressKey,
    }) as DuplicateMatch[],
  }));
}

/** Whether another active application of the program uses this NEQ (the "not already in the program" fact). */
export async function neqAlreadyInProgram(
  db: Executor,
  programId: string,
  neq: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(
      and(
        eq(applications.programId, programId),
        eq(applications.neq, neq),
        inArray(applications.status, [...ACTIVE_STATUSES]),
        exceptId ? ne(applications.id, exceptId) : sql`true`,
      ),
    );
  return Number(row?.n ?? 0) > 0;
}

/** The partner organisation a partner account speaks for, if any. */
export async function partnerOrganizationOf(db: Executor, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: partnerMembers.organizationId })
    .from(partnerMembers)
    .where(eq(partnerMembers.userId, userId));
  return row?.id;
}

/** What other modules need to know about an application to act on it (owner, status, business profile). */
export async function applicationProfile(db: Executor, id: string) {
  const [row] = await applicationProfiles(db, [id]);
  return row;
}

/** The same for many applications at once (bulk use cases), in no particular order. */
export async function applicationProfiles(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: applications.id,
      programId: applications.programId,
      applicantId: applications.applicantId,
      status: applications.status,
      legalName: applications.legalName,
      tradeName: applications.tradeName,
      neq: applications.neq,
      naics: applications.naics,
      employees: applications.employees,
      region: applications.region,
      municipality: applications.municipalityName,
      street: applications.street,
      postalCode: applications.postalCode,
      goals: applications.goals,
      assignedExpertUserId: applications.assignedExpertUserId,
      coachingClosedAt: applications.coachingClosedAt,
    })
    .from(applications)
    .where(ids.length === 1 ? eq(applications.id, ids[0]!) : anyOf(applications.id, ids));
}

/** Whether this person applied (to any program) with this NEQ. */
export async function appliedWithNeq(db: Executor, userId: string, neq: string): Promise<boolean> {
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.applicantId, userId), eq(applications.neq, neq)))
    .limit(1);
  return rows.length > 0;
}

/** Each program's employee limit under its current criteria (one query; absent: no limit). */
export async function employeeLimits(db: Executor, programIds: readonly string[]) {
  const limits = new Map<string, number>();
  if (programIds.length === 0) return limits;
  const rows = await db
    .selectDistinctOn([criteriaVersions.programId], {
      programId: criteriaVersions.programId,
      criteria: criteriaVersions.criteria,
    })
    .from(criteriaVersions)
    .where(inArray(criteriaVersions.programId, [...new Set(programIds)]))
    .orderBy(criteriaVersions.programId, desc(criteriaVersions.version));
  for (const row of rows) {
    const limit = employeeLimitOf(row.criteria);
    if (limit !== null) limits.set(row.programId, limit);
  }
  return limits;
}
