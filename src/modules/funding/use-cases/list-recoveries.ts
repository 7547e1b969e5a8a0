import { z } from 'zod';
import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { acceptedAgreementsOf, recoveriesOf } from '../db/payments.ts';
import { sumCents } from '../domain/money.ts';
import { fileOf } from './get-bank-account.ts';

export const listRecoveriesInput = z.strictObject({
  applicationId: z.uuid({ error: 'funding:payments.errors.application' }),
});

/**
 * A business's recoveries, newest first: what is claimed back, why, what was repaid, what is still
 * due; and its accepted agreements, against which a recovery is made.
 */
export async function listRecoveries(ctx: Ctx, input: unknown) {
  const { applicationId } = parseInput(listRecoveriesInput, input, 'funding');
  const file = await fileOf(ctx, applicationId);
  authorizeVisible(ctx.actor, 'recovery.read', file);
  const [rows, agreements] = await Promise.all([
    recoveriesOf(ctx.db, applicationId),
    acceptedAgreementsOf(ctx.db, applicationId),
  ]);
  return {
    agreements: agreements.map((a) => ({
      id: a.id,
      fiscalYear: fiscalYearLabel(a.fiscalYear),
      grantCents: a.grantCents,
    })),
    items: rows.map((r) => {
      const repaidCents = sumCents(r.repayments.map((p) => p.amountCents));
      return {
        id: r.id,
        applicationId: r.applicationId,
        agreementId: r.agreementId,
        envelopeId: r.envelopeId,
        fiscalYear: fiscalYearLabel(r.fiscalYear),
        amountCents: r.amountCents,
        repaidCents,
        outstandingCents: r.amountCents - repaidCents,
        reason: r.reason,
        createdAt: r.createdAt,
        repayments: r.repayments.map((p) => ({
          id: p.id,
          amountCents: p.amountCents,
          receivedOn: p.receivedOn,
          reference: p.reference,
          createdAt: p.createdAt,
        })),
      };
    }),
  };
}

/**
 * Whom a business repays, in the reader's language: the program's account holder when payment files
 * are configured (`PAYMENT_DEBTOR_NAME`), else the organisation running the program.
 */
export function repaymentPayee(ctx: Ctx, locale: Locale): string {
  return (
    ctx.services.config.paymentDebtor?.name ??
    translatorFor(ctx.services.i18n, locale)('funding:payments.recovery.payee_default')
  );
}
