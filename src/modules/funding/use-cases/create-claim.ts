import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { agreementLinesOf, findAgreement, findClaim } from '../db/claims.ts';
import { agreements, claims } from '../db/tables.ts';
import { COMMITTING_STATUSES } from '../domain/agreement-status.ts';
import { invoicesField, saveInvoices } from './claim-fields.ts';
import { claimView } from './claim-view.ts';

export const createClaimInput = z.strictObject({ agreementId: z.uuid(), invoices: invoicesField.optional() });

/**
 * The retailer starts a claim against its accepted agreement: a draft numbered 1, 2, … within the
 * agreement (numbered under the agreement's lock, so two drafts never get one number), with the
 * invoices given so far.
 */
export async function createClaim(ctx: Ctx, input: unknown) {
  const { agreementId, invoices = [] } = parseInput(createClaimInput, input, 'funding');
  const found = await findAgreement(ctx.db, agreementId);
  if (!found) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'claim.read', found);
  authorize(ctx.actor, 'claim.write', found);
  const id = newId();
  await transaction(ctx, async (tx) => {
    const [agreement] = await tx
      .select()
      .from(agreements)
      .where(eq(agreements.id, agreementId))
      .for('update');
    if (!COMMITTING_STATUSES.includes(agreement!.status))
      throw new AppError('conflict', { key: 'funding:claims.errors.agreement_not_accepted' });
    const [last] = await tx
      .select({ number: max(claims.number) })
      .from(claims)
      .where(eq(claims.agreementId, agreementId));
    const number = (last?.number ?? 0) + 1;
    const now = ctx.now();
    await tx.insert(claims).values({
      id,
      agreementId,
      applicationId: agreement!.applicationId,
      number,
      createdBy: signedInActor(ctx.actor).id,
      createdAt: now,
      updatedAt: now,
    });
    const lines = await agreementLinesOf(tx, agreementId);
    await saveInvoices(
      tx,
      id,
      lines.map((l) => l.id),
      invoices,
    );
    await appendAudit(tx, ctx, {
      action: 'claim.created',
      entityType: 'claim',
      entityId: id,
      changes: { agreementId, number, invoices: invoices.length },
    });
  });
  return claimView(ctx, ctx.db, (await findClaim(ctx.db, id))!);
}
