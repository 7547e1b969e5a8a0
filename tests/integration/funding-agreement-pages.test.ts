import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as coachingFile from '../../src/modules/coaching/ui/coaching-file.tsx';
import * as agreementPage from '../../src/modules/funding/ui/agreement.tsx';
import * as newAgreement from '../../src/modules/funding/ui/agreement-new.tsx';
import * as agreementsPage from '../../src/modules/funding/ui/agreements.tsx';
import * as aidRulesPage from '../../src/modules/funding/ui/aid-rules.tsx';
import * as myAid from '../../src/modules/funding/ui/my-aid.tsx';
import * as applicationStatus from '../../src/modules/intake/ui/application-status.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import type { FormFailure } from '../../src/platform/ui/route.server.ts';
import { businessWithApprovedPlan, grantsEnvelope, offeredAgreementFor } from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';
import { load, send, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let envelopeId: string;
let coordinatorToken: string;
let admin: Ctx;
let coordinator: Ctx;
let finance: Ctx;
let otherRetailer: Ctx;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const adminToken = await h.token((await h.user('admin')).email);
  coordinatorToken = await h.token((await h.user('coordinator')).email);
  admin = await h.as({ bearerToken: adminToken });
  coordinator = await h.as({ bearerToken: coordinatorToken });
  finance = await h.as({ bearerToken: await h.token((await h.user('finance')).email) });
  otherRetailer = await h.as({ bearerToken: await h.token((await h.user('retailer')).email) });
  envelopeId = await grantsEnvelope(h, adminToken, programId, 'pages', [['2026-2027', 10_000_000]]);
});
afterAll(() => h?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
/** A failed form's answer: its status, the fields named, the values kept. */
const failureOf = (answer: unknown) => (answer as { data: FormFailure }).data;
const offered = () => offeredAgreementFor(h, { programId, coordinatorToken, envelopeId });
const retailerOf = (app: { token: string }, locale: 'fr' | 'en' = 'fr') =>
  h.as({ bearerToken: app.token }, { locale });
const form = (intent: string, fields: Record<string, string> = {}) => ({ intent, ...fields });

describe(`the team's agreement pages (${engine})`, () => {
  it('prepares a draft from the file: rows added and removed without JavaScript, field-named errors, then the draft', async () => {
    const app = await businessWithApprovedPlan(h, programId, coordinatorToken);
    const url = `/applications/${app.id}/agreement/new`;
    const params = { id: app.id };
    const page = await renderPage(newAgreement, coordinator, '/applications/:id/agreement/new', url);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain("Préparer l'entente de");
    expect(page.html).toContain('name="lines.0.category"');

    const row = (i: number, category: string, description: string, amount: string) => ({
      [`lines.${i}.category`]: category,
      [`lines.${i}.description`]: description,
      [`lines.${i}.amount`]: amount,
    });
    const added = (await send(
      newAgreement.action,
      coordinator,
      url,
      {
        ...form('add_line', { lineCount: '1' }),
        ...row(0, 'website', 'Site', '1 000'),
      },
      params,
    )) as { rows: { description: string }[] };
    expect(added.rows.map((r) => r.description)).toEqual(['Site', '']);
    const removed = (await send(
      newAgreement.action,
      coordinator,
      url,
      {
        ...form('remove_line:0', { lineCount: '2' }),
        ...row(0, 'website', 'Site', '1 000'),
        ...row(1, 'training', 'Formation', '500'),
      },
      params,
    )) as { rows: { description: string }[] };
    expect(removed.rows.map((r) => r.description)).toEqual(['Formation']);

    // A blank row is skipped; the amount of the row typed wrong is named by its own input.
    const bad = failureOf(
      await send(
        newAgreement.action,
        coordinator,
        url,
        {
          ...form('save', { lineCount: '3' }),
          ...row(0, '', '', ''),
          ...row(1, 'website', 'Site', 'mille'),
        },
        params,
      ),
    );
    expect(bad.error.status).toBe(422);
    expect(bad.error.errors.map((e) => e.path)).toEqual(['lines.1.amount']);
    expect(bad.values['lines.1.description']).toBe('Site');

    const save = () =>
      send(
        newAgreement.action,
        coordinator,
        url,
        {
          ...form('save', { lineCount: '1', otherPublicAid: '', gstRegistered: 'yes' }),
          ...row(0, 'ecommerce_platform', 'Boutique en ligne', '3 000,00'),
        },
        params,
      );
    const saved = (await save()) as unknown as Response;
    expect(saved.status).toBe(302);
    const location = saved.headers.get('location') ?? '';
    expect(location).toMatch(/^\/agreements\/[0-9a-f-]{36}\?prepared$/);
    // One live agreement per business: a second draft is refused, and the file's page leads to the first.
    expect(failureOf(await save()).error.status).toBe(409);
    const again = await thrown(load(newAgreement.loader, coordinator, url, params));
    expect(again.status).toBe(302);
    expect(again.location).toBe(location.replace('?prepared', ''));
  });
});
