import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { workshopRegistrations } from '../db/tables.ts';
import { loadRegistration } from './load-workshop.ts';

export const satisfactionInput = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

/** The participant answers the satisfaction question once the workshop has ended, once. */
export async function answerSatisfaction(
  ctx: Ctx,
  workshopId: string,
  registrationId: string,
  input: unknown,
) {
  const { workshop, registration, resource } = await loadRegistration(ctx, workshopId, registrationId);
  authorizeVisible(ctx.actor, 'workshop.satisfaction', resource);
  const data = parseInput(satisfactionInput, input, 'workshops');
  const end = workshop.startsAt.getTime() + workshop.durationMinutes * 60_000;
  if (registration.status !== 'registered' || end > ctx.now().getTime())
    throw new AppError('conflict', { key: 'workshops:errors.not_ended' });
  if (registration.answeredAt) throw new AppError('conflict', { key: 'workshops:errors.already_answered' });
  await transaction(ctx, async (tx) => {
    await tx
      .update(workshopRegistrations)
      .set({
        satisfaction: data.rating,
        satisfactionComment: data.comment || null,
        answeredAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(workshopRegistrations.id, registration.id));
    await appendAudit(tx, ctx, {
      action: 'workshop.satisfaction_answered',
      entityType: 'workshop',
      entityId: workshop.id,
      changes: { registrationId: registration.id, rating: data.rating },
    });
  });
  return { registrationId: registration.id, rating: data.rating, comment: data.comment || null };
}
