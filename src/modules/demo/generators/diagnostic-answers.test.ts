import { describe, expect, it } from 'vitest';
import { checkAnswers, DEFAULT_QUESTIONNAIRE, missingAnswers, score } from '../../diagnostic/index.ts';
import { diagnosticAnswers } from './diagnostic-answers.ts';
import { randomFor } from './random.ts';

describe('demo diagnostic answers', () => {
  const answersAt = (maturity: number, n: number, share = 1) =>
    diagnosticAnswers(DEFAULT_QUESTIONNAIRE, maturity, randomFor(3, 'answers', n), share);

  it('are valid answers that complete the questionnaire', () => {
    for (let n = 0; n < 50; n++) {
      const answers = answersAt(n / 49, n);
      expect(checkAnswers(DEFAULT_QUESTIONNAIRE, answers).issues).toEqual([]);
      expect(missingAnswers(DEFAULT_QUESTIONNAIRE, answers)).toEqual([]);
    }
  });

  it('score with the maturity, spread enough for a peer benchmark, and differ in their weakest dimension', () => {
    const overall = (m: number, n: number) => score(DEFAULT_QUESTIONNAIRE, answersAt(m, n)).overall;
    const low = Array.from({ length: 20 }, (_, n) => overall(0.1, n));
    const high = Array.from({ length: 20 }, (_, n) => overall(0.9, n));
    expect(Math.max(...low)).toBeLessThan(Math.min(...high));
    const weakest = new Set(
      Array.from({ length: 40 }, (_, n) => {
        const { dimensions } = score(DEFAULT_QUESTIONNAIRE, answersAt(0.5, n));
        return Object.entries(dimensions).sort((a, b) => a[1] - b[1])[0]![0];
      }),
    );
    expect(weakest.size).toBeGreaterThan(3);
  });

  it('stop part-way for a diagnostic left for another sitting', () => {
    const part = answersAt(0.5, 1, 0.4);
    expect(checkAnswers(DEFAULT_QUESTIONNAIRE, part).issues).toEqual([]);
    expect(missingAnswers(DEFAULT_QUESTIONNAIRE, part).length).toBeGreaterThan(10);
  });
});
