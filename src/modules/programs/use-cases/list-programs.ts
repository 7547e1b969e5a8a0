import { asc } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { programs } from '../db/tables.ts';

export type ProgramSummary = typeof programs.$inferSelect;

/** Every program, oldest first (the public home page presents them). */
export async function listPrograms(ctx: Ctx): Promise<ProgramSummary[]> {
  authorize(ctx.actor, 'program.read');
  return ctx.db.select().from(programs).orderBy(asc(programs.createdAt));
}
