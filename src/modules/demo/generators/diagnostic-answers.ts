import type { Random } from './random.ts';

/** What answering needs to know of a questionnaire (its published content, in any language). */
export type AnswerableQuestionnaire = {
  dimensions: {
    id: string;
    questions: {
      id: string;
      type: 'single' | 'multiple';
      optional?: boolean;
      condition?: { questionId: string; choiceIds: string[] } | null;
      choices: { id: string; score: number }[];
    }[];
  }[];
};

export type DemoAnswers = Record<string, string | string[]>;

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * Answers a business at this maturity (0 = nothing digital yet, 1 = fully digital) would give. Each
 * dimension strays from the overall maturity, so that businesses differ in their weakest dimensions
 * (which drive recommendations and expert specialties) and scores spread for the peer benchmark.
 * `share` below 1 stops part-way, as a diagnostic left for another sitting.
 */
export function diagnosticAnswers(
  questionnaire: AnswerableQuestionnaire,
  maturity: number,
  random: Random,
  share = 1,
): DemoAnswers {
  const answers: DemoAnswers = {};
  const questions = questionnaire.dimensions.flatMap((d) => {
    const level = clamp(maturity + random.between(-0.25, 0.25));
    return d.questions.map((q) => ({ q, level }));
  });
  const answering = questions.slice(0, Math.round(share * questions.length));
  for (const { q, level } of answering) {
    if (q.condition) {
      const given = answers[q.condition.questionId];
      const picked = Array.isArray(given) ? given : given ? [given] : [];
      if (!picked.some((c) => q.condition!.choiceIds.includes(c))) continue;
    }
    if (q.optional && random.chance(0.3)) continue;
    const sorted = [...q.choices].sort((a, b) => a.score - b.score);
    if (q.type === 'single') {
      const position = clamp(level + random.between(-0.2, 0.2)) * (sorted.length - 1);
      answers[q.id] = sorted[Math.round(position)]!.id;
      continue;
    }
    const ticked = sorted.filter(
      (c) => c.score > 0 && random.chance(clamp(level + random.between(-0.15, 0.15))),
    );
    answers[q.id] =
      ticked.length > 0 ? ticked.map((c) => c.id) : [(sorted.find((c) => c.score <= 0) ?? sorted[0]!).id];
  }
  return answers;
}
