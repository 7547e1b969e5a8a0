import { decrypt, encrypt } from '../../../platform/auth/crypto.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { BankAccount } from '../domain/bank-account.ts';

// The numbers are sealed with the key from the environment (BANK_DETAILS_KEY), bound to their file:
// a copy of the database, or a sealed value moved onto another business, opens nothing.
const context = (applicationId: string) => `bank-account:${applicationId}`;

export function sealBankAccount(ctx: Ctx, applicationId: string, account: BankAccount): string {
  const { institution, transit, account: number } = account;
  return encrypt(
    JSON.stringify({ institution, transit, account: number }),
    ctx.services.config.bankDetailsKey,
    context(applicationId),
  );
}

/** The numbers as sealed: GCM's tag proves they are what `sealBankAccount` wrote (checked then), so they are not parsed again. */
export function openBankAccount(ctx: Ctx, applicationId: string, sealed: string): BankAccount {
  return JSON.parse(
    decrypt(sealed, ctx.services.config.bankDetailsKey, context(applicationId)),
  ) as BankAccount;
}
