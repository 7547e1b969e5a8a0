import type { Ctx } from '../../../platform/context.ts';
import { isAppError } from '../../../platform/errors.ts';
import { getCurrentQuestionnaire } from '../../diagnostic/index.ts';

/** The diagnostic's dimensions by name in the reader's language; by id when the program has no questionnaire. */
export async function dimensionLabels(ctx: Ctx, programId: string): Promise<(id: string) => string> {
  try {
    const questionnaire = await getCurrentQuestionnaire(ctx, { programId });
    return (id) => questionnaire.dimensions.find((d) => d.id === id)?.label ?? id;
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return (id) => id;
    throw error;
  }
}

/** The label of a measure of the impact: none for the overall score, the dimension's name otherwise. */
export const measureLabel = (label: (id: string) => string, measure: string) =>
  measure === 'overall' ? null : label(measure.replace(/^dimension:/, ''));
