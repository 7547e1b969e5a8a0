import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/kernel/csv.ts';
import { bankAccounts, claims, ledgerEntries } from '../../src/modules/funding/db/tables.ts';
import * as bankAccountPage from '../../src/modules/funding/ui/bank-account.tsx';
import * as financeFilePage from '../../src/modules/funding/ui/finance-file.tsx';
import * as batchPage from '../../src/modules/funding/ui/payment-batch.tsx';
import * as batchesPage from '../../src/modules/funding/ui/payment-batches.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { insertBankAccountForPayments, insertPaymentApprovedClaim } from '../support/funding.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

const schema = path.resolve(import.meta.dirname, '../../../shared/reference/schemas/pain.001.001.03.xsd');

let h: Harness;
let programId: string;
let envelopeId: string;
let coordinator: string;
let builder: { id: string; token: string };
let approver: { id: string; token: string };

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function financeOfficer() {
  const { id, email } = await h.user('finance');
  return { id, token: await h.token(email) };
}

beforeAll(async () => {
  h = await createHarness({
    env: {
      PAYMENT_DEBTOR_NAME: 'Conseil québécois du commerce de détail',
      PAYMENT_DEBTOR_ACCOUNT: '815-30000-7654321',
    },
  });
  programId = await defaultProgramId(h);
  const admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  builder = await financeOfficer();
  approver = await financeOfficer();
  const budget = await h.request(`/api/v1/programs/${programId}/budget`, {
    method: 'PUT',
    token: admin,
    json: {
      envelopes: [
        {
          key: 'grants',
          nameFr: 'Subventions',
          nameEn: 'Grants',
          kind: 'grants',
          budgets: [{ fiscalYear: '2026-2027', amountCents: 100_000_000 }],
        },
      ],
    },
  });
  envelopeId = (await budget.json()).envelopes[0].id;
});
afterAll(() => h?.close());

/** An accepted business with a claim approved for payment, and (when asked) bank details. */
async function approvedClaim(amountCents: number, bank: 'verified' | 'unverified' | 'none' = 'verified') {
  const app = await acceptedApplication(h, programId, coordinator);
  const { claimId, agreementId } = await insertPaymentApprovedClaim(h.system, {
    programId,
    envelopeId,
    fiscalYear: 2026,
    applicationId: app.id,
    amountCents,
    authorId: app.retailer.id,
  });
  if (bank !== 'none')
    await insertBankAccountForPayments(h.system, {
      applicationId: app.id,
      updatedBy: app.retailer.id,
      ...(bank === 'verified' ? { verifiedBy: approver.id } : {}),
    });
  return { ...app, claimId, agreementId };
}

const build = (token: string, body: Record<string, unknown> = { programId }) =>
  h.request('/api/v1/payment-batches', { method: 'POST', token, json: body });
const statusOf = async (claimId: string) =>
  (await h.services.database.db.select().from(claims).where(eq(claims.id, claimId)))[0]!.status;

