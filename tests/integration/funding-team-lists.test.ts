import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/kernel/csv.ts';
import { claims } from '../../src/modules/funding/db/tables.ts';
import * as agreementsPage from '../../src/modules/funding/ui/agreements.tsx';
import * as agreementsExport from '../../src/modules/funding/ui/agreements-export.ts';
import * as ledgerPage from '../../src/modules/funding/ui/business-ledger.tsx';
import * as claimsQueue from '../../src/modules/funding/ui/claims-queue.tsx';
import * as claimsExport from '../../src/modules/funding/ui/claims-queue-export.ts';
import * as financeFilePage from '../../src/modules/funding/ui/finance-file.tsx';
import * as myAidPage from '../../src/modules/funding/ui/my-aid.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { expert } from '../support/coaching.ts';
import {
  grantsEnvelopeForClaims,
  insertBankAccountForPayments,
  insertDraftClaim,
  insertPaymentApprovedClaim,
  offeredAgreementFor,
} from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { load, thrown } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';
import { xlsxRows } from '../support/xlsx.ts';

const FORMULA_NAME = '=HYPERLINK("http://x","y")';

let h: Harness;
let programId: string;
let coordinator: Ctx;
let finance: Ctx;
let builder: { id: string; token: string; name: string };
/** The business paid 2 000 $, then asked to give 500 $ back, of which it repaid 300 $. */
let paid: Awaited<ReturnType<typeof acceptedApplication>> & { claimId: string; agreementId: string };
let recoveryId: string;
/** A business whose claim was submitted and waits for its content review. */
let submitted: { id: string; claimId: string; token: string };
let offeredAgreementId: string;

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const text = (html: string) =>
  nbsp(
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  ).replace(/\s+/g, ' ');

async function staff(role: 'coordinator' | 'finance' | 'admin', name?: string) {
  const { id, email } = await h.user(role, name ? { name } : {});
  return { id, token: await h.token(email), name: name ?? '' };
}

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const admin = await staff('admin');
  const coordinatorUser = await staff('coordinator');
  builder = await staff('finance', 'Françoise Finances');
  const approver = await staff('finance', 'Albert Approbateur');
  coordinator = await h.as({ bearerToken: coordinatorUser.token }, { locale: 'fr' });
  finance = await h.as({ bearerToken: builder.token }, { locale: 'fr' });
  const envelopeId = await grantsEnvelopeForClaims(h, programId, admin.token);

  const app = await acceptedApplication(h, programId, coordinatorUser.token, {
    legalName: FORMULA_NAME,
    tradeName: FORMULA_NAME,
  });
  paid = {
    ...app,
    ...(await insertPaymentApprovedClaim(h.system, {
      programId,
      envelopeId,
      fiscalYear: 2026,
      applicationId: app.id,
      amountCents: 200_000,
      authorId: app.retailer.id,
    })),
  };
  await insertBankAccountForPayments(h.system, {
    applicationId: app.id,
    updatedBy: app.retailer.id,
    verifiedBy: approver.id,
  });
  const call = async (path: string, token: string, json?: unknown) => {
    const res = await h.request(`/api/v1${path}`, { method: json ? 'POST' : 'GET', token, json });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const batch = await call('/payment-batches', builder.token, { programId });
  await call(`/payment-batches/${batch.id}/approval`, approver.token, {});
  await h.request(`/api/v1/payment-batches/${batch.id}/export?format=csv`, { token: builder.token });
  await call(`/payment-batches/${batch.id}/payment`, builder.token, { bankReference: 'DESJ-7' });
  const recovery = await call('/recoveries', builder.token, {
    agreementId: paid.agreementId,
    amountCents: 50_000,
    reason: 'Facture payée deux fois',
  });
  recoveryId = recovery.id;
  await call(`/recoveries/${recoveryId}/repayments`, builder.token, {
    amountCents: 30_000,
    receivedOn: '2027-02-01',
    reference: 'Chèque 1001',
  });

  const other = await acceptedApplication(h, programId, coordinatorUser.token, {
    legalName: 'Boulangerie Rivière inc.',
  });
  const claim = await insertDraftClaim(
    h,
    { programId, applicationId: other.id, retailerId: other.retailer.id },
    'submitted',
  );
  submitted = { id: other.id, claimId: claim.claimId, token: other.token };
  // Submitted after the paid claim, and waiting for its content review.
  await h.services.database.db
    .update(claims)
    .set({ reviewStep: 'content', createdAt: new Date(h.clock.now.getTime() + 60_000) })
    .where(eq(claims.id, claim.claimId));
  const offered = await offeredAgreementFor(h, {
    programId,
    coordinatorToken: coordinatorUser.token,
    envelopeId,
    coach: await expert(h, coordinatorUser.token),
    acceptBy: '2027-03-31',
  });
  offeredAgreementId = offered.agreement.id;
});
afterAll(() => h?.close());

