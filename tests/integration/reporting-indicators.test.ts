import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as indicatorsPage from '../../src/modules/reporting/ui/indicators.tsx';
import { getOpenData } from '../../src/modules/reporting/use-cases/get-open-data.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { coachedBy, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

type Cell = { shown: true; value: number } | { shown: false; reason: string };
type Indicator = {
  id: string;
  control: 'count' | 'sum' | 'mean';
  total: Cell;
  breakdowns: { breakdown: string; groups: { key: string | null; cell: Cell }[] }[];
};

let h: Harness;
let programId: string;
let ministryToken: string;
const identifiers: string[] = [];
const TROIS_RIVIERES = { municipality: 'Trois-Rivières', postalCode: 'G9A 5H7' };

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const coordinatorToken = await h.token((await h.user('coordinator')).email);
  ministryToken = await h.token((await h.user('ministry')).email);
  const coach = await expert(h, coordinatorToken);
  // Six coached businesses in Montréal with their T0, two in Trois-Rivières, one submitted only.
  for (const place of [{}, {}, {}, {}, {}, {}, TROIS_RIVIERES, TROIS_RIVIERES]) {
    const app = await coachedBy(h, programId, coordinatorToken, coach, {
      ...place,
      tradeName: `Boutique ${identifiers.length}`,
    });
    identifiers.push(app.id, `Boutique ${identifiers.length}`);
    await completedDiagnostic(h, app.id, app.token, 'T0');
  }
  const lone = await submitted(h, programId, { neq: '4400000099', ...TROIS_RIVIERES });
  identifiers.push(lone.id);
});
afterAll(() => h?.close());

const byId = (body: { indicators: Indicator[] }, id: string) => body.indicators.find((i) => i.id === id)!;

describe('the ministry’s indicators', () => {
  it('show counts of five businesses or more, and « x » with its reason below, completed so it cannot be recomputed', async () => {
    const res = await h.request(`/api/v1/programs/${programId}/indicators`, { token: ministryToken });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rulesVersion).toBe('virage-sdc-1');
    const supported = byId(body, 'businesses_supported');
    expect(supported.total).toEqual({ shown: true, value: 8 });
    const regions = supported.breakdowns.find((b) => b.breakdown === 'region')!.groups;
    expect(regions.find((g) => g.key === '04')!.cell).toEqual({ shown: false, reason: 'small_count' });
    // Montréal's 6 would give Trois-Rivières's 2 away from the total of 8: it is hidden too.
    expect(regions.find((g) => g.key === '06')!.cell).toEqual({ shown: false, reason: 'complementary' });
    const received = byId(body, 'applications_received');
    expect(received.total).toEqual({ shown: true, value: 9 });
  });

  it('never shows a count from 1 to 4, nor leaves a list with exactly one hidden figure', async () => {
    const body = await (
      await h.request(`/api/v1/programs/${programId}/indicators`, { token: ministryToken })
    ).json();
    for (const indicator of body.indicators as Indicator[]) {
      for (const list of indicator.breakdowns) {
        const cells = [...list.groups.map((g) => g.cell), indicator.total];
        if (indicator.control === 'count') {
          for (const cell of cells)
            if (cell.shown) expect(cell.value === 0 || cell.value >= 5, indicator.id).toBe(true);
        }
        if (indicator.control !== 'mean') {
          expect(cells.filter((c) => !c.shown).length, `${indicator.id} by ${list.breakdown}`).not.toBe(1);
        }
      }
    }
  });

  it('name no business: no file identifier nor name appears in the answer', async () => {
    const text = await (
      await h.request(`/api/v1/programs/${programId}/indicators`, { token: ministryToken })
    ).text();
    for (const identifier of identifiers) expect(text).not.toContain(identifier);
  });

  it('refuse the dashboard, which names files, to the ministry', async () => {
    const res = await h.request(`/api/v1/programs/${programId}/dashboard`, { token: ministryToken });
    expect(res.status).toBe(403);
  });
});

describe('the ministry’s indicators page', () => {
  it('prints « x » with the reason in the notes and the rules version, in English too', async () => {
    const ctx = await h.as({ bearerToken: ministryToken }, { locale: 'en' });
    const page = await renderPage(indicatorsPage, ctx, '/indicators', '/indicators');
    expect(page.status).toBe(200);
    expect(page.html).toContain('>x</td>');
    expect(page.html).toContain('virage-sdc-1');
    expect(page.html).toMatch(/fewer than 5 businesses/i);
    for (const identifier of identifiers) expect(page.html).not.toContain(identifier);
  });
});

describe('the program’s disclosure rules', () => {
  it('are set by an administrator, audited, and applied to the indicators and the open data', async () => {
    const admin = await h.user('admin');
    const adminToken = await h.token(admin.email);
    const rulesPath = `/api/v1/programs/${programId}/disclosure-rules`;
    const defaults = await (await h.request(rulesPath, { token: ministryToken })).json();
    expect(defaults).toMatchObject({
      version: 'virage-sdc-1',
      minCount: 5,
      dominance: 0.85,
      updatedAt: null,
    });

    const set = await h.request(rulesPath, {
      method: 'PUT',
      token: adminToken,
      json: { minCount: 3, dominance: 0.9 },
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
      minCount: 3,
      dominance: 0.9,
      updatedAt: h.clock.now.toISOString(),
    });
    const audit = await h.system.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, programId), eq(auditEvents.action, 'reporting.disclosure_rules_set')),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      changes: { minCount: [5, 3], dominance: [0.85, 0.9] },
    });

    // Trois-Rivières's three applications are shown now; its two supported businesses still are not.
    const body = await (
      await h.request(`/api/v1/programs/${programId}/indicators`, { token: ministryToken })
    ).json();
    expect(body.rules).toEqual({ minCount: 3, dominance: 0.9 });
    const region = (id: string) =>
      byId(body, id)
        .breakdowns.find((b) => b.breakdown === 'region')!
        .groups.find((g) => g.key === '04')!.cell;
    expect(region('applications_received')).toEqual({ shown: true, value: 3 });
    expect(region('businesses_supported')).toEqual({ shown: false, reason: 'small_count' });
    const { slug } = (await (await h.request('/api/v1/programs')).json()).items[0];
    const openData = await getOpenData(await h.as({}), slug);
    expect(openData.metadata.disclosureRules).toEqual({ version: 'virage-sdc-1', minCount: 3 });

    await h.request(rulesPath, { method: 'PUT', token: adminToken, json: { minCount: 5, dominance: 0.85 } });
  });

  it('refuse a minimum count under 3 or a dominance share above 95 %, naming the field, and change nothing', async () => {
    const adminToken = await h.token((await h.user('admin')).email);
    const rulesPath = `/api/v1/programs/${programId}/disclosure-rules`;
    const res = await h.request(rulesPath, {
      method: 'PUT',
      token: adminToken,
      headers: { 'accept-language': 'en' },
      json: { minCount: 2, dominance: 1 },
    });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['minCount', 'dominance']);
    expect(problem.errors[0].message).toMatch(/Minimum number of businesses/);
    const after = await (await h.request(rulesPath, { token: adminToken })).json();
    expect(after).toMatchObject({ minCount: 5, dominance: 0.85 });
  });
});
