/**
 * Scores, in plain words (also shown to users):
 * - each question scores from 0 to 1: for a single choice, where the chosen answer stands between the
 *   question's worst and best answers; for several choices, the share of the points of all choices
 *   that the ticked ones add up to;
 * - a question hidden by a condition, or not answered, scores 0;
 * - a dimension scores 0–100: the weighted mean of its questions;
 * - the overall score is the weighted mean of the dimensions (online marketing and sales weighs most);
 * - the maturity level is the highest level whose lowest score the overall score reaches.
 */
import {
  type Answers,
  chosen,
  type Dimension,
  isVisible,
  type Level,
  type Question,
  type QuestionnaireContent,
} from './questionnaire.ts';

export type Scores = { overall: number; dimensions: Record<string, number> };

const round1 = (n: number) => Math.round(n * 10) / 10;

export function questionScore(question: Question, answers: Answers): number {
  if (!isVisible(question, answers)) return 0;
  const picked = chosen(answers[question.id]);
  if (picked.length === 0) return 0;
  const scores = question.choices.map((c) => c.score);
  if (question.type === 'single') {
    const choice = question.choices.find((c) => c.id === picked[0]);
    if (!choice) return 0;
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    return max === min ? 1 : (choice.score - min) / (max - min);
  }
  const total = scores.reduce((sum, s) => sum + Math.max(0, s), 0);
  if (total === 0) return 0;
  const earned = question.choices
    .filter((c) => picked.includes(c.id))
    .reduce((sum, c) => sum + Math.max(0, c.score), 0);
  return Math.min(1, earned / total);
}

export function dimensionScore(dimension: Dimension, answers: Answers): number {
  const weights = dimension.questions.map((q) => q.weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const sum = dimension.questions.reduce((acc, q, i) => acc + weights[i]! * questionScore(q, answers), 0);
  return round1((100 * sum) / total);
}

export function score(content: QuestionnaireContent, answers: Answers): Scores {
  const dimensions = Object.fromEntries(content.dimensions.map((d) => [d.id, dimensionScore(d, answers)]));
  const total = content.dimensions.reduce((a, d) => a + d.weight, 0);
  const overall =
    total === 0 ? 0 : content.dimensions.reduce((acc, d) => acc + d.weight * dimensions[d.id]!, 0) / total;
  return { overall: round1(overall), dimensions };
}

export function levelOf(levels: Level[], overall: number): Level {
  const sorted = [...levels].sort((a, b) => a.min - b.min);
  return sorted.filter((l) => overall >= l.min).at(-1) ?? sorted[0]!;
}

/**
 * The `count` lowest-scoring dimensions of a score sheet (ties broken by id, so the same on every
 * engine and run): what assignment matches expert specialties against.
 */
export function weakestDimensions(dimensions: Record<string, number>, count = 2): string[] {
  return Object.entries(dimensions)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, count)
    .map(([id]) => id);
}

/** Strongest and weakest dimensions (ties broken by questionnaire order). */
export function strengthsAndGaps(content: QuestionnaireContent, scores: Scores, count = 2) {
  const ranked = content.dimensions.map((d, i) => ({
    id: d.id,
    score: scores.dimensions[d.id] ?? 0,
    order: i,
  }));
  const byScore = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
    a.score - b.score || a.order - b.order;
  return {
    gaps: [...ranked].sort(byScore).slice(0, count + 1),
    strengths: [...ranked].sort((a, b) => byScore(b, a)).slice(0, count),
  };
}
