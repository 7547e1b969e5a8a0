import type { Locale } from '../../../kernel/locale.ts';
import type { QuestionnaireContent } from './questionnaire.ts';

/** A questionnaire in one language, as the API and the pages show it. */
export function localiseQuestionnaire(content: QuestionnaireContent, locale: Locale) {
  return {
    dimensions: content.dimensions.map((d) => ({
      id: d.id,
      label: d.label[locale],
      description: d.description[locale],
      weight: d.weight,
      questions: d.questions.map((q) => ({
        id: q.id,
        label: q.label[locale],
        help: q.help?.[locale] ?? null,
        type: q.type,
        optional: q.optional ?? false,
        condition: q.condition ?? null,
        choices: q.choices.map((c) => ({ id: c.id, label: c.label[locale], score: c.score })),
      })),
    })),
    levels: content.levels.map((l) => ({
      id: l.id,
      min: l.min,
      label: l.label[locale],
      description: l.description[locale],
    })),
  };
}
