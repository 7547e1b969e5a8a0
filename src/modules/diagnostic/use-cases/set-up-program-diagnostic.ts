import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { currentQuestionnaire } from '../db/queries.ts';
import { questionnaires, recommendations } from '../db/tables.ts';
import { DEFAULT_QUESTIONNAIRE } from '../domain/default-questionnaire.ts';
import { DEFAULT_RECOMMENDATIONS } from '../domain/default-recommendations.ts';

export type DiagnosticSetUp = {
  questionnaireId: string;
  recommendations: number;
  /** The source program's published version that was copied (none: the default questionnaire). */
  copiedVersion?: number;
};

/**
 * A new program's own questionnaire (published, version 1) and recommendations library, in the
 * caller's transaction: copies of `copyFrom`'s published version and library, or the defaults. Each
 * program points to its own questionnaire, so editing one never changes another's diagnostics.
 * Undefined when the program already had a questionnaire (another process).
 */
export async function setUpProgramDiagnostic(
  tx: Tx,
  ctx: Ctx,
  programId: string,
  copyFrom?: string,
): Promise<DiagnosticSetUp | undefined> {
  const source = copyFrom ? await currentQuestionnaire(tx, copyFrom) : undefined;
  const id = newId();
  const inserted = await tx
    .insert(questionnaires)
    .values({
      id,
      programId,
      version: 1,
      status: 'published',
      content: source?.content ?? DEFAULT_QUESTIONNAIRE,
      publishedAt: ctx.now(),
    })
    .onConflictDoNothing()
    .returning({ id: questionnaires.id });
  if (inserted.length === 0) return undefined;
  const library = source
    ? (await tx.select().from(recommendations).where(eq(recommendations.programId, copyFrom!))).map(
        ({ id: _, programId: __, createdAt: ___, updatedAt: ____, ...r }) => r,
      )
    : DEFAULT_RECOMMENDATIONS.map((r) => ({
        key: r.id,
        dimensionId: r.dimensionId,
        minScore: r.minScore,
        maxScore: r.maxScore,
        titleFr: r.title.fr,
        titleEn: r.title.en,
        textFr: r.text.fr,
        textEn: r.text.en,
        costMin: r.costMin,
        costMax: r.costMax,
        effort: r.effort,
        priority: r.priority,
      }));
  if (library.length > 0)
    await tx
      .insert(recommendations)
      .values(library.map((r) => ({ ...r, id: newId(), programId })))
      .onConflictDoNothing();
  return {
    questionnaireId: id,
    recommendations: library.length,
    ...(source && { copiedVersion: source.version }),
  };
}
