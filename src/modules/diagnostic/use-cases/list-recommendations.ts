import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { recommendations } from '../db/tables.ts';

export const listRecommendationsInput = z.strictObject({ programId: z.uuid() });

/** The recommendations library of a program, by dimension then score range (administrators). */
export async function listRecommendations(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'recommendation.manage');
  const { programId } = parseInput(listRecommendationsInput, input, 'diagnostic');
  const rows = await ctx.db
    .select()
    .from(recommendations)
    .where(eq(recommendations.programId, programId))
    .orderBy(asc(recommendations.dimensionId), asc(recommendations.minScore), asc(recommendations.key));
  return { items: rows.map(({ programId: _, createdAt: __, ...r }) => r) };
}
