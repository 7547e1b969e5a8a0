import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueSurveys } from '../../src/modules/coaching/use-cases/send-due-surveys.ts';
import * as dashboardPage from '../../src/modules/reporting/ui/dashboard.tsx';
import { getProgramDashboard } from '../../src/modules/reporting/use-cases/get-program-dashboard.ts';
import { selectRows } from '../../src/platform/db/client.ts';
import { closedFile, type ExpertFixture, expert } from '../support/coaching.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

type Cell = { shown: true; value: number } | { shown: false; reason: string };
type Indicator = {
  id: string;
  total: Cell;
  breakdowns: { breakdown: string; groups: { key: string; label: string; cell: Cell }[] }[];
};

let h: Harness;
let programId: string;
let coordinatorToken: string;
let ministryToken: string;
let alex: ExpertFixture;
let blake: ExpertFixture;
const files: { id: string; email: string; expert: 'alex' | 'blake' }[] = [];
const answers = {
  onlineSalesShare: 20,
  revenueChange: 'increase',
  jobsCreated: 1,
  jobsKept: 3,
  toolsAdopted: ['online_store'],
  satisfactionExpert: 5,
  satisfactionProgram: 4,
};

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  ministryToken = await h.token((await h.user('ministry')).email);
  alex = await expert(h, coordinatorToken, { name: 'Alex Expert' });
  blake = await expert(h, coordinatorToken, { name: 'Blake Expert' });
  // Alex closes ten files (six coached by video for 2 h, four in store for 1.5 h), each gaining 0.4 of
  // the range from starts spread from 0.1 to 0.5; Blake closes two by phone (1 h) that gain 0.05.
  for (let i = 0; i < 10; i++) {
    const t0 = 0.1 + (i % 5) * 0.1;
    const file = await closedFile(h, programId, coordinatorToken, alex, {
      t0,
      t1: t0 + 0.4,
      mode: i < 6 ? 'video' : 'in_store',
      hours: i < 6 ? 2 : 1.5,
      done: 1,
      answers,
    });
    files.push({ id: file.id, email: file.retailer.email, expert: 'alex' });
  }
  for (const t0 of [0.6, 0.7]) {
    const file = await closedFile(h, programId, coordinatorToken, blake, {
      t0,
      t1: t0 + 0.05,
      mode: 'phone',
      hours: 1,
      done: 2,
      answers: { ...answers, satisfactionExpert: 3 },
    });
    files.push({ id: file.id, email: file.retailer.email, expert: 'blake' });
  }
  // Six months on, six of Alex's businesses answer the follow-up survey.
  h.clock.advance(183 * 86_400);
  await sendDueSurveys(h.system);
  const later = await selectRows<{ id: string; application_id: string }>(
    h.system.db,
    sql`select id, application_id from outcome_surveys where wave = 'six_months' and sent_at is not null`,
  );
  const alexFiles = files.filter((f) => f.expert === 'alex').slice(0, 6);
  for (const file of alexFiles) {
    const survey = later.find((s) => s.application_id === file.id)!;
    const res = await h.request(`/api/v1/surveys/${survey.id}/answers`, {
      method: 'POST',
      token: await h.token(file.email),
      json: { ...answers, jobsCreated: 2, satisfactionProgram: 5, onlineSalesShare: 30 },
    });
    if (res.status !== 200) throw new Error(`six-month answer failed: ${await res.text()}`);
  }
  // Five applications submitted now, in July 2027: the second quarter of fiscal year 2027-2028.
  for (let i = 0; i < 5; i++) await submitted(h, programId, { neq: `77${String(i).padStart(7, '0')}1` });
}, 600_000);
afterAll(() => h?.close());

const indicators = async (): Promise<Indicator[]> => {
  const res = await h.request(`/api/v1/programs/${programId}/indicators`, { token: ministryToken });
  expect(res.status).toBe(200);
  return (await res.json()).indicators;
};
const byId = (all: Indicator[], id: string) => all.find((i) => i.id === id)!;

