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
const spaced = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ');
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
    const file = await renderPage(coachingFile, coordinator, '/caseload/:id', `/caseload/${app.id}`);
    expect(file.html).toContain(`href="${url}"`);
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

  it('shows the team the lines, the grant with its arithmetic and the actions; finance reads; a stale form gets the 409', async () => {
    const app = await businessWithApprovedPlan(h, programId, coordinatorToken);
    const draft = await (
      await h.request('/api/v1/agreements', {
        method: 'POST',
        token: coordinatorToken,
        json: {
          applicationId: app.id,
          envelopeId,
          lines: [
            { category: 'website', description: 'Site Web', amountCents: 200_000, plannedSupplier: 'Agence' },
          ],
        },
      })
    ).json();
    const url = `/agreements/${draft.id}`;
    const params = { id: draft.id };
    const team = await renderPage(agreementPage, coordinator, '/agreements/:id', url);
    expect(team.status).toBe(200);
    const seen = text(team.html);
    expect(seen).toContain('Brouillon');
    expect(seen).toContain('90 % × 2 000,00 $ = 1 800,00 $');
    expect(seen).toContain('Agence');
    expect(seen).toContain("Offrir l'entente");
    expect(team.html).toContain('name="lines.0.amount"');
    expect(team.html).not.toContain('letter.pdf'); // a draft has no letter yet

    const reader = text((await renderPage(agreementPage, finance, '/agreements/:id', url)).html);
    expect(reader).toContain('1 800,00 $');
    expect(reader).not.toContain("Offrir l'entente");
    expect(reader).not.toContain('Modifier le brouillon');

    const edit = (version: string, amount: string) =>
      send(
        agreementPage.action,
        coordinator,
        url,
        {
          intent: 'save',
          version,
          lineCount: '1',
          'lines.0.id': draft.lines[0].id,
          'lines.0.category': 'website',
          'lines.0.description': 'Site Web',
          'lines.0.amount': amount,
        },
        params,
      );
    expect(await edit('1', '2 500')).toEqual({ done: 'saved' });
    const stale = failureOf(await edit('1', '2 600'));
    expect(stale.error.status).toBe(409);
    expect(text(stale.error.detail)).toContain("Quelqu'un a modifié cette entente");
    expect(stale.values['lines.0.amount']).toBe('2 600');

    const past = failureOf(
      await send(
        agreementPage.action,
        coordinator,
        url,
        { intent: 'offer', version: '2', acceptBy: '2027-01-01' },
        params,
      ),
    );
    expect(past.error.errors.map((e) => e.path)).toEqual(['acceptBy']);
    expect(
      await send(
        agreementPage.action,
        coordinator,
        url,
        { intent: 'offer', version: '2', acceptBy: '2027-02-15' },
        params,
      ),
    ).toEqual({ done: 'offered' });
    const offeredPage = text((await renderPage(agreementPage, coordinator, '/agreements/:id', url)).html);
    expect(offeredPage).toContain('Offerte');
    expect(offeredPage).toContain('2 250,00 $');
    expect(offeredPage).toContain('Offre envoyée, à accepter au plus tard le : 2027-02-15');
    expect((await renderPage(agreementPage, coordinator, '/agreements/:id', url)).html).toContain(
      `/api/v1/agreements/${draft.id}/letter.pdf`,
    );

    // The retailer whose agreement it is reads it in « Mon aide »; another retailer is told it does not exist.
    expect(await thrown(load(agreementPage.loader, await retailerOf(app), url, params))).toEqual({
      status: 302,
      location: `/applications/${app.id}/aid`,
    });
    expect((await thrown(load(agreementPage.loader, otherRetailer, url, params))).status).toBe(404);
  });

  it('lists a program’s agreements by status for the team and finance', async () => {
    const { agreement } = await offered();
    const list = (ctx: Ctx, query = '') =>
      renderPage(agreementsPage, ctx, '/admin/agreements', `/admin/agreements${query}`);
    const all = await list(coordinator);
    expect(all.status).toBe(200);
    expect(all.html).toContain(`href="/agreements/${agreement.id}"`);
    const onlyAccepted = await list(finance, '?status=accepted');
    expect(onlyAccepted.html).not.toContain(`href="/agreements/${agreement.id}"`);
    expect((await list(finance, '?status=offered')).html).toContain(`href="/agreements/${agreement.id}"`);
  });
});

