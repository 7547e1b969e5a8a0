import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import {
  applyFormEdits,
  describePath,
  parseJsonDocument,
  readDollars,
  readNumber,
  withFormLabels,
  withPlainPaths,
} from '../../src/modules/diagnostic/ui/admin-editing.server.ts';
import { jsonErrorOffset, questionnaireJson } from '../../src/modules/diagnostic/ui/admin-json.ts';
import { getQuestionnaireContent } from '../../src/modules/diagnostic/use-cases/get-questionnaire-content.ts';
import { listQuestionnaires } from '../../src/modules/diagnostic/use-cases/list-questionnaires.ts';
import { publishQuestionnaire } from '../../src/modules/diagnostic/use-cases/publish-questionnaire.ts';
import { saveQuestionnaireDraft } from '../../src/modules/diagnostic/use-cases/save-questionnaire-draft.ts';
import { saveRecommendation } from '../../src/modules/diagnostic/use-cases/save-recommendation.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { type AppError, isAppError } from '../../src/platform/errors.ts';
import { localiseError } from '../../src/platform/http/problem.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';

let h: Harness;
let programId: string;
let coordinatorToken: string;
let admin: Ctx;
let adminEn: Ctx;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  const adminToken = await h.token((await h.user('admin')).email);
  admin = await h.as({ bearerToken: adminToken });
  adminEn = await h.as({ bearerToken: adminToken }, { locale: 'en' });
});
afterAll(() => h?.close());

/** The error a call throws (the test fails if it throws none). */
async function failure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** What the administrator reads for each field of a refusal. */
const messages = (error: AppError, ctx: Ctx) =>
  localiseError(error, ctx.services.i18n, ctx.locale).errors.map((e) => e.message);

describe(`questionnaire versions for administrators (${engine})`, () => {
  it('lists the versions, newest first, with the one in use and how many diagnostics use each', async () => {
    const first = await listQuestionnaires(admin, { programId });
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ version: 1, status: 'published', current: true, diagnostics: 0 });
    expect(first.currentId).toBe(first.items[0]!.id);

    // A retailer starts a diagnostic: it uses version 1.
    const app = await acceptedApplication(h, programId, coordinatorToken);
    const started = await h.request('/api/v1/diagnostics', {
      method: 'POST',
      token: app.token,
      json: { applicationId: app.id, phase: 'T0' },
    });
    expect(started.status).toBe(201);

    const draft = await saveQuestionnaireDraft(admin, { programId, content: DEFAULT_QUESTIONNAIRE });
    const second = await listQuestionnaires(admin, { programId });
    expect(second.items.map((i) => [i.version, i.status, i.current, i.diagnostics])).toEqual([
      [2, 'draft', false, 0],
      [1, 'published', true, 1],
    ]);
    expect(second.items[0]!.publishedAt).toBeNull();

    const content = await getQuestionnaireContent(admin, draft.id);
    expect(content).toMatchObject({ version: 2, status: 'draft', current: false, programId });
    expect(content.content).toEqual(DEFAULT_QUESTIONNAIRE);
    expect((await getQuestionnaireContent(admin, first.currentId!)).current).toBe(true);

    await publishQuestionnaire(admin, draft.id);
    const third = await listQuestionnaires(admin, { programId });
    expect(third.items.map((i) => [i.version, i.status, i.current])).toEqual([
      [2, 'published', true],
      [1, 'published', false],
    ]);
    expect(third.items[0]!.publishedAt).toBeInstanceOf(Date);
    expect((await getQuestionnaireContent(admin, first.currentId!)).current).toBe(false);
  });

  it('are for administrators only, and an unknown id is not found', async () => {
    for (const role of ['coordinator', 'retailer', 'expert', 'ministry'] as const) {
      const ctx = await h.as({ bearerToken: await h.token((await h.user(role)).email) });
      expect((await failure(() => listQuestionnaires(ctx, { programId }))).code).toBe('forbidden');
      const { currentId } = await listQuestionnaires(admin, { programId });
      expect((await failure(() => getQuestionnaireContent(ctx, currentId!))).code).toBe('forbidden');
    }
    const anonymous = await h.as({});
    expect((await failure(() => listQuestionnaires(anonymous, { programId }))).code).toBe('unauthenticated');
    expect((await failure(() => getQuestionnaireContent(admin, 'nope'))).code).toBe('not_found');
    expect(
      (await failure(() => getQuestionnaireContent(admin, '01900000-0000-7000-8000-000000000000'))).code,
    ).toBe('not_found');
    expect((await failure(() => listQuestionnaires(admin, { programId: 'nope' }))).code).toBe(
      'invalid_input',
    );
  });
});

