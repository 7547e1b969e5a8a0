import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE } from './default-questionnaire.ts';
import { DEFAULT_RECOMMENDATIONS } from './default-recommendations.ts';
import { type Answers, allQuestions, isVisible, type Question } from './questionnaire.ts';
import { questionnaireContentSchema } from './questionnaire-schema.ts';
import { EFFORTS } from './recommendations.ts';
import { score } from './scoring.ts';

const DIMENSION_IDS = [
  'strategy',
  'presence',
  'ecommerce',
  'marketing',
  'omnichannel',
  'data',
  'operations',
  'security',
  'skills',
];

const questions = allQuestions(DEFAULT_QUESTIONNAIRE);

function bestAnswer(q: Question): string | string[] {
  if (q.type === 'multiple') return q.choices.filter((c) => c.score > 0).map((c) => c.id);
  return q.choices.reduce((best, c) => (c.score > best.score ? c : best)).id;
}

function worstAnswer(q: Question): string | string[] {
  if (q.type === 'multiple') return q.choices.filter((c) => c.score === 0).map((c) => c.id);
  return q.choices.reduce((worst, c) => (c.score < worst.score ? c : worst)).id;
}

/** Every localised text of the questionnaire and the library, with where it comes from. */
function allTexts(): { where: string; locale: 'fr' | 'en'; text: string }[] {
  const out: { where: string; locale: 'fr' | 'en'; text: string }[] = [];
  const add = (where: string, value: { fr: string; en: string } | undefined) => {
    if (!value) return;
    out.push({ where, locale: 'fr', text: value.fr }, { where, locale: 'en', text: value.en });
  };
  for (const d of DEFAULT_QUESTIONNAIRE.dimensions) {
    add(`${d.id}.label`, d.label);
    add(`${d.id}.description`, d.description);
    for (const q of d.questions) {
      add(`${q.id}.label`, q.label);
      add(`${q.id}.help`, q.help);
      for (const c of q.choices) add(`${q.id}.${c.id}`, c.label);
    }
  }
  for (const l of DEFAULT_QUESTIONNAIRE.levels) {
    add(`level.${l.id}.label`, l.label);
    add(`level.${l.id}.description`, l.description);
  }
  for (const r of DEFAULT_RECOMMENDATIONS) {
    add(`${r.id}.title`, r.title);
    add(`${r.id}.text`, r.text);
  }
  return out;
}

describe('default questionnaire', () => {
  it('passes the publication schema', () => {
    const result = questionnaireContentSchema.safeParse(DEFAULT_QUESTIONNAIRE);
    if (!result.success) console.error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
  });

  it('has 35 to 50 questions in the nine dimensions, in order, with marketing weighing most', () => {
    expect(questions.length).toBeGreaterThanOrEqual(35);
    expect(questions.length).toBeLessThanOrEqual(50);
    expect(DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.id)).toEqual(DIMENSION_IDS);
    const marketing = DEFAULT_QUESTIONNAIRE.dimensions.find((d) => d.id === 'marketing')!;
    for (const d of DEFAULT_QUESTIONNAIRE.dimensions) {
      if (d.id !== 'marketing') expect(marketing.weight).toBeGreaterThan(d.weight);
    }
    const counts = DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.questions.length);
    expect(marketing.questions.length).toBe(Math.max(...counts));
  });

  it('has the four levels from 0', () => {
    expect(DEFAULT_QUESTIONNAIRE.levels.map((l) => [l.id, l.min])).toEqual([
      ['beginner', 0],
      ['developing', 25],
      ['established', 50],
      ['advanced', 75],
    ]);
  });

  it('scores single choices from 0 to 100, strictly increasing, and gives multiple choices one "none" at 0', () => {
    for (const q of questions) {
      const scores = q.choices.map((c) => c.score);
      if (q.type === 'single') {
        expect(scores[0], q.id).toBe(0);
        expect(scores.at(-1), q.id).toBe(100);
        for (let i = 1; i < scores.length; i++) expect(scores[i]!, q.id).toBeGreaterThan(scores[i - 1]!);
      } else {
        expect(
          scores.filter((s) => s === 0),
          q.id,
        ).toHaveLength(1);
        expect(
          scores.reduce((a, b) => a + b, 0),
          q.id,
        ).toBe(100);
      }
    }
  });

  it('has 3 to 6 conditional questions, each opened only by better answers of an earlier question', () => {
    const conditional = questions.filter((q) => q.condition);
    expect(conditional.length).toBeGreaterThanOrEqual(3);
    expect(conditional.length).toBeLessThanOrEqual(6);
    for (const q of conditional) {
      const controlling = questions.find((x) => x.id === q.condition!.questionId)!;
      expect(questions.indexOf(controlling), q.id).toBeLessThan(questions.indexOf(q));
      expect(controlling.type, q.id).toBe('single');
      const worst = Math.min(...controlling.choices.map((c) => c.score));
      for (const id of q.condition!.choiceIds) {
        expect(controlling.choices.find((c) => c.id === id)!.score, q.id).toBeGreaterThan(worst);
      }
    }
  });

  it('scores 100 everywhere with the best answers', () => {
    const answers: Answers = Object.fromEntries(questions.map((q) => [q.id, bestAnswer(q)]));
    for (const q of questions) expect(isVisible(q, answers), q.id).toBe(true);
    const scores = score(DEFAULT_QUESTIONNAIRE, answers);
    expect(scores.overall).toBe(100);
    for (const id of DIMENSION_IDS) expect(scores.dimensions[id], id).toBe(100);
  });

  it('scores 0 everywhere with the worst answers, every conditional question hidden', () => {
    const answers: Answers = Object.fromEntries(
      questions.filter((q) => !q.condition).map((q) => [q.id, worstAnswer(q)]),
    );
    for (const q of questions.filter((x) => x.condition)) expect(isVisible(q, answers), q.id).toBe(false);
    const scores = score(DEFAULT_QUESTIONNAIRE, answers);
    expect(scores.overall).toBe(0);
    for (const id of DIMENSION_IDS) expect(scores.dimensions[id], id).toBe(0);
  });
});