describe(`the retailer's « Mon aide » (${engine})`, () => {
  it('shows their offer with its grant and deadlines, and only to them', async () => {
    const { agreement, app } = await offered();
    const url = `/applications/${app.id}/aid`;
    const fr = await renderPage(myAid, await retailerOf(app), '/applications/:id/aid', url);
    expect(fr.status).toBe(200);
    const seen = text(fr.html);
    expect(seen).toContain('Mon aide financière');
    expect(seen).toContain('1 800,00 $');
    expect(seen).toContain('90 % × 2 000,00 $ = 1 800,00 $');
    expect(seen).toContain('au plus tard le 2027-02-15');
    expect(seen).toContain("J'atteste que les renseignements fournis sont exacts");
    expect(fr.html).toContain(`/api/v1/agreements/${agreement.id}/letter.pdf`);
    expect(fr.html).not.toContain('/bank-account'); // not before acceptance

    const en = text(
      (await renderPage(myAid, await retailerOf(app, 'en'), '/applications/:id/aid', url)).html,
    );
    expect(en).toContain('My financial aid');
    expect(en).toContain('$1,800.00');

    const stranger = await renderPage(myAid, otherRetailer, '/applications/:id/aid', url);
    expect(stranger.status).toBe(404);
    expect(stranger.html).not.toContain('1 800,00');

    // The application page leads to it once an offer exists.
    const status = await renderPage(
      applicationStatus,
      await retailerOf(app),
      '/applications/:id',
      `/applications/${app.id}`,
    );
    expect(status.html).toContain(`href="/applications/${app.id}/aid"`);
  });

  it('accepts through the page only with the attestation and a name, then offers claims, bank details and changes', async () => {
    const { agreement, app } = await offered();
    const url = `/applications/${app.id}/aid`;
    const params = { id: app.id };
    const retailer = await retailerOf(app);
    const unticked = failureOf(
      await send(myAid.action, retailer, url, { intent: 'accept', name: 'Zoé Tremblay' }, params),
    );
    expect(unticked.error.status).toBe(422);
    expect(unticked.error.errors.map((e) => [e.path, e.message])).toEqual([
      ['attestation', "Cochez l'attestation pour accepter l'offre."],
    ]);
    expect(unticked.values.name).toBe('Zoé Tremblay');
    expect(
      await send(
        myAid.action,
        retailer,
        url,
        { intent: 'accept', attestation: 'yes', name: 'Zoé Tremblay' },
        params,
      ),
    ).toEqual({ done: 'accepted' });

    const after = await renderPage(myAid, retailer, '/applications/:id/aid', url);
    const seen = text(after.html);
    expect(seen).toContain('Acceptée');
    expect(seen).toContain('Offre acceptée, signée par : Zoé Tremblay');
    expect(seen).not.toContain("J'atteste");
    expect(after.html).toMatch(/href="\/agreements\/[0-9a-f-]{36}\/claims"/);
    expect(after.html).toContain(`href="/my-aid/bank-account?application=${app.id}"`);
    expect(seen).toContain('Demander une modification');

    // A change of more than 20 % waits for the team.
    const lines = (amount: string) => ({
      lineCount: '1',
      'lines.0.id': '',
      'lines.0.category': 'ecommerce_platform',
      'lines.0.description': 'Boutique en ligne',
      'lines.0.amount': amount,
    });
    const noReason = failureOf(
      await send(myAid.action, retailer, url, { intent: 'amend', ...lines('3 000') }, params),
    );
    expect(noReason.error.errors.map((e) => e.path)).toEqual(['amendReason']);
    const read = await (await h.request(`/api/v1/agreements/${agreement.id}`, { token: app.token })).json();
    expect(
      await send(
        myAid.action,
        retailer,
        url,
        {
          intent: 'amend',
          ...lines('3 000'),
          'lines.0.id': read.lines[0].id,
          amendReason: 'Le fournisseur a changé son prix',
        },
        params,
      ),
    ).toEqual({ done: 'amendment_requested' });

    // The team decides it on the agreement's page: a refusal needs a reason; an approval commits again.
    const teamUrl = `/agreements/${agreement.id}`;
    const teamParams = { id: agreement.id };
    const waiting = await renderPage(agreementPage, coordinator, '/agreements/:id', teamUrl);
    expect(text(waiting.html)).toContain('Le fournisseur a changé son prix');
    const amendmentId = /name="amendmentId" value="([0-9a-f-]{36})"/.exec(waiting.html)?.[1] ?? '';
    const unexplained = failureOf(
      await send(
        agreementPage.action,
        coordinator,
        teamUrl,
        { intent: 'decide', amendmentId, decision: 'refused', decisionReason: '' },
        teamParams,
      ),
    );
    expect(unexplained.error.errors.map((e) => e.path)).toEqual(['decisionReason']);
    expect(
      await send(
        agreementPage.action,
        coordinator,
        teamUrl,
        { intent: 'decide', amendmentId, decision: 'approved', decisionReason: '' },
        teamParams,
      ),
    ).toEqual({ done: 'amendment_approved' });
    expect(text((await renderPage(agreementPage, coordinator, '/agreements/:id', teamUrl)).html)).toContain(
      '2 400,00 $',
    );
    expect(
      await send(
        agreementPage.action,
        coordinator,
        teamUrl,
        { intent: 'close', closeReason: 'Projet terminé' },
        teamParams,
      ),
    ).toEqual({ done: 'closed' });
    expect(text((await renderPage(myAid, retailer, '/applications/:id/aid', url)).html)).toContain(
      'Cette entente est fermée : Projet terminé',
    );
  });

  it('declines through the page, saying why', async () => {
    const { app } = await offered();
    const url = `/applications/${app.id}/aid`;
    const params = { id: app.id };
    const retailer = await retailerOf(app);
    const empty = failureOf(
      await send(myAid.action, retailer, url, { intent: 'decline', declineReason: ' ' }, params),
    );
    expect(empty.error.errors.map((e) => e.path)).toEqual(['declineReason']);
    // Another retailer cannot answer for this business.
    expect(
      failureOf(
        await send(myAid.action, otherRetailer, url, { intent: 'decline', declineReason: 'Non' }, params),
      ).error.status,
    ).toBe(404);
    expect(
      await send(
        myAid.action,
        retailer,
        url,
        { intent: 'decline', declineReason: 'Le projet est reporté' },
        params,
      ),
    ).toEqual({ done: 'declined' });
    const seen = text((await renderPage(myAid, retailer, '/applications/:id/aid', url)).html);
    expect(seen).toContain('Vous avez refusé cette offre.');
    expect(seen).toContain("Offre refusée par l'entreprise : Le projet est reporté");
  });
});