describe('the ministry’s figures', () => {
  it('give coaching hours by how sessions were held, each through disclosure control', async () => {
    const all = await indicators();
    expect(byId(all, 'coaching_hours').total).toEqual({ shown: true, value: 20 });
    expect(byId(all, 'coaching_hours_video').total).toEqual({ shown: true, value: 12 });
    // Four businesses coached in store, two by phone: fewer than five.
    expect(byId(all, 'coaching_hours_in_store').total).toEqual({ shown: false, reason: 'small_count' });
    expect(byId(all, 'coaching_hours_phone').total).toEqual({ shown: false, reason: 'small_count' });
  });

  it('break the applications down by Québec fiscal quarter, labelled in the reader’s language', async () => {
    const received = byId(await indicators(), 'applications_received');
    expect(received.total).toEqual({ shown: true, value: 17 });
    const quarters = received.breakdowns.find((b) => b.breakdown === 'fiscal_quarter')!.groups;
    expect(quarters).toEqual([
      { key: '2026-Q4', label: 'T4 2026-2027', cell: { shown: true, value: 12 } },
      { key: '2027-Q2', label: 'T2 2027-2028', cell: { shown: true, value: 5 } },
    ]);
  });

  it('report the six-month follow-up survey apart from the closure survey', async () => {
    const all = await indicators();
    expect(byId(all, 'satisfaction').total).toEqual({ shown: true, value: 4 });
    expect(byId(all, 'satisfaction_six_months').total).toEqual({ shown: true, value: 5 });
    expect(byId(all, 'online_sales_share_six_months').total).toEqual({ shown: true, value: 30 });
    expect(byId(all, 'jobs_created_six_months').total).toEqual({ shown: true, value: 12 });
  });
});

describe('expert quality from outcomes', () => {
  it('compares each expert’s gains with what the files’ T0 predicts, on ten closed files or more', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken });
    const { expertQuality } = await getProgramDashboard(ctx, programId, {});
    // The expected gain, worked out here from the stored overall scores by ordinary least squares.
    const scores = await selectRows<{ application_id: string; phase: string; overall: number }>(
      h.system.db,
      sql`select application_id, phase, overall::float8 as overall from diagnostics where status = 'completed'`,
    );
    const pairs = files.map((f) => {
      const of = (phase: string) =>
        Number(scores.find((s) => s.application_id === f.id && s.phase === phase)!.overall);
      return { expert: f.expert, t0: of('T0'), gain: of('T1') - of('T0') };
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mx = mean(pairs.map((p) => p.t0));
    const my = mean(pairs.map((p) => p.gain));
    const slope =
      pairs.reduce((a, p) => a + (p.t0 - mx) * (p.gain - my), 0) /
      pairs.reduce((a, p) => a + (p.t0 - mx) ** 2, 0);
    const alexPairs = pairs.filter((p) => p.expert === 'alex');
    const beyond = mean(alexPairs.map((p) => p.gain - (my + slope * (p.t0 - mx))));
    const round = (v: number) => Math.round(v * 10) / 10;

    expect(expertQuality).toEqual([
      {
        expertId: alex.id,
        name: 'Alex Expert',
        closedFiles: 10,
        figures: {
          pairs: 10,
          meanGain: round(mean(alexPairs.map((p) => p.gain))),
          gainBeyondExpected: round(beyond),
          satisfaction: 5,
          planCompletionPercent: 50,
        },
        reasonKey: null,
      },
      {
        expertId: blake.id,
        name: 'Blake Expert',
        closedFiles: 2,
        figures: null,
        reasonKey: 'reporting:expert_quality.too_few_files',
      },
    ]);
    expect(beyond).toBeGreaterThan(0);
  });

  it('stays with coordinators: administrators get none, and the ministry never reaches the dashboard', async () => {
    const adminToken = await h.token((await h.user('admin')).email);
    const admin = await h.request(`/api/v1/programs/${programId}/dashboard`, { token: adminToken });
    expect((await admin.json()).expertQuality).toBeNull();
    const ministry = await h.request(`/api/v1/programs/${programId}/dashboard`, { token: ministryToken });
    expect(ministry.status).toBe(403);
    const body = JSON.stringify(await indicators());
    expect(body).not.toContain('Alex');
  });

  it('prints the table on the dashboard in French, with the reason where figures are withheld', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken });
    const page = await renderPage(dashboardPage, ctx, '/admin/dashboard', '/admin/dashboard');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Qualité de l’accompagnement, selon les résultats');
    expect(page.html).toContain('Moins de 10 dossiers fermés : aucun résultat n’est montré.');
    expect(page.html).toContain('Alex Expert');
  });
});
