import { type Answers, allQuestions, type QuestionnaireContent } from './questionnaire.ts';

type Issue = { path: string; key: string; params?: Record<string, unknown> };

/**
 * Checks submitted answers against the questionnaire: every question must exist, every choice must be
 * one of that question's, a single-choice question takes one choice. Returns the answers in their
 * stored form (multiple-choice always as a list, an empty list clearing the answer).
 */
export function checkAnswers(
  content: QuestionnaireContent,
  given: Record<string, unknown>,
): { answers: Answers; issues: Issue[] } {
  const questions = new Map(allQuestions(content).map((q) => [q.id, q]));
  const answers: Answers = {};
  const issues: Issue[] = [];
  for (const [questionId, value] of Object.entries(given)) {
    const path = `answers.${questionId}`;
    const question = questions.get(questionId);
    if (!question) {
      issues.push({ path, key: 'diagnostic:validation.unknown_question' });
      continue;
    }
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((v) => typeof v === 'string')) {
      issues.push({ path, key: 'diagnostic:validation.choice_ids' });
      continue;
    }
    const unknown = (list as string[]).filter((c) => !question.choices.some((choice) => choice.id === c));
    if (unknown.length > 0) {
      issues.push({
        path,
        key: 'diagnostic:validation.unknown_choice',
        params: { choices: unknown.join(', ') },
      });
      continue;
    }
    if (question.type === 'single' && (Array.isArray(value) || list.length !== 1)) {
      issues.push({ path, key: 'diagnostic:validation.single_choice' });
      continue;
    }
    answers[questionId] = question.type === 'single' ? (list[0] as string) : [...new Set(list as string[])];
  }
  return { answers, issues };
}
