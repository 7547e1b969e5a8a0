import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram, type Program } from '../../programs/index.ts';
import { currentConsentTexts, currentCriteria, programCounts } from '../db/queries.ts';
import { intakeOpen, placesRemaining } from '../domain/capacity.ts';
import { CONSENT_PURPOSES, REQUIRED_PURPOSES } from '../domain/consents.ts';

export type ProgramOverview = Awaited<ReturnType<typeof overviewOf>>;

/** A program as the public sees it, with live figures: places left, intake open or not, waitlist. */
export async function getProgramOverview(ctx: Ctx, programId: string) {
  authorize(ctx.actor, 'program.read');
  return overviewOf(ctx, await getProgram(ctx, programId), ctx.locale);
}

export async function overviewOf(ctx: Ctx, program: Program, locale: Locale) {
  const [counts, criteria, texts] = await Promise.all([
    programCounts(ctx.db, program.id),
    currentCriteria(ctx.db, program.id),
    currentConsentTexts(ctx.db, program.id),
  ]);
  const remaining = placesRemaining(program.targetRetailers, counts.accepted);
  return {
    id: program.id,
    slug: program.slug,
    name: locale === 'fr' ? program.nameFr : program.nameEn,
    description: locale === 'fr' ? program.descriptionFr : program.descriptionEn,
    targetRetailers: program.targetRetailers,
    acceptedRetailers: counts.accepted,
    placesRemaining: remaining,
    /** Shown when the program is full: how many are waiting. */
    waitlistLength: counts.waitlisted,
    full: remaining === 0,
    intakeOpen: intakeOpen({ opensAt: program.intakeOpensAt, closesAt: program.intakeClosesAt }, ctx.now()),
    intakeOpensAt: program.intakeOpensAt,
    intakeClosesAt: program.intakeClosesAt,
    automatedDecisionNotice:
      locale === 'fr' ? program.automatedDecisionNoticeFr : program.automatedDecisionNoticeEn,
    criteriaVersion: criteria?.version ?? 0,
    criteria: (criteria?.criteria ?? []).map((c) => ({ id: c.id, label: c.label[locale] })),
    consentTexts: CONSENT_PURPOSES.flatMap((purpose) => {
      const text = texts[purpose];
      return text
        ? [
            {
              purpose,
              version: text.version,
              required: REQUIRED_PURPOSES.includes(purpose),
              text: locale === 'fr' ? text.textFr : text.textEn,
            },
          ]
        : [];
    }),
  };
}
