import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import { allQuestions } from '../../src/modules/diagnostic/domain/questionnaire.ts';
import { score } from '../../src/modules/diagnostic/domain/scoring.ts';
import { updateProfile } from '../../src/modules/identity/use-cases/update-profile.ts';
import { applications } from '../../src/modules/intake/db/tables.ts';
import { newId } from '../../src/platform/ids.ts';
import { answersAt } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId, submitted } from '../support/intake.ts';

let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

/** An accepted application of a fresh retailer. */
const accepted = (overrides: Record<string, unknown> = {}) =>
  acceptedApplication(h, programId, coordinator, overrides);

describe(`questionnaire (${engine})`, () => {
  it('serves the current questionnaire in the caller language, with scores and conditions', async () => {
    const { status, body } = await json(
      await h.request(`/api/v1/questionnaires/current?programId=${programId}`, {
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(status).toBe(200);
    expect(body.version).toBe(1);
    expect(body.dimensions.map((d: { id: string }) => d.id)).toEqual(
      DEFAULT_QUESTIONNAIRE.dimensions.map((d) => d.id),
    );
    const questions = body.dimensions.flatMap((d: { questions: unknown[] }) => d.questions);
    expect(questions.length).toBeGreaterThanOrEqual(35);
    expect(questions[0]).toMatchObject({
      label: DEFAULT_QUESTIONNAIRE.dimensions[0]!.questions[0]!.label.en,
    });
    expect(questions[0].choices[0]).toHaveProperty('score');
    const bad = await json(await h.request('/api/v1/questionnaires/current?programId=nope'));
    expect(bad.status).toBe(422);
  });
});

describe(`taking a diagnostic (${engine})`, () => {
  it('starts only for an accepted application, once per phase, T1 after T0', async () => {
    const pending = await submitted(h, programId, { neq: '3300000011' });
    const early = await h.request('/api/v1/diagnostics', {
      method: 'POST',
      token: pending.token,
      json: { applicationId: pending.id, phase: 'T0' },
    });
    expect(early.status).toBe(409);
    const app = await accepted();
    const t1First = await h.request('/api/v1/diagnostics', {
      method: 'POST',
      token: app.token,
      json: { applicationId: app.id, phase: 'T1' },
    });
    expect(t1First.status).toBe(409);
    const started = await json(
      await h.request('/api/v1/diagnostics', {
        method: 'POST',
        token: app.token,
        json: { applicationId: app.id, phase: 'T0' },
      }),
    );
    expect(started.status).toBe(201);
    const again = await h.request('/api/v1/diagnostics', {
      method: 'POST',
      token: app.token,
      json: { applicationId: app.id, phase: 'T0' },
    });
    expect(again.status).toBe(409);
    const badPhase = await json(
      await h.request('/api/v1/diagnostics', {
        method: 'POST',
        token: app.token,
        json: { applicationId: app.id, phase: 'T2' },
      }),
    );
    expect(badPhase.body.errors[0].path).toBe('phase');
  });

  it('saves answers in several sittings, refuses bad ones, lists what is missing, then scores', async () => {
    const app = await accepted({ naics: '445', employees: 6 });
    const { body: started } = await json(
      await h.request('/api/v1/diagnostics', {
        method: 'POST',
        token: app.token,
        json: { applicationId: app.id, phase: 'T0' },
      }),
    );
    const id = started.id;
    const questions = allQuestions(DEFAULT_QUESTIONNAIRE);
    const [first, second] = [questions[0]!, questions[1]!];
    const put = (answers: unknown) =>
      h.request(`/api/v1/diagnostics/${id}/answers`, { method: 'PUT', token: app.token, json: { answers } });

    expect((await put({ [first.id]: first.choices[0]!.id })).status).toBe(200);
    const wrong = await json(
      await put({ nope: 'x', [first.id]: `${second.choices.at(-1)!.id}zz`, [second.id]: 7 }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [`answers.${first.id}`, `answers.${second.id}`, 'answers.nope'].sort(),
    );
    // A choice id that belongs to another question is refused too.
    const foreign = second.choices.find((c) => !first.choices.some((f) => f.id === c.id));
    if (foreign) expect((await put({ [first.id]: foreign.id })).status).toBe(422);

    const incomplete = await json(
      await h.request(`/api/v1/diagnostics/${id}/complete`, { method: 'POST', token: app.token }),
    );
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.missing.length).toBeGreaterThan(10);
    expect(incomplete.body.errors[0].message).toMatch(/^La question « .+ » attend une réponse\.$/);

    // Second sitting: the rest, mid-range answers.
    const answers = answersAt(DEFAULT_QUESTIONNAIRE, 0.6);
    expect((await put(answers)).status).toBe(200);
    const done = await json(
      await h.request(`/api/v1/diagnostics/${id}/complete`, { method: 'POST', token: app.token }),
    );
    expect(done.status).toBe(200);
    const expected = score(DEFAULT_QUESTIONNAIRE, answers);
    expect(done.body.scores).toEqual(expected);

    const view = await json(await h.request(`/api/v1/diagnostics/${id}`, { token: app.token }));
    expect(view.body).toMatchObject({ status: 'completed', scores: expected, benchmark: null });
    expect(view.body.level.id).toMatch(/beginner|developing|established|advanced/);
    expect(view.body.recommendations.length).toBeGreaterThan(0);
    expect((await put(answers)).status).toBe(409);
    expect(
      (await h.request(`/api/v1/diagnostics/${id}/complete`, { method: 'POST', token: app.token })).status,
    ).toBe(409);
  });

  it('shows a diagnostic to its retailer and the program team only', async () => {
    const app = await accepted();
    const { body } = await json(
      await h.request('/api/v1/diagnostics', {
        method: 'POST',
        token: app.token,
        json: { applicationId: app.id, phase: 'T0' },
      }),
    );
    const other = await h.token((await h.user('retailer')).email);
    expect((await h.request(`/api/v1/diagnostics/${body.id}`, { token: other })).status).toBe(404);
    expect(
      (
        await h.request(`/api/v1/diagnostics/${body.id}/answers`, {
          method: 'PUT',
          token: other,
          json: { answers: {} },
        })
      ).status,
    ).toBe(404);
    expect((await h.request(`/api/v1/diagnostics/${body.id}`, { token: coordinator })).status).toBe(200);
    for (const role of ['ministry', 'researcher', 'expert', 'partner'] as const) {
      const token = await h.token((await h.user(role)).email);
      expect([403, 404]).toContain((await h.request(`/api/v1/diagnostics/${body.id}`, { token })).status);
    }
  });
});

describe(`benchmark, report and before/after (${engine})`, () => {
  it('ranks among at least ten peers of the same subsector and size, widening when needed', async () => {
    const app = await accepted({ naics: '459', employees: 3 });
    const db = h.services.database.db;
    const { body: q } = await json(await h.request(`/api/v1/questionnaires/current?programId=${programId}`));
    // Twelve peers: overall scores 10, 20, … 120 → capped at 100 (same subsector 459, size band 1-4).
    for (let i = 1; i <= 12; i++) {
      const applicationId = newId();
      await db.insert(applications).values({ id: applicationId, programId, status: 'accepted' });
      const overall = Math.min(100, i * 10);
      await db.insert(diagnostics).values({
        id: newId(),
        applicationId,
        programId,
        questionnaireId: q.id,
        phase: 'T0',
        status: 'completed',
        scores: {
          overall,
          dimensions: Object.fromEntries(DEFAULT_QUESTIONNAIRE.dimensions.map((d) => [d.id, overall])),
        },
        overall,
        naics: '459',
        sizeBand: '1-4',
        region: '06',
      });
    }
    const { body: started } = await json(
      await h.request('/api/v1/diagnostics', {
        method: 'POST',
        token: app.token,
        json: { applicationId: app.id, phase: 'T0' },
      }),
    );
    const answers = answersAt(DEFAULT_QUESTIONNAIRE, 0.5);
    await h.request(`/api/v1/diagnostics/${started.id}/answers`, {
      method: 'PUT',
      token: app.token,
      json: { answers },
    });
    await h.request(`/api/v1/diagnostics/${started.id}/complete`, { method: 'POST', token: app.token });
    const view = await json(await h.request(`/api/v1/diagnostics/${started.id}`, { token: app.token }));
    const overall = score(DEFAULT_QUESTIONNAIRE, answers).overall;
    const below = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100].filter((s) => s < overall).length;
    const equal = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100, 100].filter((s) => s === overall).length;
    expect(view.body.benchmark).toMatchObject({
      group: 'naics_size',
      peers: { naics: '459', sizeBand: '1-4' },
      size: 12,
    });
    expect(view.body.benchmark.percentiles.overall).toBe(Math.round((100 * (below + equal / 2)) / 12));

    // PDF report: a real PDF with its title and language.
    const pdf = await h.request(`/api/v1/diagnostics/${started.id}/report.pdf`, {
      token: app.token,
      headers: { 'accept-language': 'fr' },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = bytes.toString('latin1');
    expect(text).toContain('/Lang (fr-CA)');
    expect(text).toContain('/StructTreeRoot');
    // Rendered to images and text by poppler, as a reader would see it: accents and « » intact.
    const dir = path.resolve('test-results/pdf');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'diagnostic-fr.pdf'), bytes);
    const pages = spawnSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      path.join(dir, 'diagnostic-fr.pdf'),
      path.join(dir, 'diagnostic-fr'),
    ]);
    expect(pages.status).toBe(0);
    expect(
      readdirSync(dir).filter((f) => f.startsWith('diagnostic-fr') && f.endsWith('.png')).length,
    ).toBeGreaterThanOrEqual(2);
    const extracted = spawnSync('pdftotext', [path.join(dir, 'diagnostic-fr.pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
    expect(extracted).toContain('Diagnostic de maturité numérique');
    expect(extracted).toMatch(/niveau « .+ »/);
    const info = spawnSync('pdfinfo', [path.join(dir, 'diagnostic-fr.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Title:\s+Diagnostic de maturité numérique/);

    // The language the person chose in Virage, not their browser's: a French account downloading from
    // an English browser reads French; once switched to English in Virage, English from a French browser.
    const reportText = async (acceptLanguage: string, name: string) => {
      const res = await h.request(`/api/v1/diagnostics/${started.id}/report.pdf`, {
        token: app.token,
        headers: { 'accept-language': acceptLanguage },
      });
      writeFileSync(path.join(dir, name), Buffer.from(await res.arrayBuffer()));
      return spawnSync('pdftotext', [path.join(dir, name), '-'], { encoding: 'utf8' }).stdout;
    };
    expect(await reportText('en', 'diagnostic-fr-account.pdf')).toContain('Diagnostic de maturité numérique');
    await updateProfile(await h.as({ bearerToken: app.token }), { locale: 'en' });
    const english = await reportText('fr', 'diagnostic-en-account.pdf');
    expect(english).toContain('Digital-maturity diagnostic');
    expect(english).not.toContain('Diagnostic de maturité numérique');
    await updateProfile(await h.as({ bearerToken: app.token }), { locale: 'fr' });

    // T1 with better answers: the comparison appears.
    const { body: t1 } = await json(
      await h.request('/api/v1/diagnostics', {
        method: 'POST',
        token: app.token,
        json: { applicationId: app.id, phase: 'T1' },
      }),
    );
    await h.request(`/api/v1/diagnostics/${t1.id}/answers`, {
      method: 'PUT',
      token: app.token,
      json: { answers: answersAt(DEFAULT_QUESTIONNAIRE, 1) },
    });
    await h.request(`/api/v1/diagnostics/${t1.id}/complete`, { method: 'POST', token: app.token });
    const after = await json(await h.request(`/api/v1/diagnostics/${t1.id}`, { token: app.token }));
    expect(after.body.comparison.after.overall).toBe(100);
    expect(after.body.comparison.deltas.overall).toBeCloseTo(100 - overall, 1);
  });
});
