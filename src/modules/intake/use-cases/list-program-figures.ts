import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import { listPrograms, type Program } from '../../programs/index.ts';
import { programCounts } from '../db/queries.ts';
import { intakeOpen, placesRemaining } from '../domain/capacity.ts';

export type ProgramFigures = Awaited<ReturnType<typeof figuresOf>>;

/**
 * Every program with its live figures only (places left, waitlist, intake window): what the public
 * home page shows, without the criteria and consent texts an application form needs (two queries fewer
 * on the busiest page).
 */
export async function listProgramFigures(ctx: Ctx) {
  const programs = await listPrograms(ctx);
  return Promise.all(programs.map((program) => figuresOf(ctx, program, ctx.locale)));
}

export async function figuresOf(ctx: Ctx, program: Program, locale: Locale) {
  const counts = await programCounts(ctx.db, program.id);
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
  };
}
