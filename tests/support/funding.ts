import { randomBytes } from 'node:crypto';
import { max } from 'drizzle-orm';
import {
  agreementLines,
  agreements,
  aidRulesVersions,
  claimAttachments,
} from '../../src/modules/funding/db/tables.ts';
import type { AidRules } from '../../src/modules/funding/domain/aid-rules.ts';
import type { CostCategory } from '../../src/modules/funding/domain/cost-categories.ts';
import { DEFAULT_AID_RULES } from '../../src/modules/funding/domain/default-aid-rules.ts';
import { commitFunds, grantOf } from '../../src/modules/funding/index.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Harness } from './harness.ts';

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
