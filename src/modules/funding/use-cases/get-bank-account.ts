import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import { openBankAccount } from '../db/bank-details-cipher.ts';
import { bankAccountOf } from '../db/payments.ts';
import { maskedAccount } from '../domain/bank-account.ts';

/** A business's file as the bank-details rules see it; 404 when it does not exist. */
export async function fileOf(ctx: Ctx, applicationId: string) {
  if (!UUID_PATTERN.test(applicationId)) throw new AppError('not_found');
  const file = await applicationProfile(ctx.db, applicationId);
  if (!file) throw new AppError('not_found');
  return file;
}

/**
 * A business's bank details, masked (the account's last three digits): for the retailer and finance.
 * The institution and branch transit are shown in full, so finance can check them against a void
 * cheque; the account number leaves the server only in the bank file. Null when none is entered.
 */
export async function getBankAccount(ctx: Ctx, applicationId: string) {
  const file = await fileOf(ctx, applicationId);
  authorizeVisible(ctx.actor, 'bank_account.read', file);
  const row = await bankAccountOf(ctx.db, applicationId);
  if (!row) return { applicationId, businessName: file.legalName ?? '', account: null };
  const opened = openBankAccount(ctx, applicationId, row.encrypted);
  return {
    applicationId,
    businessName: file.legalName ?? '',
    account: {
      holderName: row.holderName,
      institution: opened.institution,
      transit: opened.transit,
      accountMasked: maskedAccount(opened),
      verified: row.verifiedAt !== null,
      verifiedAt: row.verifiedAt,
      updatedAt: row.updatedAt,
    },
  };
}
