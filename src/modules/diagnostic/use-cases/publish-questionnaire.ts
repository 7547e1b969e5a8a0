import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { questionnaires } from '../db/tables.ts';

/** Publishes a draft: new diagnostics use it; diagnostics already started keep their version. */
export async function publishQuestionnaire(ctx: Ctx, id: string): Promise<{ id: string; version: number }> {
  authorize(ctx.actor, 'questionnaire.manage');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  return transaction(ctx, async (tx) => {
    const [published] = await tx
      .update(questionnaires)
      .set({ status: 'published', publishedAt: ctx.now(), updatedAt: ctx.now() })
      .where(and(eq(questionnaires.id, id), eq(questionnaires.status, 'draft')))
      .returning({ id: questionnaires.id, version: questionnaires.version });
    if (!published) {
      const [exists] = await tx
        .select({ id: questionnaires.id })
        .from(questionnaires)
        .where(eq(questionnaires.id, id));
      throw new AppError(exists ? 'conflict' : 'not_found', {
        key: exists ? 'diagnostic:errors.already_published' : undefined,
      });
    }
    await appendAudit(tx, ctx, {
      action: 'questionnaire.published',
      entityType: 'questionnaire',
      entityId: id,
      changes: { version: published.version },
    });
    return published;
  });
}
