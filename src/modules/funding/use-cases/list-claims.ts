import { and, eq, gt, inArray, ne, notExists, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applications } from '../../intake/db/tables.ts';
import { agreements, claimReviews, claims } from '../db/tables.ts';
import { CLAIM_STATUSES, EDITABLE_CLAIM_STATUSES } from '../domain/claim-status.ts';
import { REVIEW_STEPS } from '../domain/separation-of-duties.ts';

const uuid = z.uuid();

export const listClaimsInput = z.strictObject({
  status: z.enum(CLAIM_STATUSES).optional(),
  programId: uuid.optional(),
  applicationId: uuid.optional(),
  agreementId: uuid.optional(),
  /** The review step due. */
  reviewStep: z.enum(REVIEW_STEPS).optional(),
  /** Only what waits for the caller: a step they may review (the team, finance), or a claim to finish (the retailer). */
  mine: z.enum(['true', 'false']).optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

const FINANCE_STEPS = REVIEW_STEPS.filter((s) => s !== 'content');

/**
 * Claims, oldest first, one page at a time: the retailer sees its own, an expert those of the businesses
 * it coaches, the team and finance every submitted claim (a draft is the retailer's own business).
 */
export async function listClaims(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'claim.list');
  const me = signedInActor(ctx.actor);
  const query = parseInput(listClaimsInput, input);
  const where: (SQL | undefined)[] = [];
  if (me.role === 'retailer') where.push(eq(applications.applicantId, me.id));
  else where.push(ne(claims.status, 'draft'));
  if (me.role === 'expert') where.push(eq(applications.assignedExpertUserId, me.id));
  if (query.status) where.push(eq(claims.status, query.status));
  if (query.programId) where.push(eq(agreements.programId, query.programId));
  if (query.applicationId) where.push(eq(claims.applicationId, query.applicationId));
  if (query.agreementId) where.push(eq(claims.agreementId, query.agreementId));
  if (query.reviewStep) where.push(eq(claims.reviewStep, query.reviewStep));
  if (query.mine === 'true') {
    if (me.role === 'retailer') where.push(inArray(claims.status, [...EDITABLE_CLAIM_STATUSES]));
    else {
      where.push(
        me.role === 'finance' ? inArray(claims.reviewStep, FINANCE_STEPS) : eq(claims.reviewStep, 'content'),
        // Not their own work, and no step of it approved by them already (separation of duties).
        ne(claims.createdBy, me.id),
        sql`${agreements.preparedBy} is distinct from ${me.id}`,
        sql`${agreements.offeredBy} is distinct from ${me.id}`,
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(claimReviews)
            .where(
              and(
                eq(claimReviews.claimId, claims.id),
                eq(claimReviews.reviewerId, me.id),
                eq(claimReviews.decision, 'approved'),
              ),
            ),
        ),
      );
    }
  }
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (after) {
    const [at, id] = after as [string, string];
    where.push(
      or(gt(claims.createdAt, new Date(at)), and(eq(claims.createdAt, new Date(at)), gt(claims.id, id))),
    );
  }
  const rows = await ctx.db
    .select({
      id: claims.id,
      agreementId: claims.agreementId,
      applicationId: claims.applicationId,
      programId: agreements.programId,
      businessName: applications.legalName,
      number: claims.number,
      status: claims.status,
      reviewStep: claims.reviewStep,
      eligibleCents: claims.eligibleCents,
      claimableCents: claims.claimableCents,
      submittedAt: claims.submittedAt,
      createdAt: claims.createdAt,
    })
    .from(claims)
    .innerJoin(agreements, eq(agreements.id, claims.agreementId))
    .innerJoin(applications, eq(applications.id, claims.applicationId))
    .where(and(...where))
    .orderBy(claims.createdAt, claims.id)
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
