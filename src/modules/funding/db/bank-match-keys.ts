import { eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { bankAccountMatchKey, openBankAccount } from './bank-details-cipher.ts';
import { bankAccounts } from './tables.ts';

/**
 * Gives the bank accounts entered before abuse signals their matching key (decision 41), opening each
 * once; the signals' first run calls it. Later changes set the key as they are saved.
 */
export async function fillBankMatchKeys(tx: Executor, ctx: Ctx): Promise<number> {
  const rows = await tx
    .select({ applicationId: bankAccounts.applicationId, encrypted: bankAccounts.encrypted })
    .from(bankAccounts)
    .where(isNull(bankAccounts.matchKey));
  for (const row of rows) {
    const account = openBankAccount(ctx, row.applicationId, row.encrypted);
    await tx
      .update(bankAccounts)
      .set({ matchKey: bankAccountMatchKey(ctx, account) })
      .where(eq(bankAccounts.applicationId, row.applicationId));
  }
  return rows.length;
}
