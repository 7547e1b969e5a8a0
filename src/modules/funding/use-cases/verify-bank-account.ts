import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { bankAccounts } from '../db/tables.ts';
import { fileOf, getBankAccount } from './get-bank-account.ts';

export const verifyBankAccountInput = z.strictObject({
  /** The version finance looked at (`updatedAt` of the details shown). */
  updatedAt: z.iso.datetime({ error: 'funding:payments.errors.updated_at' }).optional(),
});

/**
 * Finance confirms a business's bank details (e.g. against a void cheque): only verified details are
 * paid. `updatedAt` says which version was checked: details changed since the page was read are not
 * verified blindly (409).
 */
export async function verifyBankAccount(ctx: Ctx, applicationId: string, input: unknown = {}) {
  authorize(ctx.actor, 'bank_account.verify');
  const actor = signedInActor(ctx.actor);
  const { updatedAt: seen } = parseInput(verifyBankAccountInput, input ?? {}, 'funding');
  await fileOf(ctx, applicationId);
  await transaction(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(bankAccounts)
      .where(eq(bankAccounts.applicationId, applicationId))
      .for('update');
    if (!row) throw new AppError('conflict', { key: 'funding:payments.errors.no_bank_account' });
    if (seen && row.updatedAt.getTime() !== new Date(seen).getTime())
      throw new AppError('conflict', { key: 'funding:payments.errors.bank_account_changed' });
    await tx
      .update(bankAccounts)
      .set({ verifiedBy: actor.id, verifiedAt: ctx.now() })
      .where(eq(bankAccounts.applicationId, applicationId));
    await appendAudit(tx, ctx, {
      action: 'bank_account.verified',
      entityType: 'application',
      entityId: applicationId,
    });
  });
  return getBankAccount(ctx, applicationId);
}
