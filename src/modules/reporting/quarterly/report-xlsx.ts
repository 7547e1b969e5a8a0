import type { Locale } from '../../../kernel/locale.ts';
import { type SheetValue, writeWorkbook } from '../../../platform/exports/xlsx.ts';
import { SUPPRESSED } from '../domain/printed-figure.ts';
import type { Figure, ReportContent } from './report-content.ts';

const text = (value: string, bold = false): SheetValue => ({ type: 'text', value, bold });
const headings = (values: string[]) => values.map((v) => text(v, true));
const number = (value: number): SheetValue => ({ type: 'number', value });

/** A figure as a typed cell: money in dollars with a currency format, a number, or the text « x ». */
function figure(f: Figure): SheetValue {
  if (!f.cell.shown) return text(SUPPRESSED);
  return f.unit === 'cad' ? { type: 'money', value: f.cell.value } : number(f.cell.value);
}

/**
 * The quarterly report as a workbook: a sheet of the record's facts and notes, the summary, one sheet
 * per breakdown and the maturity gains; every figure a number a spreadsheet can add, « x » where one is
 * suppressed.
 */
export function renderReportXlsx(c: ReportContent, locale: Locale): Promise<Uint8Array> {
  return writeWorkbook(
    [
      {
        name: c.quarter,
        widths: [32, 80],
        rows: [
          [text(c.title, true)],
          [text(c.scope)],
          [],
          ...[...c.facts, c.checksum].map(([label, value]) => [text(label, true), text(value)]),
          [],
          [text(c.notesTitle, true)],
          ...c.notes.map((note) => [text(note)]),
        ],
      },
      {
        name: c.summaryTitle,
        widths: [48, 20, 18],
        stickyRows: 1,
        rows: [
          headings(c.summaryHeaders),
          ...c.summary.map((row) => [text(row.label), text(row.unit), figure(row.figure)]),
        ],
      },
      ...c.tables.map((t) => ({
        name: t.sheet,
        widths: [40, ...t.headers.slice(1).map(() => 18)],
        stickyRows: 1,
        rows: [
          headings(t.headers),
          ...t.rows.map((row) => [text(row.label), ...row.figures.map(figure)]),
          [text(c.summaryHeaders[2]!, true), ...t.totals.map(figure)],
        ],
      })),
      {
        name: c.maturitySheet,
        widths: [36, 18, 18, 18, 18, 18],
        stickyRows: 1,
        rows: [
          headings(c.maturityHeaders),
          ...c.maturity.map((m) => [
            text(m.label),
            figure(m.pairs),
            ...(m.estimate
              ? [
                  number(m.estimate.meanGain),
                  number(m.estimate.low),
                  number(m.estimate.high),
                  number(m.estimate.improvedPercent),
                ]
              : [text(c.noEstimate)]),
          ]),
        ],
      },
    ],
    c.title,
    locale,
  );
}
