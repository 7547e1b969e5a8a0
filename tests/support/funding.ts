import { randomBytes } from 'node:crypto';
import { desc, eq, max } from 'drizzle-orm';
import { appendEntries } from '../../src/modules/funding/db/append-entries.ts';
import { sealBankAccount } from '../../src/modules/funding/db/bank-details-cipher.ts';
import {
  agreementLines,
  agreements,
  aidRulesVersions,
  bankAccounts,
  claimAttachments,
  claimInvoices,
  claims,
  fundingEnvelopes,
} from '../../src/modules/funding/db/tables.ts';
import type { AidRules } from '../../src/modules/funding/domain/aid-rules.ts';
import type { CostCategory } from '../../src/modules/funding/domain/cost-categories.ts';
import { DEFAULT_AID_RULES } from '../../src/modules/funding/domain/default-aid-rules.ts';
import { entryOf } from '../../src/modules/funding/domain/ledger.ts';
import { type ClaimStatus, commitFunds, grantOf } from '../../src/modules/funding/index.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { newId } from '../../src/platform/ids.ts';
import { coachedBy, type ExpertFixture } from './coaching.ts';
import type { Harness } from './harness.ts';
import { acceptedApplication } from './intake.ts';

/** Sets (or adds) a grants envelope of the program with its budget per fiscal year; returns its id. */
export async function grantsEnvelope(
  h: Harness,
  adminToken: string,
  programId: string,
  key: string,
  budgets: [fiscalYear: string, amountCents: number][],
): Promise<string> {
  const res = await h.request(`/api/v1/programs/${programId}/budget`, {
    method: 'PUT',
    token: adminToken,
    json: {
      envelopes: [
        {
          key,
          nameFr: `Subventions ${key}`,
          nameEn: `Grants ${key}`,
          kind: 'grants',
          budgets: budgets.map(([fiscalYear, amountCents]) => ({ fiscalYear, amountCents })),
        },
      ],
    },
  });
  if (res.status !== 200) throw new Error(`budget failed: ${await res.text()}`);
  return (await res.json()).envelopes.find((e: { key: string }) => e.key === key).id;
}

/** An accepted business (coached by `coach` when given) with an approved action plan (saved by the program team). */
export async function businessWithApprovedPlan(
  h: Harness,
  programId: string,
  coordinatorToken: string,
  coach?: ExpertFixture,
) {
  const app = coach
    ? await coachedBy(h, programId, coordinatorToken, coach)
    : await acceptedApplication(h, programId, coordinatorToken);
  const res = await h.request(`/api/v1/plans/${app.id}`, {
    method: 'PUT',
    token: coordinatorToken,
    json: {
      currentState: 'Vente en boutique seulement',
      goals: 'Vendre en ligne',
      budgetCents: 1_200_000,
      timeline: 'Printemps 2027',
      actions: [
        {
          objective: 'Boutique en ligne',
          steps: 'Choisir une plateforme',
          owner: 'Zoé',
          dueDate: '2027-05-01',
          estimatedCostCents: 1_000_000,
          status: 'todo',
          supplierId: null,
        },
      ],
      status: 'approved',
    },
  });
  if (res.status !== 200) throw new Error(`plan failed: ${await res.text()}`);
  return app;
}

export type AgreementSetUp = {
  programId: string;
  coordinatorToken: string;
  envelopeId: string;
  fiscalYear?: string;
  lines?: { category: string; description: string; amountCents: number }[];
  acceptBy?: string;
  /** The business's expert (who may review its claims' content). */
  coach?: ExpertFixture;
  gstRegistered?: boolean;
  qstRegistered?: boolean;
};

/** A draft agreement then offered, built through the agreement API; returns it and the retailer's business. */
export async function offeredAgreementFor(h: Harness, setUp: AgreementSetUp) {
  const app = await businessWithApprovedPlan(h, setUp.programId, setUp.coordinatorToken, setUp.coach);
  const prepared = await h.request('/api/v1/agreements', {
    method: 'POST',
    token: setUp.coordinatorToken,
    json: {
      applicationId: app.id,
      envelopeId: setUp.envelopeId,
      fiscalYear: setUp.fiscalYear ?? '2026-2027',
      gstRegistered: setUp.gstRegistered ?? false,
      qstRegistered: setUp.qstRegistered ?? false,
      lines: setUp.lines ?? [
        { category: 'ecommerce_platform', description: 'Boutique en ligne', amountCents: 200_000 },
      ],
    },
  });
  if (prepared.status !== 201) throw new Error(`prepare failed: ${await prepared.text()}`);
  const { id } = await prepared.json();
  const offered = await h.request(`/api/v1/agreements/${id}/offer`, {
    method: 'POST',
    token: setUp.coordinatorToken,
    json: { acceptBy: setUp.acceptBy ?? '2027-02-15' },
  });
  if (offered.status !== 200) throw new Error(`offer failed: ${await offered.text()}`);
  return { agreement: await offered.json(), app };
}

