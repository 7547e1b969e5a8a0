import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { consentLedgerOf } from '../db/consent-ledger.ts';
import { type ConsentStanding, consentStandings, REQUIRED_PURPOSES } from '../domain/consents.ts';

export type BusinessConsents = {
  applicationId: string;
  programId: string;
  businessName: string | null;
  consents: (ConsentStanding & { required: boolean })[];
};

/** Each of the person's businesses with where every consent purpose stands (text version, times). */
export async function listMyConsents(ctx: Ctx): Promise<{ businesses: BusinessConsents[] }> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'consent.manage_own');
  return { businesses: await consentsOfApplicant(ctx.db, actor.id) };
}

/** The standings of an applicant's businesses, read in `db` (also inside a change's transaction). */
export async function consentsOfApplicant(db: Executor, applicantId: string): Promise<BusinessConsents[]> {
  const ledger = await consentLedgerOf(db, applicantId);
  const byApplication = Map.groupBy(ledger, (row) => row.applicationId);
  return [...byApplication.values()].map((rows) => ({
    applicationId: rows[0]!.applicationId,
    programId: rows[0]!.programId,
    businessName: rows[0]!.businessName,
    consents: consentStandings(rows).map((s) => ({ ...s, required: REQUIRED_PURPOSES.includes(s.purpose) })),
  }));
}
