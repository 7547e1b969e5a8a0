import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { montrealWallClock } from '../../../kernel/format.ts';
import { LOCALES, type Locale } from '../../../kernel/locale.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Translate, translatorFor } from '../../../platform/i18n/i18n.ts';
import { parseInput } from '../../../platform/validation.ts';
import { openBankAccount } from '../db/bank-details-cipher.ts';
import { type BatchClaim, claimsOfBatch } from '../db/payments.ts';
import { paymentBatches } from '../db/tables.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../domain/payment-batch.ts';
import { batchCsv } from '../payments/batch-csv.ts';
import { batchXlsx } from '../payments/batch-xlsx.ts';
import { type CreditTransfer, pain001Xml } from '../payments/pain001.ts';
import { batchToManage } from './get-payment-batch.ts';

export const exportInput = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: 'funding:payments.errors.format' }),
});

const FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  'pain.001': { contentType: 'application/xml', extension: 'xml' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
};
export const EXPORT_CONTENT_TYPES = Object.values(FILES).map((f) => f.contentType);

/**
 * One payment per claim, to the account holder's decrypted account; the remittance in the retailer's
 * language. Details changed since the batch was built are no longer verified: the file is refused
 * (409 naming the businesses) until finance verifies them again or takes the claim out.
 */
function transfersOf(ctx: Ctx, claims: readonly BatchClaim[]): CreditTransfer[] {
  const unverified = claims.filter((c) => !c.encrypted || !c.verified);
  if (unverified.length > 0)
    throw new AppError('conflict', {
      key: 'funding:payments.errors.unverified_in_batch',
      params: { businesses: unverified.map((c) => c.legalName ?? c.tradeName ?? c.applicationId).join(', ') },
      extra: { applicationIds: unverified.map((c) => c.applicationId) },
    });
  // One translator per language, not one per payment.
  const translators = Object.fromEntries(
    LOCALES.map((locale) => [locale, translatorFor(ctx.services.i18n, locale)]),
  ) as Record<Locale, Translate>;
  return claims.map((c) => {
    const t = translators[c.retailerLocale ?? 'fr'];
    return {
      endToEndId: c.claimId.replaceAll('-', ''),
      creditorName: c.holderName!,
      account: openBankAccount(ctx, c.applicationId, c.encrypted!),
      amountCents: c.amountCents,
      remittance: t('funding:payments.remittance', { number: c.number }),
    };
  });
}

/**
 * The batch's files: pain.001 for the bank (the only place the account numbers appear), CSV and XLSX
 * for accounting (accounts masked). An approved batch's first export moves it to `exported`; the file's
 * time and execution day are those of that first export and its message id is the batch's, so every
 * later export is the same file, which a bank refuses to take twice. Every export is audited.
 */
export async function exportPaymentBatch(ctx: Ctx, id: string, input: unknown) {
  const batch = await batchToManage(ctx, id);
  const { format } = parseInput(exportInput, input, 'funding');
  if (batch.status !== 'approved' && batch.status !== 'exported' && batch.status !== 'paid')
    throw new AppError('conflict', { key: 'funding:payments.errors.not_approved' });
  const debtor = ctx.services.config.paymentDebtor;
  if (format === 'pain.001' && !debtor)
    throw new AppError('conflict', { key: 'funding:payments.errors.no_debtor' });
  const claims = await claimsOfBatch(ctx.db, id);
  const payments = transfersOf(ctx, claims);
  const exportedAt = await transaction(ctx, async (tx) => {
    const [locked] = await tx.select().from(paymentBatches).where(eq(paymentBatches.id, id)).for('update');
    const first = locked!.exportedAt === null;
    const at = locked!.exportedAt ?? ctx.now();
    if (first)
      await tx
        .update(paymentBatches)
        .set({
          status: locked!.status === 'approved' ? 'exported' : locked!.status,
          exportedAt: at,
          updatedAt: at,
        })
        .where(eq(paymentBatches.id, id));
    await appendAudit(tx, ctx, {
      action: 'payment_batch.exported',
      entityType: 'payment_batch',
      entityId: id,
      changes: { format, first, payments: claims.length, totalCents: batch.totalCents },
    });
    return at;
  });
  const common = {
    messageId: id.replaceAll('-', ''),
    executionDate: montrealWallClock(exportedAt).date,
    payments,
  };
  const body =
    format === 'pain.001'
      ? pain001Xml({ ...common, createdAt: exportedAt, debtor: { name: debtor!.name, account: debtor! } })
      : format === 'csv'
        ? batchCsv(common)
        : new Uint8Array(await batchXlsx(common));
  return {
    body,
    contentType: FILES[format].contentType,
    filename: `payment-batch-${common.executionDate}-${id.slice(0, 8)}.${FILES[format].extension}`,
  };
}