describe(`the aid rules page (${engine})`, () => {
  it('lets administrators change every rule in percentages and dollars, with field-named errors and the values kept', async () => {
    const page = await renderPage(aidRulesPage, admin, '/admin/aid-rules', '/admin/aid-rules');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/name="rate"[^>]*value="90"/);
    expect(spaced(page.html)).toMatch(/name="cap"[^>]*value="2 400,00"/);
    expect(page.html).toContain('Enregistrer une nouvelle version');
    const reader = text(
      (await renderPage(aidRulesPage, coordinator, '/admin/aid-rules', '/admin/aid-rules')).html,
    );
    expect(reader).toContain('Seuls les administrateurs du programme changent ces règles.');
    expect(
      (await renderPage(aidRulesPage, otherRetailer, '/admin/aid-rules', '/admin/aid-rules')).status,
    ).toBe(403);

    const rules = {
      kind: 'percentage',
      rate: '75,5',
      amount: '',
      cap: '5 000',
      stackingLimit: '',
      costsFrom: 'acceptance',
      startsOn: '2027-04-01',
      endsOn: '2028-03-31',
      claimDeadline: '2028-05-31',
      minimumUseDays: '15',
      taxPolicy: 'non_recoverable',
      'approvalLevels.0.above': '5 000',
      'approvalLevels.0.approvers': '2',
    };
    const post = (fields: Record<string, string>, categories = ['website', 'training']) => {
      const body = new URLSearchParams({ _csrf: 'csrf', ...fields });
      for (const c of categories) body.append('eligibleCategories', c);
      body.append('ineligibleCategories', 'hardware');
      return renderPage(aidRulesPage, admin, '/admin/aid-rules', '/admin/aid-rules', {
        method: 'POST',
        body,
      });
    };
    const saved = await post(rules);
    expect(saved.status).toBe(200);
    expect(text(saved.html)).toMatch(/Les règles d'aide sont enregistrées \(version \d+\)/);
    const read = await (
      await h.request(`/api/v1/programs/${programId}/aid-rules`, { token: coordinatorToken })
    ).json();
    expect(read.rules).toMatchObject({
      kind: 'percentage',
      rateBasisPoints: 7550,
      capPerBusinessCents: 500_000,
      stackingLimitBasisPoints: null,
      eligibleCategories: ['website', 'training'],
      ineligibleCategories: ['hardware'],
      minimumUseDays: 15,
      approvalLevels: [{ aboveCents: 500_000, financeApprovers: 2 }],
    });

    const typo = await post({ ...rules, rate: 'beaucoup' });
    expect(typo.status).toBe(422);
    expect(typo.html).toContain('href="#field-rate"');
    expect(typo.html).toMatch(/name="rate"[^>]*value="beaucoup"/);
    expect(typo.html).toMatch(/name="minimumUseDays"[^>]*value="15"/);
    // Rules that contradict each other: each message points at the input to fix, the rows as typed.
    const bad = await post(
      {
        ...rules,
        endsOn: '2027-01-01',
        'approvalLevels.1.above': '1 000',
        'approvalLevels.1.approvers': '1',
      },
      ['hardware'],
    );
    expect(bad.status).toBe(422);
    const summary = bad.html.slice(bad.html.indexOf('error-summary'), bad.html.indexOf('</ul>'));
    for (const field of ['endsOn', 'ineligibleCategories', 'approvalLevels-1-above'])
      expect(summary).toContain(`href="#field-${field}"`);
    expect(spaced(bad.html)).toMatch(/name="approvalLevels.1.above"[^>]*value="1 000"/);
    expect(bad.html).toMatch(/id="field-eligibleCategories-hardware"[^>]*checked=""/);
  });
});
