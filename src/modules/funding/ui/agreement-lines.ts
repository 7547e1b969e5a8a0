import type { Locale } from '../../../kernel/locale.ts';
import { dollarsForInput, readDollars } from '../../../platform/ui/form-numbers.ts';

/**
 * An agreement's budget lines as a form holds them: one row per line (`lines.<n>.<field>`), their
 * count in `lineCount`, each row's id hidden. Rows are added and removed by submit buttons (`intent`
 * `add_line`, `remove_line:<n>`), so the form works without JavaScript.
 */
export type LineRow = {
  id: string;
  category: string;
  description: string;
  amount: string;
  plannedSupplier: string;
  quotation: string;
};

const FIELDS = ['id', 'category', 'description', 'amount', 'plannedSupplier', 'quotation'] as const;
const MAX_ROWS = 30;

export const blankLine = (): LineRow => ({
  id: '',
  category: '',
  description: '',
  amount: '',
  plannedSupplier: '',
  quotation: '',
});

/** An agreement's saved lines as rows to edit, amounts typed back in the reader's language. */
export function rowsOfLines(
  lines: readonly {
    id: string;
    category: string;
    description: string;
    amountCents: number;
    plannedSupplier: string | null;
    quotation: string | null;
  }[],
  locale: Locale,
): LineRow[] {
  return lines.map((l) => ({
    id: l.id,
    category: l.category,
    description: l.description,
    amount: dollarsForInput(l.amountCents, locale),
    plannedSupplier: l.plannedSupplier ?? '',
    quotation: l.quotation ?? '',
  }));
}

/** The rows as submitted (or as sent back with a failed form's values). */
export function rowsOfForm(form: Record<string, string>): LineRow[] {
  const count = Math.min(MAX_ROWS, Math.max(0, Number.parseInt(form.lineCount ?? '0', 10) || 0));
  return Array.from(
    { length: count },
    (_, i) => Object.fromEntries(FIELDS.map((f) => [f, form[`lines.${i}.${f}`] ?? ''])) as LineRow,
  );
}

/** The rows after an add or remove button, or undefined when the form was sent to be saved. */
export function rowsAfterEdit(form: Record<string, string>): LineRow[] | undefined {
  const rows = rowsOfForm(form);
  if (form.intent === 'add_line') return rows.length < MAX_ROWS ? [...rows, blankLine()] : rows;
  const removed = /^remove_line:(\d+)$/.exec(form.intent ?? '');
  if (removed) return rows.filter((_, i) => i !== Number(removed[1]));
  return undefined;
}

const isBlank = (row: LineRow) =>
  !row.category && !row.description.trim() && !row.amount.trim() && !row.plannedSupplier.trim();

/**
 * The lines for the use case (rows left blank are skipped), and the input name of each field the use
 * case may name in an error (`lines.2.amountCents` is the amount of the third row kept).
 */
export function linesOfRows(rows: readonly LineRow[]) {
  const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
  const names: Record<string, string> = { lines: 'lines.0.category' };
  kept.forEach(({ index }, i) => {
    for (const f of ['category', 'description', 'plannedSupplier', 'quotation'])
      names[`lines.${i}.${f}`] = `lines.${index}.${f}`;
    names[`lines.${i}.amountCents`] = `lines.${index}.amount`;
    names[`lines.${i}`] = `lines.${index}.category`;
  });
  const lines = kept.map(({ row }) => ({
    id: row.id || null,
    category: row.category,
    description: row.description,
    amountCents: readDollars(row.amount),
    plannedSupplier: row.plannedSupplier.trim() || null,
    quotation: row.quotation.trim() || null,
  }));
  return { lines, names };
}

/** The terms a coordinator enters (lines, other public aid, tax registration), for prepare and edit, with the error names. */
export function termsOfForm(form: Record<string, string>) {
  const { lines, names } = linesOfRows(rowsOfForm(form));
  return {
    terms: {
      lines,
      otherPublicAidCents: readDollars(form.otherPublicAid) ?? 0,
      gstRegistered: form.gstRegistered === 'yes',
      qstRegistered: form.qstRegistered === 'yes',
    },
    names: { ...names, otherPublicAidCents: 'otherPublicAid' },
  };
}

/**
 * What a lines form shows after an action: the rows as typed when it failed or a row was added or
 * removed (with the other values), else `saved`.
 */
export function rowsToShow(
  result:
    | { values: Record<string, string> }
    | { rows: LineRow[]; values: Record<string, string> }
    | undefined,
  saved: { rows: LineRow[]; values: Record<string, string> },
): { rows: LineRow[]; values: Record<string, string> } {
  if (!result || result.values.lineCount === undefined) return saved;
  return { rows: 'rows' in result ? result.rows : rowsOfForm(result.values), values: result.values };
}
