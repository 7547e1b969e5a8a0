import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { setAutomatedDecisionNotice } from '../../programs/index.ts';
import { currentCriteria } from '../db/queries.ts';
import { consentTexts, criteriaVersions } from '../db/tables.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import { DEFAULT_AUTOMATED_DECISION_NOTICE, DEFAULT_CONSENT_TEXTS } from '../domain/defaults.ts';
import { DEFAULT_CRITERIA } from '../domain/eligibility.ts';

/** First run: gives a program without criteria the default criteria, consent texts and notice (version 1). */
export async function ensureIntakeDefaults(ctx: Ctx, programId: string): Promise<void> {
  if (ctx.actor.kind !== 'system') return;
  if (await currentCriteria(ctx.db, programId)) return;
  await transaction(ctx, async (tx) => {
    const inserted = await tx
      .insert(criteriaVersions)
      .values({ id: newId(), programId, version: 1, criteria: DEFAULT_CRITERIA, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: criteriaVersions.id });
    if (inserted.length === 0) return; // another process did it
    await tx.insert(consentTexts).values(
      CONSENT_PURPOSES.map((purpose) => ({
        id: newId(),
        programId,
        purpose,
        version: 1,
        textFr: DEFAULT_CONSENT_TEXTS[purpose].fr,
        textEn: DEFAULT_CONSENT_TEXTS[purpose].en,
        createdAt: ctx.now(),
      })),
    );
    await setAutomatedDecisionNotice(tx, programId, DEFAULT_AUTOMATED_DECISION_NOTICE);
    await appendAudit(tx, ctx, {
      action: 'program.intake_defaults_created',
      entityType: 'program',
      entityId: programId,
      changes: { criteriaVersion: 1, criteria: DEFAULT_CRITERIA.map((c) => c.id) },
    });
  });
}