describe('the friendly form writes into the document', () => {
  it('changes texts, weights and scores, typed the Québec way, and nothing else', () => {
    const edited = applyFormEdits(DEFAULT_QUESTIONNAIRE, {
      'content.dimensions.0.label.fr': 'Stratégie',
      'content.dimensions.0.weight': '1,5',
      'content.dimensions.0.questions.0.help.fr': '',
      'content.dimensions.0.questions.0.help.en': '',
      'content.dimensions.0.questions.0.weight': '2',
      'content.dimensions.0.questions.0.choices.1.score': '40',
      'content.dimensions.0.questions.0.choices.1.label.en': 'Some ideas',
      'content.levels.0.label.en': 'Starting',
      // Not editable here, or not in the document: ignored.
      'content.dimensions.0.id': 'changed',
      'content.dimensions.99.weight': '3',
      'content.dimensions.0.questions.0.type': 'multiple',
      part: '1',
    }) as typeof DEFAULT_QUESTIONNAIRE;
    const d = edited.dimensions[0]!;
    expect(d.label).toEqual({ fr: 'Stratégie', en: DEFAULT_QUESTIONNAIRE.dimensions[0]!.label.en });
    expect(d.weight).toBe(1.5);
    expect(d.id).toBe('strategy');
    expect(d.questions[0]!.help).toBeUndefined(); // emptied in both languages
    expect(d.questions[0]!.weight).toBe(2);
    expect(d.questions[0]!.type).toBe('single');
    expect(d.questions[0]!.choices[1]).toMatchObject({ score: 40, label: { en: 'Some ideas' } });
    expect(edited.levels[0]!.label.en).toBe('Starting');
    expect(edited.dimensions).toHaveLength(DEFAULT_QUESTIONNAIRE.dimensions.length);
    // The original is untouched.
    expect(DEFAULT_QUESTIONNAIRE.dimensions[0]!.weight).toBe(1);
  });

  it('keeps what is not a number as typed, for validation to name the field', () => {
    const edited = applyFormEdits(DEFAULT_QUESTIONNAIRE, {
      'content.dimensions.0.weight': 'beaucoup',
      'content.dimensions.0.questions.0.choices.0.score': '',
      'content.dimensions.0.questions.0.weight': '',
    }) as typeof DEFAULT_QUESTIONNAIRE;
    expect(edited.dimensions[0]!.weight).toBe('beaucoup');
    expect(edited.dimensions[0]!.questions[0]!.choices[0]!.score).toBeUndefined();
    expect('weight' in edited.dimensions[0]!.questions[0]!).toBe(false);
  });
});

describe(`validation errors in words (${engine})`, () => {
  it('says where each error is, in the administrator’s language, under the document’s path', async () => {
    const document = applyFormEdits(DEFAULT_QUESTIONNAIRE, {
      'content.dimensions.1.questions.2.label.fr': '',
      'content.dimensions.1.weight': '12',
      'content.dimensions.0.questions.0.choices.1.score': 'x',
    });
    const error = await failure(() =>
      withPlainPaths(admin, document, () => saveQuestionnaireDraft(admin, { programId, content: document })),
    );
    const dimension = DEFAULT_QUESTIONNAIRE.dimensions[1]!;
    const question = dimension.questions[2]!;
    const localised = localiseError(error, admin.services.i18n, 'fr');
    expect(localised.errors.map((e) => e.path).sort()).toEqual(
      [
        'content.dimensions.0.questions.0.choices.1.score',
        'content.dimensions.1.questions.2.label.fr',
        'content.dimensions.1.weight',
      ].sort(),
    );
    const byPath = Object.fromEntries(localised.errors.map((e) => [e.path, e.message]));
    expect(byPath['content.dimensions.1.questions.2.label.fr']).toBe(
      `Dimension 2 « ${dimension.label.fr} » › question 3 (${question.id}) : Le champ « libellé en français » est obligatoire.`,
    );
    expect(byPath['content.dimensions.1.weight']).toBe(
      `Dimension 2 « ${dimension.label.fr} » : Le champ « poids » doit être d'au plus 10.`,
    );
    expect(byPath['content.dimensions.0.questions.0.choices.1.score']).toMatch(
      /^Dimension 1 « .+ » › question 1 \(strategy_goals\) › choix 2 \(ideas\) : Le champ « score » doit être un nombre/,
    );
    const english = messages(
      await failure(() =>
        withPlainPaths(adminEn, document, () =>
          saveQuestionnaireDraft(adminEn, { programId, content: document }),
        ),
      ),
      adminEn,
    );
    expect(english).toContain(
      `Dimension 2 “${dimension.label.en}” › question 3 (${question.id}): French label is required.`,
    );
    expect(english).toContain(`Dimension 2 “${dimension.label.en}”: Weight must be at most 10.`);
    expect(english.join('\n')).not.toMatch(/content\.dimensions/);
  });

  it('names rule errors (conditions, duplicate ids, levels) where they are', async () => {
    const document = structuredClone(DEFAULT_QUESTIONNAIRE);
    const conditioned = document.dimensions.flatMap((d) => d.questions).find((q) => q.condition)!;
    conditioned.condition = { questionId: 'nowhere', choiceIds: ['x'] };
    document.dimensions[0]!.questions[1]!.id = document.dimensions[0]!.questions[0]!.id;
    document.levels = document.levels.filter((l) => l.min !== 0);
    const found = messages(
      await failure(() =>
        withPlainPaths(admin, document, () =>
          saveQuestionnaireDraft(admin, { programId, content: document }),
        ),
      ),
      admin,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `› question \\d+ \\(${conditioned.id}\\) › condition : La condition doit porter sur une question placée avant`,
          ),
        ),
        expect.stringMatching(
          /^Dimension 1 « .+ » › question 2 \(strategy_goals\) : Le champ « identifiant »/,
        ),
        'Un niveau de maturité doit commencer à 0.',
      ]),
    );
  });

  it('describes unknown and root paths plainly', () => {
    expect(describePath(admin, 'content', {})).toEqual({ location: '', field: 'document JSON' });
    expect(describePath(admin, 'content.dimensions', { dimensions: [] })).toEqual({
      location: '',
      field: 'dimensions',
    });
    expect(describePath(admin, 'content.dimensions.0.colour', { dimensions: [{ id: 'a' }] })).toEqual({
      location: 'Dimension 1 (a)',
      field: 'colour',
    });
    expect(describePath(admin, 'content.levels.1', { levels: [{}, { id: 'advanced' }] })).toEqual({
      location: '',
      field: 'niveau de maturité 2 (advanced)',
    });
  });
});

