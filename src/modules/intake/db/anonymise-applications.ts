import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import {
  applicationClaims,
  applicationEvents,
  applicationRegistryChecks,
  applications,
  consents,
} from './tables.ts';

/**
 * Removes what identifies a business and the person behind it from applications (the retention job,
 * an account's deletion): names, NEQ, address, phones, e-mails, web links, free text, the link to the
 * applicant. Keeps the facts reports count: status, dates, region, subsector, size, revenue band,
 * founding year, eligibility, the program's decisions. Returns how many rows changed.
 */
export async function anonymiseApplications(tx: Tx, ids: string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const changed = await tx
    .update(applications)
    .set({
      applicantId: null,
      legalName: null,
      tradeName: null,
      neq: null,
      street: null,
      municipalityCode: null,
      municipalityName: null,
      postalCode: null,
      phone: null,
      email: null,
      website: null,
      socialLinks: [],
      goals: null,
      challenges: null,
      contactName: null,
      contactPhone: null,
      decisionReason: null,
      infoRequest: null,
      phoneKey: null,
      emailKey: null,
      addressKey: null,
      submittedFrom: null,
      searchText: '',
      anonymisedAt: at,
    })
    .where(inArray(applications.id, ids))
    .returning({ id: applications.id });
  // The registry's copy names the business (its names, its addresses): nothing in it is a statistic.
  await tx.delete(applicationRegistryChecks).where(inArray(applicationRegistryChecks.applicationId, ids));
  // Staff notes and reasons are free text; who acted stays as an id for the audit trail.
  await tx
    .update(applicationEvents)
    .set({ message: null, actorName: null })
    .where(inArray(applicationEvents.applicationId, ids));
  await tx.update(consents).set({ userId: null }).where(inArray(consents.applicationId, ids));
  // The links sent to claim a paper application name its address: they go.
  await tx.delete(applicationClaims).where(inArray(applicationClaims.applicationId, ids));
  return changed.length;
}

/** The applications of a person, with what deciding their account's deletion needs to know. */
export async function applicationsOfApplicant(tx: Tx, userId: string) {
  return tx
    .select({
      id: applications.id,
      status: applications.status,
      coachingClosedAt: applications.coachingClosedAt,
    })
    .from(applications)
    .where(sql`${applications.applicantId} = ${userId}`);
}
