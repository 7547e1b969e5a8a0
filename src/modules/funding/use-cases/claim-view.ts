import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import { refusalText } from '../db/append-entries.ts';
import { invoicesOf, reviewsOf } from '../db/claims.ts';
import { EDITABLE_CLAIM_STATUSES } from '../domain/claim-status.ts';
import { grantArithmetic } from '../domain/grant.ts';
import { requiredSteps } from '../domain/separation-of-duties.ts';
import { assessClaim, type ClaimAssessment } from './claim-assessment.ts';
import type { LoadedClaim } from './load-claim.ts';

/** Where a receipt is downloaded (served by the file store as an attachment, never inline). */
export const attachmentPath = (claimId: string, attachmentId: string) =>
  `/api/v1/claims/${claimId}/attachments/${attachmentId}`;

/**
 * A claim as its pages and the API show it: its invoices with their eligible cost and unusual taxes,
 * the amounts (as stored at submission; computed live while it is a draft), what would refuse it, the
 * possible duplicates (for the team only: they name other businesses' claims), its receipts and every
 * decision with who made it.
 */
export async function claimView(
  ctx: Ctx,
  db: Executor,
  loaded: LoadedClaim,
  /** The assessment the caller just made of the claim as it stands (submission), not made again. */
  assessed?: ClaimAssessment,
) {
  const { claim, agreement } = loaded;
  const invoices = await invoicesOf(db, claim.id);
  const editable = EDITABLE_CLAIM_STATUSES.includes(claim.status);
  const today = formatDate(editable || !claim.submittedAt ? ctx.now() : claim.submittedAt);
  const assessment = assessed ?? (await assessClaim(db, claim, agreement, invoices, today));
  const reviews = await reviewsOf(db, claim.id);
  const stored = !editable && claim.claimableCents !== null;
  const claimableCents = stored ? claim.claimableCents! : assessment.claimableCents;
  const forTeam = ctx.actor.kind === 'user' && ctx.actor.role !== 'retailer';
  return {
    id: claim.id,
    agreementId: claim.agreementId,
    applicationId: claim.applicationId,
    programId: loaded.programId,
    businessName: loaded.businessName,
    number: claim.number,
    status: claim.status,
    editable,
    version: claim.version,
    round: claim.round,
    submittedAt: claim.submittedAt,
    reviewStep: claim.reviewStep,
    canReview:
      claim.reviewStep !== null &&
      isAllowed(
        ctx.actor,
        claim.reviewStep === 'content' ? 'claim.review_content' : 'claim.review_finance',
        loaded,
      ),
    requiredSteps: requiredSteps(assessment.financeApprovers),
    eligibleCents: stored ? (claim.eligibleCents ?? 0) : assessment.eligibleCents,
    claimableCents,
    agreementGrantCents: agreement.grantCents ?? 0,
    claimedBeforeCents: assessment.claimedBeforeCents,
    arithmetic: grantArithmetic(assessment.grantSteps, (key, values) => ctx.t(key, values ?? {}), ctx.locale),
    budgetLines: assessment.terms.lineRows.map((l) => ({
      id: l.id,
      category: l.category,
      description: l.description,
      amountCents: l.amountCents,
    })),
    invoices: invoices.map((row, index) => ({
      id: row.id,
      ...assessment.lines[index]!,
      eligibleCents: assessment.invoices[index]!.eligibleCents,
      unusualTaxes: assessment.invoices[index]!.unusualTaxes,
    })),
    refusals: editable
      ? assessment.refusals.map((r) => ({ field: r.field ?? null, message: refusalText(ctx, r) }))
      : [],
    duplicates: forTeam
      ? assessment.duplicates.map((d) =>
          d.kind === 'invoice'
            ? { kind: d.kind, invoiceIndex: d.lineIndex, claimId: d.claimId, sha256: null }
            : { kind: d.kind, invoiceIndex: null, claimId: d.claimId, sha256: d.sha256 },
        )
      : [],
    corrections: claim.corrections ?? [],
    attachments: assessment.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      invoiceId: a.invoiceId,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      downloadPath: attachmentPath(claim.id, a.id),
      createdAt: a.createdAt,
    })),
    reviews: reviews.map((r) => ({ ...r, fields: r.fields ?? [] })),
  };
}

export type ClaimView = Awaited<ReturnType<typeof claimView>>;
