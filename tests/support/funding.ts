import { eq } from 'drizzle-orm';
import {
  agreementLines,
  agreements,
  aidRulesVersions,
  claimInvoices,
  claims,
  fundingEnvelopes,
} from '../../src/modules/funding/db/tables.ts';
import { DEFAULT_AID_RULES } from '../../src/modules/funding/domain/default-aid-rules.ts';
import type { ClaimStatus } from '../../src/modules/funding/index.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Harness } from './harness.ts';

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
