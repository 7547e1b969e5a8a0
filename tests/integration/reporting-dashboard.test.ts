import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dashboardPage from '../../src/modules/reporting/ui/dashboard.tsx';
import { getProgramDashboard } from '../../src/modules/reporting/use-cases/get-program-dashboard.ts';
import { selectRows } from '../../src/platform/db/client.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId, submitted } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let coordinatorToken: string;
let coach: ExpertFixture;
const coached: string[] = [];
const TROIS_RIVIERES = { municipality: 'Trois-Rivières', postalCode: 'G9A 5H7' };
const neq = (n: number) => `44${String(n).padStart(8, '0')}`;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  coach = await expert(h, coordinatorToken);
  // Three anonymous pre-checks: two in Montréal (one too big to be eligible), one in Trois-Rivières.
  const precheck = {
    neq: '1143920115',
    postalCode: 'H2X 1Y4',
    region: '06',
    naics: '458',
    foundedYear: 2010,
  };
  for (const facts of [
    { ...precheck, employees: 8 },
    { ...precheck, employees: 72 },
    { ...precheck, postalCode: 'G9A 5H7', region: '04', employees: 3 },
  ]) {
    const res = await h.request(`/api/v1/programs/${programId}/eligibility-check`, {
      method: 'POST',
      json: facts,
    });
    if (res.status !== 200) throw new Error(`pre-check failed: ${await res.text()}`);
  }
  // Two submitted only, one accepted without an expert, two coached with their T0 done (one in Trois-Rivières).
  await submitted(h, programId, { neq: neq(1) });
  await submitted(h, programId, { neq: neq(2), ...TROIS_RIVIERES });
  await acceptedApplication(h, programId, coordinatorToken);
  for (const place of [{}, TROIS_RIVIERES]) {
    const app = await coachedBy(h, programId, coordinatorToken, coach, { ...place, tradeName: 'Chez Zoé' });
    await completedDiagnostic(h, app.id, app.token, 'T0');
    coached.push(app.id);
  }
  // The Montréal file's plan is approved with an action already past due.
  const plan = await h.request(`/api/v1/plans/${coached[0]}`, {
    method: 'PUT',
    token: coordinatorToken,
    json: {
      currentState: 'Vitrine seulement',
      goals: 'Vendre en ligne',
      budgetCents: 100_000,
      timeline: 'Hiver',
      actions: [
        {
          objective: 'Boutique en ligne',
          steps: 'Choisir',
          owner: 'Zoé',
          dueDate: '2027-01-02',
          estimatedCostCents: 0,
          status: 'todo',
          supplierId: null,
        },
      ],
      status: 'approved',
    },
  });
  if (plan.status !== 200) throw new Error(`plan failed: ${await plan.text()}`);
});
afterAll(() => h?.close());

describe('program dashboard', () => {
  it('counts the cohort’s funnel in the database, with conversions from the step each comes from', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken });
    const dashboard = await getProgramDashboard(ctx, programId, {});
    const count = Object.fromEntries(dashboard.funnel.map((s) => [s.step, s.count]));
    expect(count).toMatchObject({
      prechecks: 3,
      applications: 5,
      accepted: 3,
      t0_done: 2,
      assigned: 2,
      plan_approved: 1,
      closed: 0,
    });
    expect(dashboard.prechecksEligible).toBe(2);
    // Which criterion the ineligible pre-check failed, counted (decision 42).
    expect(dashboard.precheckFailures).toEqual([
      { criterionId: 'small_business', label: '50 employés ou moins', count: 1 },
    ]);
    // A retailer may apply without a pre-check: five applications from three pre-checks.
    expect(dashboard.conversions.find((c) => c.step === 'applications')?.percent).toBe(166.7);
    expect(dashboard.conversions.find((c) => c.step === 'plan_approved')?.percent).toBe(50);
    expect(dashboard.conversions.find((c) => c.step === 't0_done')).toMatchObject({
      numerator: 2,
      denominator: 3,
      percent: 66.7,
    });
    expect(dashboard.breakdowns.region.find((r) => r.key === '04')).toMatchObject({
      applications: 2,
      accepted: 1,
    });
    expect(dashboard.forecast).toMatchObject({ achieved: 3, acceptedInWindow: 3 });
    expect(dashboard.experts.find((e) => e.expertId === coach.id)?.activeFiles).toBe(2);
  });

  it('lists the files that need the team, oldest first, with the count of each kind', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken });
    const { alerts } = await getProgramDashboard(ctx, programId, {});
    expect(alerts.find((a) => a.kind === 'plan_overdue')).toEqual({
      kind: 'plan_overdue',
      count: 1,
      files: [{ applicationId: coached[0], name: 'Chez Zoé', since: '2027-01-02' }],
    });
    expect(alerts.find((a) => a.kind === 'no_contact')?.count).toBe(0);
    // Thirty-one days on, neither coached file has had a session since its assignment.
    h.clock.advance(31 * 86_400);
    const later = await getProgramDashboard(ctx, programId, { region: '04' });
    expect(later.alerts.find((a) => a.kind === 'no_contact')?.files.map((f) => f.applicationId)).toEqual([
      coached[1],
    ]);
    // The whole program's: read from the kept facts by program alone (decision 48).
    const whole = (await getProgramDashboard(ctx, programId, {})).alerts.find((a) => a.kind === 'no_contact');
    expect(whole?.count).toBe(2);
    expect(whole?.files.map((f) => f.applicationId).sort()).toEqual([...coached].sort());
    h.clock.advance(-31 * 86_400);
  });

  it('filters by region and by expert', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken });
    const mauricie = await getProgramDashboard(ctx, programId, { region: '04' });
    expect(mauricie.funnel.find((s) => s.step === 'applications')?.count).toBe(2);
    expect(mauricie.funnel.find((s) => s.step === 'prechecks')?.count).toBe(1);
    const later = await getProgramDashboard(ctx, programId, { from: '2027-01-16' });
    expect(later.funnel.find((s) => s.step === 'prechecks')?.count).toBe(0);
    const coached = await getProgramDashboard(ctx, programId, { expert: coach.id });
    expect(coached.funnel.find((s) => s.step === 'applications')?.count).toBe(2);
    expect(coached.funnel.find((s) => s.step === 'prechecks')?.count).toBeNull();
    expect(coached.prechecksEligible).toBeNull();
    expect(coached.precheckFailures).toBeNull();
    expect(mauricie.precheckFailures).toEqual([]);
  });

  it('keeps of a pre-check only its count by day, region and outcome', async () => {
    const rows = await selectRows(
      h.system.db,
      sql`select day::text as day, region, eligible, count from precheck_counts order by region, eligible`,
    );
    expect(rows).toEqual([
      { day: '2027-01-15', region: '04', eligible: true, count: 1 },
      { day: '2027-01-15', region: '06', eligible: false, count: 1 },
      { day: '2027-01-15', region: '06', eligible: true, count: 1 },
    ]);
    // And of a failed criterion, its id and a count: nothing about the visitor either.
    const failures = await selectRows(
      h.system.db,
      sql`select day::text as day, region, criterion_id, count from precheck_failures`,
    );
    expect(failures).toEqual([{ day: '2027-01-15', region: '06', criterion_id: 'small_business', count: 1 }]);
  });
});

