import { z } from 'zod';
import { foldForSearch } from '../../../kernel/text.ts';
import type { AidRules } from './aid-rules.ts';
import type { BudgetLine } from './grant.ts';
import { type Cents, centsSchema, sumCents } from './money.ts';
import type { Refusal } from './refusal.ts';
import { gstNumberSchema, qstNumberSchema } from './tax-numbers.ts';
import { eligibleAmount, type TaxRegistration, taxesOf } from './taxes.ts';

/**
 * One invoice of a claim, as the retailer enters it. A supplier below the small-supplier threshold
 * charges no tax and may have no number; a supplier that charges a tax must show its number.
 */
export const invoiceLineSchema = z
  .strictObject({
    budgetLineId: z.string().min(1),
    supplierName: z.string().trim().min(1).max(200),
    invoiceNumber: z.string().trim().min(1).max(60),
    invoiceDate: z.iso.date({ error: 'funding:errors.date' }),
    subtotalCents: centsSchema,
    gstCents: centsSchema,
    qstCents: centsSchema,
    gstNumber: gstNumberSchema.nullable(),
    qstNumber: qstNumberSchema.nullable(),
  })
  .superRefine((line, ctx) => {
    if (line.gstCents > 0 && line.gstNumber === null)
      ctx.addIssue({ code: 'custom', path: ['gstNumber'], message: 'funding:errors.gst_number_required' });
    if (line.qstCents > 0 && line.qstNumber === null)
      ctx.addIssue({ code: 'custom', path: ['qstNumber'], message: 'funding:errors.qst_number_required' });
  });
export type InvoiceLine = z.output<typeof invoiceLineSchema>;

/** The taxes an invoice states that differ by more than a cent from GST and QST on its subtotal: for the financial reviewer to look at, not a refusal (part of an invoice may be exempt). */
export function unusualTaxes(
  line: Pick<InvoiceLine, 'subtotalCents' | 'gstCents' | 'qstCents'>,
): ('gstCents' | 'qstCents')[] {
  const expected = taxesOf(line.subtotalCents);
  return (
    [
      ['gstCents', line.gstCents, expected.gst],
      ['qstCents', line.qstCents, expected.qst],
    ] as const
  )
    .filter(([, stated, computed]) => stated !== 0 && Math.abs(stated - computed) > 1)
    .map(([field]) => field);
}

/** What a claim is judged against: the agreement's approved lines, its rules version, and its dates (Montréal days). */
export type AgreementTerms = {
  rules: AidRules;
  lines: readonly BudgetLine[];
  offeredOn: string;
  acceptedOn: string;
  registration: TaxRegistration;
};

/** The eligible cost of an invoice under the agreement's tax policy. */
export function invoiceEligibleCents(
  line: InvoiceLine,
  terms: Pick<AgreementTerms, 'rules' | 'registration'>,
): Cents {
  return eligibleAmount(
    { subtotal: line.subtotalCents, gst: line.gstCents, qst: line.qstCents },
    terms.registration,
    terms.rules.taxPolicy,
  );
}

/**
 * Everything a claim is refused for, each naming its field (`lines.2.invoiceDate`): an invoice for no
 * line of the agreement, dated before costs count or after the window; a claim submitted after the
 * deadline or before the solution was used long enough; eligible costs beyond a line or the agreement,
 * earlier claims included.
 */
