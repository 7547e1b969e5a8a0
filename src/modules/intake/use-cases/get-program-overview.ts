import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram, type Program, selectProgram } from '../../programs/index.ts';
import { currentConsentTexts, currentCriteria } from '../db/queries.ts';
import { CONSENT_PURPOSES, REQUIRED_PURPOSES } from '../domain/consents.ts';
import { figuresOf } from './list-program-figures.ts';

export type ProgramOverview = Awaited<ReturnType<typeof overviewOf>>;

/** A program as an applicant sees it: its live figures, eligibility criteria, consent texts and notice. */
export async function getProgramOverview(ctx: Ctx, programId: string) {
  authorize(ctx.actor, 'program.read');
  return overviewOf(ctx, await getProgram(ctx, programId), ctx.locale);
}

/** The same, for the program a page names by its slug (`?program=`; the default program without one). */
export async function selectProgramOverview(ctx: Ctx, slug: string | null | undefined) {
  return overviewOf(ctx, await selectProgram(ctx, slug), ctx.locale);
}

export async function overviewOf(ctx: Ctx, program: Program, locale: Locale) {
  const [figures, criteria, texts] = await Promise.all([
    figuresOf(ctx, program, locale),
    currentCriteria(ctx.db, program.id),
    currentConsentTexts(ctx.db, program.id),
  ]);
  return {
    ...figures,
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