describe('program dashboard API', () => {
  it('answers the declared shape with the filters as query parameters, and names a bad filter', async () => {
    const res = await h.request(`/api/v1/programs/${programId}/dashboard?region=04&from=2020-01-01`, {
      token: coordinatorToken,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.filters).toEqual({ region: '04', from: '2020-01-01' });
    expect(body.funnel.find((s: { step: string }) => s.step === 'applications').count).toBe(2);
    expect(body.impact).not.toBeNull();

    const bad = await h.request(`/api/v1/programs/${programId}/dashboard?from=2027-02-01&to=2027-01-01`, {
      token: coordinatorToken,
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path)).toEqual(['to']);
  });

  it('hides the impact from administrators (coordinators only)', async () => {
    const adminToken = await h.token((await h.user('admin')).email);
    const res = await h.request(`/api/v1/programs/${programId}/dashboard`, { token: adminToken });
    expect(res.status).toBe(200);
    expect((await res.json()).impact).toBeNull();
  });
});

describe('program dashboard page', () => {
  it('draws each chart as a named SVG beside its table, in fr-CA formats', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken });
    const page = await renderPage(dashboardPage, ctx, '/admin/dashboard', '/admin/dashboard?region=04');
    expect(page.status).toBe(200);
    // Drawn by Observable Plot on the server, named for screen readers, with no inline style the
    // site's policy (style-src 'self') would refuse.
    for (const chart of ['funnel', 'breakdown-region', 'breakdown-subsector', 'breakdown-size_band']) {
      expect(page.html).toMatch(
        new RegExp(
          `<svg (?=[^>]*role="img")(?=[^>]*aria-labelledby="${chart}-chart-title ${chart}-chart-desc")`,
        ),
      );
    }
    expect(page.html).not.toMatch(/<style|\sstyle=/);
    expect(page.html).toContain('Demandes déposées');
    expect(page.html).toContain(
      '<th scope="row">Diagnostics T0 terminés</th><td class="numeric">1</td><td>100 % des « Demandes acceptées »</td>',
    );
    expect(page.html).toMatch(/3 détaillants acceptés sur une cible de 3\s000 \(0,1 %\)/);
    expect(page.html).toContain('Impact mesuré');
    const all = await renderPage(dashboardPage, ctx, '/admin/dashboard', '/admin/dashboard');
    expect(all.html).toContain('Critères non satisfaits aux vérifications d’admissibilité');
  });

  it('shows a bad filter as a form error naming the field, with the filters kept', async () => {
    const ctx = await h.as({ bearerToken: coordinatorToken });
    const page = await renderPage(
      dashboardPage,
      ctx,
      '/admin/dashboard',
      '/admin/dashboard?from=2027-02-01&to=2027-01-01',
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('role="alert"');
    expect(page.html).toContain('Le champ « Déposée jusqu&#x27;au »');
    expect(page.html).toContain('value="2027-02-01"');
  });
});
