import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
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

// The matching key has its own key, derived from BANK_DETAILS_KEY: it cannot open a sealed value.
const matchKeys = new WeakMap<Buffer, Buffer>();

/**
 * A keyed hash of the numbers (HMAC-SHA-256), the same for the same account on any business: what the
 * abuse signals match on, without the numbers ever leaving the sealed column (decision 41).
 */
export function bankAccountMatchKey(ctx: Ctx, account: BankAccount): string {
  const raw = ctx.services.config.bankDetailsKey;
  let key = matchKeys.get(raw);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'virage bank account match', 32));
    matchKeys.set(raw, key);
  }
  const digits = (value: string) => value.replace(/\D/g, '');
  return createHmac('sha256', key)
    .update(`${digits(account.institution)}|${digits(account.transit)}|${digits(account.account)}`)
    .digest('base64url');
}
