import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { agreementLinesOf, type ClaimRow, findClaim, lockClaim } from '../db/claims.ts';
import { claims } from '../db/tables.ts';
import { EDITABLE_CLAIM_STATUSES } from '../domain/claim-status.ts';
import { invoicesField, saveInvoices } from './claim-fields.ts';
import { claimView } from './claim-view.ts';
import { loadClaim } from './load-claim.ts';

export const updateClaimInput = z.strictObject({
  /** The version the form was read at: a stale one answers 409, so a second tab never overwrites the first. */
  version: z.number().int().min(1),
  invoices: invoicesField,
});

/** The claim locked for a change by its retailer: still with them (draft or corrections asked), and not changed since `version`. */
export async function lockEditableClaim(tx: Tx, id: string, version?: number): Promise<ClaimRow> {
  const claim = (await lockClaim(tx, id))!;
  if (!EDITABLE_CLAIM_STATUSES.includes(claim.status))
    throw new AppError('conflict', {
      key: 'funding:claims.errors.not_editable',
      params: { status: claim.status },
    });
  if (version !== undefined && version !== claim.version)
    throw new AppError('conflict', { key: 'funding:claims.errors.stale' });
  return claim;
}

/** The retailer saves the claim's invoices (a draft, or the corrections asked for). */
export async function updateClaim(ctx: Ctx, id: string, input: unknown) {
  const loaded = await loadClaim(ctx, id, 'claim.write');
  const { version, invoices } = parseInput(updateClaimInput, input, 'funding');
  await transaction(ctx, async (tx) => {
    const claim = await lockEditableClaim(tx, id, version);
    const lines = await agreementLinesOf(tx, claim.agreementId);
    await saveInvoices(
      tx,
      id,
      lines.map((l) => l.id),
      invoices,
    );
    await tx
      .update(claims)
      .set({ version: claim.version + 1, updatedAt: ctx.now() })
      .where(eq(claims.id, id));
    await appendAudit(tx, ctx, {
      action: 'claim.updated',
      entityType: 'claim',
      entityId: id,
      changes: { invoices: invoices.length, version: [claim.version, claim.version + 1] },
    });
    await ctx.services.reactions.claimChanged(tx, ctx, id);
  });
  return claimView(ctx, ctx.db, (await findClaim(ctx.db, loaded.claim.id))!);
}
