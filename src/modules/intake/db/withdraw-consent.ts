import { and, eq, sql } from 'drizzle-orm';
import { PRIVACY_POLICY_VERSION } from '../../../kernel/privacy-policy.ts';
import { appendAudits } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import type { ConsentPurpose } from '../domain/consents.ts';
import { hasActiveConsent } from './reporting-reads.ts';
import { applications, consents, consentTexts } from './tables.ts';

/**
 * Withdraws a person's consent to `purpose` for every business of theirs where it stands, in the
 * caller's transaction (an unsubscribe link needs no sign-in, so the caller names the person): a
 * refusal recorded in the ledger with the current text and policy, as when they withdraw it from
 * their privacy page, and audited. Returns the businesses changed (none: it was already withdrawn).
 */
export async function withdrawConsentOfPerson(
  tx: Tx,
  ctx: Ctx,
  person: { id: string; role: string; email: string },
  purpose: ConsentPurpose,
): Promise<string[]> {
  const targets = await tx
    .select({
      applicationId: applications.id,
      textId: sql<string>`(select ${consentTexts.id} from ${consentTexts}
        where ${consentTexts.programId} = ${applications.programId} and ${consentTexts.purpose} = ${purpose}
        order by ${consentTexts.version} desc limit 1)`,
      textVersion: sql<number>`(select ${consentTexts.version} from ${consentTexts}
        where ${consentTexts.programId} = ${applications.programId} and ${consentTexts.purpose} = ${purpose}
        order by ${consentTexts.version} desc limit 1)`,
    })
    .from(applications)
    .where(and(eq(applications.applicantId, person.id), hasActiveConsent(purpose)));
  if (targets.length === 0) return [];
  await tx.insert(consents).values(
    targets.map((t) => ({
      id: newId(),
      applicationId: t.applicationId,
      userId: person.id,
      purpose,
      granted: false,
      consentTextId: t.textId,
      privacyPolicyVersion: PRIVACY_POLICY_VERSION,
      recordedAt: ctx.now(),
    })),
  );
  await appendAudits(
    tx,
    ctx,
    targets.map((t) => ({
      action: 'consent.withdrawn',
      entityType: 'application',
      entityId: t.applicationId,
      changes: { purpose, textVersion: Number(t.textVersion), privacyPolicyVersion: PRIVACY_POLICY_VERSION },
      as: person,
    })),
  );
  return targets.map((t) => t.applicationId);
}
