import { z } from 'zod';
import type { QuestionnaireContent } from './questionnaire.ts';

const id = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'diagnostic:validation.id' });
const localised = (max: number) =>
  z.strictObject({ fr: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const choice = z.strictObject({ id, label: localised(300), score: z.number().min(0).max(100) });
const question = z.strictObject({
  id,
  label: localised(500),
  help: localised(1000).optional(),
  type: z.enum(['single', 'multiple']),
  weight: z.number().min(0).max(10).optional(),
  optional: z.boolean().optional(),
  condition: z.strictObject({ questionId: id, choiceIds: z.array(id).min(1) }).optional(),
  choices: z.array(choice).min(2).max(12),
});
const dimension = z.strictObject({
  id,
  label: localised(200),
  description: localised(1000),
  weight: z.number().min(0).max(10),
  questions: z.array(question).min(1).max(30),
});
const level = z.strictObject({
  id,
  min: z.number().min(0).max(100),
  label: localised(100),
  description: localised(600),
});

/**
 * A questionnaire as administrators publish it. Beyond shapes, it checks what scoring relies on: ids
 * are unique, a condition points to an earlier question and opens on its better answers only (so
 * that a better answer can never lower a score), and levels start at 0.
 */
export const questionnaireContentSchema = z
  .strictObject({ dimensions: z.array(dimension).min(1).max(20), levels: z.array(level).min(1).max(10) })
  .superRefine((content, ctx) => {
    const seen = new Map<string, { dimension: number; question: number }>();
    content.dimensions.forEach((d, di) => {
      d.questions.forEach((q, qi) => {
        const path = ['dimensions', di, 'questions', qi];
        if (seen.has(q.id))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'id'],
            message: 'diagnostic:validation.duplicate_id',
          });
        const choiceIds = q.choices.map((c) => c.id);
        if (new Set(choiceIds).size !== choiceIds.length) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'choices'],
            message: 'diagnostic:validation.duplicate_id',
          });
        }
        if (q.condition) {
          const controlling = seen.has(q.condition.questionId)
            ? content.dimensions[seen.get(q.condition.questionId)!.dimension]!.questions[
                seen.get(q.condition.questionId)!.question
              ]!
            : undefined;
          if (!controlling) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'condition', 'questionId'],
              message: 'diagnostic:validation.condition_earlier',
            });
          } else {
            const opening = controlling.choices.filter((c) => q.condition!.choiceIds.includes(c.id));
            const unknown = q.condition.choiceIds.filter((c) => !controlling.choices.some((x) => x.id === c));
            const lowest = Math.min(...opening.map((c) => c.score));
            const upwardClosed = controlling.choices.every(
              (c) => c.score < lowest || q.condition!.choiceIds.includes(c.id),
            );
            if (unknown.length > 0 || opening.length === 0 || !upwardClosed) {
              ctx.addIssue({
                code: 'custom',
                path: [...path, 'condition', 'choiceIds'],
                message: 'diagnostic:validation.condition_better_answers',
              });
            }
          }
        }
        seen.set(q.id, { dimension: di, question: qi });
      });
    });
    const dimensionIds = content.dimensions.map((d) => d.id);
    if (new Set(dimensionIds).size !== dimensionIds.length) {
      ctx.addIssue({ code: 'custom', path: ['dimensions'], message: 'diagnostic:validation.duplicate_id' });
    }
    if (!content.levels.some((l) => l.min === 0)) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'diagnostic:validation.levels_from_zero' });
    }
  }) as unknown as z.ZodType<QuestionnaireContent>;
