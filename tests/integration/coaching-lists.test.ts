import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/kernel/csv.ts';
import { outcomeSurveys } from '../../src/modules/coaching/db/tables.ts';
import * as plansPage from '../../src/modules/coaching/ui/program-plans.tsx';
import * as plansExport from '../../src/modules/coaching/ui/program-plans-export.ts';
import * as sessionsPage from '../../src/modules/coaching/ui/program-sessions.tsx';
import * as sessionsExport from '../../src/modules/coaching/ui/program-sessions-export.ts';
import * as surveysPage from '../../src/modules/coaching/ui/program-surveys.tsx';
import * as surveysExport from '../../src/modules/coaching/ui/program-surveys-export.ts';
import { listProgramSessions } from '../../src/modules/coaching/use-cases/list-program-sessions.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';
import { load, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';
import { xlsxRows } from '../support/xlsx.ts';

let h: Harness;
let programId: string;
let coordinatorToken: string;
let coordinator: Ctx;
let camille: ExpertFixture;
let dominique: ExpertFixture;
const apps: Record<'formula' | 'boulangerie' | 'quincaillerie', string> = {
  formula: '',
  boulangerie: '',
  quincaillerie: '',
};

const FORMULA_NAME = '=HYPERLINK("http://x","y")';

const schedule = async (applicationId: string, coach: ExpertFixture, startsAt: string) => {
  const res = await h.request('/api/v1/sessions', {
    method: 'POST',
    token: coach.token,
    json: { applicationId, startsAt, durationMinutes: 60, mode: 'video' },
  });
  if (res.status !== 201) throw new Error(await res.text());
};

const savePlan = async (applicationId: string, coach: ExpertFixture, budgetCents: number) => {
  const action = (objective: string, dueDate: string, status: string) => ({
    objective,
    steps: 'Étapes',
    owner: 'Commerçante',
    dueDate,
    estimatedCostCents: null,
    status,
    supplierId: null,
  });
  const res = await h.request(`/api/v1/plans/${applicationId}`, {
    method: 'PUT',
    token: coach.token,
    json: {
      currentState: 'Situation',
      goals: 'Vendre en ligne',
      budgetCents,
      timeline: 'Six mois',
      status: 'draft',
      actions: [
        action('Boutique en ligne', '2027-01-10', 'todo'),
        action('Infolettre', '2027-02-10', 'done'),
        action('Publicité', '2027-03-01', 'in_progress'),
      ],
    },
  });
  if (res.status !== 200) throw new Error(await res.text());
};

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  coordinator = await h.as({ bearerToken: coordinatorToken }, { locale: 'fr' });
  camille = await expert(h, coordinatorToken, { name: 'Camille Expert' });
  dominique = await expert(h, coordinatorToken, { name: 'Dominique Expert' });
  apps.formula = (await coachedBy(h, programId, coordinatorToken, camille, { legalName: FORMULA_NAME })).id;
  apps.boulangerie = (
    await coachedBy(h, programId, coordinatorToken, camille, { legalName: 'Boulangerie Rivière inc.' })
  ).id;
  apps.quincaillerie = (
    await coachedBy(h, programId, coordinatorToken, dominique, { legalName: 'Quincaillerie Lévis inc.' })
  ).id;
  await schedule(apps.formula, camille, '2027-01-20T10:00:00-05:00');
  await schedule(apps.boulangerie, camille, '2027-02-03T10:00:00-05:00');
  await schedule(apps.quincaillerie, dominique, '2027-02-04T14:00:00-05:00');
  await savePlan(apps.boulangerie, camille, 250_000);
  await savePlan(apps.quincaillerie, dominique, 123_456);
  const survey = (applicationId: string, wave: 'closure' | 'six_months', dueAt: string) => ({
    id: crypto.randomUUID(),
    programId,
    applicationId,
    wave,
    dueAt: new Date(dueAt),
  });
  await h.services.database.db.insert(outcomeSurveys).values([
    {
      ...survey(apps.formula, 'closure', '2027-01-05T12:00:00Z'),
      sentAt: new Date('2027-01-05T12:00:00Z'),
      answeredAt: new Date('2027-01-08T12:00:00Z'),
      answers: {
        onlineSalesShare: 12.5,
        revenueChange: 'increase',
        jobsCreated: 1,
        jobsKept: 4,
        toolsAdopted: ['website', 'crm'],
        satisfactionExpert: 5,
        satisfactionProgram: 4,
        comments: '@SUM(A1:A2)',
      },
    },
    { ...survey(apps.formula, 'six_months', '2027-07-06T12:00:00Z') },
    {
      ...survey(apps.quincaillerie, 'closure', '2027-01-10T12:00:00Z'),
      sentAt: new Date('2027-01-10T12:00:00Z'),
    },
  ]);
});
afterAll(() => h?.close());

