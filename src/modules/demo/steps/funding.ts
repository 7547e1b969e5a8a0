import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import {
  acceptAgreement,
  addClaimAttachment,
  approvePaymentBatch,
  buildPaymentBatch,
  createClaim,
  DEFAULT_AID_RULES,
  exportPaymentBatch,
  fiscalYearBounds,
  fiscalYearLabel,
  fiscalYearOf,
  markPaymentBatchPaid,
  offerAgreement,
  prepareAgreement,
  reviewClaim,
  setAidRules,
  setBankAccount,
  setBudget,
  submitClaim,
  verifyBankAccount,
} from '../../funding/index.ts';
import { DEMO_PASSWORD } from '../generators/accounts.ts';
import { actingAs, type Person } from './acting-as.ts';
import type { ApprovedPlan } from './coaching.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Where each agreement of the demo stops, in the order the files with an approved plan take them (the
 * demo retailer first, when its plan is one of them): claims at every review step, two paid in one
 * batch, one approved but left out of the batch because finance has not verified its bank details yet.
 */
export const FUNDING_STORIES = [
  'claim_draft',
  'paid',
  'paid',
  'payment_due',
  'financial_due',
  'content_due',
  'payable_unverified',
  'offered',
  'draft',
] as const;
/** The program's rule for the demo: a solution in use two weeks before it is claimed (PSG asks 30 days). */
const MINIMUM_USE_DAYS = 14;
export type FundingStory = (typeof FUNDING_STORIES)[number];
/** How far along the claim's path a story goes (-1: no claim, 0: a draft, then each step passed). */
const rank = (story: FundingStory): number =>
  ({
    claim_draft: 0,
    content_due: 1,
    financial_due: 2,
    payment_due: 3,
    payable_unverified: 4,
    paid: 5,
    offered: -1,
    draft: -1,
  })[story];

export type FundingTally = Record<FundingStory, number> & { batches: number };

/** A receipt as a small PDF of its own (the store keeps files by content: each is a different one). */
const receipt = (name: string, words: string) =>
  new File([`%PDF-1.7\n% ${words}\n%%EOF\n`], name, { type: 'application/pdf' });

/**
 * The program's money, set before coaching starts so experts' hours draw on it: an accompaniment
 * envelope (hours × rate) and a grants envelope, budgeted for every fiscal year the demo spans, and the
 * aid rules (90 % of eligible costs, at most 15 000 $ per business, a second finance approval above
 * 5 000 $, two weeks of use before a claim) with a project window that covers the demo's months.
 */
export async function setUpFunding(
  ctx: Ctx,
  options: { admin: Person; programId: string; launchAt: Date; now: Date; retailers: number },
) {
  const asAdmin = actingAs(ctx, options.admin, { at: options.launchAt });
  const years = [...new Set([fiscalYearOf(options.launchAt), fiscalYearOf(options.now)])];
  const budgets = (amountCents: number) =>
    years.map((year) => ({ fiscalYear: fiscalYearLabel(year), amountCents }));
  const budget = await setBudget(asAdmin, options.programId, {
    envelopes: [
      {
        key: 'accompagnement',
        nameFr: "Heures d'accompagnement",
        nameEn: 'Coaching hours',
        kind: 'accompaniment',
        hourlyRateCents: 12_500,
        // Every file may hold several sessions: the envelope grows with the number of businesses.
        budgets: budgets(10_000_000 + options.retailers * 250_000),
      },
      {
        key: 'subventions',
        nameFr: 'Subventions au virage numérique',
        nameEn: 'Digital shift grants',
        kind: 'grants',
        budgets: budgets(50_000_000),
      },
    ],
  });
  const lastYear = fiscalYearBounds(years.at(-1)!);
  await setAidRules(asAdmin, options.programId, {
    ...DEFAULT_AID_RULES,
    capPerBusinessCents: 1_500_000,
    minimumUseDays: MINIMUM_USE_DAYS,
    projectWindow: { startsOn: formatDate(options.launchAt), endsOn: lastYear.lastDay },
    claimDeadline: formatDate(new Date(lastYear.end.getTime() + 60 * DAY)),
  });
  return budget.envelopes.find((e: { key: string }) => e.key === 'subventions')!.id as string;
}

/**
 * Agreements prepared from approved plans, each taken by the people who take it as far as its story
 * goes, at the moments they would have: prepared and offered by the coordinator 24 days ago, accepted
 * by the retailer (with its bank details) the next day; the claim's invoice dated after the
 * acceptance, the claim submitted once the solution has been in use two weeks; the content reviewed by
 * the business's expert, the financial review and the batch by one finance officer, the payment and
 * the batch approved by the other; the batch exported and paid yesterday.
 */
