import writeXlsxFile from 'write-excel-file/node';
import { type AccountingBatch, BATCH_CSV_COLUMNS, batchRows } from './batch-csv.ts';

/**
 * The batch's CSV as a spreadsheet, for finance staff who open it rather than import it. Every cell
 * is written as text (the amount as a number), never as a formula, so a retailer's name that starts
 * with `=` stays a name.
 */
export async function batchXlsx(batch: AccountingBatch): Promise<Buffer> {
  const amount = BATCH_CSV_COLUMNS.indexOf('amount');
  const header = BATCH_CSV_COLUMNS.map((name) => ({ value: name, fontWeight: 'bold' as const }));
  const rows = batchRows(batch).map((row) =>
    row.map((value, i) =>
      i === amount ? { type: Number, value: Number(value), format: '0.00' } : { type: String, value },
    ),
  );
  return writeXlsxFile([header, ...rows], { sheet: 'payments' }).toBuffer();
}