const csvRows = async (loader: typeof sessionsExport.loader, path: string) => {
  const res = (await load(loader, coordinator, path)) as Response;
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z-]+-2027-01-15\.csv"$/);
  return parseCsv(await res.text());
};
const xlsx = async (loader: typeof sessionsExport.loader, path: string) =>
  xlsxRows(await ((await load(loader, coordinator, path)) as Response).arrayBuffer());

describe(`the program's sessions (${engine})`, () => {
  it('lists every business’s sessions newest first, by expert, status and days, and exports the same rows', async () => {
    const names = async (search: string) =>
      (await load(sessionsPage.loader, coordinator, `/sessions${search}`)).items.map((s) => s.business);
    expect(await names('')).toEqual(['Quincaillerie Lévis inc.', 'Boulangerie Rivière inc.', FORMULA_NAME]);
    expect(await names(`?expertId=${camille.id}`)).toEqual(['Boulangerie Rivière inc.', FORMULA_NAME]);
    // Both ends of the period count, in Montréal days.
    expect(await names('?from=2027-01-20&to=2027-02-03')).toEqual(['Boulangerie Rivière inc.', FORMULA_NAME]);
    expect(await names('?status=held')).toEqual([]);

    for (const search of ['', `?expertId=${dominique.id}`, '?from=2027-02-01']) {
      const expected = (await names(search)).map((n) => (n === FORMULA_NAME ? `'${n}` : n));
      const [header, ...rows] = await csvRows(sessionsExport.loader, `/sessions/export.csv${search}`);
      expect(header!.slice(0, 4)).toEqual([
        'Date et heure',
        'Entreprise',
        'Municipalité',
        'Experte ou expert',
      ]);
      expect(rows.map((r) => r[1])).toEqual(expected);
      const [, ...cells] = await xlsx(sessionsExport.loader, `/sessions/export.xlsx${search}`);
      expect(cells.map((r) => r[1])).toEqual(expected);
    }
    const [, first] = await csvRows(sessionsExport.loader, '/sessions/export.csv');
    expect(first!.slice(3, 7)).toEqual(['Dominique Expert', '60', 'Vidéoconférence', 'Prévue']);
    expect(first![0]).toBe('2027-02-04T14:00:00-05:00');
  });

  it('reads one page at a time with stable cursors', async () => {
    const one = await listProgramSessions(coordinator, { programId, limit: 2 });
    expect(one.items).toHaveLength(2);
    const two = await listProgramSessions(coordinator, { programId, limit: 2, cursor: one.nextCursor! });
    expect(two.items.map((s) => s.business)).toEqual([FORMULA_NAME]);
    expect(two.nextCursor).toBeNull();
  });

  it('names a wrong filter on the page and in the API instead of listing nothing', async () => {
    const data = await load(sessionsPage.loader, coordinator, '/sessions?from=2027-02-05&to=2027-02-01');
    expect(data.error?.errors).toEqual([
      { path: 'to', message: 'Le champ « Au » doit être le même jour que le champ « Du » ou un jour après.' },
    ]);
    expect(data.items).toEqual([]);
    const api = await h.request(`/api/v1/exports/sessions.csv?programId=${programId}&status=lost`, {
      token: coordinatorToken,
    });
    expect(api.status).toBe(422);
    expect((await api.json()).errors[0].path).toBe('status');
  });

  it('is the program team’s: an expert neither sees the page nor exports it', async () => {
    const coach = await h.as({ bearerToken: camille.token }, { locale: 'fr' });
    expect((await thrown(load(sessionsPage.loader, coach, '/sessions'))).status).toBe(403);
    expect((await thrown(load(sessionsExport.loader, coach, '/sessions/export.csv'))).status).toBe(403);
  });

  it('renders in both languages with its filters and export links', async () => {
    const { status, html } = await renderPage(
      sessionsPage,
      coordinator,
      '/sessions',
      '/sessions?status=scheduled',
    );
    expect(status).toBe(200);
    expect(html).toContain('Rencontres du programme</h1>');
    expect(html).toContain('href="/sessions/export.xlsx?status=scheduled"');
    expect(html).toContain('<option value="scheduled" selected="">Prévue</option>');
    const english = await h.as({ bearerToken: coordinatorToken }, { locale: 'en' });
    const plans = await renderPage(plansPage, english, '/plans', '/plans');
    expect(plans.html).toContain('Program action plans</h1>');
    expect(plans.html).toContain('$2,500.00');
  });
});

