import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as rulesPage from '../../src/modules/reporting/ui/disclosure-rules.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import type { FormFailure } from '../../src/platform/ui/route.server.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';
import { load, send, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';

// The administrators' page for a program's disclosure rules (decision 30's thresholds).

let h: Harness;
let programId: string;
let admin: Ctx;
let adminToken: string;
let ministry: Ctx;
let expert: Ctx;
const PATH = '/admin/program/disclosure';

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const as = async (role: 'admin' | 'ministry' | 'expert', locale: 'fr' | 'en' = 'fr') => {
    const token = await h.token((await h.user(role, { locale })).email);
    return { token, ctx: await h.as({ bearerToken: token }, { locale }) };
  };
  ({ ctx: admin, token: adminToken } = await as('admin'));
  ministry = (await as('ministry')).ctx;
  expert = (await as('expert')).ctx;
});
afterAll(() => h?.close());

const failureOf = (answer: unknown) => (answer as { data: FormFailure }).data;

describe(`disclosure rules page (${engine})`, () => {
  it('shows the defaults in French, refuses a threshold out of range by its field, and saves the rules', async () => {
    const page = await renderPage(rulesPage, admin, PATH, PATH);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Règles de confidentialité des chiffres publiés</h1>');
    expect(page.html).toContain('value="5"');
    expect(page.html).toContain('value="0,85"');
    expect(page.html).toContain('Seuils par défaut');

    const bad = failureOf(await send(rulesPage.action, admin, PATH, { minCount: '2', dominance: '0,85' }));
    expect(bad.error.errors.map((e) => e.path)).toEqual(['minCount']);
    const badShare = failureOf(
      await send(rulesPage.action, admin, PATH, { minCount: '5', dominance: 'beaucoup' }),
    );
    expect(badShare.error.errors.map((e) => e.path)).toEqual(['dominance']);

    expect(await send(rulesPage.action, admin, PATH, { minCount: '7', dominance: '0,9' })).toEqual({
      saved: true,
    });
    expect(await load(rulesPage.loader, admin, PATH)).toMatchObject({ minCount: '7', dominance: '0,9' });
    const api = await h.request(`/api/v1/programs/${programId}/disclosure-rules`, { token: adminToken });
    expect(await api.json()).toMatchObject({ minCount: 7, dominance: 0.9 });
  });

  it('is read in English, and only an administrator changes the rules', async () => {
    const english = await h.as(
      { bearerToken: await h.token((await h.user('admin', { locale: 'en' })).email) },
      { locale: 'en' },
    );
    const page = await renderPage(rulesPage, english, PATH, PATH);
    expect(page.html).toContain('<h1>Disclosure rules for published figures</h1>');
    expect(page.html).toContain('value="0.9"');
    const refused = (await send(rulesPage.action, ministry, PATH, { minCount: '9', dominance: '0.9' })) as {
      init: { status: number };
    };
    expect(refused.init.status).toBe(403);
    expect(await load(rulesPage.loader, admin, PATH)).toMatchObject({ minCount: '7' });
    expect((await thrown(load(rulesPage.loader, expert, PATH))).status).toBe(403);
  });
});
