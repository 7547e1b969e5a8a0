import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReviews, claims, ledgerEntries } from '../../src/modules/funding/db/tables.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { type ExpertFixture, expert } from '../support/coaching.ts';
import {
  acceptedAgreementFor,
  attachClaimReceipts,
  CLAIM_TEST_RULES,
  grantsEnvelopeForClaims,
} from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

let h: Harness;
let programId: string;
let envelopeId: string;
let coordinator: { id: string; token: string };
let finance: { id: string; token: string }[];
let coach: ExpertFixture;

const account = async (role: 'coordinator' | 'finance' | 'admin') => {
  const { id, email } = await h.user(role);
  return { id, token: await h.token(email) };
};

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const admin = await account('admin');
  coordinator = await account('coordinator');
  finance = [await account('finance'), await account('finance'), await account('finance')];
  coach = await expert(h, coordinator.token);
  envelopeId = await grantsEnvelopeForClaims(h, programId, admin.token);
  const rules = await h.request(`/api/v1/programs/${programId}/aid-rules`, {
    method: 'PUT',
    token: admin.token,
    json: CLAIM_TEST_RULES,
  });
  if (rules.status !== 200) throw new Error(`aid rules failed: ${await rules.text()}`);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

/**
 * A business coached by the test's expert, with an agreement (registered for both taxes) prepared and
 * offered by the coordinator and accepted today (2027-01-15), through the agreement API.
 */
async function agreementWith(lines: { category: 'website' | 'training'; amountCents: number }[]) {
  const { agreement, app } = await acceptedAgreementFor(h, {
    programId,
    coordinatorToken: coordinator.token,
    envelopeId,
    coach,
    gstRegistered: true,
    qstRegistered: true,
    lines: lines.map((l, i) => ({ ...l, description: `Ligne ${i + 1}` })),
  });
  return {
    id: agreement.id as string,
    lineIds: agreement.lines.map((l: { id: string }) => l.id) as string[],
    grantCents: agreement.grantCents as number,
    applicationId: app.id,
    retailer: app.retailer,
  };
}

/** An invoice of 1 000 $ plus GST and QST, dated today, for a budget line. */
const invoice = (budgetLineId: string, overrides: Record<string, unknown> = {}) => ({
  budgetLineId,
  supplierName: 'Agence Web inc.',
  invoiceNumber: `F-${Math.floor(Math.random() * 1e9)}`,
  invoiceDate: '2027-01-15',
  subtotalCents: 100_000,
  gstCents: 5_000,
  qstCents: 9_975,
  gstNumber: '123456789 RT 0001',
  qstNumber: '1234567890 TQ 0001',
  ...overrides,
});

const createClaim = (token: string, body: unknown) =>
  h.request('/api/v1/claims', { method: 'POST', token, json: body }).then(json);
const submit = (token: string, id: string) =>
  h.request(`/api/v1/claims/${id}/submission`, { method: 'POST', token }).then(json);
const review = (token: string, id: string, body: Record<string, unknown>) =>
  h
    .request(`/api/v1/claims/${id}/reviews`, { method: 'POST', token, json: { reason: '', ...body } })
    .then(json);
const approve = (token: string, id: string, step: string) =>
  review(token, id, { step, decision: 'approved' });

/** A claim of these invoices with their receipts attached, submitted. */
async function submittedClaim(a: Awaited<ReturnType<typeof agreementWith>>, invoices: unknown[]) {
  const created = await createClaim(a.retailer.token, { agreementId: a.id, invoices });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const inv of created.body.invoices)
    await attachClaimReceipts(h, { claimId: created.body.id, invoiceId: inv.id, uploadedBy: a.retailer.id });
  const submitted = await submit(a.retailer.token, created.body.id);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

const payableOf = async (claimId: string) =>
  h.services.database.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.source, `claim:${claimId}`));

