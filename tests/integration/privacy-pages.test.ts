import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as editIncident from '../../src/modules/privacy/ui/edit-incident.tsx';
import * as myRequests from '../../src/modules/privacy/ui/my-privacy-requests.tsx';
import * as queue from '../../src/modules/privacy/ui/privacy-queue.tsx';
import * as recordIncident from '../../src/modules/privacy/ui/record-incident.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import type { FormFailure } from '../../src/platform/ui/route.server.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { load, send, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let retailer: Ctx;
let officer: Ctx;
let expert: Ctx;
beforeAll(async () => {
  h = await createHarness();
  const as = async (role: 'retailer' | 'privacy' | 'expert', locale: 'fr' | 'en' = 'fr') =>
    h.as({ bearerToken: await h.token((await h.user(role, { locale })).email) }, { locale });
  retailer = await as('retailer');
  officer = await as('privacy', 'en');
  expert = await as('expert');
});
afterAll(() => h?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
const failureOf = (answer: unknown) => (answer as { data: FormFailure }).data;

describe(`privacy pages (${engine})`, () => {
  it('lets a person file a request from their account and see it with its clock, field errors named', async () => {
    const path = '/account/privacy/requests';
    const bad = failureOf(await send(myRequests.action, retailer, path, { kind: 'access', details: '' }));
    expect(bad.error.errors.map((e) => e.path)).toEqual(['details']);
    const done = (await send(myRequests.action, retailer, path, {
      kind: 'correction',
      details: 'Mon nom est mal écrit.',
    })) as Response;
    expect(done.headers.get('location')).toBe(`${path}?filed=2027-02-14`);
    const page = await renderPage(myRequests, retailer, path, `${path}?filed=2027-02-14`);
    expect(page.status).toBe(200);
    const shown = text(page.html);
    expect(shown).toContain('Votre demande est reçue. La réponse est due au plus tard le 2027-02-14');
    expect(shown).toContain('Correction Reçue 30 jours restants');
  });

  it('shows the officer the queue with the clocks, answers from it, and keeps it from an expert', async () => {
    const page = await renderPage(queue, officer, '/privacy', '/privacy');
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('Correction — 30 days left');
    expect(page.html).toContain('href="/api/v1/privacy-incidents/register.pdf"');
    const { requests } = await load(queue.loader, officer, '/privacy');
    const refused = failureOf(
      await send(queue.action, officer, '/privacy', { id: requests[0]!.id, status: 'refused' }),
    );
    expect(refused.error.errors.map((e) => e.path)).toEqual(['answer']);
    const answered = (await send(queue.action, officer, '/privacy', {
      id: requests[0]!.id,
      status: 'answered',
      answer: 'Corrigé.',
    })) as Response;
    expect(answered.headers.get('location')).toBe('/privacy?moved=answered');
    expect((await thrown(load(queue.loader, expert, '/privacy'))).status).toBe(403);
  });

  it('records an incident from the form, refusing a missing content by its field', async () => {
    const path = '/privacy/incidents/new';
    const fields = {
      informationInvolved: 'Courriels',
      circumstances: 'Envoi au mauvais destinataire',
      occurredFrom: '2027-01-10',
      learnedOn: '2027-01-11',
      personsAffected: '12',
      riskAssessment: 'Faible sensibilité',
      seriousRisk: 'no',
      measures: 'Rappel du message',
    };
    const { measures: _, ...missing } = fields;
    const failed = failureOf(await send(recordIncident.action, officer, path, missing));
    expect(failed.error.errors.map((e) => e.path)).toEqual(['measures']);
    const serious = failureOf(
      await send(recordIncident.action, officer, path, { ...fields, seriousRisk: 'yes' }),
    );
    expect(serious.error.errors.map((e) => e.path).sort()).toEqual([
      'notices.commissionNotifiedOn',
      'notices.personsNotifiedOn',
    ]);
    const page = await renderPage(recordIncident, officer, path, path);
    expect(page.html).toContain('id="field-notices-commissionNotifiedOn"');
    const done = (await send(recordIncident.action, officer, path, fields)) as Response;
    expect(done.headers.get('location')).toBe('/privacy?recorded');
    expect(text((await renderPage(queue, officer, '/privacy', '/privacy?recorded')).html)).toContain(
      'The incident is entered in the register.',
    );
    expect((await thrown(load(recordIncident.loader, expert, path))).status).toBe(403);
  });

  it('offers the account’s deletion on a deletion request, which answers it (decision 42)', async () => {
    const user = await h.user('retailer');
    const person = await h.as({ bearerToken: await h.token(user.email) }, { locale: 'fr' });
    await send(myRequests.action, person, '/account/privacy/requests', {
      kind: 'deletion',
      details: 'Supprimez mon compte.',
    });
    const page = await renderPage(queue, officer, '/privacy', '/privacy');
    expect(text(page.html)).toContain('Delete the account and answer');
    const { requests } = await load(queue.loader, officer, '/privacy');
    const request = requests.find((r) => r.requesterId === user.id)!;
    const form = { id: request.id, requesterId: user.id, status: 'delete_account' };
    const missing = failureOf(await send(queue.action, officer, '/privacy', form));
    expect(missing.error.errors.map((e) => e.path)).toEqual(['reason']);
    const done = (await send(queue.action, officer, '/privacy', {
      ...form,
      answer: 'Votre compte est supprimé.',
    })) as Response;
    expect(done.headers.get('location')).toBe('/privacy?moved=account_deleted');
    const after = await renderPage(queue, officer, '/privacy', '/privacy?moved=account_deleted');
    expect(text(after.html)).toContain('The account is deleted and the request answered');
    expect((await load(queue.loader, officer, '/privacy')).requests.map((r) => r.id)).not.toContain(
      request.id,
    );
  });

  it('updates an incident from its page, listing the former version (decision 42)', async () => {
    const { incidents } = await load(queue.loader, officer, '/privacy');
    const id = incidents[0]!.id;
    const path = `/privacy/incidents/${id}/edit`;
    const { values } = await load(editIncident.loader, officer, path, { id });
    const bad = failureOf(
      await send(editIncident.action, officer, path, { ...values, measures: '' }, { id }),
    );
    expect(bad.error.errors.map((e) => e.path)).toEqual(['measures']);
    const done = (await send(
      editIncident.action,
      officer,
      path,
      { ...values, measures: 'Accès retiré au fournisseur.' },
      { id },
    )) as Response;
    expect(done.headers.get('location')).toBe('/privacy?updated');
    const page = await renderPage(editIncident, officer, '/privacy/incidents/:id/edit', path);
    expect(page.status).toBe(200);
    const shown = text(page.html);
    expect(shown).toContain('Version 2.');
    expect(shown).toContain('Earlier versions');
    expect(page.html).toContain('Accès retiré au fournisseur.');
    expect((await thrown(load(editIncident.loader, expert, path, { id }))).status).toBe(403);
  });
});
