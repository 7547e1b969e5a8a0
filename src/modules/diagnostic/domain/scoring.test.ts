import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizeBandOf } from '../../../kernel/business.ts';
import { checkAnswers } from './answers.ts';
import { candidateGroups, percentileRank } from './benchmark.ts';
import {
  type Answers,
  allQuestions,
  missingAnswers,
  type Question,
  type QuestionnaireContent,
} from './questionnaire.ts';
import { questionnaireContentSchema } from './questionnaire-schema.ts';
import { axisPoint, polygon } from './radar.ts';
import { recommend } from './recommendations.ts';
import { levelOf, score, weakestDimensions } from './scoring.ts';

const l = (s: string) => ({ fr: s, en: s });

/** Random questionnaires: a few dimensions of single and multiple questions, some conditional on better answers. */
const questionnaireArb: fc.Arbitrary<QuestionnaireContent> = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 0, max: 3 }),
      questions: fc.array(
        fc.record({
          type: fc.constantFrom('single' as const, 'multiple' as const),
          weight: fc.integer({ min: 1, max: 3 }),
          scores: fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 }),
          conditional: fc.boolean(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .filter((dims) => dims.some((d) => d.weight > 0))
  .map((dims) => {
    let previous: Question | undefined;
    const dimensions = dims.map((d, di) => ({
      id: `d${di}`,
      label: l(`D${di}`),
      description: l('x'),
      weight: d.weight,
      questions: d.questions.map((q, qi) => {
        const scores =
          q.type === 'single' ? [...q.scores].sort((a, b) => a - b) : [0, ...q.scores.filter((s) => s > 0)];
        const question: Question = {
          id: `q${di}_${qi}`,
          label: l('q'),
          type: q.type,
          weight: q.weight,
          choices: [...new Set(scores)].map((s, ci) => ({ id: `c${ci}`, label: l(`c${ci}`), score: s })),
        };
        // Opens on the best answer of the previous question (upward closed), as the schema requires.
        if (q.conditional && previous && previous.type === 'single') {
          const best = Math.max(...previous.choices.map((c) => c.score));
          question.condition = {
            questionId: previous.id,
            choiceIds: previous.choices.filter((c) => c.score >= best).map((c) => c.id),
          };
        }
        previous = question;
        return question;
      }),
    }));
    return {
      dimensions,
      levels: [
        { id: 'a', min: 0, label: l('A'), description: l('a') },
        { id: 'b', min: 50, label: l('B'), description: l('b') },
      ],
    };
  });

const worst = (q: Question) => q.choices.reduce((a, b) => (b.score < a.score ? b : a)).id;
const best = (content: QuestionnaireContent): Answers =>
  Object.fromEntries(
    allQuestions(content).map((q) => [
      q.id,
      q.type === 'single'
        ? q.choices.reduce((a, b) => (b.score > a.score ? b : a)).id
        : q.choices.filter((c) => c.score > 0).map((c) => c.id),
    ]),
  );

/** Random answers: for each question, a random choice (single) or subset (multiple), or no answer. */
const answersFor = (content: QuestionnaireContent) =>
  fc
    .tuple(
      ...allQuestions(content).map((q) =>
        fc.option<string | string[]>(
          q.type === 'single'
            ? fc.constantFrom(...q.choices.map((c) => c.id))
            : fc.subarray(q.choices.map((c) => c.id)),
        ),
      ),
    )
    .map(
      (values) =>
        Object.fromEntries(
          allQuestions(content).flatMap((q, i) => (values[i] === null ? [] : [[q.id, values[i]!]])),
        ) as Answers,
    );

describe('scoring (properties)', () => {
  it('every generated questionnaire is valid for the schema', () => {
    fc.assert(
      fc.property(questionnaireArb, (content) => {
        expect(questionnaireContentSchema.safeParse(content).error?.issues).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('gives 100 everywhere for all best answers and 0 for all worst', () => {
    fc.assert(
      fc.property(questionnaireArb, (content) => {
        const top = score(content, best(content));
        expect(top.overall).toBe(100);
        for (const d of content.dimensions) expect(top.dimensions[d.id]).toBe(100);
        const bottom = score(
          content,
          Object.fromEntries(allQuestions(content).map((q) => [q.id, q.type === 'single' ? worst(q) : []])),
        );
        expect(bottom.overall).toBe(0);
      }),
    );
  });

  it('never lowers any score when one answer gets better', () => {
    fc.assert(
      fc.property(
        questionnaireArb.chain((content) => fc.tuple(fc.constant(content), answersFor(content), fc.nat())),
        ([content, answers, pick]) => {
          const questions = allQuestions(content);
          const q = questions[pick % questions.length]!;
          const improved: Answers = { ...answers };
          if (q.type === 'single') {
            const current = q.choices.find((c) => c.id === answers[q.id]);
            const better = q.choices.filter((c) => !current || c.score > current.score);
            if (better.length === 0) return;
            improved[q.id] = better[0]!.id;
          } else {
            const current = new Set([answers[q.id] ?? []].flat());
            const extra = q.choices.find((c) => !current.has(c.id));
            if (!extra) return;
            improved[q.id] = [...current, extra.id];
          }
          const before = score(content, answers);
          const after = score(content, improved);
          expect(after.overall).toBeGreaterThanOrEqual(before.overall);
          for (const d of content.dimensions)
            expect(after.dimensions[d.id]!).toBeGreaterThanOrEqual(before.dimensions[d.id]!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every score between 0 and 100', () => {
    fc.assert(
      fc.property(
        questionnaireArb.chain((c) => fc.tuple(fc.constant(c), answersFor(c))),
        ([content, answers]) => {
          const s = score(content, answers);
          for (const v of [s.overall, ...Object.values(s.dimensions)]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

const sample: QuestionnaireContent = {
  dimensions: [
    {
      id: 'presence',
      label: l('Présence'),
      description: l('x'),
      weight: 1,
      questions: [
        {
          id: 'site',
          label: l('Site?'),
          type: 'single',
          choices: [
            { id: 'no', label: l('Non'), score: 0 },
            { id: 'yes', label: l('Oui'), score: 100 },
          ],
        },
        {
          id: 'mobile',
          label: l('Mobile?'),
          type: 'single',
          condition: { questionId: 'site', choiceIds: ['yes'] },
          choices: [
            { id: 'no', label: l('Non'), score: 0 },
            { id: 'yes', label: l('Oui'), score: 100 },
          ],
        },
      ],
    },
    {
      id: 'marketing',
      label: l('Marketing'),
      description: l('x'),
      weight: 3,
      questions: [
        {
          id: 'channels',
          label: l('Canaux'),
          type: 'multiple',
          choices: [
            { id: 'none', label: l('Aucun'), score: 0 },
            { id: 'email', label: l('Courriel'), score: 50 },
            { id: 'social', label: l('Réseaux'), score: 50 },
          ],
        },
      ],
    },
  ],
  levels: [
    { id: 'beginner', min: 0, label: l('Débutant'), description: l('x') },
    { id: 'advanced', min: 75, label: l('Avancé'), description: l('x') },
  ],
};

describe('scoring (examples)', () => {
  it('counts a hidden question as 0 and keeps its answer', () => {
    expect(score(sample, { site: 'no', mobile: 'yes', channels: ['email'] }).dimensions.presence).toBe(0);
    expect(score(sample, { site: 'yes', mobile: 'no', channels: [] }).dimensions.presence).toBe(50);
  });
  it('weights the dimensions in the overall score', () => {
    const s = score(sample, { site: 'yes', mobile: 'yes', channels: ['email'] });
    expect(s).toEqual({ overall: 62.5, dimensions: { presence: 100, marketing: 50 } });
    expect(levelOf(sample.levels, s.overall).id).toBe('beginner');
    expect(levelOf(sample.levels, 80).id).toBe('advanced');
  });
  it('lists unanswered visible required questions only', () => {
    expect(missingAnswers(sample, { site: 'no' })).toEqual(['channels']);
    expect(missingAnswers(sample, { site: 'yes' })).toEqual(['mobile', 'channels']);
  });
});

describe('answers', () => {
  it('refuses unknown questions and choices, and a choice of another question', () => {
    const { issues } = checkAnswers(sample, { nope: 'x', site: 'maybe', mobile: ['yes'], channels: 'email' });
    expect(issues.map((i) => i.path).sort()).toEqual(['answers.mobile', 'answers.nope', 'answers.site']);
    expect(checkAnswers(sample, { site: 'email' }).issues[0]?.key).toBe(
      'diagnostic:validation.unknown_choice',
    );
    expect(checkAnswers(sample, { channels: 'email' }).answers).toEqual({ channels: ['email'] });
  });
});

describe('benchmark', () => {
  it('puts businesses in size bands and widens groups from narrow to wide', () => {
    expect([1, 4, 5, 12, 49, 50, 80].map(sizeBandOf)).toEqual([
      '1-4',
      '1-4',
      '5-9',
      '10-19',
      '20-49',
      '50+',
      '50+',
    ]);
    expect(candidateGroups({ naics: '458', sizeBand: '5-9', region: '06' }, true).map((g) => g.kind)).toEqual(
      ['naics_size_region', 'naics_size', 'naics', 'size', 'program'],
    );
    expect(candidateGroups({ naics: null, sizeBand: '5-9', region: null }, true).map((g) => g.kind)).toEqual([
      'size',
      'program',
    ]);
  });
  it('ranks with ties counted as half', () => {
    expect(percentileRank(5, 0, 10)).toBe(50);
    expect(percentileRank(4, 2, 10)).toBe(50);
    expect(percentileRank(0, 0, 0)).toBeNull();
  });
});

describe('recommendations', () => {
  it('pick those whose range holds the dimension score, weakest and weightiest dimension first', () => {
    const rec = (id: string, dimensionId: string, min: number, max: number, priority = 5) => ({
      id,
      dimensionId,
      minScore: min,
      maxScore: max,
      title: l(id),
      text: l(id),
      costMin: 0,
      costMax: 0,
      effort: 'low' as const,
      priority,
    });
    const library = [
      rec('a', 'presence', 0, 49),
      rec('b', 'marketing', 0, 49, 9),
      rec('c', 'marketing', 50, 100),
      rec('d', 'marketing', 0, 49, 1),
    ];
    const chosen = recommend(
      library,
      { overall: 30, dimensions: { presence: 30, marketing: 30 } },
      { presence: 1, marketing: 3 },
    );
    expect(chosen.map((r) => r.id)).toEqual(['b', 'd', 'a']);
  });
});

describe('radar geometry', () => {
  it('starts at the top and goes clockwise', () => {
    const center = { x: 100, y: 100 };
    expect(axisPoint(0, 4, 100, center, 50)).toEqual({ x: 100, y: 50 });
    expect(axisPoint(1, 4, 100, center, 50)).toEqual({ x: 150, y: 100 });
    expect(polygon([0, 0, 0], center, 50).every((p) => p.x === 100 && p.y === 100)).toBe(true);
  });
});

describe('weakest dimensions', () => {
  it('are the lowest scores, ties broken by id whatever the order of the sheet', () => {
    expect(
      weakestDimensions({ strategy: 40, presence: 12.5, data: 40, marketing: 12.5, skills: 90 }),
    ).toEqual(['marketing', 'presence']);
    expect(weakestDimensions({ skills: 90, data: 40, strategy: 40 }, 3)).toEqual([
      'data',
      'strategy',
      'skills',
    ]);
    expect(weakestDimensions({})).toEqual([]);
  });

  it('never name a dimension that scores higher than one left out (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.integer({ min: 0, max: 1000 })),
        (sheet) => {
          const chosen = weakestDimensions(sheet);
          const left = Object.keys(sheet).filter((id) => !chosen.includes(id));
          for (const id of chosen)
            for (const other of left) expect(sheet[id]!).toBeLessThanOrEqual(sheet[other]!);
        },
      ),
    );
  });
});
