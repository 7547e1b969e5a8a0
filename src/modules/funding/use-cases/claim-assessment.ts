import type { Executor } from '../../../platform/db/client.ts';
import {
  type AgreementRow,
  agreementTermsOf,
  attachmentsOf,
  type ClaimRow,
  filesHashed,
  type InvoiceRow,
  invoiceLineOf,
  invoicesNumbered,
  standingClaimsOf,
} from '../db/claims.ts';
import { financeApproversFor } from '../domain/aid-rules.ts';
import { missingReceipts } from '../domain/claim-review.ts';
import { claimRefusals, duplicatesOf, invoiceEligibleCents, unusualTaxes } from '../domain/claims.ts';
import { claimableAmount } from '../domain/grant.ts';
import { type Cents, sumCents } from '../domain/money.ts';
import type { Refusal } from '../domain/refusal.ts';

/** The domain names invoices `lines.N`; requests and forms call them `invoices.N`. */
export const invoiceField = (field: string | undefined) => field?.replace(/^lines\./, 'invoices.');

const addTo = (map: Map<string, Cents>, key: string, cents: Cents) =>
  map.set(key, (map.get(key) ?? 0) + cents);

/**
 * Everything Virage computes about a claim, as of `today` (a Montréal day): its eligible and claimable
 * amounts under the agreement's rules version, why it would be refused, the receipts it lacks, the
 * possible duplicates and the unusual taxes for the reviewer. Submission stores the amounts and refuses
 * on the refusals; the claim's page shows the same figures before and after.
 */
export async function assessClaim(
  db: Executor,
  claim: Pick<ClaimRow, 'id' | 'agreementId'>,
  agreement: AgreementRow,
  invoices: readonly InvoiceRow[],
  today: string,
) {
  const terms = await agreementTermsOf(db, agreement);
  const lines = invoices.map(invoiceLineOf);
  const standing = await standingClaimsOf(db, claim.agreementId, claim.id);
  const earlierCents = new Map<string, Cents>();
  for (const row of standing.invoices)
    addTo(earlierCents, row.budgetLineId, invoiceEligibleCents(invoiceLineOf(row), terms));
  const actualCents = new Map(earlierCents);
  const invoiceFigures = lines.map((line, index) => {
    const eligibleCents = invoiceEligibleCents(line, terms);
    addTo(actualCents, line.budgetLineId, eligibleCents);
    return { id: invoices[index]!.id, eligibleCents, unusualTaxes: unusualTaxes(line) };
  });
  const claimedBefore = sumCents(standing.claims.map((c) => c.claimableCents ?? 0));
  const claimable = claimableAmount({
    rules: terms.rules,
    approvedLines: terms.lines,
    actualCents,
    agreementGrantCents: agreement.grantCents ?? 0,
    otherPublicAidCents: agreement.otherPublicAidCents,
    paidCents: claimedBefore,
  });
  const attachments = await attachmentsOf(db, claim.id);
  const refusals: Refusal[] = [
    ...claimRefusals({ lines, submittedOn: today }, terms, earlierCents),
    ...(lines.length === 0
      ? [{ key: 'funding:claims.errors.no_invoice', field: 'invoices', params: {} }]
      : missingReceipts(invoices, attachments)),
  ].map((r) => ({ ...r, ...(r.field ? { field: invoiceField(r.field) } : {}) }));
  const duplicates = duplicatesOf(
    { id: claim.id, lines, fileHashes: attachments.map((a) => a.sha256) },
    {
      invoices: await invoicesNumbered(
        db,
        lines.map((l) => l.invoiceNumber),
      ),
      files: await filesHashed(
        db,
        attachments.map((a) => a.sha256),
      ),
    },
  );
  return {
    terms,
    lines,
    invoices: invoiceFigures,
    attachments,
    eligibleCents: sumCents(invoiceFigures.map((i) => i.eligibleCents)),
    claimableCents: claimable.amountCents,
    entitledCents: claimable.entitledCents,
    grantSteps: claimable.grant.steps,
    claimedBeforeCents: claimedBefore,
    financeApprovers: financeApproversFor(terms.rules, claimable.amountCents),
    refusals,
    duplicates,
  };
}

export type ClaimAssessment = Awaited<ReturnType<typeof assessClaim>>;