describe('the JSON editor', () => {
  it('reads the document, or says where the syntax breaks, by line and column', async () => {
    expect(parseJsonDocument('{"a": [1, 2]}')).toEqual({ a: [1, 2] });
    const at = async (text: string) => messages(await failure(async () => parseJsonDocument(text)), admin)[0];
    expect(await at('{\n  "a": 1,\n  "b": }')).toBe(
      "Le texte n'est pas du JSON valide : erreur à la ligne 3, colonne 8 (au caractère « } »). Vérifiez les virgules, les guillemets et les accolades autour.",
    );
    expect(await at('{\n  "a": [1, 2,]\n}')).toMatch(/ligne 2, colonne 14 \(au caractère « \] »\)/);
    expect(await at('{\n  "a": 1\n')).toMatch(/s'arrête avant la fin du document \(ligne 3\)/);
    expect(await at('   ')).toBe('Le champ « Questionnaire » est obligatoire.');
  });

  it('finds the offset of the first syntax error as JSON.parse does', () => {
    for (const valid of ['{}', '[]', '"é\\u00e9\\n"', '{"a":[1,-2.5e3,true,false,null,{"b":"c"}]}', ' 0 ']) {
      expect(jsonErrorOffset(valid), valid).toBe(-1);
    }
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a":1}}')).toBe(7);
    expect(jsonErrorOffset('"a\nb"')).toBe(2);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('['.repeat(500))).toBeGreaterThan(0);
  });

  it('shows the document with ids first and French before English, whatever order it was stored in', () => {
    const stored = {
      levels: [{ label: { en: 'Start', fr: 'Départ' }, min: 0, id: 'start' }],
      dimensions: [],
    };
    const text = questionnaireJson(stored as never);
    expect(text.indexOf('"dimensions"')).toBeLessThan(text.indexOf('"levels"'));
    expect(text.indexOf('"id"')).toBeLessThan(text.indexOf('"min"'));
    expect(text.indexOf('"fr"')).toBeLessThan(text.indexOf('"en"'));
    expect(JSON.parse(text)).toEqual(stored);
    expect(JSON.parse(questionnaireJson(DEFAULT_QUESTIONNAIRE))).toEqual(DEFAULT_QUESTIONNAIRE);
  });
});

describe(`recommendation form (${engine})`, () => {
  it('reads amounts in dollars typed the Québec way, or in English, into cents', () => {
    expect(readDollars('1 234,56')).toBe(123456);
    expect(readDollars('1\u202f234,56 $')).toBe(123456);
    expect(readDollars('$1,234.56')).toBe(123456);
    expect(readDollars('250')).toBe(25000);
    expect(readDollars('0,5')).toBe(50);
    expect(readDollars('')).toBeUndefined();
    expect(readDollars('douze')).toBe('douze');
    expect(readDollars('1,234')).toBe(123400); // a thousands separator: cents have two digits
    expect(readDollars('1,2345')).toBe('1,2345');
    expect(readNumber('2,5')).toBe(2.5);
    expect(readNumber(' 40 ')).toBe(40);
    expect(readNumber('4O')).toBe('4O');
  });

  it('says amount errors with the form’s dollar labels and bounds', async () => {
    const labels = {
      costMin: { label: 'Coût minimal ($)' },
      costMax: {
        label: 'Coût maximal ($)',
        bound: (v: unknown) => `${Number(v) / 100} $`,
      },
    };
    const error = await failure(() =>
      withFormLabels(admin, labels, () =>
        saveRecommendation(admin, {
          programId,
          key: 'test_amounts',
          dimensionId: 'strategy',
          minScore: 0,
          maxScore: 40,
          titleFr: 'Titre',
          titleEn: 'Title',
          textFr: 'Texte',
          textEn: 'Text',
          costMin: 'douze',
          costMax: 100_000_001,
          effort: 'low',
        }),
      ),
    );
    expect(messages(error, admin).sort()).toEqual(
      [
        "Le champ « Coût maximal ($) » doit être d'au plus 1000000 $.",
        'Le champ « Coût minimal ($) » doit être un nombre, écrit en chiffres.',
      ].sort(),
    );
  });
});
