import { z } from 'zod';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { cursorField, decodeCursor, limitField, toPage } from '../../../platform/pagination.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { claimRows } from '../db/claims.ts';
import { CLAIM_STATUSES } from '../domain/claim-status.ts';
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

/**
 * Claims, oldest first, one page at a time: the retailer sees its own, an expert those of the businesses
 * it coaches, the team and finance every submitted claim (a draft is the retailer's own business).
 */
export async function listClaims(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'claim.list');
  const me = signedInActor(ctx.actor);
  const query = parseInput(listClaimsInput, input, 'funding');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await claimRows(ctx.db, me, query, after as [string, string] | undefined);
  return toPage(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
}
