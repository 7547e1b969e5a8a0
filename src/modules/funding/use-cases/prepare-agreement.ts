import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { fiscalYearOf, parseFiscalYear } from '../../../kernel/fiscal-year.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getPlan } from '../../coaching/index.ts';
import { applicationProfile } from '../../intake/index.ts';
import { lockProgram } from '../../programs/index.ts';
import { type AgreementRow, latestAidRules, replaceLines } from '../db/agreements.ts';
import { envelopeOfKind } from '../db/envelopes.ts';
import { agreements, fundingEnvelopes } from '../db/tables.ts';
import { agreementLinesInput } from '../domain/agreements.ts';
import { DEFAULT_AID_RULES } from '../domain/default-aid-rules.ts';
import { centsSchema } from '../domain/money.ts';
import { grantFor } from './agreement-view.ts';
import { getAgreement } from './get-agreement.ts';
import { addAidRulesVersion } from './set-aid-rules.ts';

/** What the coordinator enters, on a new draft and on each edit of it. */
export const agreementTerms = {
  lines: agreementLinesInput,
  otherPublicAidCents: centsSchema.default(0),
  gstRegistered: z.boolean().default(false),
  qstRegistered: z.boolean().default(false),
};

export const prepareAgreementInput = z.strictObject({
  applicationId: z.uuid(),
  /** The program's grants envelope when absent. */
  envelopeId: z.uuid().optional(),
  /** `2027-2028`; the current fiscal year when absent. */
  fiscalYear: z
    .string()
    .refine((label) => parseFiscalYear(label) !== null, { error: 'funding:errors.fiscal_year' })
    .optional(),
  ...agreementTerms,
});

/** Agreements that still hold or may hold money: one at a time per business. */
const LIVE = ['draft', 'offered', 'accepted', 'amendment_requested'] as const;

/**
 * The coordinator prepares a draft agreement from a business's approved action plan: its budget
 * lines, other public aid declared, GST/QST registration. The grant is computed under the program's
 * rules in force (the defaults are kept as version 1 the first time), shown with its arithmetic.
 */
export async function prepareAgreement(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'agreement.prepare');
  const data = parseInput(prepareAgreementInput, input, 'funding');
  const file = await applicationProfile(ctx.db, data.applicationId);
  if (!file) throw fieldError('applicationId', 'funding:agreements.errors.no_application');
  if (file.status !== 'accepted')
    throw new AppError('conflict', { key: 'funding:agreements.errors.not_accepted' });
  const plan = await getPlan(ctx, file.id);
  if (plan.status !== 'approved')
    throw new AppError('conflict', { key: 'funding:agreements.errors.plan_not_approved' });
  const envelope = data.envelopeId
    ? (
        await ctx.db
          .select()
          .from(fundingEnvelopes)
          .where(
            and(eq(fundingEnvelopes.id, data.envelopeId), eq(fundingEnvelopes.programId, file.programId)),
          )
      )[0]
    : await envelopeOfKind(ctx.db, file.programId, 'grants');
  if (envelope?.kind !== 'grants') {
    if (data.envelopeId) throw fieldError('envelopeId', 'funding:agreements.errors.envelope');
    throw new AppError('conflict', { key: 'funding:agreements.errors.no_envelope' });
  }
  const fiscalYear = data.fiscalYear ? parseFiscalYear(data.fiscalYear)! : fiscalYearOf(ctx.now());
  const id = newId();
  await transaction(ctx, async (tx) => {
    // The program row serialises preparations: two coordinators cannot open two agreements for one business.
    await lockProgram(tx, file.programId);
    const [live] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.applicationId, file.id), inArray(agreements.status, LIVE)));
    if (live)
      throw new AppError('conflict', {
        key: 'funding:agreements.errors.already_exists',
        extra: { agreementId: live.id },
      });
    const rules = await rulesInForce(tx, ctx, file.programId);
    const [agreement] = await tx
      .insert(agreements)
      .values({
        id,
        programId: file.programId,
        applicationId: file.id,
        envelopeId: envelope.id,
        fiscalYear,
        rulesVersionId: rules.id,
        otherPublicAidCents: data.otherPublicAidCents,
        gstRegistered: data.gstRegistered,
        qstRegistered: data.qstRegistered,
        preparedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      })
      .returning();
    const grant = await saveGrant(tx, ctx, agreement!, rules.rules, data.lines);
    await appendAudit(tx, ctx, {
      action: 'agreement.prepared',
      entityType: 'application',
      entityId: file.id,
      changes: { agreementId: id, lines: data.lines.length, grantCents: grant.amountCents },
    });
  });
  return getAgreement(ctx, id);
}

/** The program's rules in force, the defaults kept as version 1 when none were ever set. */
export async function rulesInForce(tx: Tx, ctx: Ctx, programId: string) {
  return (await latestAidRules(tx, programId)) ?? addAidRulesVersion(tx, ctx, programId, DEFAULT_AID_RULES);
}

/** Replaces the lines and keeps the grant they give under `rules` on the agreement. */
export async function saveGrant(
  tx: Tx,
  ctx: Ctx,
  agreement: AgreementRow,
  rules: Parameters<typeof grantFor>[2],
  lines: Parameters<typeof replaceLines>[3],
) {
  const saved = await replaceLines(tx, ctx, agreement.id, lines);
  const grant = await grantFor(tx, agreement, rules, saved);
  await tx
    .update(agreements)
    .set({ grantCents: grant.amountCents, eligibleCents: grant.eligibleCents, updatedAt: ctx.now() })
    .where(eq(agreements.id, agreement.id));
  return grant;
}