describe(`bank details (${engine})`, () => {
  it('are stored encrypted, shown masked, changed only with the password, with an e-mail notice', async () => {
    const app = await acceptedApplication(h, programId, coordinator);
    const url = `/api/v1/applications/${app.id}/bank-account`;
    const details = {
      holderName: 'Boutique Zoé inc.',
      institution: '006',
      transit: '12345',
      account: '9876-54321',
    };

    const empty = await json(await h.request(url, { token: app.token }));
    expect(empty).toMatchObject({ status: 200, body: { account: null } });

    const wrong = await json(
      await h.request(url, {
        method: 'PUT',
        token: app.token,
        json: { ...details, password: 'not it at all' },
      }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toEqual(['password']);
    const bad = await json(
      await h.request(url, {
        method: 'PUT',
        token: app.token,
        json: { ...details, transit: '12', password: PASSWORD },
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('transit');
    const db = h.services.database.db;
    expect(await db.select().from(bankAccounts).where(eq(bankAccounts.applicationId, app.id))).toEqual([]);

    const saved = await h.request(url, {
      method: 'PUT',
      token: app.token,
      json: { ...details, password: PASSWORD },
    });
    const text = await saved.clone().text();
    expect(saved.status).toBe(200);
    expect(text).not.toContain('987654321');
    expect((await saved.json()).account).toMatchObject({
      holderName: 'Boutique Zoé inc.',
      institution: '006',
      transit: '12345',
      accountMasked: '•••321',
      verified: false,
    });
    const [row] = await db.select().from(bankAccounts).where(eq(bankAccounts.applicationId, app.id));
    expect(JSON.stringify(row)).not.toContain('987654321');
    expect(JSON.stringify(row)).not.toContain('12345');
    expect(row!.accountLastDigits).toBe('321');

    const [notice] = await db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.toAddress, app.retailer.email),
          eq(mailOutbox.template, 'funding:payments.mail.bank_account_changed'),
        ),
      );
    expect(notice!.textBody).toContain('•••321');
    expect(notice!.textBody).not.toContain('987654321');

    // Finance sees it masked and verifies it; another retailer does not even see it exists.
    const finance = await json(await h.request(url, { token: builder.token }));
    expect(finance.body.account.accountMasked).toBe('•••321');
    const other = await acceptedApplication(h, programId, coordinator);
    expect((await h.request(url, { token: other.token })).status).toBe(404);
    expect(
      (
        await h.request(url, {
          method: 'PUT',
          token: builder.token,
          json: { ...details, password: PASSWORD },
        })
      ).status,
    ).toBe(404);
    const stale = await h.request(`${url}/verification`, {
      method: 'POST',
      token: builder.token,
      json: { updatedAt: '2020-01-01T00:00:00.000Z' },
    });
    expect(stale.status).toBe(409);
    const verified = await json(
      await h.request(`${url}/verification`, {
        method: 'POST',
        token: builder.token,
        json: { updatedAt: finance.body.account.updatedAt },
      }),
    );
    expect(verified.body.account).toMatchObject({ verified: true });
    expect(
      (await h.request(`${url}/verification`, { method: 'POST', token: app.token, json: {} })).status,
    ).toBe(403);

    // A change clears the verification.
    h.clock.advance(60);
    const changed = await json(
      await h.request(url, {
        method: 'PUT',
        token: app.token,
        json: { ...details, account: '1112223', password: PASSWORD },
      }),
    );
    expect(changed.body.account).toMatchObject({ accountMasked: '•••223', verified: false });
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, app.id), eq(auditEvents.action, 'bank_account.changed')));
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('1112223');
  });
});

