import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatDate, formatMoney } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { getProgram } from '../../programs/index.ts';
import { blockedNeqs } from '../../registry/index.ts';
import { linesOf, lockAgreement } from '../db/agreements.ts';
import { agreements } from '../db/tables.ts';
import { programOpenForOffers } from '../domain/agreements.ts';
import { grantFor } from './agreement-view.ts';
import { getAgreement } from './get-agreement.ts';
import { assertStatus, loadAgreement } from './load-agreement.ts';
import { notifyRetailer } from './notify-retailer.ts';
import { rulesInForce } from './prepare-agreement.ts';
import { assertVersion } from './update-agreement.ts';

export const offerAgreementInput = z.strictObject({
  /** Last day (Montréal) the retailer may accept. */
  acceptBy: z.iso.date({ error: 'funding:errors.date' }),
  version: z.number().int().min(1).optional(),
  /**
   * Why the agreement is offered to a business the registry shows struck off or bankrupt (issue 13):
   * the recorded override, audited; without it, such an offer is refused.
   */
  registryOverride: z.string().trim().min(1).max(2000).optional(),
});

/**
 * The coordinator offers a draft: the grant and the rules version are frozen (a later change of the
 * rules never moves it), the acceptance deadline set, and the retailer told by e-mail in their
 * language. A closed program makes no offer, and an offer of nothing is not made.
 */
export async function offerAgreement(ctx: Ctx, id: string, input: unknown) {
  const { file } = await loadAgreement(ctx, id, 'agreement.prepare');
  const data = parseInput(offerAgreementInput, input, 'funding');
  if (data.acceptBy < formatDate(ctx.now()))
    throw fieldError('acceptBy', 'funding:agreements.errors.accept_by_past');
  const program = await getProgram(ctx, file.programId);
  if (!programOpenForOffers(program, ctx.now()))
    throw new AppError('conflict', { key: 'funding:agreements.errors.program_closed' });
  // The registry is read again before the grant is offered: no agreement with a struck-off or
  // bankrupt business without a reason.
  const blocked = file.neq ? (await blockedNeqs(ctx.db, [file.neq])).has(file.neq) : false;
  if (blocked && !data.registryOverride)
    throw new AppError('conflict', {
      key: 'funding:agreements.errors.registry_blocks',
      fields: [{ path: 'registryOverride', key: 'funding:agreements.errors.registry_override' }],
    });
  await transaction(ctx, async (tx) => {
    const agreement = (await lockAgreement(tx, id))!;
    if (data.version !== undefined) assertVersion(agreement, data.version);
    assertStatus(ctx, agreement, ['draft']);
    const rules = await rulesInForce(tx, ctx, agreement.programId);
    const grant = await grantFor(tx, agreement, rules.rules, await linesOf(tx, id));
    if (grant.amountCents <= 0)
      throw new AppError('conflict', { key: 'funding:agreements.errors.nothing_to_grant' });
    await tx
      .update(agreements)
      .set({
        status: 'offered',
        rulesVersionId: rules.id,
        grantCents: grant.amountCents,
        eligibleCents: grant.eligibleCents,
        acceptBy: data.acceptBy,
        offeredAt: ctx.now(),
        offeredBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        version: agreement.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(agreements.id, id));
    await appendAudit(tx, ctx, {
      action: 'agreement.offered',
      entityType: 'application',
      entityId: agreement.applicationId,
      changes: {
        agreementId: id,
        grantCents: grant.amountCents,
        rulesVersion: rules.version,
        acceptBy: data.acceptBy,
        ...(blocked ? { registryOverride: data.registryOverride } : {}),
      },
    });
    await notifyRetailer(tx, ctx, file, 'funding:agreements.mail.offered', (locale) => ({
      program: locale === 'fr' ? program.nameFr : program.nameEn,
      grant: formatMoney(grant.amountCents, locale, true),
      acceptBy: data.acceptBy,
    }));
  });
  return getAgreement(ctx, id);
}