export function claimRefusals(
  claim: { lines: readonly InvoiceLine[]; submittedOn: string },
  terms: AgreementTerms,
  /** Eligible costs of the agreement's earlier claims that still stand, per budget line. */
  earlierCents: ReadonlyMap<string, Cents>,
): Refusal[] {
  const refusals: Refusal[] = [];
  // Costs count from the acceptance (or the offer, as the rules say), and within the project window.
  const costsFrom = terms.rules.costsFrom === 'offer' ? terms.offeredOn : terms.acceptedOn;
  const { startsOn, endsOn } = terms.rules.projectWindow;
  const lineById = new Map(terms.lines.map((l) => [l.id, l]));
  const claimedByLine = new Map<string, { cents: Cents; index: number }>();

  claim.lines.forEach((line, index) => {
    const field = (name: keyof InvoiceLine) => `lines.${index}.${name}`;
    if (!lineById.has(line.budgetLineId))
      refusals.push({ key: 'funding:errors.budget_line_unknown', field: field('budgetLineId'), params: {} });
    if (line.invoiceDate < costsFrom)
      refusals.push({
        key: 'funding:errors.invoice_before_acceptance',
        field: field('invoiceDate'),
        params: { date: costsFrom },
      });
    else if (line.invoiceDate < startsOn || line.invoiceDate > endsOn)
      refusals.push({
        key: 'funding:errors.invoice_outside_window',
        field: field('invoiceDate'),
        params: { from: startsOn, to: endsOn },
      });
    const sofar = claimedByLine.get(line.budgetLineId);
    claimedByLine.set(line.budgetLineId, {
      cents: (sofar?.cents ?? 0) + invoiceEligibleCents(line, terms),
      index: sofar?.index ?? index,
    });
  });

  if (claim.submittedOn > terms.rules.claimDeadline)
    refusals.push({
      key: 'funding:errors.claim_deadline_passed',
      params: { deadline: terms.rules.claimDeadline },
    });
  const lastInvoice = claim.lines
    .map((l) => l.invoiceDate)
    .sort()
    .at(-1);
  if (lastInvoice !== undefined) {
    const usableOn = addDays(lastInvoice, terms.rules.minimumUseDays);
    if (claim.submittedOn < usableOn)
      refusals.push({
        key: 'funding:errors.claim_too_early',
        params: { date: usableOn, days: terms.rules.minimumUseDays },
      });
  }

  for (const [lineId, { cents, index }] of claimedByLine) {
    const approved = lineById.get(lineId);
    if (!approved) continue;
    const earlier = earlierCents.get(lineId) ?? 0;
    if (earlier + cents > approved.amountCents)
      refusals.push({
        key: 'funding:errors.claim_above_line',
        field: `lines.${index}.subtotalCents`,
        params: {
          leftCents: Math.max(0, approved.amountCents - earlier),
          approvedCents: approved.amountCents,
        },
      });
  }
  const agreementCents = sumCents(terms.lines.map((l) => l.amountCents));
  const earlierTotal = sumCents(earlierCents.values());
  const claimedTotal = sumCents([...claimedByLine.values()].map((c) => c.cents));
  if (earlierTotal + claimedTotal > agreementCents)
    refusals.push({
      key: 'funding:errors.claim_above_agreement',
      params: { leftCents: Math.max(0, agreementCents - earlierTotal), approvedCents: agreementCents },
    });
  return refusals;
}

function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Invoices and files already attached to claims, that a claim is compared with (its own are skipped). */
export type KnownInvoice = { claimId: string; supplierName: string; invoiceNumber: string };
export type KnownFile = { claimId: string; sha256: string };

export type Duplicate =
  | { kind: 'invoice'; lineIndex: number; claimId: string }
  | { kind: 'file'; sha256: string; claimId: string };

/** « Bureau en Gros inc. » and "BUREAU EN GROS, INC" are one supplier; "F-00123" and "f 00123" one number. */
const supplierKey = (name: string) => foldForSearch(name).replace(/[^a-z0-9]/g, '');
const invoiceKey = (number: string) => number.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** One invoice whatever its spelling: the supplier's name folded, the number without punctuation. */
export const invoiceMatchKey = (i: { supplierName: string; invoiceNumber: string }) =>
  `${supplierKey(i.supplierName)}|${invoiceKey(i.invoiceNumber)}`;

/**
 * Possible double claims: an invoice of the same supplier with the same number, or the same file
 * (by content hash) attached anywhere. They are flagged for the reviewer, who decides.
 */
export function duplicatesOf(
  claim: {
    id: string;
    lines: readonly Pick<InvoiceLine, 'supplierName' | 'invoiceNumber'>[];
    fileHashes: readonly string[];
  },
  known: { invoices: readonly KnownInvoice[]; files: readonly KnownFile[] },
): Duplicate[] {
  const key = invoiceMatchKey;
  const duplicates: Duplicate[] = [];
  claim.lines.forEach((line, lineIndex) => {
    const own = key(line);
    const earlierInClaim = claim.lines.slice(0, lineIndex).some((l) => key(l) === own);
    const others = known.invoices.filter((i) => i.claimId !== claim.id && key(i) === own);
    if (earlierInClaim) duplicates.push({ kind: 'invoice', lineIndex, claimId: claim.id });
    for (const other of others) duplicates.push({ kind: 'invoice', lineIndex, claimId: other.claimId });
  });
  for (const sha256 of new Set(claim.fileHashes)) {
    for (const file of known.files)
      if (file.sha256 === sha256 && file.claimId !== claim.id)
        duplicates.push({ kind: 'file', sha256, claimId: file.claimId });
    if (claim.fileHashes.indexOf(sha256) !== claim.fileHashes.lastIndexOf(sha256))
      duplicates.push({ kind: 'file', sha256, claimId: claim.id });
  }
  return duplicates;
}
