import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '../../src/modules/funding/db/tables.ts';
import { type ExpertFixture, expert } from '../support/coaching.ts';
import {
  attachmentForm,
  CLAIM_TEST_RULES,
  grantsEnvelope,
  offeredAgreementFor,
  SAMPLE_FILES,
} from '../support/funding.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';
import { startSmtp } from '../support/smtp.ts';

const schema = path.resolve(import.meta.dirname, '../../../shared/reference/schemas/pain.001.001.03.xsd');

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let h: Harness;
let programId: string;
let admin: string;
let coordinator: string;
let coach: ExpertFixture;
/** Two finance officers: one per step, the second approves the batch the first built. */
let finance: { id: string; email: string; token: string }[];

beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({
    env: {
      SMTP_URL: smtp.url,
      PAYMENT_DEBTOR_NAME: 'Conseil québécois du commerce de détail',
      PAYMENT_DEBTOR_ACCOUNT: '815-30000-7654321',
    },
  });
  programId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  coach = await expert(h, coordinator, { locale: 'en', name: 'Alex Expert' });
  finance = [];
  for (const locale of ['fr', 'en'] as const) {
    const { id, email } = await h.user('finance', { locale });
    finance.push({ id, email, token: await h.token(email) });
  }
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const post = (url: string, token: string, body?: unknown) =>
  h.request(`/api/v1${url}`, { method: 'POST', token, ...(body === undefined ? {} : { json: body }) });

/** The envelope's figures for 2026-2027, as the budget page reads them from the ledger. */
async function budgetYear(envelopeId: string) {
  const { body } = await json(await h.request(`/api/v1/programs/${programId}/budget`, { token: admin }));
  const year = body.envelopes
    .find((e: { id: string }) => e.id === envelopeId)
    .years.find((y: { fiscalYear: string }) => y.fiscalYear === '2026-2027');
  expect(year.availableCents).toBeGreaterThanOrEqual(0);
  expect(year.availableCents).toBe(
    year.budgetCents - year.committedCents - year.payableCents - year.paidCents,
  );
  return year;
}

/** How many mails the SMTP server has received, once the queue has sent everything waiting. */
async function sentSoFar() {
  await h.services.jobs.drain();
  return smtp.received.length;
}

/** The mails the SMTP server received since `from`, after the queue has sent what is waiting. */
async function mailsSince(from: number) {
  await h.services.jobs.drain();
  return smtp.received.slice(from);
}

