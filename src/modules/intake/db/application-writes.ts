import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor, Tx } from '../../../platform/db/client.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { columnsFromDraft, derivedColumns } from '../domain/application-draft.ts';
import type { ApplicationChanges } from '../domain/application-input.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import { isEstablishmentChoice } from '../domain/registry-check.ts';
import { insertConsent } from './consent-ledger.ts';
import { type ApplicationRow, currentConsentTexts, latestConsents } from './queries.ts';
import {
  applicationEvents,
  applicationRegistryChecks,
  applications,
  partnerOrganizations,
} from './tables.ts';

/**
 * Applies a retailer's changes to an application in `tx`: business facts, consents (each recorded
 * with the text version shown), attestation, referral code, the registry establishment chosen (kept
 * beside the registry check). Reports every bad field at once.
 */
export async function applyChanges(
  tx: Tx,
  ctx: Ctx,
  app: ApplicationRow,
  changes: ApplicationChanges,
): Promise<ApplicationRow> {
  const issues: FieldIssue[] = [];
  const { columns, issues: draftIssues } = changes.business
    ? columnsFromDraft(
        changes.business,
        { municipalityCode: app.municipalityCode, region: app.region },
        ctx.now(),
      )
    : { columns: {}, issues: [] };
  issues.push(...draftIssues);

  let partnerOrganizationId = app.partnerOrganizationId;
  let referralCode = app.referralCode;
  if (changes.referralCode !== undefined) {
    referralCode = changes.referralCode.toUpperCase() || null;
    partnerOrganizationId = null;
    if (referralCode) {
      const [partner] = await tx
        .select({ id: partnerOrganizations.id })
        .from(partnerOrganizations)
        .where(
          and(
            eq(partnerOrganizations.referralCode, referralCode),
            eq(partnerOrganizations.programId, app.programId),
          ),
        );
      if (partner) partnerOrganizationId = partner.id;
      else issues.push({ path: 'referralCode', key: 'intake:validation.referral_unknown' });
    }
  }
  const merged = { ...app, ...columns };
  if (changes.establishment !== undefined) {
    const [check] = await tx
      .select({ neq: applicationRegistryChecks.neq, facts: applicationRegistryChecks.facts })
      .from(applicationRegistryChecks)
      .where(eq(applicationRegistryChecks.applicationId, app.id));
    if (isEstablishmentChoice(check, merged.neq, changes.establishment))
      await tx
        .update(applicationRegistryChecks)
        .set({ establishment: changes.establishment })
        .where(eq(applicationRegistryChecks.applicationId, app.id));
    else issues.push({ path: 'establishment', key: 'intake:validation.establishment_unknown' });
  }
  if (issues.length > 0) throw new AppError('invalid_input', { fields: issues });

  const [updated] = await tx
    .update(applications)
    .set({
      ...columns,
      ...derivedColumns(merged),
      referralCode,
      partnerOrganizationId,
      ...(changes.attestation !== undefined ? { attestedAt: changes.attestation ? ctx.now() : null } : {}),
      ...(changes.draftStep !== undefined ? { draftStep: changes.draftStep } : {}),
      updatedAt: ctx.now(),
    })
    .where(eq(applications.id, app.id))
    .returning();

  if (changes.consents) {
    const texts = await currentConsentTexts(tx, app.programId);
    const before = await latestConsents(tx, app.id);
    for (const purpose of CONSENT_PURPOSES) {
      const granted = changes.consents[purpose];
      const text = texts[purpose];
      if (granted === undefined || !text) continue;
      if (before[purpose]?.granted === granted && before[purpose]?.consentTextId === text.id) continue;
      await insertConsent(tx, ctx, { applicationId: app.id, purpose, granted, consentTextId: text.id });
    }
  }
  return updated!;
}

/** Appends a line to the application's story (in the caller's transaction). */
export async function recordEvent(
  tx: Tx,
  ctx: Ctx,
  applicationId: string,
  event: {
    kind: (typeof applicationEvents.$inferInsert)['kind'];
    fromStatus?: string;
    toStatus?: string;
    message?: string | null;
  },
): Promise<void> {
  await tx.insert(applicationEvents).values({
    id: newId(),
    applicationId,
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    message: event.message ?? null,
    actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    actorName:
      ctx.actor.kind === 'user' ? ctx.actor.name : ctx.actor.kind === 'system' ? ctx.actor.label : null,
    occurredAt: ctx.now(),
  });
}

/** Locks an application row for a status change. */
export async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

export const waitlistPosition = async (tx: Executor, app: ApplicationRow): Promise<number | null> => {
  if (app.status !== 'waitlisted' || !app.waitlistedAt) return null;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(
      and(
        eq(applications.programId, app.programId),
        eq(applications.status, 'waitlisted'),
        sql`(${applications.waitlistedAt}, ${applications.id}) < (${app.waitlistedAt.toISOString()}::timestamptz, ${app.id}::uuid)`,
      ),
    );
  return (row?.n ?? 0) + 1;
};