describe(`funding claims (${engine})`, () => {
  it('takes a claim from draft through content, financial and two payment approvals to payable in the ledger', async () => {
    const a = await agreementWith([{ category: 'website', amountCents: 800_000 }]);
    expect(a.grantCents).toBe(720_000);
    const draft = await createClaim(a.retailer.token, { agreementId: a.id });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      number: 1,
      status: 'draft',
      version: 1,
      editable: true,
      invoices: [],
    });
    expect(draft.body.refusals.map((r: { field: string }) => r.field)).toEqual(['invoices']);
    expect((await createClaim(a.retailer.token, { agreementId: a.id })).body.number).toBe(2);

    // Registered for both taxes: only the subtotal counts; 6 000 $ at 90 % is 5 400 $, above the 5 000 $ level.
    const saved = await json(
      await h.request(`/api/v1/claims/${draft.body.id}`, {
        method: 'PUT',
        token: a.retailer.token,
        json: {
          version: 1,
          invoices: [invoice(a.lineIds[0]!, { subtotalCents: 600_000, gstCents: 30_000, qstCents: 59_850 })],
        },
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, eligibleCents: 600_000, claimableCents: 540_000 });
    expect(saved.body.refusals.map((r: { field: string }) => r.field)).toEqual([
      'invoices.0.invoiceFile',
      'invoices.0.proofOfPayment',
    ]);
    const stale = await h.request(`/api/v1/claims/${draft.body.id}`, {
      method: 'PUT',
      token: a.retailer.token,
      json: { version: 1, invoices: [] },
    });
    expect(stale.status).toBe(409);

    await attachClaimReceipts(h, {
      claimId: draft.body.id,
      invoiceId: saved.body.invoices[0].id,
      uploadedBy: a.retailer.id,
    });
    const submitted = await submit(a.retailer.token, draft.body.id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      reviewStep: 'content',
      round: 1,
      eligibleCents: 600_000,
      claimableCents: 540_000,
      requiredSteps: ['content', 'financial', 'payment', 'second_payment'],
      editable: false,
    });
    expect(submitted.body.attachments[0].downloadPath).toBe(
      `/api/v1/claims/${draft.body.id}/attachments/${submitted.body.attachments[0].id}`,
    );
    const id = draft.body.id;

    const queue = await json(
      await h.request(`/api/v1/claims?reviewStep=content&mine=true`, { token: coach.token }),
    );
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await approve(coach.token, id, 'content')).body).toMatchObject({
      status: 'content_approved',
      reviewStep: 'financial',
    });
    expect((await approve(finance[0]!.token, id, 'financial')).body).toMatchObject({
      status: 'financially_approved',
      reviewStep: 'payment',
    });
    const financeQueue = await json(
      await h.request('/api/v1/claims?mine=true', { token: finance[0]!.token }),
    );
    expect(financeQueue.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await approve(finance[1]!.token, id, 'payment')).body).toMatchObject({
      status: 'financially_approved',
      reviewStep: 'second_payment',
    });
    expect(await payableOf(id)).toEqual([]);
    const done = await approve(finance[2]!.token, id, 'second_payment');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'payment_approved', reviewStep: null });
    expect(
      done.body.reviews.map((r: { step: string; reviewerId: string }) => [r.step, r.reviewerId]),
    ).toEqual([
      ['content', coach.userId],
      ['financial', finance[0]!.id],
      ['payment', finance[1]!.id],
      ['second_payment', finance[2]!.id],
    ]);

    const entries = await payableOf(id);
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'approve',
        fromAccount: 'committed',
        toAccount: 'payable',
        amountCents: 540_000,
        cause: 'claim',
      }),
    ]);
    const budget = await json(
      await h.request(`/api/v1/programs/${programId}/budget?fiscalYear=2026-2027`, {
        token: finance[0]!.token,
      }),
    );
    const year = budget.body.envelopes.find((e: { id: string }) => e.id === envelopeId).years[0];
    expect(year.payableCents).toBeGreaterThanOrEqual(540_000);

    const mails = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, 'funding:claims.mail.payment_approved'),
          eq(mailOutbox.toAddress, a.retailer.email),
        ),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody.replace(/[\u00a0\u202f]/g, ' ')).toContain('5 400,00 $');
    const audit = await h.services.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['claim.created', 'claim.updated', 'claim.submitted', 'claim.approved']),
    );
    // Past review, nothing more to decide.
    expect((await approve(finance[0]!.token, id, 'payment')).status).toBe(409);
  });

  it('needs one payment approval below the level, and a coordinator may review the content', async () => {
    const a = await agreementWith([{ category: 'training', amountCents: 200_000 }]);
    const c = await submittedClaim(a, [invoice(a.lineIds[0]!)]);
    expect(c.requiredSteps).toEqual(['content', 'financial', 'payment']);
    const other = await account('coordinator');
    expect((await approve(other.token, c.id, 'content')).status).toBe(201);
    await approve(finance[0]!.token, c.id, 'financial');
    expect((await approve(finance[1]!.token, c.id, 'payment')).body.status).toBe('payment_approved');
    expect((await payableOf(c.id))[0]?.amountCents).toBe(90_000);
  });

  it('enforces separation of duties: not one’s own work, not two steps, not the wrong role, only the step due', async () => {
    const a = await agreementWith([{ category: 'website', amountCents: 300_000 }]);
    const c = await submittedClaim(a, [invoice(a.lineIds[0]!)]);
    const count = async () =>
      (await h.services.database.db.select().from(claimReviews).where(eq(claimReviews.claimId, c.id))).length;

    // The coordinator prepared the agreement: approving its claim's content is approving their own work.
    const own = await approve(coordinator.token, c.id, 'content');
    expect(own.status).toBe(403);
    expect(own.body.detail).toBe('Vous ne pouvez pas approuver votre propre travail.');
    // Finance does not review the content; the retailer reviews nothing; another expert does not see the claim.
    expect((await approve(finance[0]!.token, c.id, 'content')).status).toBe(403);
    expect((await approve(a.retailer.token, c.id, 'content')).status).toBe(403);
    const stranger = await expert(h, coordinator.token);
    expect((await approve(stranger.token, c.id, 'content')).status).toBe(404);
    // A step that is not due.
    const early = await approve(finance[0]!.token, c.id, 'financial');
    expect(early.status).toBe(409);
    expect(await count()).toBe(0);

    await approve(coach.token, c.id, 'content');
    await approve(finance[0]!.token, c.id, 'financial');
    const twice = await approve(finance[0]!.token, c.id, 'payment');
    expect(twice.status).toBe(403);
    expect(twice.body.detail).toContain('déjà approuvé une étape');
    // The expert is not finance.
    expect((await approve(coach.token, c.id, 'payment')).status).toBe(403);
    expect(await count()).toBe(2);
    const [row] = await h.services.database.db.select().from(claims).where(eq(claims.id, c.id));
    expect(row).toMatchObject({ status: 'financially_approved', reviewStep: 'payment' });
  });

  it('refuses invoices before acceptance, outside the window and above the line, naming the field, and writes nothing', async () => {
    const a = await agreementWith([{ category: 'website', amountCents: 100_000 }]);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ invoiceDate: '2027-01-10' }, 'invoices.0.invoiceDate', '2027-01-15'],
      [{ invoiceDate: '2028-01-05' }, 'invoices.0.invoiceDate', 'période du projet'],
      [
        { subtotalCents: 150_000, gstCents: 7_500, qstCents: 14_963 },
        'invoices.0.subtotalCents',
        '1 000,00 $',
      ],
    ];
    for (const [overrides, path, words] of cases) {
      const created = await createClaim(a.retailer.token, {
        agreementId: a.id,
        invoices: [invoice(a.lineIds[0]!, overrides)],
      });
      await attachClaimReceipts(h, {
        claimId: created.body.id,
        invoiceId: created.body.invoices[0].id,
        uploadedBy: a.retailer.id,
      });
      const refused = await submit(a.retailer.token, created.body.id);
      expect(refused.status).toBe(422);
      const error = refused.body.errors.find((e: { path: string }) => e.path === path);
      expect(error, JSON.stringify(refused.body.errors)).toBeTruthy();
      expect(error.message.replace(/[\u00a0\u202f]/g, ' ')).toContain(words);
      const [row] = await h.services.database.db.select().from(claims).where(eq(claims.id, created.body.id));
      expect(row).toMatchObject({ status: 'draft', submittedAt: null, claimableCents: null, round: 0 });
    }
    // Without receipts: each missing one named.
    const bare = await createClaim(a.retailer.token, {
      agreementId: a.id,
      invoices: [invoice(a.lineIds[0]!)],
    });
    const missing = await submit(a.retailer.token, bare.body.id);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'invoices.0.invoiceFile',
      'invoices.0.proofOfPayment',
    ]);
    // A line of another agreement, a malformed GST number: 422 naming the field, nothing saved.
    const other = await agreementWith([{ category: 'website', amountCents: 100_000 }]);
    const foreign = await createClaim(a.retailer.token, {
      agreementId: a.id,
      invoices: [invoice(other.lineIds[0]!)],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].path).toBe('invoices.0.budgetLineId');
    const badNumber = await createClaim(a.retailer.token, {
      agreementId: a.id,
      invoices: [invoice(a.lineIds[0]!, { gstNumber: '12' })],
    });
    expect(badNumber.status).toBe(422);
    expect(badNumber.body.errors[0].path).toBe('invoices.0.gstNumber');
    // Someone else's agreement is not there for this retailer.
    expect((await createClaim(a.retailer.token, { agreementId: other.id })).status).toBe(404);
  });

  it('flags the same supplier and invoice number, and the same file, claimed elsewhere, for the reviewer only', async () => {
    const first = await agreementWith([{ category: 'website', amountCents: 300_000 }]);
    const second = await agreementWith([{ category: 'website', amountCents: 300_000 }]);
    const original = await submittedClaim(first, [
      invoice(first.lineIds[0]!, { supplierName: 'Bureau en Gros inc.', invoiceNumber: 'F-00123' }),
    ]);
    const copy = await createClaim(second.retailer.token, {
      agreementId: second.id,
      invoices: [
        invoice(second.lineIds[0]!, { supplierName: 'BUREAU EN GROS, INC', invoiceNumber: 'f 00123' }),
      ],
    });
    const sameFile = original.attachments.find((f: { kind: string }) => f.kind === 'invoice').sha256;
    await attachClaimReceipts(h, {
      claimId: copy.body.id,
      invoiceId: copy.body.invoices[0].id,
      uploadedBy: second.retailer.id,
      invoiceSha256: sameFile,
    });
    const submitted = await submit(second.retailer.token, copy.body.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body.duplicates).toEqual([]);
    const seen = await json(await h.request(`/api/v1/claims/${copy.body.id}`, { token: finance[0]!.token }));
    expect(seen.body.duplicates).toEqual(
      expect.arrayContaining([
        { kind: 'invoice', invoiceIndex: 0, claimId: original.id, sha256: null },
        { kind: 'file', invoiceIndex: null, claimId: original.id, sha256: sameFile },
      ]),
    );
  });

  it('sends a claim back for corrections naming fields, e-mails the retailer, and takes it again after resubmission', async () => {
    const a = await agreementWith([{ category: 'website', amountCents: 300_000 }]);
    const c = await submittedClaim(a, [invoice(a.lineIds[0]!)]);
    const noFields = await review(coach.token, c.id, {
      step: 'content',
      decision: 'corrections_requested',
      reason: 'Date',
    });
    expect(noFields.status).toBe(422);
    expect(noFields.body.errors[0].path).toBe('fields');
    const badField = await review(coach.token, c.id, {
      step: 'content',
      decision: 'corrections_requested',
      reason: 'Date',
      fields: [{ field: 'password', message: 'x' }],
    });
    expect(badField.body.errors[0].path).toBe('fields.0.field');
    const sent = await review(coach.token, c.id, {
      step: 'content',
      decision: 'corrections_requested',
      reason: 'Le numéro ne correspond pas à la facture jointe.',
      fields: [
        { field: 'invoices.0.invoiceNumber', message: 'La facture jointe porte le numéro F-2027-001.' },
      ],
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'corrections_requested',
      editable: true,
      reviewStep: null,
      corrections: [
        { field: 'invoices.0.invoiceNumber', message: 'La facture jointe porte le numéro F-2027-001.' },
      ],
    });
    const [mail] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, 'funding:claims.mail.corrections_requested'),
          eq(mailOutbox.toAddress, a.retailer.email),
        ),
      );
    expect(mail?.textBody).toContain('Numéro de facture : La facture jointe porte le numéro F-2027-001.');
    expect(mail?.textBody).toContain(`http://virage.test/claims/${c.id}`);

    const fixed = await json(
      await h.request(`/api/v1/claims/${c.id}`, {
        method: 'PUT',
        token: a.retailer.token,
        json: {
          version: sent.body.version,
          invoices: [
            {
              ...c.invoices[0],
              invoiceNumber: 'F-2027-001',
              eligibleCents: undefined,
              unusualTaxes: undefined,
            },
          ],
        },
      }),
    );
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    // The invoice kept its id, so its receipts still cover it.
    expect(fixed.body.refusals).toEqual([]);
    const again = await submit(a.retailer.token, c.id);
    expect(again.body).toMatchObject({
      status: 'submitted',
      round: 2,
      reviewStep: 'content',
      corrections: [],
    });
    expect((await approve(coach.token, c.id, 'content')).body.status).toBe('content_approved');

    const refused = await review(finance[0]!.token, c.id, {
      step: 'financial',
      decision: 'refused',
      reason: 'Double financement.',
    });
    expect(refused.body).toMatchObject({ status: 'refused', reviewStep: null });
    expect((await submit(a.retailer.token, c.id)).status).toBe(409);
    const [refusal] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, 'funding:claims.mail.refused'),
          eq(mailOutbox.toAddress, a.retailer.email),
        ),
      );
    expect(refusal?.textBody).toContain('Double financement.');
  });

  it('lists claims by who may see them, with filters and cursor pages', async () => {
    const a = await agreementWith([{ category: 'website', amountCents: 300_000 }]);
    const c = await submittedClaim(a, [invoice(a.lineIds[0]!)]);
    const own = await json(await h.request('/api/v1/claims', { token: a.retailer.token }));
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const byApplication = await json(
      await h.request(
        `/api/v1/claims?applicationId=${a.applicationId}&status=submitted&programId=${programId}`,
        {
          token: finance[0]!.token,
        },
      ),
    );
    expect(byApplication.body.items).toEqual([
      expect.objectContaining({ id: c.id, reviewStep: 'content', claimableCents: 90_000 }),
    ]);
    const page = await json(await h.request('/api/v1/claims?limit=1', { token: coordinator.token }));
    expect(page.body.items).toHaveLength(1);
    const next = await json(
      await h.request(`/api/v1/claims?limit=1&cursor=${page.body.nextCursor}`, { token: coordinator.token }),
    );
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    expect((await h.request('/api/v1/claims?status=nope', { token: coordinator.token })).status).toBe(422);
  });
});