describe('default recommendations', () => {
  it('has 25 to 35 recommendations with unique ids, at least 6 for marketing', () => {
    expect(DEFAULT_RECOMMENDATIONS.length).toBeGreaterThanOrEqual(25);
    expect(DEFAULT_RECOMMENDATIONS.length).toBeLessThanOrEqual(35);
    const ids = DEFAULT_RECOMMENDATIONS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]{0,59}$/);
    expect(
      DEFAULT_RECOMMENDATIONS.filter((r) => r.dimensionId === 'marketing').length,
    ).toBeGreaterThanOrEqual(6);
  });

  it('targets existing dimensions with sound ranges, costs, efforts, priorities and texts', () => {
    for (const r of DEFAULT_RECOMMENDATIONS) {
      expect(DIMENSION_IDS, r.id).toContain(r.dimensionId);
      expect(r.minScore, r.id).toBeGreaterThanOrEqual(0);
      expect(r.maxScore, r.id).toBeLessThanOrEqual(100);
      expect(r.minScore, r.id).toBeLessThanOrEqual(r.maxScore);
      expect(Number.isInteger(r.costMin) && Number.isInteger(r.costMax), r.id).toBe(true);
      expect(r.costMin, r.id).toBeGreaterThanOrEqual(0);
      expect(r.costMin, r.id).toBeLessThanOrEqual(r.costMax);
      expect(EFFORTS, r.id).toContain(r.effort);
      expect(r.priority, r.id).toBeGreaterThanOrEqual(1);
      expect(r.priority, r.id).toBeLessThanOrEqual(10);
      for (const text of [r.title.fr, r.title.en, r.text.fr, r.text.en])
        expect(text.trim(), r.id).not.toBe('');
    }
  });

  it('covers every score of every dimension (integers, and the one-decimal scores the scoring gives)', () => {
    for (const id of DIMENSION_IDS) {
      const ranges = DEFAULT_RECOMMENDATIONS.filter((r) => r.dimensionId === id);
      for (let tenth = 0; tenth <= 1000; tenth++) {
        const s = tenth / 10;
        const covered = ranges.some((r) => s >= r.minScore && s <= r.maxScore);
        if (!covered) expect.fail(`${id}: no recommendation for a score of ${s}`);
      }
    }
  });
});

describe('default texts', () => {
  const texts = allTexts();

  it('contain no placeholder, no double space, no stray spaces', () => {
    for (const { where, locale, text } of texts) {
      const at = `${where} (${locale})`;
      expect(text, at).not.toContain('{{');
      expect(text, at).not.toContain('TODO');
      expect(text, at).not.toContain('  ');
      expect(text, at).toBe(text.trim());
    }
  });

  it('write French apostrophes without a following space', () => {
    for (const { where, text } of texts.filter((t) => t.locale === 'fr')) {
      expect(text, where).not.toMatch(/['’] /);
    }
  });
});
