import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { lockApplication, recordEvent } from '../db/application-writes.ts';
import { applications } from '../db/tables.ts';
import { detailOf } from './get-application.ts';
import { loadApplication } from './load-application.ts';

/** Law 25: the retailer asks a person to review the automated eligibility assessment. */
export const reviewRequestInput = z.strictObject({ message: z.string().trim().max(2000).optional() });

export async function requestHumanReview(ctx: Ctx, id: string, input: unknown = {}) {
  await loadApplication(ctx, id, 'application.request_review');
  const { message } = parseInput(reviewRequestInput, input, 'intake');
  const app = await transaction(ctx, async (tx) => {
    const app = await lockApplication(tx, id);
    if (!app.eligibility) throw new AppError('conflict', { key: 'intake:errors.nothing_to_review' });
    if (app.reviewRequestedAt) return app;
    const [saved] = await tx
      .update(applications)
      .set({ reviewRequestedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(applications.id, id))
      .returning();
    await recordEvent(tx, ctx, id, { kind: 'review_requested', message: message || null });
    await appendAudit(tx, ctx, {
      action: 'application.review_requested',
      entityType: 'application',
      entityId: id,
    });
    return saved!;
  });
  return detailOf(ctx, app, false);
}