describe(`payment batches (${engine})`, () => {
  it('builds from approved claims with verified bank details, listing each exclusion and its reason', async () => {
    const paid = await approvedClaim(120_000);
    const unverified = await approvedClaim(50_000, 'unverified');
    const none = await approvedClaim(30_000, 'none');

    const preview = await json(
      await h.request('/api/v1/payment-batches/preview', {
        method: 'POST',
        token: builder.token,
        json: { programId, limitCents: 1 },
      }),
    );
    expect(preview.status).toBe(200);
    expect(preview.body.claims).toEqual([]);
    expect(preview.body.excluded).toContainEqual(
      expect.objectContaining({ claimId: paid.claimId, reason: 'batch_limit' }),
    );
    expect(await statusOf(paid.claimId)).toBe('payment_approved');

    const built = await json(await build(builder.token));
    expect(built.status).toBe(201);
    expect(built.body).toMatchObject({ status: 'draft', totalCents: 120_000, claimCount: 1 });
    expect(built.body.claims).toEqual([
      expect.objectContaining({
        claimId: paid.claimId,
        amountCents: 120_000,
        accountMasked: '•••789',
        claimStatus: 'in_batch',
      }),
    ]);
    expect(built.body.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: unverified.claimId, reason: 'bank_account_unverified' }),
        expect.objectContaining({ claimId: none.claimId, reason: 'no_bank_account' }),
      ]),
    );
    expect(await statusOf(paid.claimId)).toBe('in_batch');
    // Nothing else to pay: 409, nothing written.
    const again = await json(await build(builder.token));
    expect(again.status).toBe(409);
    expect(
      (await json(await h.request('/api/v1/payment-batches?status=draft', { token: approver.token }))).body
        .items,
    ).toHaveLength(1);

    const id = built.body.id;
    // Not exported before approval; the builder may not approve their own batch.
    expect(
      (await h.request(`/api/v1/payment-batches/${id}/export?format=csv`, { token: builder.token })).status,
    ).toBe(409);
    const own = await json(
      await h.request(`/api/v1/payment-batches/${id}/approval`, { method: 'POST', token: builder.token }),
    );
    expect(own.status).toBe(409);
    expect(own.body.refusal).toBe('own_batch');
    const approved = await json(
      await h.request(`/api/v1/payment-batches/${id}/approval`, { method: 'POST', token: approver.token }),
    );
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: approver.id });

    // The bank file: valid against the ISO 20022 schema, with the real account; the CSV masks it.
    const xml = await h.request(`/api/v1/payment-batches/${id}/export?format=pain.001`, {
      token: builder.token,
    });
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-disposition')).toMatch(
      /^attachment; filename="payment-batch-2027-01-15-/,
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'batch-')), 'batch.xml');
    const body = await xml.text();
    writeFileSync(file, body);
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' }),
    ).not.toThrow();
    expect(body).toContain('<Id>123456789</Id>');
    expect(body).toContain('<CtrlSum>1200.00</CtrlSum>');
    expect(body).toContain('<MmbId>081530000</MmbId>');
    expect(body).toContain('Aide Virage numérique — demande de versement n° 1');
    // The same file on a second export (same message id and time): a bank refuses it twice.
    h.clock.advance(3600);
    expect(
      await (
        await h.request(`/api/v1/payment-batches/${id}/export?format=pain.001`, { token: builder.token })
      ).text(),
    ).toBe(body);

    const csv = await h.request(`/api/v1/payment-batches/${id}/export?format=csv`, { token: builder.token });
    const { records } = parseCsvRecords(await csv.text());
    expect(records).toEqual([
      expect.objectContaining({ amount: '1200.00', account: '•••789', institution: '815' }),
    ]);
    const xlsx = await h.request(`/api/v1/payment-batches/${id}/export?format=xlsx`, {
      token: builder.token,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('message_id');
    expect(sheet.getRow(2).getCell(8).value).toBe(1200);
    expect(sheet.getRow(2).getCell(7).value).toBe('•••789');
    expect(
      (await h.request(`/api/v1/payment-batches/${id}/export?format=pdf`, { token: builder.token })).status,
    ).toBe(422);
    const exported = await json(await h.request(`/api/v1/payment-batches/${id}`, { token: builder.token }));
    expect(exported.body.status).toBe('exported');
    const exports = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'payment_batch.exported')));
    expect(exports).toHaveLength(4);

    // Paid: claims paid, the ledger moves payable → paid, the retailer is told.
    const missing = await json(
      await h.request(`/api/v1/payment-batches/${id}/payment`, {
        method: 'POST',
        token: builder.token,
        json: {},
      }),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].path).toBe('bankReference');
    const done = await json(
      await h.request(`/api/v1/payment-batches/${id}/payment`, {
        method: 'POST',
        token: builder.token,
        json: { bankReference: 'RBC-2027-0042' },
      }),
    );
    expect(done.body).toMatchObject({ status: 'paid', bankReference: 'RBC-2027-0042' });
    expect(await statusOf(paid.claimId)).toBe('paid');
    const entries = await h.services.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.source, `batch:${id}`));
    expect(entries.map((e) => [e.kind, e.fromAccount, e.toAccount, e.amountCents, e.cause])).toEqual([
      ['pay', 'payable', 'paid', 120_000, 'batch'],
    ]);
    const [mail] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.toAddress, paid.retailer.email),
          eq(mailOutbox.template, 'funding:payments.mail.claim_paid'),
        ),
      );
    expect(nbsp(mail!.textBody)).toContain('1 200,00 $');
    expect(mail!.textBody).toContain('RBC-2027-0042');
    expect(
      (
        await h.request(`/api/v1/payment-batches/${id}/payment`, {
          method: 'POST',
          token: builder.token,
          json: { bankReference: 'x' },
        })
      ).status,
    ).toBe(409);
    const budget = await json(
      await h.request(`/api/v1/programs/${programId}/budget`, { token: builder.token }),
    );
    expect(budget.body.envelopes[0].years[0]).toMatchObject({ paidCents: 120_000 });
  });

  it('refuses a file whose bank details changed after the batch was built', async () => {
    const a = await approvedClaim(10_000);
    const batch = await json(await build(builder.token));
    expect(batch.body.claims.map((c: { claimId: string }) => c.claimId)).toEqual([a.claimId]);
    await h.request(`/api/v1/payment-batches/${batch.body.id}/approval`, {
      method: 'POST',
      token: approver.token,
    });
    await h.request(`/api/v1/applications/${a.id}/bank-account`, {
      method: 'PUT',
      token: a.token,
      json: {
        holderName: 'Autre',
        institution: '001',
        transit: '99999',
        account: '5555555',
        password: PASSWORD,
      },
    });
    const refused = await json(
      await h.request(`/api/v1/payment-batches/${batch.body.id}/export?format=pain.001`, {
        token: builder.token,
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.applicationIds).toEqual([a.id]);
    // Cancelled before export: the claim goes back to the queue.
    const cancelled = await json(
      await h.request(`/api/v1/payment-batches/${batch.body.id}/cancellation`, {
        method: 'POST',
        token: builder.token,
      }),
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', claimCount: 0 });
    expect(await statusOf(a.claimId)).toBe('payment_approved');
    await h.request(`/api/v1/applications/${a.id}/bank-account/verification`, {
      method: 'POST',
      token: approver.token,
      json: {},
    });
  });

  it('takes one claim out of a draft, back to the queue, and keeps a limit in order of approval', async () => {
    const first = await approvedClaim(40_000);
    const second = await approvedClaim(20_000);
    const built = await json(await build(builder.token, { programId, limitCents: 60_000 }));
    const ids = built.body.claims.map((c: { claimId: string }) => c.claimId);
    // Building answers the batch exactly as reading it back does, claims in the same order.
    const { excluded: _, ...shown } = built.body;
    expect(ids.length).toBeGreaterThan(1);
    expect(
      (await json(await h.request(`/api/v1/payment-batches/${built.body.id}`, { token: builder.token })))
        .body,
    ).toEqual(shown);
    // The claim re-verified above (10 000) came back to the queue first; 40 000 joins, 20 000 would pass 600 $.
    expect(ids).toContain(first.claimId);
    expect(built.body.excluded).toContainEqual(
      expect.objectContaining({ claimId: second.claimId, reason: 'batch_limit' }),
    );
    const removed = await json(
      await h.request(`/api/v1/payment-batches/${built.body.id}/claims/${first.claimId}`, {
        method: 'DELETE',
        token: builder.token,
      }),
    );
    expect(removed.body.claims.map((c: { claimId: string }) => c.claimId)).not.toContain(first.claimId);
    expect(removed.body.totalCents).toBe(built.body.totalCents - 40_000);
    expect(await statusOf(first.claimId)).toBe('payment_approved');
    const last = removed.body.claims[0].claimId;
    expect(
      (
        await h.request(`/api/v1/payment-batches/${built.body.id}/claims/${last}`, {
          method: 'DELETE',
          token: builder.token,
        })
      ).status,
    ).toBe(409);
    await h.request(`/api/v1/payment-batches/${built.body.id}/cancellation`, {
      method: 'POST',
      token: builder.token,
    });
    const rows = await h.services.database.db
      .select()
      .from(claims)
      .where(inArray(claims.id, [first.claimId, second.claimId, last]));
    expect(rows.every((r) => r.status === 'payment_approved')).toBe(true);
  });
});

describe(`recoveries (${engine})`, () => {
  it('records a receivable and its repayments, moving the ledger from paid to recovered', async () => {
    const a = await approvedClaim(200_000);
    // Pay only a's claim: every other claim waiting is taken out of the draft first.
    const batch = await json(await build(builder.token));
    for (const c of batch.body.claims.filter((c: { claimId: string }) => c.claimId !== a.claimId))
      await h.request(`/api/v1/payment-batches/${batch.body.id}/claims/${c.claimId}`, {
        method: 'DELETE',
        token: builder.token,
      });
    await h.request(`/api/v1/payment-batches/${batch.body.id}/approval`, {
      method: 'POST',
      token: approver.token,
    });
    await h.request(`/api/v1/payment-batches/${batch.body.id}/export?format=csv`, { token: builder.token });
    await h.request(`/api/v1/payment-batches/${batch.body.id}/payment`, {
      method: 'POST',
      token: builder.token,
      json: { bankReference: 'DESJ-1' },
    });

    const create = (amountCents: number, token = builder.token) =>
      h.request('/api/v1/recoveries', {
        method: 'POST',
        token,
        json: { agreementId: a.agreementId, amountCents, reason: 'Facture en double' },
      });
    const tooMuch = await json(await create(200_001));
    expect(tooMuch.status).toBe(409);
    expect(nbsp(tooMuch.body.detail)).toContain('2 000,00 $');
    expect((await create(1_000, coordinator)).status).toBe(403);
    const recovery = await json(await create(50_000));
    expect(recovery.status).toBe(201);
    expect(recovery.body).toMatchObject({
      applicationId: a.id,
      fiscalYear: '2026-2027',
      amountCents: 50_000,
      outstandingCents: 50_000,
    });

    const repay = (amountCents: number) =>
      h.request(`/api/v1/recoveries/${recovery.body.id}/repayments`, {
        method: 'POST',
        token: builder.token,
        json: { amountCents, receivedOn: '2027-02-01', reference: 'Chèque 1001' },
      });
    expect((await json(await repay(60_000))).status).toBe(409);
    const bad = await json(
      await h.request(`/api/v1/recoveries/${recovery.body.id}/repayments`, {
        method: 'POST',
        token: builder.token,
        json: { amountCents: 1, receivedOn: '2027-02-30', reference: '' },
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['receivedOn', 'reference']);
    const repaid = await json(await repay(30_000));
    expect(repaid.body).toMatchObject({ repaidCents: 30_000, outstandingCents: 20_000 });

    const ledger = await json(
      await h.request(`/api/v1/ledger?applicationId=${a.id}`, { token: builder.token }),
    );
    expect(ledger.body.items[0]).toMatchObject({
      kind: 'recover',
      from: 'paid',
      to: 'recovered',
      amountCents: 30_000,
      cause: 'clawback',
    });
    const list = await json(await h.request(`/api/v1/recoveries?applicationId=${a.id}`, { token: a.token }));
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: recovery.body.id, outstandingCents: 20_000 }),
    ]);
    const stranger = await acceptedApplication(h, programId, coordinator);
    expect(
      (await h.request(`/api/v1/recoveries?applicationId=${a.id}`, { token: stranger.token })).status,
    ).toBe(404);
    const budget = await json(
      await h.request(`/api/v1/programs/${programId}/budget`, { token: builder.token }),
    );
    expect(budget.body.envelopes[0].years[0]).toMatchObject({ recoveredCents: 30_000 });
  });
});