const download = async (loader: typeof claimsExport.loader, ctx: Ctx, path: string) =>
  (await load(loader, ctx, path)) as Response;

describe(`exports of the claims queue (${engine})`, () => {
  it('hold the rows the queue shows with its filters, as CSV and XLSX, names neutralised', async () => {
    const shown = async (search: string) =>
      (await load(claimsQueue.loader, finance, `/review/claims${search}`)).items.map((c) => c.business);
    expect(await shown('?mine=false')).toEqual([FORMULA_NAME, 'Boulangerie Rivière inc.']);
    expect(await shown('?mine=false&status=submitted')).toEqual(['Boulangerie Rivière inc.']);

    const csv = await download(claimsExport.loader, finance, '/review/claims/export.csv?mine=false');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="reclamations-a-traiter-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [header, ...rows] = parseCsv(await csv.text());
    expect(header).toEqual([
      'Entreprise',
      'No',
      'État',
      'Étape à faire',
      'Coûts admissibles',
      'Montant réclamable',
      'Soumise le',
    ]);
    expect(rows.map((r) => r.slice(0, 6))).toEqual([
      [`'${FORMULA_NAME}`, '1', 'Payée', '', '2000.00', '2000.00'],
      ['Boulangerie Rivière inc.', '1', 'Soumise', 'Revue du contenu', '', ''],
    ]);

    const filtered = parseCsv(
      await (
        await download(claimsExport.loader, finance, '/review/claims/export.csv?mine=false&status=submitted')
      ).text(),
    );
    expect(filtered.slice(1).map((r) => r[0])).toEqual(['Boulangerie Rivière inc.']);

    const xlsx = await download(claimsExport.loader, coordinator, '/review/claims/export.xlsx?mine=false');
    const [xHeader, ...cells] = await xlsxRows(await xlsx.arrayBuffer());
    expect(xHeader?.[0]).toBe('Entreprise');
    expect(cells[0]?.slice(0, 6)).toEqual([`'${FORMULA_NAME}`, 1, 'Payée', undefined, 2000, 2000]);
  });

  it('opens on what waits for the reader, and exports that same view by default', async () => {
    const data = await load(claimsQueue.loader, coordinator, '/review/claims');
    expect(data.items.map((c) => c.business)).toEqual(['Boulangerie Rivière inc.']);
    expect(data.exportSearch).toBe('?mine=true');
    const rows = parseCsv(
      await (
        await download(claimsExport.loader, coordinator, `/review/claims/export.csv${data.exportSearch}`)
      ).text(),
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Boulangerie Rivière inc.']);
    const page = await renderPage(
      claimsQueue,
      coordinator,
      '/review/claims',
      '/review/claims?status=submitted',
    );
    expect(page.html).toContain('href="/review/claims/export.xlsx?status=submitted&amp;mine=true"');
  });

  it('is the team’s and finance’s: an expert sees its queue but exports nothing; the API takes the same filters', async () => {
    const coach = await expert(h, (await staff('coordinator')).token);
    const coachCtx = await h.as({ bearerToken: coach.token });
    expect((await load(claimsQueue.loader, coachCtx, '/review/claims')).canExport).toBe(false);
    expect((await thrown(load(claimsExport.loader, coachCtx, '/review/claims/export.csv'))).status).toBe(403);

    const api = await h.request('/api/v1/exports/claims.csv?status=paid', { token: builder.token });
    expect(api.status).toBe(200);
    const rows = parseCsv(await api.text());
    expect(rows.slice(1).map((r) => r[0])).toEqual([`'${FORMULA_NAME}`]);
    const bad = await h.request('/api/v1/exports/claims.xlsx?status=nonsense', { token: builder.token });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe('status');
    // Past the row limit the same list runs as a job: asked through POST /exports, checked at once.
    const job = (token: string, filters: Record<string, string>) =>
      h.request('/api/v1/exports', {
        method: 'POST',
        token,
        json: { list: 'claims', format: 'csv', filters },
      });
    const refused = await job(builder.token, { status: 'nonsense' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors[0].path).toBe('filters.status');
    expect((await job(coach.token, {})).status).toBe(403);
    expect((await job(builder.token, { status: 'paid' })).status).toBe(202);
  });
});

describe(`exports of the agreements list (${engine})`, () => {
  it('hold the program’s agreements with the page’s status, as CSV and XLSX', async () => {
    const page = await load(agreementsPage.loader, finance, '/admin/agreements?status=offered');
    expect(page.agreements.map((a) => a.id)).toEqual([offeredAgreementId]);
    expect(page.exportSearch).toMatch(/^\?program=[^&]+&status=offered$/);

    const csv = await download(
      agreementsExport.loader,
      finance,
      `/admin/agreements/export.csv${page.exportSearch}`,
    );
    const [header, ...rows] = parseCsv(await csv.text());
    expect(header).toEqual([
      'Entreprise',
      'État',
      'Exercice financier',
      'Subvention',
      "Date limite d'acceptation",
    ]);
    expect(rows).toEqual([
      ['Chez Zoé', 'Offerte', '2026-2027', expect.stringMatching(/^\d+\.\d{2}$/), '2027-03-31'],
    ]);

    const all = parseCsv(
      await (await download(agreementsExport.loader, finance, '/admin/agreements/export.csv')).text(),
    );
    expect(all.slice(1).map((r) => r[0])).toContain(`'${FORMULA_NAME}`);

    const xlsx = await download(
      agreementsExport.loader,
      coordinator,
      '/admin/agreements/export.xlsx?status=offered',
    );
    const [, first] = await xlsxRows(await xlsx.arrayBuffer());
    expect(first?.[0]).toBe('Chez Zoé');
    expect(typeof first?.[3]).toBe('number');
    expect(first?.[4]).toEqual(new Date('2027-03-31T00:00:00Z'));
  });

  it('is refused to a retailer, who lists only its own agreements', async () => {
    const retailer = await h.as({ bearerToken: paid.token });
    expect(
      (await thrown(load(agreementsExport.loader, retailer, '/admin/agreements/export.csv'))).status,
    ).toBe(403);
    expect((await h.request('/api/v1/exports/agreements.csv', { token: paid.token })).status).toBe(403);
  });
});

describe(`the business’s ledger page (${engine})`, () => {
  it('shows its agreements, its balances by state with totals, and every entry with who and where from', async () => {
    const data = await load(ledgerPage.loader, finance, `/applications/${paid.id}/ledger`, { id: paid.id });
    expect(data.agreements).toEqual([
      expect.objectContaining({ id: paid.agreementId, status: 'accepted', fiscalYear: '2026-2027' }),
    ]);
    expect(data.positions).toHaveLength(1);
    expect(Object.fromEntries(Object.entries(data.totals).map(([k, v]) => [k, nbsp(v)]))).toEqual({
      committed: '0,00 $',
      payable: '0,00 $',
      paid: '1 700,00 $',
      recovered: '300,00 $',
      released: '0,00 $',
    });
    expect(data.entries.map((e) => [e.kind, nbsp(e.amount), e.actorName, e.source?.kind])).toEqual([
      ['recover', '300,00 $', 'Françoise Finances', 'recovery'],
      ['pay', '2 000,00 $', 'Françoise Finances', 'batch'],
      ['approve', '2 000,00 $', null, 'claim'],
      ['commit', '2 000,00 $', null, 'agreement'],
    ]);
    expect(data.entries.map((e) => e.source?.href)).toEqual([
      `/finance/files/${paid.id}`,
      expect.stringMatching(/^\/finance\/batches\/[0-9a-f-]{36}$/),
      `/review/claims/${paid.claimId}`,
      `/agreements/${paid.agreementId}`,
    ]);
    // A coordinator reads the same money; batches and recoveries are finance's pages, named without a link.
    const team = await load(ledgerPage.loader, coordinator, `/applications/${paid.id}/ledger`, {
      id: paid.id,
    });
    expect(team.totals).toEqual(data.totals);
    expect(team.entries.map((e) => e.source?.href ?? null).slice(0, 2)).toEqual([null, null]);
  });

  it('renders in both languages, reached from the agreement and the finance file', async () => {
    const url = `/applications/${paid.id}/ledger`;
    const fr = text((await renderPage(ledgerPage, finance, '/applications/:id/ledger', url)).html);
    expect(fr).toContain('Grand livre — =HYPERLINK');
    expect(fr).toContain('Total 0,00 $ 0,00 $ 1 700,00 $ 300,00 $ 0,00 $');
    expect(fr).toContain('Recouvrement Payé → Recouvré 300,00 $');
    const en = text(
      (
        await renderPage(
          ledgerPage,
          await h.as({ bearerToken: builder.token }, { locale: 'en' }),
          '/applications/:id/ledger',
          url,
        )
      ).html,
    );
    expect(en).toContain('Balances by envelope and fiscal year');
    expect(en).toContain('Recovery Paid → Recovered $300.00');
    const file = await renderPage(
      financeFilePage,
      finance,
      '/finance/files/:id',
      `/finance/files/${paid.id}`,
    );
    expect(file.html).toContain(`href="${url}"`);
  });

  it('is not the retailer’s, and a business that does not exist is not found', async () => {
    const retailer = await h.as({ bearerToken: paid.token });
    expect(
      (await thrown(load(ledgerPage.loader, retailer, `/applications/${paid.id}/ledger`, { id: paid.id })))
        .status,
    ).toBe(403);
    const missing = '0195f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b';
    expect(
      (await thrown(load(ledgerPage.loader, finance, `/applications/${missing}/ledger`, { id: missing })))
        .status,
    ).toBe(404);
  });
});

describe(`the retailer’s recoveries on « Mon aide » (${engine})`, () => {
  it('show what is claimed back, why, what was repaid, what is left and how to repay, in both languages', async () => {
    const url = `/applications/${paid.id}/aid`;
    const fr = text(
      (
        await renderPage(
          myAidPage,
          await h.as({ bearerToken: paid.token }, { locale: 'fr' }),
          '/applications/:id/aid',
          url,
        )
      ).html,
    );
    expect(fr).toContain('Sommes à rembourser');
    expect(fr).toContain('Recouvrement de 500,00 $, exercice 2026-2027');
    expect(fr).toContain('Facture payée deux fois');
    expect(fr).toContain('Remboursé : 300,00 $. Solde à recouvrer : 200,00 $.');
    expect(fr).toContain('300,00 $ reçu le 2027-02-01 (référence Chèque 1001)');
    const reference = `REC-${recoveryId.replaceAll('-', '').slice(-8).toUpperCase()}`;
    expect(fr).toContain(`en indiquant la référence ${reference}`);
    const en = text(
      (
        await renderPage(
          myAidPage,
          await h.as({ bearerToken: paid.token }, { locale: 'en' }),
          '/applications/:id/aid',
          url,
        )
      ).html,
    );
    expect(en).toContain('Amounts to repay');
    expect(en).toContain('Repaid: $300.00');
    expect(en).toContain(`quoting the reference ${reference}`);
    // The retailer was told at once, in its language, with the same way to repay.
    const [mail] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.toAddress, paid.retailer.email),
          eq(mailOutbox.template, 'funding:payments.mail.recovery_created'),
        ),
      );
    expect(mail?.subject).toBe("Un montant d'aide est à rembourser");
    expect(nbsp(mail!.textBody)).toContain('recouvrement de 500,00 $');
    expect(mail!.textBody).toContain('Motif : Facture payée deux fois');
    expect(mail!.textBody).toContain(`la référence ${reference}`);
    expect(mail!.textBody).toContain(`/applications/${paid.id}/aid`);
    // Finance sees the same reference on the business's file, to match a cheque to its recovery.
    const file = text(
      (await renderPage(financeFilePage, finance, '/finance/files/:id', `/finance/files/${paid.id}`)).html,
    );
    expect(file).toContain(reference);
  });

  it('are not shown to a business without any', async () => {
    const retailer = await h.as({ bearerToken: submitted.token });
    const data = await load(myAidPage.loader, retailer, `/applications/${submitted.id}/aid`, {
      id: submitted.id,
    });
    expect(data.agreement?.status).toBe('accepted');
    expect(data.recoveries).toEqual([]);
  });
});
