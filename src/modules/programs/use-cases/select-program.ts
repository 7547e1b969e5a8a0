import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programs } from '../db/tables.ts';
import { DEFAULT_PROGRAM } from '../domain/default-program.ts';
import type { Program } from './get-program.ts';

/**
 * The program a page is about, by its slug (`/programs/{slug}`, `?program=`); without one, the
 * default program, so that the addresses from before there were several keep working.
 */
export async function selectProgram(ctx: Ctx, slug: string | null | undefined): Promise<Program> {
  authorize(ctx.actor, 'program.read');
  const [program] = await ctx.db
    .select()
    .from(programs)
    .where(eq(programs.slug, slug || DEFAULT_PROGRAM.slug));
  if (!program) throw new AppError('not_found');
  return program;
}

/** The program created on first run: only for what has no program of its own to go by. */
export function defaultProgram(ctx: Ctx): Promise<Program> {
  return selectProgram(ctx, null);
}