describe(`the program's action plans (${engine})`, () => {
  it('lists each plan by name with actions done and overdue today, and exports typed figures', async () => {
    const data = await load(plansPage.loader, coordinator, '/plans');
    // Amounts as fr-CA writes them (its spaces are non-breaking).
    const budget = (text: string | null) => text?.replace(/\s/g, ' ');
    expect(
      data.items.map((p) => [p.business, p.done, p.actions, p.overdue, p.nextDue, budget(p.budget)]),
    ).toEqual([
      ['Boulangerie Rivière inc.', 1, 3, 1, '2027-01-10', '2 500,00 $'],
      ['Quincaillerie Lévis inc.', 1, 3, 1, '2027-01-10', '1 234,56 $'],
    ]);
    const filtered = await load(plansPage.loader, coordinator, `/plans?expertId=${dominique.id}`);
    expect(filtered.items.map((p) => p.expert)).toEqual(['Dominique Expert']);

    const [header, ...rows] = await csvRows(plansExport.loader, `/plans/export.csv?expertId=${dominique.id}`);
    expect(header).toContain('Budget');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 4)).toEqual([
      'Quincaillerie Lévis inc.',
      'Montréal',
      'Dominique Expert',
      'Brouillon',
    ]);
    expect(rows[0]![header!.indexOf('Budget')]).toBe('1234.56');
    const [xHeader, ...cells] = await xlsx(plansExport.loader, '/plans/export.xlsx?status=draft');
    expect(cells.map((r) => r[xHeader!.indexOf('Budget')])).toEqual([2500, 1234.56]);
    expect(cells.map((r) => r[xHeader!.indexOf('Actions en retard')])).toEqual([1, 1]);
  });
});

describe(`the program's outcome surveys (${engine})`, () => {
  it('lists surveys by wave and state with their answers, and neutralises answers that look like formulas', async () => {
    const states = async (search: string) =>
      (await load(surveysPage.loader, coordinator, `/surveys${search}`)).items.map((s) => [s.wave, s.state]);
    expect(await states('')).toEqual([
      ['six_months', 'unsent'],
      ['closure', 'sent'],
      ['closure', 'answered'],
    ]);
    expect(await states('?state=answered')).toEqual([['closure', 'answered']]);
    expect(await states('?wave=six_months')).toEqual([['six_months', 'unsent']]);
    expect(await states('?to=2027-01-09')).toEqual([['closure', 'answered']]);

    const [header, ...rows] = await csvRows(surveysExport.loader, '/surveys/export.csv?state=answered');
    const answer = Object.fromEntries(header!.map((column, i) => [column, rows[0]![i]]));
    expect(answer).toMatchObject({
      Entreprise: `'${FORMULA_NAME}`,
      Sondage: "À la fin de l'accompagnement",
      'Prévu le': '2027-01-05',
      'Part des ventes en ligne (%)': '12.5',
      "Évolution du chiffre d'affaires": 'Hausse de 10 % ou moins',
      'Outils adoptés': 'Site Web, Gestion de la relation client (CRM)',
      Commentaires: "'@SUM(A1:A2)",
    });
    const [xHeader, ...cells] = await xlsx(surveysExport.loader, '/surveys/export.xlsx?state=answered');
    expect(cells[0]![xHeader!.indexOf('Commentaires')]).toBe("'@SUM(A1:A2)");
    expect(cells[0]![xHeader!.indexOf('Emplois maintenus')]).toBe(4);
  });
});
