import { z } from 'zod';
import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { agreementsMatching } from '../db/agreements.ts';
import { AGREEMENT_STATUSES } from '../domain/agreement-status.ts';

export const listAgreementsInput = z.strictObject({
  applicationId: z.uuid().optional(),
  programId: z.uuid().optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
});

/** Agreements, newest first, by business, program and status; a retailer sees only their own. */
export async function listAgreements(ctx: Ctx, query: unknown) {
  authorize(ctx.actor, 'agreement.list');
  const filter = parseInput(listAgreementsInput, query, 'funding');
  const rows = await agreementsMatching(ctx.db, {
    ...filter,
    applicantId: ctx.actor.kind === 'user' && ctx.actor.role === 'retailer' ? ctx.actor.id : undefined,
  });
  return rows.map((r) => ({ ...r, fiscalYear: fiscalYearLabel(r.fiscalYear) }));
}