export async function runFunding(
  ctx: Ctx,
  options: {
    now: Date;
    programId: string;
    envelopeId: string;
    coordinator: Person;
    finance: Person;
    approver: Person;
    plans: ApprovedPlan[];
  },
): Promise<FundingTally> {
  const { now, coordinator, finance, approver } = options;
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * DAY + hours * HOUR);
  const preparedAt = at(24);
  const tally = {
    ...(Object.fromEntries(FUNDING_STORIES.map((s) => [s, 0])) as Record<FundingStory, number>),
    batches: 0,
  };
  // Plans approved before the agreements are prepared, of files still open, the demo retailer's first.
  const files = options.plans
    .filter((p) => !p.closed && p.approvedAt < preparedAt)
    .sort((a, b) => Number(b.file.demoRetailer) - Number(a.file.demoRetailer));
  const toPay: string[] = [];
  for (const [i, { file }] of files.slice(0, FUNDING_STORIES.length).entries()) {
    const story = FUNDING_STORIES[i]!;
    tally[story]++;
    const asCoordinator = (when: Date) => actingAs(ctx, coordinator, { at: when, locale: file.language });
    const asRetailer = (when: Date) => actingAs(ctx, file.retailer, { at: when });
    const agreement = await prepareAgreement(asCoordinator(preparedAt), {
      applicationId: file.applicationId,
      envelopeId: options.envelopeId,
      fiscalYear: fiscalYearLabel(fiscalYearOf(now)),
      lines: [
        {
          category: 'website',
          description: file.language === 'fr' ? 'Site transactionnel' : 'Online store',
          amountCents: 800_000,
        },
        {
          category: 'online_marketing',
          description: file.language === 'fr' ? 'Campagne en ligne' : 'Online campaign',
          amountCents: 400_000,
        },
      ],
    });
    if (story === 'draft') continue;
    await offerAgreement(asCoordinator(at(24, 1)), agreement.id, { acceptBy: formatDate(at(-6)) });
    if (story === 'offered') continue;
    await acceptAgreement(asRetailer(at(23)), agreement.id, { attestation: true, name: file.retailer.name });
    await setBankAccount(asRetailer(at(23, 1)), file.applicationId, {
      institution: '815',
      transit: String(20_000 + i * 7),
      account: String(1_234_500 + i),
      holderName: file.retailer.name,
      password: DEMO_PASSWORD,
    });

    const invoiceNumber = `F-${String(1000 + i)}`;
    const claim = await createClaim(asRetailer(at(6)), {
      agreementId: agreement.id,
      invoices: [
        {
          budgetLineId: agreement.lines[0]!.id,
          supplierName: file.language === 'fr' ? 'Atelier Web Boréal inc.' : 'Northern Web Studio Inc.',
          invoiceNumber,
          invoiceDate: formatDate(at(22)),
          subtotalCents: 300_000,
          gstCents: 15_000,
          qstCents: 29_925,
          gstNumber: '123456789 RT 0001',
          qstNumber: '1234567890 TQ 0001',
        },
      ],
    });
    if (story === 'claim_draft') continue;
    const invoiceId = claim.invoices[0]!.id;
    for (const kind of ['invoice', 'proof_of_payment'] as const)
      await addClaimAttachment(
        asRetailer(at(6, 1)),
        claim.id,
        { kind, invoiceId },
        receipt(`${kind}-${invoiceNumber}.pdf`, `${kind} ${invoiceNumber} ${file.applicationId}`),
      );
    await submitClaim(asRetailer(at(5)), claim.id);
    const approve = async (reviewer: Person, when: Date, step: 'content' | 'financial' | 'payment') =>
      reviewClaim(actingAs(ctx, reviewer, { at: when }), claim.id, { step, decision: 'approved' });
    if (rank(story) < rank('financial_due')) continue;
    await approve(file.expertPerson, at(4), 'content');
    if (rank(story) < rank('payment_due')) continue;
    await approve(finance, at(3), 'financial');
    if (rank(story) < rank('payable_unverified')) continue;
    await approve(approver, at(3, 4), 'payment');
    if (story === 'paid') {
      await verifyBankAccount(actingAs(ctx, finance, { at: at(2) }), file.applicationId, {});
      toPay.push(claim.id);
    }
  }
  if (toPay.length > 0) {
    const batch = await buildPaymentBatch(actingAs(ctx, finance, { at: at(2, 1) }), {
      programId: options.programId,
    });
    await approvePaymentBatch(actingAs(ctx, approver, { at: at(2, 3) }), batch.id);
    await exportPaymentBatch(actingAs(ctx, finance, { at: at(1) }), batch.id, { format: 'csv' });
    await markPaymentBatchPaid(actingAs(ctx, finance, { at: at(1, 3) }), batch.id, {
      bankReference: `DEMO-${formatDate(at(1)).replaceAll('-', '')}`,
    });
    tally.batches++;
  }
  return tally;
}
