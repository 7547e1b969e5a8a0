import type { Ctx } from '../../../platform/context.ts';
import { getCurrentQuestionnaire } from '../../diagnostic/index.ts';

/** Names of the diagnostic's dimensions in the reader's language (reasons mention the weakest one). */
export async function dimensionLabels(ctx: Ctx, programId: string): Promise<(id: string) => string> {
  const questionnaire = await getCurrentQuestionnaire(ctx, { programId }).catch(() => undefined);
  const labels = new Map(questionnaire?.dimensions.map((d) => [d.id, d.label]) ?? []);
  return (id) => labels.get(id) ?? id;
}
