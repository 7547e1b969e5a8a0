/**
 * A digital-maturity questionnaire is data: dimensions → questions → choices, each choice with a score,
 * optional weights, and optional conditions (a question shown only after certain answers). Versions are
 * published by administrators; a diagnostic keeps the version it was started with.
 */
import type { Localised } from './localised.ts';

export type Choice = { id: string; label: Localised; score: number };

export type Question = {
  id: string;
  label: Localised;
  help?: Localised;
  /** `single`: one choice; `multiple`: any number (each ticked choice adds its score). */
  type: 'single' | 'multiple';
  /** Relative weight within its dimension (default 1). */
  weight?: number;
  /** Optional questions do not block completion. */
  optional?: boolean;
  /** Shown only when the answer to `questionId` includes one of `choiceIds`. */
  condition?: { questionId: string; choiceIds: string[] };
  choices: Choice[];
};

export type Dimension = {
  id: string;
  label: Localised;
  description: Localised;
  weight: number;
  questions: Question[];
};

/** A named maturity level, from its lowest overall score. */
export type Level = { id: string; min: number; label: Localised; description: Localised };

export type QuestionnaireContent = { dimensions: Dimension[]; levels: Level[] };

/** An answer: one choice id, or several for a multiple-choice question. */
export type Answers = Record<string, string | string[]>;

export const allQuestions = (content: QuestionnaireContent) => content.dimensions.flatMap((d) => d.questions);

export function chosen(answer: string | string[] | undefined): string[] {
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : [answer];
}

/** Whether a question is shown, given the answers so far. */
export function isVisible(question: { condition?: Question['condition'] | null }, answers: Answers): boolean {
  if (!question.condition) return true;
  const given = chosen(answers[question.condition.questionId]);
  return given.some((c) => question.condition!.choiceIds.includes(c));
}

/** Shown, required questions with no answer: what keeps a diagnostic from being completed. */
export function missingAnswers(content: QuestionnaireContent, answers: Answers): string[] {
  return allQuestions(content)
    .filter((q) => !q.optional && isVisible(q, answers) && chosen(answers[q.id]).length === 0)
    .map((q) => q.id);
}
