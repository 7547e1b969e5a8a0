import { and, asc, desc, eq } from 'drizzle-orm';
import { PRIVACY_POLICY_VERSION } from '../../../kernel/privacy-policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import type { ConsentPurpose, ConsentRecord } from '../domain/consents.ts';
import { applications, consents, consentTexts } from './tables.ts';

/**
 * Appends one choice to the consent ledger in `tx`, with the text shown and the privacy policy in
 * force: a consent is never edited, a withdrawal or a renewed consent is a new record.
 */
export async function insertConsent(
  tx: Tx,
  ctx: Ctx,
  choice: { applicationId: string; purpose: ConsentPurpose; granted: boolean; consentTextId: string },
): Promise<void> {
  await tx.insert(consents).values({
    id: newId(),
    ...choice,
    userId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    privacyPolicyVersion: PRIVACY_POLICY_VERSION,
    recordedAt: ctx.now(),
  });
}

export type ConsentLedgerRow = ConsentRecord & {
  applicationId: string;
  programId: string;
  businessName: string | null;
};

/** Every consent record of the businesses a person applied for, oldest first. */
export async function consentLedgerOf(db: Executor, applicantId: string): Promise<ConsentLedgerRow[]> {
  const rows = await db
    .select({
      applicationId: applications.id,
      programId: applications.programId,
      tradeName: applications.tradeName,
      legalName: applications.legalName,
      purpose: consents.purpose,
      granted: consents.granted,
      recordedAt: consents.recordedAt,
      textVersion: consentTexts.version,
    })
    .from(consents)
    .innerJoin(applications, eq(applications.id, consents.applicationId))
    .innerJoin(consentTexts, eq(consentTexts.id, consents.consentTextId))
    .where(eq(applications.applicantId, applicantId))
    .orderBy(asc(applications.createdAt), asc(consents.recordedAt), asc(consents.seq));
  return rows.map(({ tradeName, legalName, ...row }) => ({ ...row, businessName: tradeName || legalName }));
}

/** Whether the business's latest choice for this purpose is a consent (a withdrawal wins at once). */
export async function consentIsActive(
  db: Executor,
  applicationId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const [latest] = await db
    .select({ granted: consents.granted })
    .from(consents)
    .where(and(eq(consents.applicationId, applicationId), eq(consents.purpose, purpose)))
    .orderBy(desc(consents.recordedAt), desc(consents.seq))
    .limit(1);
  return latest?.granted ?? false;
}