/**
 * An accepted agreement (its grant committed in the ledger), built through the agreement API: what
 * claims and payments tests start from.
 */
export async function acceptedAgreementFor(h: Harness, setUp: AgreementSetUp) {
  const { agreement, app } = await offeredAgreementFor(h, setUp);
  const accepted = await h.request(`/api/v1/agreements/${agreement.id}/acceptance`, {
    method: 'POST',
    token: app.token,
    json: { attestation: true, name: 'Zoé Tremblay' },
  });
  if (accepted.status !== 200) throw new Error(`acceptance failed: ${await accepted.text()}`);
  return { agreement: await accepted.json(), app };
}

/**
 * A claim row (with its accepted agreement, one budget line and one invoice) inserted straight into the
 * tables, for tests of what hangs on a claim (its files) without going through the claim's use cases.
 */
export async function insertDraftClaim(
  h: Harness,
  { programId, applicationId, retailerId }: { programId: string; applicationId: string; retailerId: string },
  status: ClaimStatus = 'draft',
) {
  const db = h.services.database.db;
  const [rules] = await db
    .select({ id: aidRulesVersions.id })
    .from(aidRulesVersions)
    .where(eq(aidRulesVersions.programId, programId))
    .limit(1);
  const rulesVersionId = rules?.id ?? newId();
  if (!rules) {
    await db
      .insert(aidRulesVersions)
      .values({ id: rulesVersionId, programId, version: 1, rules: DEFAULT_AID_RULES });
  }
  const envelopeId = newId();
  await db.insert(fundingEnvelopes).values({
    id: envelopeId,
    programId,
    key: `claims-${envelopeId.slice(-8)}`,
    nameFr: 'Subventions',
    nameEn: 'Grants',
    kind: 'grants',
  });
  const agreementId = newId();
  await db.insert(agreements).values({
    id: agreementId,
    programId,
    applicationId,
    envelopeId,
    fiscalYear: 2026,
    rulesVersionId,
    status: 'accepted',
    grantCents: 180_000,
    eligibleCents: 200_000,
  });
  const lineId = newId();
  await db.insert(agreementLines).values({
    id: lineId,
    agreementId,
    position: 0,
    category: DEFAULT_AID_RULES.eligibleCategories[0]!,
    description: 'Site transactionnel',
    amountCents: 200_000,
  });
  const claimId = newId();
  await db.insert(claims).values({
    id: claimId,
    agreementId,
    applicationId,
    number: 1,
    status,
    createdBy: retailerId,
  });
  const invoiceId = newId();
  await db.insert(claimInvoices).values({
    id: invoiceId,
    claimId,
    position: 0,
    budgetLineId: lineId,
    supplierName: 'Agence Web inc.',
    invoiceNumber: 'F-1001',
    invoiceDate: '2027-01-10',
    subtotalCents: 100_000,
    gstCents: 5_000,
    qstCents: 9_975,
  });
  return { claimId, agreementId, invoiceId };
}

/** Moves a claim inserted by insertDraftClaim (submitted, paid…), as the claim's use cases would. */
export async function setClaimStatus(h: Harness, claimId: string, status: ClaimStatus) {
  await h.services.database.db.update(claims).set({ status }).where(eq(claims.id, claimId));
}