describe(`funding from the envelope to the bank (${engine})`, () => {
  it('funds, commits, claims with uploaded receipts, reviews, pays and reconciles one grant', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'e2e', [['2026-2027', 1_000_000]]);
    const rules = await h.request(`/api/v1/programs/${programId}/aid-rules`, {
      method: 'PUT',
      token: admin,
      json: CLAIM_TEST_RULES,
    });
    expect(rules.status).toBe(200);

    // Prepared and offered: nothing committed yet.
    const { agreement, app } = await offeredAgreementFor(h, {
      programId,
      coordinatorToken: coordinator,
      envelopeId,
      coach,
      gstRegistered: true,
      qstRegistered: true,
      lines: [{ category: 'website', description: 'Boutique en ligne', amountCents: 500_000 }],
    });
    expect(agreement).toMatchObject({ status: 'offered', grantCents: 450_000 });
    expect(await budgetYear(envelopeId)).toMatchObject({ committedCents: 0, availableCents: 1_000_000 });

    // Accepted: the grant is committed, under the agreement's source.
    const accepted = await json(
      await post(`/agreements/${agreement.id}/acceptance`, app.token, {
        attestation: true,
        name: 'Zoé Tremblay',
      }),
    );
    expect(accepted.body.status).toBe('accepted');
    expect(await budgetYear(envelopeId)).toMatchObject({ committedCents: 450_000, availableCents: 550_000 });
    const sourced = async (source: string) =>
      (await h.services.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.source, source))).map(
        (e) => [e.fromAccount, e.toAccount, e.amountCents],
      );
    expect(await sourced(`agreement:${agreement.id}`)).toEqual([['envelope', 'committed', 450_000]]);

    // The claim: one invoice of 3 000 $ plus taxes (registered: only the subtotal counts, 90 % of it).
    const created = await json(
      await post('/claims', app.token, {
        agreementId: agreement.id,
        invoices: [
          {
            budgetLineId: accepted.body.lines[0].id,
            supplierName: 'Agence Web inc.',
            invoiceNumber: 'F-2027-001',
            invoiceDate: '2027-01-15',
            subtotalCents: 300_000,
            gstCents: 15_000,
            qstCents: 29_925,
            gstNumber: '123456789 RT 0001',
            qstNumber: '1234567890 TQ 0001',
          },
        ],
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const claimId: string = created.body.id;
    const invoiceId: string = created.body.invoices[0].id;
    expect((await post(`/claims/${claimId}/submission`, app.token)).status).toBe(422);
    for (const [bytes, name, kind] of [
      [SAMPLE_FILES.pdf, 'Facture F-2027-001.pdf', 'invoice'],
      [SAMPLE_FILES.jpeg, 'reçu.jpg', 'proof_of_payment'],
    ] as const) {
      const uploaded = await h.request(`/api/v1/claims/${claimId}/attachments`, {
        method: 'POST',
        token: app.token,
        body: attachmentForm(bytes, name, { kind, invoiceId }),
      });
      expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    }

    // Submitted: the business's expert (in English) is told the content review waits for them.
    let seen = await sentSoFar();
    const submitted = await json(await post(`/claims/${claimId}/submission`, app.token));
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      eligibleCents: 300_000,
      claimableCents: 270_000,
    });
    let mails = await mailsSince(seen);
    expect(mails.map((m) => m.to)).toEqual([[coach.email]]);
    const toExpert = mails[0]!;
    expect(toExpert.subject).toBe('Claim no. 1 to review: Content review');
    expect(toExpert.text).toContain(`http://virage.test/review/claims/${claimId}`);
    expect(toExpert.text).toContain('Claim no. 1 of Boutique Zoé inc. awaits your decision');
    // No amounts, no retailer's name or address in a reviewer's mail.
    for (const secret of ['2 700', '3 000', '2,700', '3,000', app.retailer.email])
      expect(nbsp(toExpert.text)).not.toContain(secret);
    expect(toExpert.text).not.toMatch(/retailer \d/);

    // Content approved by the expert: both finance officers, each in their language, for the financial review.
    seen = await sentSoFar();
    expect(
      (await post(`/claims/${claimId}/reviews`, coach.token, { step: 'content', decision: 'approved' }))
        .status,
    ).toBe(201);
    mails = await mailsSince(seen);
    expect(mails.map((m) => [m.to[0], m.subject]).sort()).toEqual(
      [
        [finance[0]!.email, 'Réclamation no 1 à examiner : Revue financière'],
        [finance[1]!.email, 'Claim no. 1 to review: Financial review'],
      ].sort(),
    );

    // Financial review by the first officer: only the second may approve the payment, so only they are told.
    seen = await sentSoFar();
    expect(
      (
        await post(`/claims/${claimId}/reviews`, finance[0]!.token, {
          step: 'financial',
          decision: 'approved',
        })
      ).status,
    ).toBe(201);
    mails = await mailsSince(seen);
    expect(mails.map((m) => [m.to[0], m.subject])).toEqual([
      [finance[1]!.email, 'Claim no. 1 to review: Payment approval'],
    ]);
    seen = await sentSoFar();
    const approved = await json(
      await post(`/claims/${claimId}/reviews`, finance[1]!.token, { step: 'payment', decision: 'approved' }),
    );
    expect(approved.body.status).toBe('payment_approved');
    mails = await mailsSince(seen);
    expect(mails.map((m) => m.to[0])).toEqual([app.retailer.email]);
    expect(nbsp(mails[0]!.text)).toContain('2 700,00 $');
    expect(await sourced(`claim:${claimId}`)).toEqual([['committed', 'payable', 270_000]]);
    expect(await budgetYear(envelopeId)).toMatchObject({
      committedCents: 180_000,
      payableCents: 270_000,
      paidCents: 0,
      availableCents: 550_000,
    });

    // Bank details entered by the retailer, verified by finance.
    const bankUrl = `/api/v1/applications/${app.id}/bank-account`;
    const bank = await json(
      await h.request(bankUrl, {
        method: 'PUT',
        token: app.token,
        json: {
          holderName: 'Boutique Zoé inc.',
          institution: '815',
          transit: '30000',
          account: '123456789',
          password: PASSWORD,
        },
      }),
    );
    expect(bank.status).toBe(200);
    const verified = await json(
      await post(`/applications/${app.id}/bank-account/verification`, finance[0]!.token, {
        updatedAt: bank.body.account.updatedAt,
      }),
    );
    expect(verified.body.account.verified).toBe(true);

    // Batch built by one officer, approved by the other, exported to the bank, paid.
    const built = await json(await post('/payment-batches', finance[0]!.token, { programId }));
    expect(built.status).toBe(201);
    expect(built.body.claims).toEqual([
      expect.objectContaining({ claimId, amountCents: 270_000, claimStatus: 'in_batch' }),
    ]);
    const batchId: string = built.body.id;
    expect((await post(`/payment-batches/${batchId}/approval`, finance[1]!.token)).status).toBe(200);
    const xml = await h.request(`/api/v1/payment-batches/${batchId}/export?format=pain.001`, {
      token: finance[0]!.token,
    });
    expect(xml.status).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-batch-')), 'batch.xml');
    writeFileSync(file, await xml.text());
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' }),
    ).not.toThrow();

    seen = await sentSoFar();
    const paid = await json(
      await post(`/payment-batches/${batchId}/payment`, finance[0]!.token, { bankReference: 'RBC-E2E-1' }),
    );
    expect(paid.body.status).toBe('paid');
    mails = await mailsSince(seen);
    expect(mails.map((m) => m.to[0])).toEqual([app.retailer.email]);
    expect(nbsp(mails[0]!.text)).toContain('2 700,00 $');
    expect(mails[0]!.text).toContain('RBC-E2E-1');
    expect(await sourced(`batch:${batchId}`)).toEqual([['payable', 'paid', 270_000]]);
    expect(await budgetYear(envelopeId)).toMatchObject({
      committedCents: 180_000,
      payableCents: 0,
      paidCents: 270_000,
      availableCents: 550_000,
    });

    // « Mon aide » agrees with the claim and the batch: claimed and paid 2 700 $, 1 800 $ left.
    const claim = await json(await h.request(`/api/v1/claims/${claimId}`, { token: app.token }));
    expect(claim.body.status).toBe('paid');
    const mine = await json(await h.request(`/api/v1/agreements/${agreement.id}`, { token: app.token }));
    expect(mine.body).toMatchObject({ claimedCents: 270_000, paidCents: 270_000, leftCents: 180_000 });
  });
});
