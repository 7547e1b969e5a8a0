import { toCsv } from '../../../kernel/csv.ts';
import { maskedAccount } from '../domain/bank-account.ts';
import { decimalAmount } from '../domain/money.ts';
import type { CreditTransferBatch } from './pain001.ts';

/**
 * The same batch for the accounting system: one line per payment. Column names are stable English
 * identifiers, not translated, because an import is mapped by them; amounts are `1234.56`; the
 * account is masked, since the bank file is the only place it must appear. `toCsv` neutralises
 * anything a spreadsheet would run as a formula (a retailer's name is theirs to choose).
 */
export const BATCH_CSV_COLUMNS = [
  'message_id',
  'end_to_end_id',
  'execution_date',
  'creditor_name',
  'institution',
  'transit',
  'account',
  'amount',
  'currency',
  'remittance',
];

/** What the accounting files say about a batch; the debtor and the file's time are the bank file's business. */
export type AccountingBatch = Omit<CreditTransferBatch, 'debtor' | 'createdAt'>;

/** One row per payment, in the order of `BATCH_CSV_COLUMNS` (the CSV and the spreadsheet share it). */
export function batchRows(batch: AccountingBatch): string[][] {
  return batch.payments.map((p) => [
    batch.messageId,
    p.endToEndId,
    batch.executionDate,
    p.creditorName,
    p.account.institution,
    p.account.transit,
    maskedAccount(p.account),
    decimalAmount(p.amountCents),
    'CAD',
    p.remittance,
  ]);
}

export function batchCsv(batch: AccountingBatch): string {
  return toCsv(BATCH_CSV_COLUMNS, batchRows(batch));
}
