import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatDate } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { getProgram } from '../../programs/index.ts';
import { type AgreementRow, lockAgreement } from '../db/agreements.ts';
import { agreements } from '../db/tables.ts';
import { ATTESTATION_VERSION, programOpenForOffers } from '../domain/agreements.ts';
import { commitFunds } from './commit-funds.ts';
import { getAgreement } from './get-agreement.ts';
import { assertStatus, loadAgreement } from './load-agreement.ts';
import { endOffers } from './settle-offers.ts';

export const acceptAgreementInput = z.strictObject({
  attestation: z.literal(true, { error: 'funding:agreements.errors.attestation' }),
  /** The signatory's name as they type it: the click-through signature. */
  name: z.string().trim().min(2).max(200),
});

/** The commitment's source in the ledger: one agreement holds one commitment, replaced by amendments. */
export const agreementSource = (id: string) => `agreement:${id}`;

/**
 * The retailer accepts the offer: attestation, typed name, time and client address recorded. In one
 * transaction the agreement becomes accepted and its grant is committed through the ledger's hard
 * rule; when the envelope or the cap cannot cover it, the 409 names the envelope and what is left and
 * the offer stays as it was. An offer past its deadline, or of a closed program, ends instead.
 */
export async function acceptAgreement(ctx: Ctx, id: string, input: unknown) {
  const { agreement } = await loadAgreement(ctx, id, 'agreement.respond');
  const data = parseInput(acceptAgreementInput, input, 'funding');
  assertStatus(ctx, agreement, ['offered']);
  await refuseEndedOffer(ctx, agreement);
  await transaction(ctx, async (tx) => {
    const locked = (await lockAgreement(tx, id))!;
    assertStatus(ctx, locked, ['offered']);
    await tx
      .update(agreements)
      .set({
        status: 'accepted',
        acceptedAt: ctx.now(),
        acceptedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        acceptedName: data.name,
        acceptedAttestation: ATTESTATION_VERSION,
        acceptedAddress: ctx.ip ?? null,
        version: locked.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(agreements.id, id));
    await commitFunds(tx, ctx, {
      envelopeId: locked.envelopeId,
      fiscalYear: locked.fiscalYear,
      applicationId: locked.applicationId,
      amountCents: locked.grantCents ?? 0,
      reason: ctx.t('funding:agreements.ledger_accepted'),
      source: agreementSource(id),
      cause: 'agreement',
    });
    await appendAudit(tx, ctx, {
      action: 'agreement.accepted',
      entityType: 'application',
      entityId: locked.applicationId,
      changes: {
        agreementId: id,
        grantCents: locked.grantCents,
        name: data.name,
        attestation: ATTESTATION_VERSION,
        address: ctx.ip ?? null,
      },
    });
  });
  return getAgreement(ctx, id);
}

/**
 * An offer nobody may accept any more ends now (committed on its own, so the refusal that follows
 * does not undo it) and the answer says why: a closed program never accepts an offer.
 */
async function refuseEndedOffer(ctx: Ctx, agreement: AgreementRow) {
  const program = await getProgram(ctx, agreement.programId);
  const ending = !programOpenForOffers(program, ctx.now())
    ? ({ to: 'withdrawn', key: 'program_closed', reason: 'program_closed_reason' } as const)
    : agreement.acceptBy !== null && formatDate(ctx.now()) > agreement.acceptBy
      ? ({ to: 'expired', key: 'offer_expired', reason: 'expired_reason' } as const)
      : null;
  if (!ending) return;
  await transaction(ctx, (tx) =>
    endOffers(tx, ctx, [agreement.id], {
      to: ending.to,
      reason: ctx.t(`funding:agreements.${ending.reason}`),
    }),
  );
  throw new AppError('conflict', {
    key: `funding:agreements.errors.${ending.key}`,
    params: { date: agreement.acceptBy ?? '' },
  });
}
