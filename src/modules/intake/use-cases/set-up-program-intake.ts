import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { setAutomatedDecisionNotice } from '../../programs/index.ts';
import { currentConsentTexts, currentCriteria } from '../db/queries.ts';
import { consentTexts, criteriaVersions } from '../db/tables.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import { DEFAULT_AUTOMATED_DECISION_NOTICE, DEFAULT_CONSENT_TEXTS } from '../domain/defaults.ts';
import { DEFAULT_CRITERIA } from '../domain/eligibility.ts';

export type IntakeSetUp = {
  criteria: string[];
  /** The versions copied from the source program (none: the defaults). */
  copiedVersions?: { criteria: number; consentTexts: Record<string, number> };
};

/**
 * A new program's eligibility criteria and consent texts, as its version 1, in the caller's
 * transaction: the current versions of `copyFrom`'s, or the defaults (and then the default
 * automated-decision notice). Undefined when the program already had criteria (another process).
 */
export async function setUpProgramIntake(
  tx: Tx,
  ctx: Ctx,
  programId: string,
  copyFrom?: string,
): Promise<IntakeSetUp | undefined> {
  const [source, sourceTexts] = copyFrom
    ? await Promise.all([currentCriteria(tx, copyFrom), currentConsentTexts(tx, copyFrom)])
    : [undefined, {}];
  const criteria = source?.criteria ?? DEFAULT_CRITERIA;
  const inserted = await tx
    .insert(criteriaVersions)
    .values({ id: newId(), programId, version: 1, criteria, createdAt: ctx.now() })
    .onConflictDoNothing()
    .returning({ id: criteriaVersions.id });
  if (inserted.length === 0) return undefined;
  await tx.insert(consentTexts).values(
    CONSENT_PURPOSES.map((purpose) => ({
      id: newId(),
      programId,
      purpose,
      version: 1,
      textFr: sourceTexts[purpose]?.textFr ?? DEFAULT_CONSENT_TEXTS[purpose].fr,
      textEn: sourceTexts[purpose]?.textEn ?? DEFAULT_CONSENT_TEXTS[purpose].en,
      createdAt: ctx.now(),
    })),
  );
  // A copy keeps the source's notice with its other settings; a fresh program gets the default one.
  if (!source) await setAutomatedDecisionNotice(tx, programId, DEFAULT_AUTOMATED_DECISION_NOTICE);
  return {
    criteria: criteria.map((c) => c.id),
    ...(source && {
      copiedVersions: {
        criteria: source.version,
        consentTexts: Object.fromEntries(
          Object.entries(sourceTexts).map(([purpose, text]) => [purpose, text.version]),
        ),
      },
    }),
  };
}
