import { z } from 'zod';
import { formatDateTime } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { confirmPassword, contactOf } from '../../identity/index.ts';
import { bankAccountMatchKey, sealBankAccount } from '../db/bank-details-cipher.ts';
import { bankAccounts } from '../db/tables.ts';
import { bankAccountSchema, maskedAccount } from '../domain/bank-account.ts';
import { fileOf, getBankAccount } from './get-bank-account.ts';

export const bankAccountInput = z.strictObject({
  ...bankAccountSchema.shape,
  holderName: z
    .string({ error: 'funding:payments.errors.holder_name' })
    .trim()
    .min(1, { error: 'funding:payments.errors.holder_name' })
    .max(140, { error: 'funding:payments.errors.holder_name' }),
  /** The retailer's password again: a change of where the money goes needs a fresh proof of who asks. */
  password: z.string({ error: 'funding:payments.errors.password' }).min(1, {
    error: 'funding:payments.errors.password',
  }),
});

/**
 * The retailer enters or changes its bank details, giving its password again. The numbers are
 * encrypted; a change clears finance's verification (no payment until checked again) and the account
 * holder is told by e-mail, in their language, so a change they did not make does not go unnoticed.
 */
export async function setBankAccount(ctx: Ctx, applicationId: string, input: unknown) {
  const file = await fileOf(ctx, applicationId);
  authorizeVisible(ctx.actor, 'bank_account.update', file);
  const actor = signedInActor(ctx.actor);
  const { holderName, password, ...account } = parseInput(bankAccountInput, input, 'funding');
  await confirmPassword(ctx, password);
  const now = ctx.now();
  await transaction(ctx, async (tx) => {
    const sealed = sealBankAccount(ctx, applicationId, account);
    const values = {
      holderName,
      encrypted: sealed,
      accountLastDigits: account.account.slice(-3),
      matchKey: bankAccountMatchKey(ctx, account),
      verifiedBy: null,
      verifiedAt: null,
      updatedBy: actor.id,
      updatedAt: now,
    };
    await tx
      .insert(bankAccounts)
      .values({ applicationId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: bankAccounts.applicationId, set: values });
    await appendAudit(tx, ctx, {
      action: 'bank_account.changed',
      entityType: 'application',
      entityId: applicationId,
      changes: { holderName, account: maskedAccount(account) },
    });
    const holder = file.applicantId ? await contactOf(tx, file.applicantId) : undefined;
    if (holder)
      await queueMail(tx, ctx, {
        to: holder.email,
        locale: holder.locale,
        template: 'funding:payments.mail.bank_account_changed',
        params: {
          name: holder.name,
          business: file.legalName ?? '',
          account: maskedAccount(account),
          at: formatDateTime(now, holder.locale),
        },
        actionUrl: `${ctx.services.config.publicUrl}/my-aid/bank-account?application=${applicationId}`,
      });
    await ctx.services.reactions.applicationChanged(tx, ctx, applicationId);
  });
  return getBankAccount(ctx, applicationId);
}
