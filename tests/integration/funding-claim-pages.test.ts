import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as agreementClaims from '../../src/modules/funding/ui/agreement-claims.tsx';
import * as claimPage from '../../src/modules/funding/ui/claim.tsx';
import * as claimsQueue from '../../src/modules/funding/ui/claims-queue.tsx';
import * as reviewPage from '../../src/modules/funding/ui/review-claim.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { expert } from '../support/coaching.ts';
import {
  acceptedAgreementFor,
  attachClaimReceipts,
  CLAIM_TEST_RULES,
  grantsEnvelopeForClaims,
} from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';
import { send } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let agreement: { id: string; lineIds: string[] };
let retailer: { id: string; email: string; token: string };
let retailerCtx: Record<'fr' | 'en', Ctx>;
let coachCtx: Ctx;
let financeCtx: Ctx;

beforeAll(async () => {
  h = await createHarness();
  const programId = await defaultProgramId(h);
  const staff = async (role: 'coordinator' | 'finance' | 'admin') => {
    const { id, email } = await h.user(role);
    return { id, token: await h.token(email) };
  };
  const admin = await staff('admin');
  const coordinator = await staff('coordinator');
  const coach = await expert(h, coordinator.token);
  const envelopeId = await grantsEnvelopeForClaims(h, programId, admin.token);
  await h.request(`/api/v1/programs/${programId}/aid-rules`, {
    method: 'PUT',
    token: admin.token,
    json: CLAIM_TEST_RULES,
  });
  const accepted = await acceptedAgreementFor(h, {
    programId,
    coordinatorToken: coordinator.token,
    envelopeId,
    coach,
    gstRegistered: true,
    qstRegistered: true,
    lines: [{ category: 'website', description: 'Site transactionnel', amountCents: 300_000 }],
  });
  retailer = accepted.app.retailer;
  agreement = {
    id: accepted.agreement.id,
    lineIds: accepted.agreement.lines.map((l: { id: string }) => l.id),
  };
  retailerCtx = {
    fr: await h.as({ bearerToken: retailer.token }, { locale: 'fr' }),
    en: await h.as({ bearerToken: retailer.token }, { locale: 'en' }),
  };
  coachCtx = await h.as({ bearerToken: coach.token });
  financeCtx = await h.as({ bearerToken: (await staff('finance')).token });
});
afterAll(() => h?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

const invoiceFields = (block: number, overrides: Record<string, string> = {}) => ({
  [`invoices.${block}.budgetLineId`]: agreement.lineIds[0]!,
  [`invoices.${block}.supplierName`]: 'Agence Web inc.',
  [`invoices.${block}.invoiceNumber`]: 'F-2027-001',
  [`invoices.${block}.invoiceDate`]: '2027-01-15',
  [`invoices.${block}.subtotalCents`]: '1 000,00',
  [`invoices.${block}.gstCents`]: '50,00',
  [`invoices.${block}.qstCents`]: '99,75',
  [`invoices.${block}.gstNumber`]: '123456789 RT 0001',
  [`invoices.${block}.qstNumber`]: '1234567890 TQ 0001',
  ...overrides,
});

describe(`claim pages (${engine})`, () => {
  it('lets the retailer start a claim, fill an invoice on the form, and names what stops its submission', async () => {
    const list = await renderPage(
      agreementClaims,
      retailerCtx.fr,
      '/agreements/:id/claims',
      `/agreements/${agreement.id}/claims`,
    );
    expect(list.status).toBe(200);
    expect(text(list.html)).toContain('Aucune réclamation pour le moment.');
    const created = await send<Response>(
      agreementClaims.action as never,
      retailerCtx.fr,
      `/agreements/${agreement.id}/claims`,
      {},
      { id: agreement.id },
    );
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/claims\/[0-9a-f-]{36}$/);
    const id = location.split('/').at(-1)!;

    const empty = await renderPage(claimPage, retailerCtx.fr, '/claims/:id', `/claims/${id}`);
    expect(text(empty.html)).toContain('Réclamation no 1');
    expect(empty.html).toContain('id="field-invoices-0-supplierName"');

    // A blank new block is ignored; a wrong date is named at its field, with the values kept.
    const bad = await send<{
      data: { error: { errors: { path: string }[] }; values: Record<string, string> };
    }>(
      claimPage.action as never,
      retailerCtx.fr,
      `/claims/${id}`,
      {
        version: '1',
        count: '1',
        intent: 'save',
        ...invoiceFields(0, { 'invoices.0.invoiceDate': '15 janvier' }),
      },
      { id },
    );
    expect(bad.data.error.errors.map((e) => e.path)).toEqual(['invoices.0.invoiceDate']);
    expect(bad.data.values['invoices.0.supplierName']).toBe('Agence Web inc.');

    const saved = await send(
      claimPage.action as never,
      retailerCtx.fr,
      `/claims/${id}`,
      {
        version: '1',
        count: '2',
        intent: 'save',
        ...invoiceFields(0),
        'invoices.1.budgetLineId': agreement.lineIds[0]!,
      },
      { id },
    );
    expect(saved).toEqual({ done: 'saved' });
    const refused = await send<{ data: { error: { errors: { path: string }[] } } }>(
      claimPage.action as never,
      retailerCtx.en,
      `/claims/${id}`,
      { version: '2', count: '1', intent: 'submit', ...invoiceFields(0) },
      { id },
    );
    expect(refused.data.error.errors.map((e) => e.path)).toEqual([
      'invoices.0.invoiceFile',
      'invoices.0.proofOfPayment',
    ]);

    const en = await renderPage(claimPage, retailerCtx.en, '/claims/:id', `/claims/${id}`);
    expect(text(en.html)).toContain('Claim no. 1');
    expect(text(en.html)).toContain('Attach the invoice (PDF, JPEG or PNG).');
    expect(en.html).toContain('value="1,000.00"');
    // The receipts are attached from the claim itself: the upload form comes back here, and each
    // invoice's link opens it with that invoice chosen.
    const invoiceId = en.html.match(/name="invoices\.0\.id" value="([0-9a-f-]{36})"/)![1]!;
    expect(en.html).toContain(`href="/claims/${id}?invoice=${invoiceId}#claim-attachments-title"`);
    expect(en.html).toContain(`action="/my-aid/claims/${id}/attachments" encType="multipart/form-data"`);
    expect(en.html).toContain(`name="returnTo" value="/claims/${id}"`);
    const chosen = await renderPage(
      claimPage,
      retailerCtx.fr,
      '/claims/:id',
      `/claims/${id}?invoice=${invoiceId}&files=added`,
    );
    expect(chosen.html).toMatch(
      new RegExp(`<option value="${invoiceId}" selected="">Agence Web inc. — F-2027-001`),
    );
    expect(text(chosen.html)).toContain('La pièce a été ajoutée.');
  });

  it('shows the team the figures beside the receipts and duplicates, takes a decision, and shows the retailer the corrections per field', async () => {
    const create = await h.request('/api/v1/claims', {
      method: 'POST',
      token: retailer.token,
      json: {
        agreementId: agreement.id,
        invoices: [
          {
            budgetLineId: agreement.lineIds[0],
            supplierName: 'AGENCE WEB INC',
            invoiceNumber: 'f2027-001',
            invoiceDate: '2027-01-15',
            subtotalCents: 50_000,
            gstCents: 2_600,
            qstCents: 4_988,
            gstNumber: '123456789 RT 0001',
            qstNumber: '1234567890 TQ 0001',
          },
        ],
      },
    });
    const claim = await create.json();
    await attachClaimReceipts(h, {
      claimId: claim.id,
      invoiceId: claim.invoices[0].id,
      uploadedBy: retailer.id,
    });
    await h.request(`/api/v1/claims/${claim.id}/submission`, { method: 'POST', token: retailer.token });

    const queue = await renderPage(claimsQueue, coachCtx, '/review/claims', '/review/claims');
    expect(queue.status).toBe(200);
    expect(queue.html).toContain(`href="/review/claims/${claim.id}"`);
    const financeQueue = await renderPage(
      claimsQueue,
      financeCtx,
      '/review/claims',
      '/review/claims?reviewStep=content&mine=false',
    );
    expect(financeQueue.html).toContain(`href="/review/claims/${claim.id}"`);

    const screen = await renderPage(reviewPage, coachCtx, '/review/claims/:id', `/review/claims/${claim.id}`);
    const words = text(screen.html);
    expect(words).toContain('500,00 $');
    expect(words).toContain('26,00 $ (inhabituel)');
    expect(screen.html).toMatch(
      new RegExp(`href="/api/v1/claims/${claim.id}/attachments/[0-9a-f-]{36}" download`),
    );
    expect(words).toContain('Décision — Revue du contenu');
    // The first test's draft holds the same supplier's invoice with the same number.
    expect(words).toContain('Doublons possibles à vérifier : La facture 1 (même fournisseur et même numéro)');
    // Finance reads the claim but does not decide its content.
    expect(
      text(
        (await renderPage(reviewPage, financeCtx, '/review/claims/:id', `/review/claims/${claim.id}`)).html,
      ),
    ).not.toContain('Décision —');

    const decided = await send(
      reviewPage.action as never,
      coachCtx,
      `/review/claims/${claim.id}`,
      {
        step: 'content',
        decision: 'corrections_requested',
        reason: 'La TPS ne correspond pas.',
        'fields.0.field': 'invoices.0.gstCents',
        'fields.0.message': 'La TPS de la facture est de 25,00 $.',
      },
      { id: claim.id },
    );
    expect(decided).toEqual({ decided: 'corrections_requested' });

    const back = await renderPage(claimPage, retailerCtx.fr, '/claims/:id', `/claims/${claim.id}`);
    const backWords = text(back.html);
    expect(backWords).toContain("L'équipe du programme demande ces corrections :");
    expect(back.html).toMatch(/id="field-invoices-0-gstCents"[^>]*aria-invalid="true"/);
    expect(backWords).toContain('La TPS de la facture est de 25,00 $.');
    expect(backWords).toContain('Revue du contenu : Corrections demandées');
    // The claim is open again: its receipts may be replaced from the claim's page.
    expect(backWords).toContain('Retirer');
  });
});
