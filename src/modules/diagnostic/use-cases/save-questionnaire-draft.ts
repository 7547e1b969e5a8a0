import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { questionnaires } from '../db/tables.ts';
import { questionnaireContentSchema } from '../domain/questionnaire-schema.ts';

export const questionnaireDraftInput = z.strictObject({
  programId: z.uuid(),
  content: questionnaireContentSchema,
});

/** A new draft version of the questionnaire (administrators): previewed, then published. */
export async function saveQuestionnaireDraft(
  ctx: Ctx,
  input: unknown,
): Promise<{ id: string; version: number }> {
  authorize(ctx.actor, 'questionnaire.manage');
  const { programId, content } = parseInput(questionnaireDraftInput, input, 'diagnostic');
  await getProgram(ctx, programId);
  return transaction(ctx, async (tx) => {
    const [latest] = await tx
      .select({ version: questionnaires.version })
      .from(questionnaires)
      .where(eq(questionnaires.programId, programId))
      .orderBy(desc(questionnaires.version))
      .limit(1)
      .for('update');
    const id = newId();
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(questionnaires).values({
      id,
      programId,
      version,
      status: 'draft',
      content,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'questionnaire.draft_saved',
      entityType: 'questionnaire',
      entityId: id,
      changes: { programId, version },
    });
    return { id, version };
  });
}
