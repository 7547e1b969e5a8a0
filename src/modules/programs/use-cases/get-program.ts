import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programs } from '../db/tables.ts';

export type Program = typeof programs.$inferSelect;

/** One program's settings (public: the presentation page shows them). */
export async function getProgram(ctx: Ctx, id: string): Promise<Program> {
  authorize(ctx.actor, 'program.read');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [program] = await ctx.db.select().from(programs).where(eq(programs.id, id));
  if (!program) throw new AppError('not_found');
  return program;
}
