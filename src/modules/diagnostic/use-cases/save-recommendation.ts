import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { currentQuestionnaire } from '../db/queries.ts';
import { recommendations } from '../db/tables.ts';
import { EFFORTS } from '../domain/recommendations.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const cents = z.number().int().min(0).max(100_000_000);

export const saveRecommendationInput = z
  .strictObject({
    programId: z.uuid(),
    /** Identifies the recommendation: saving the same key again changes it. */
    key: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, { error: 'diagnostic:validation.id' }),
    dimensionId: z.string().max(60),
    minScore: z.number().int().min(0).max(100),
    maxScore: z.number().int().min(0).max(100),
    titleFr: text(200),
    titleEn: text(200),
    textFr: text(2000),
    textEn: text(2000),
    costMin: cents,
    costMax: cents,
    effort: z.enum(EFFORTS),
    priority: z.number().int().min(1).max(10).default(5),
    active: z.boolean().default(true),
  })
  .refine((r) => r.minScore <= r.maxScore, { path: ['maxScore'], error: 'diagnostic:validation.range_order' })
  .refine((r) => r.costMin <= r.costMax, { path: ['costMax'], error: 'diagnostic:validation.range_order' });

/** Adds or changes a recommendation of the library (administrators); it must target a dimension of the questionnaire. */
export async function saveRecommendation(
  ctx: Ctx,
  input: unknown,
): Promise<{ id: string; created: boolean }> {
  authorize(ctx.actor, 'recommendation.manage');
  const data = parseInput(saveRecommendationInput, input, 'diagnostic');
  const questionnaire = await currentQuestionnaire(ctx.db, data.programId);
  if (!questionnaire?.content.dimensions.some((d) => d.id === data.dimensionId)) {
    throw fieldError('dimensionId', 'diagnostic:validation.unknown_dimension');
  }
  return transaction(ctx, async (tx) => {
    const [existing] = await tx
      .select({ id: recommendations.id })
      .from(recommendations)
      .where(and(eq(recommendations.programId, data.programId), eq(recommendations.key, data.key)))
      .for('update');
    const id = existing?.id ?? newId();
    if (existing)
      await tx
        .update(recommendations)
        .set({ ...data, updatedAt: ctx.now() })
        .where(eq(recommendations.id, id));
    else await tx.insert(recommendations).values({ id, ...data, createdAt: ctx.now(), updatedAt: ctx.now() });
    await appendAudit(tx, ctx, {
      action: existing ? 'recommendation.changed' : 'recommendation.created',
      entityType: 'recommendation',
      entityId: id,
      changes: data,
    });
    return { id, created: !existing };
  });
}