/** A small valid file of each accepted kind: their signatures, then some bytes. */
export const SAMPLE_FILES = {
  pdf: new Uint8Array([...Buffer.from('%PDF-1.7\n% facture\n'), ...Buffer.from('%%EOF\n')]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF reçu'), 0xff, 0xd9]),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from('IHDR preuve')]),
  executable: new Uint8Array([
    ...Buffer.from('MZ'),
    0x90,
    0x00,
    ...Buffer.from('This program cannot be run'),
  ]),
};

/** A multipart body for a claim file: the file under `file`, and the text fields. */
export function attachmentForm(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
  return form;
}

/** The program's latest aid rules version, made (without a cap per business) when it has none. */
async function rulesVersionForPayments(ctx: Ctx, programId: string): Promise<string> {
  const [latest] = await ctx.db
    .select({ id: aidRulesVersions.id })
    .from(aidRulesVersions)
    .where(eq(aidRulesVersions.programId, programId))
    .orderBy(desc(aidRulesVersions.version))
    .limit(1);
  if (latest) return latest.id;
  const id = newId();
  await ctx.db
    .insert(aidRulesVersions)
    .values({ id, programId, version: 1, rules: { ...DEFAULT_AID_RULES, capPerBusinessCents: null } });
  return id;
}

/**
 * A claim approved for payment, as the agreements and claims work will leave it: an accepted agreement
 * with one line (its money committed), a claim in `payment_approved` with its amount payable in the
 * ledger. Written straight to the tables until those use cases exist.
 */
export async function insertPaymentApprovedClaim(
  ctx: Ctx,
  input: {
    programId: string;
    envelopeId: string;
    fiscalYear: number;
    applicationId: string;
    amountCents: number;
    authorId: string;
  },
): Promise<{ agreementId: string; claimId: string }> {
  const rulesVersionId = await rulesVersionForPayments(ctx, input.programId);
  const agreementId = newId();
  const claimId = newId();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agreements).values({
      id: agreementId,
      programId: input.programId,
      applicationId: input.applicationId,
      envelopeId: input.envelopeId,
      fiscalYear: input.fiscalYear,
      rulesVersionId,
      status: 'accepted',
      grantCents: input.amountCents,
      eligibleCents: input.amountCents,
      acceptedAt: now,
    });
    const lineId = newId();
    await tx.insert(agreementLines).values({
      id: lineId,
      agreementId,
      position: 0,
      category: 'website',
      description: 'Site transactionnel',
      amountCents: input.amountCents,
    });
    await commitFunds(tx, ctx, {
      envelopeId: input.envelopeId,
      fiscalYear: input.fiscalYear,
      applicationId: input.applicationId,
      amountCents: input.amountCents,
      reason: 'agreement accepted',
      source: `agreement:${agreementId}`,
    });
    await tx.insert(claims).values({
      id: claimId,
      agreementId,
      applicationId: input.applicationId,
      number: 1,
      status: 'payment_approved',
      eligibleCents: input.amountCents,
      claimableCents: input.amountCents,
      createdBy: input.authorId,
      submittedAt: now,
      // The test clock's time, like every later move of the claim, so the queue's order is theirs.
      createdAt: now,
      updatedAt: now,
    });
    await appendEntries(
      tx,
      ctx,
      [
        entryOf('approve', {
          id: newId(),
          envelopeId: input.envelopeId,
          fiscalYear: input.fiscalYear,
          businessId: input.applicationId,
          amountCents: input.amountCents,
          cause: 'claim',
        }),
      ],
      { reason: 'claim approved', source: `claim:${claimId}` },
    );
  });
  return { agreementId, claimId };
}

/** Bank details as the retailer's form leaves them (encrypted), verified by finance when `verifiedBy` is given. */
export async function insertBankAccountForPayments(
  ctx: Ctx,
  input: { applicationId: string; updatedBy: string; verifiedBy?: string; account?: string },
) {
  const account = { institution: '815', transit: '30000', account: input.account ?? '123456789' };
  await ctx.db.insert(bankAccounts).values({
    applicationId: input.applicationId,
    holderName: 'Boutique Zoé inc.',
    encrypted: sealBankAccount(ctx, input.applicationId, account),
    accountLastDigits: account.account.slice(-3),
    updatedBy: input.updatedBy,
    verifiedBy: input.verifiedBy ?? null,
    verifiedAt: input.verifiedBy ? ctx.now() : null,
  });
}

/** Rules for claims made in the harness's January 2027: 90 %, no wait before claiming, a second finance approver above 5 000 $. */
export const CLAIM_TEST_RULES: AidRules = {
  ...DEFAULT_AID_RULES,
  capPerBusinessCents: 1_000_000,
  projectWindow: { startsOn: '2027-01-01', endsOn: '2027-12-31' },
  claimDeadline: '2028-03-31',
  minimumUseDays: 0,
};

