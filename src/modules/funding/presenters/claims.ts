import { z } from 'zod';
import { instant, instantOrNull, presentPage } from '../../../platform/http/present.ts';
import { ATTACHMENT_KINDS } from '../domain/attachments.ts';
import { REVIEW_DECISIONS } from '../domain/claim-review.ts';
import { CLAIM_STATUSES } from '../domain/claim-status.ts';
import { COST_CATEGORIES } from '../domain/cost-categories.ts';
import { REVIEW_STEPS } from '../domain/separation-of-duties.ts';
import type { ClaimView } from '../use-cases/claim-view.ts';
import type { listClaims } from '../use-cases/list-claims.ts';

const money = z.number().int();
const fieldMessage = z.object({ field: z.string(), message: z.string() });

export const claim = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  applicationId: z.uuid(),
  programId: z.uuid(),
  businessName: z.string().nullable(),
  number: z.number().int(),
  status: z.enum(CLAIM_STATUSES),
  editable: z.boolean().describe('The retailer may still change it (draft, or corrections asked for)'),
  version: z.number().int().describe('Send it back with PUT: a stale version answers 409'),
  round: z.number().int().describe('How many times it was submitted'),
  submittedAt: z.iso.datetime().nullable(),
  reviewStep: z.enum(REVIEW_STEPS).nullable().describe('The review step due now'),
  canReview: z
    .boolean()
    .describe('The caller’s role may decide the step due (separation of duties is checked on deciding)'),
  requiredSteps: z.array(z.enum(REVIEW_STEPS)),
  eligibleCents: money,
  claimableCents: money,
  agreementGrantCents: money,
  claimedBeforeCents: money.describe('What the agreement’s other standing claims claim'),
  arithmetic: z.array(z.string()).describe('How the claimable amount was reached, in words'),
  budgetLines: z.array(
    z.object({
      id: z.uuid(),
      category: z.enum(COST_CATEGORIES),
      description: z.string(),
      amountCents: money,
    }),
  ),
  invoices: z.array(
    z.object({
      id: z.uuid(),
      budgetLineId: z.string(),
      supplierName: z.string(),
      invoiceNumber: z.string(),
      invoiceDate: z.iso.date(),
      subtotalCents: money,
      gstCents: money,
      qstCents: money,
      gstNumber: z.string().nullable(),
      qstNumber: z.string().nullable(),
      eligibleCents: money,
      unusualTaxes: z.array(z.enum(['gstCents', 'qstCents'])),
    }),
  ),
  refusals: z
    .array(z.object({ field: z.string().nullable(), message: z.string() }))
    .describe('Why submitting it now would be refused (draft and corrections only)'),
  duplicates: z
    .array(
      z.object({
        kind: z.enum(['invoice', 'file']),
        invoiceIndex: z.number().int().nullable(),
        claimId: z.uuid(),
        sha256: z.string().nullable(),
      }),
    )
    .describe('Possible double claims, for the reviewer (empty for the retailer)'),
  corrections: z.array(fieldMessage),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(ATTACHMENT_KINDS),
      invoiceId: z.uuid().nullable(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      downloadPath: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
  reviews: z.array(
    z.object({
      id: z.uuid(),
      round: z.number().int(),
      step: z.enum(REVIEW_STEPS),
      decision: z.enum(REVIEW_DECISIONS),
      reason: z.string(),
      fields: z.array(fieldMessage),
      reviewerId: z.uuid(),
      reviewerName: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
});

export const presentClaim = (c: ClaimView): z.input<typeof claim> => ({
  ...c,
  submittedAt: instantOrNull(c.submittedAt),
  attachments: c.attachments.map((a) => ({ ...a, createdAt: instant(a.createdAt) })),
  reviews: c.reviews.map((r) => ({ ...r, createdAt: instant(r.createdAt) })),
});

const claimSummary = z.object({
  id: z.uuid(),
  agreementId: z.uuid(),
  applicationId: z.uuid(),
  programId: z.uuid(),
  businessName: z.string().nullable(),
  number: z.number().int(),
  status: z.enum(CLAIM_STATUSES),
  reviewStep: z.enum(REVIEW_STEPS).nullable(),
  eligibleCents: money.nullable(),
  claimableCents: money.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const claimPage = z.object({ items: z.array(claimSummary), nextCursor: z.string().nullable() });

type ClaimPage = Awaited<ReturnType<typeof listClaims>>;

export const presentClaimPage = (page: ClaimPage): z.input<typeof claimPage> =>
  presentPage(page, (c) => ({
    ...c,
    submittedAt: instantOrNull(c.submittedAt),
    createdAt: instant(c.createdAt),
  }));
