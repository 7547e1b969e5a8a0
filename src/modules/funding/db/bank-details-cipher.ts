import { createSecretKey, type KeyObject } from 'node:crypto';
import { decrypt, encrypt } from '../../../platform/auth/crypto.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { BankAccount } from '../domain/bank-account.ts';

// The numbers are sealed with the key from the environment (BANK_DETAILS_KEY), bound to their file:
// a copy of the database, or a sealed value moved onto another business, opens nothing.
const context = (applicationId: string) => `bank-account:${applicationId}`;

// The key imported once per configuration: a batch opens thousands of accounts.
const keyObjects = new WeakMap<Buffer, KeyObject>();
function bankDetailsKey(ctx: Ctx): KeyObject {
  const raw = ctx.services.config.bankDetailsKey;
  let key = keyObjects.get(raw);
  if (!key) {
    key = createSecretKey(raw);
    keyObjects.set(raw, key);
  }
  return key;
}

export function sealBankAccount(ctx: Ctx, applicationId: string, account: BankAccount): string {
  const { institution, transit, account: number } = account;
  return encrypt(
    JSON.stringify({ institution, transit, account: number }),
    bankDetailsKey(ctx),
    context(applicationId),
  );
}

/** The numbers as sealed: GCM's tag proves they are what `sealBankAccount` wrote (checked then), so they are not parsed again. */
export function openBankAccount(ctx: Ctx, applicationId: string, sealed: string): BankAccount {
  return JSON.parse(decrypt(sealed, bankDetailsKey(ctx), context(applicationId))) as BankAccount;
}