/** A grants envelope of the program with a budget for 2026-2027; returns its id. */
export async function grantsEnvelopeForClaims(
  h: Harness,
  programId: string,
  adminToken: string,
  budgetCents = 100_000_000,
): Promise<string> {
  const res = await h.request(`/api/v1/programs/${programId}/budget`, {
    method: 'PUT',
    token: adminToken,
    json: {
      envelopes: [
        {
          key: 'claims-grants',
          nameFr: 'Subventions',
          nameEn: 'Grants',
          kind: 'grants',
          budgets: [{ fiscalYear: '2026-2027', amountCents: budgetCents }],
        },
      ],
    },
  });
  if (res.status !== 200) throw new Error(`budget failed: ${await res.text()}`);
  return (await res.json()).envelopes.find((e: { key: string }) => e.key === 'claims-grants').id;
}

/**
 * An agreement accepted now by the application's retailer, made under a new rules version, with its
 * grant committed in the ledger, written straight to the tables (as the agreements' use cases will).
 */
export async function insertAcceptedAgreement(
  h: Harness,
  input: {
    programId: string;
    applicationId: string;
    retailerId: string;
    envelopeId: string;
    preparedBy: string;
    lines: { category: CostCategory; amountCents: number }[];
    rules?: AidRules;
    gstRegistered?: boolean;
    qstRegistered?: boolean;
  },
) {
  const db = h.services.database.db;
  const rules = input.rules ?? CLAIM_TEST_RULES;
  const [latest] = await db.select({ version: max(aidRulesVersions.version) }).from(aidRulesVersions);
  const rulesVersionId = newId();
  await db
    .insert(aidRulesVersions)
    .values({ id: rulesVersionId, programId: input.programId, version: (latest?.version ?? 0) + 1, rules });
  const lines = input.lines.map((l, position) => ({
    id: newId(),
    position,
    description: `Ligne ${position + 1}`,
    ...l,
  }));
  const grant = grantOf({ rules, lines, otherPublicAidCents: 0 });
  const id = newId();
  const now = h.clock.now;
  await db.insert(agreements).values({
    id,
    programId: input.programId,
    applicationId: input.applicationId,
    envelopeId: input.envelopeId,
    fiscalYear: 2026,
    rulesVersionId,
    status: 'accepted',
    gstRegistered: input.gstRegistered ?? true,
    qstRegistered: input.qstRegistered ?? true,
    grantCents: grant.amountCents,
    eligibleCents: grant.eligibleCents,
    preparedBy: input.preparedBy,
    offeredBy: input.preparedBy,
    offeredAt: now,
    acceptedAt: now,
    acceptedBy: input.retailerId,
    acceptedName: 'Zoé Tremblay',
  });
  await db.insert(agreementLines).values(lines.map((l) => ({ ...l, agreementId: id })));
  await db.transaction((tx) =>
    commitFunds(tx, h.system, {
      envelopeId: input.envelopeId,
      fiscalYear: 2026,
      applicationId: input.applicationId,
      amountCents: grant.amountCents,
      reason: 'agreement accepted',
      source: `agreement:${id}`,
    }),
  );
  return { id, lineIds: lines.map((l) => l.id), grantCents: grant.amountCents };
}

/** The invoice and its proof of payment attached to a claim's invoice (as the file store's upload would record them). */
export async function attachClaimReceipts(
  h: Harness,
  input: { claimId: string; invoiceId: string | null; uploadedBy: string; invoiceSha256?: string },
) {
  const row = (kind: 'invoice' | 'proof_of_payment', sha256: string) => ({
    id: newId(),
    claimId: input.claimId,
    invoiceId: input.invoiceId,
    kind,
    sha256,
    mediaType: 'application/pdf',
    sizeBytes: 1234,
    fileName: `${kind}.pdf`,
    uploadedBy: input.uploadedBy,
    createdAt: h.clock.now,
  });
  await h.services.database.db
    .insert(claimAttachments)
    .values([
      row('invoice', input.invoiceSha256 ?? randomBytes(32).toString('hex')),
      row('proof_of_payment', randomBytes(32).toString('hex')),
    ]);
}
