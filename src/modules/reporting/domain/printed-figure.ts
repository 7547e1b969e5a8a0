import { formatMoney, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { SuppressionReason } from './disclosure.ts';
import type { Unit } from './indicators.ts';

/** What a suppressed figure prints as, everywhere: its reason goes in the notes. */
export const SUPPRESSED = 'x';

/** A figure as printed on a page or in a PDF: « x » when suppressed, fr-CA formats, money from cents. */
export function printedFigure(
  cell: { shown: true; value: number } | { shown: false; reason: SuppressionReason },
  unit: Unit,
  locale: Locale,
): string {
  if (!cell.shown) return SUPPRESSED;
  if (unit === 'cad') return formatMoney(cell.value, locale, true);
  if (unit === 'percent') return `${formatNumber(cell.value, locale)} %`;
  return formatNumber(cell.value, locale);
}