describe(`payment pages (${engine})`, () => {
  const post = (fields: Record<string, string>) => ({
    method: 'POST',
    body: new URLSearchParams({ _csrf: 'csrf', ...fields }),
  });

  it('let the retailer enter bank details with its password, never showing the number again', async () => {
    const app = await acceptedApplication(h, programId, coordinator);
    const ctx = await h.as({ bearerToken: app.token });
    const url = '/my-aid/bank-account';
    const empty = await renderPage(bankAccountPage, ctx, url, url);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('Coordonnées bancaires');
    expect(empty.html).toContain('Aucune coordonnée bancaire');
    const fields = {
      application: app.id,
      holderName: 'Chez Zoé',
      institution: '815',
      transit: '30000',
      account: '44445555',
    };
    const wrong = await renderPage(
      bankAccountPage,
      ctx,
      url,
      url,
      post({ ...fields, password: 'nope nope nope' }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Le mot de passe actuel n&#x27;est pas le bon.');
    expect(wrong.html).toContain('href="#field-password"');
    const saved = await renderPage(bankAccountPage, ctx, url, url, post({ ...fields, password: PASSWORD }));
    expect(saved.status).toBe(200);
    expect(saved.html).toContain('•••555');
    expect(saved.html).not.toContain('44445555');
    const english = await renderPage(
      bankAccountPage,
      await h.as({ bearerToken: app.token }, { locale: 'en' }),
      url,
      url,
    );
    expect(english.html).toContain('Not yet verified by the finance team');
    const staff = await renderPage(bankAccountPage, await h.as({ bearerToken: builder.token }), url, url);
    expect(staff.status).toBe(403);
  });

  it('let finance preview, build, approve, export and pay a batch, and verify and recover on a file', async () => {
    const a = await approvedClaim(75_000);
    const skipped = await approvedClaim(5_000, 'unverified');
    const asBuilder = await h.as({ bearerToken: builder.token });
    const list = await renderPage(batchesPage, asBuilder, '/finance/batches', '/finance/batches?limit=abc');
    expect(list.status).toBe(200);
    expect(list.html).toContain('Entrez un montant en dollars');
    expect(list.html).toContain('Coordonnées bancaires non vérifiées');
    // The claim left out leads to where its bank details are verified.
    expect(list.html).toContain(`href="/finance/files/${skipped.id}"`);
    const built = await renderPage(
      batchesPage,
      asBuilder,
      '/finance/batches',
      '/finance/batches',
      post({ limit: '' }),
    );
    expect(built.status).toBe(302);
    const [batch] = (
      await json(await h.request('/api/v1/payment-batches?status=draft', { token: builder.token }))
    ).body.items;
    expect(batch.totalCents).toBeGreaterThanOrEqual(75_000);
    const at = `/finance/batches/${batch.id}`;
    const detail = await renderPage(batchPage, asBuilder, '/finance/batches/:id', at);
    expect(nbsp(detail.html)).toContain('750,00 $');
    expect(detail.html).toContain('Approuver le lot');
    const own = await renderPage(
      batchPage,
      asBuilder,
      '/finance/batches/:id',
      at,
      post({ intent: 'approve' }),
    );
    expect(own.status).toBe(409);
    expect(own.html).toContain('autre que celle');
    const asApprover = await h.as({ bearerToken: approver.token }, { locale: 'en' });
    const approved = await renderPage(
      batchPage,
      asApprover,
      '/finance/batches/:id',
      at,
      post({ intent: 'approve' }),
    );
    expect(approved.html).toContain('The batch is approved.');
    expect(approved.html).toContain(`/api/v1/payment-batches/${batch.id}/export?format=pain.001`);
    await h.request(`/api/v1/payment-batches/${batch.id}/export?format=csv`, { token: builder.token });
    const paid = await renderPage(
      batchPage,
      asBuilder,
      '/finance/batches/:id',
      at,
      post({ intent: 'pay', bankReference: '' }),
    );
    expect(paid.status).toBe(422);
    expect(paid.html).toContain('href="#field-bankReference"');
    const done = await renderPage(
      batchPage,
      asBuilder,
      '/finance/batches/:id',
      at,
      post({ intent: 'pay', bankReference: 'BN-77' }),
    );
    expect(done.html).toContain('Le lot est payé');
    expect(await statusOf(a.claimId)).toBe('paid');

    const file = `/finance/files/${skipped.id}`;
    const view = await renderPage(financeFilePage, asBuilder, '/finance/files/:id', file);
    expect(view.html).toContain('Confirmer les coordonnées bancaires');
    const updatedAt = /name="updatedAt" value="([^"]+)"/.exec(view.html)![1]!;
    const verified = await renderPage(
      financeFilePage,
      asBuilder,
      '/finance/files/:id',
      file,
      post({ intent: 'verify', updatedAt }),
    );
    expect(verified.html).toContain('Les coordonnées bancaires sont vérifiées.');
    const paidFile = `/finance/files/${a.id}`;
    const refused = await renderPage(
      financeFilePage,
      asBuilder,
      '/finance/files/:id',
      paidFile,
      post({ intent: 'recover', agreementId: a.agreementId, amount: '800', reason: 'Doublon' }),
    );
    expect(refused.status).toBe(409);
    expect(nbsp(refused.html)).toContain('750,00 $');
    const recovered = await renderPage(
      financeFilePage,
      asBuilder,
      '/finance/files/:id',
      paidFile,
      post({ intent: 'recover', agreementId: a.agreementId, amount: '100', reason: 'Doublon' }),
    );
    expect(nbsp(recovered.html)).toContain('Recouvrement de 100,00 $');
    // Another retailer is told the file does not exist.
    const stranger = await renderPage(
      financeFilePage,
      await h.as({ bearerToken: skipped.token }),
      '/finance/files/:id',
      paidFile,
    );
    expect(stranger.status).toBe(404);
  });
});
