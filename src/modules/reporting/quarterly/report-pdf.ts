import { formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { taggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import { printedFigure } from '../domain/printed-figure.ts';
import type { Figure, ReportContent } from './report-content.ts';

/**
 * The quarterly report as a tagged PDF (title and language in its metadata, headings and tables in its
 * structure): the record's facts first, then the figures, with « x » for each suppressed one and the
 * notes that explain them.
 */
export function renderReportPdf(c: ReportContent, locale: Locale): Promise<Buffer> {
  const { width, heading, paragraph, table, finish } = taggedPdf({
    title: c.title,
    subject: c.scope,
    keywords: 'rapport trimestriel, quarterly report, indicateurs, indicators',
    locale,
  });
  const figure = (f: Figure) => printedFigure(f.cell, f.unit, locale);
  // pdfkit takes a table's font from its rows' or columns' styles, not from its default style.
  const style = (size: number) => ({
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#9a9a9a' },
    rowStyles: { font: { src: 'regular', size } },
  });
  const header = (text: string, size: number) => ({ text, type: 'TH', font: { src: 'bold', size } });
  heading(c.title, 'H1', 17);
  paragraph(c.scope);
  table({
    columnStyles: [width * 0.22, width * 0.78],
    ...style(8),
    data: c.facts.map(([label, value]) => [header(label, 8), value]),
  });
  // On a line of its own, in full: a checksum is copied to be checked.
  paragraph(c.checksumLine, { size: 8 });

  heading(c.summaryTitle, 'H2', 13);
  table({
    columnStyles: [width * 0.55, width * 0.2, width * 0.25],
    ...style(9),
    data: [
      c.summaryHeaders.map((text) => header(text, 9)),
      ...c.summary.map((row) => [{ text: row.label, type: 'TH' }, row.unit, figure(row.figure)]),
    ],
  });

  for (const t of c.tables) {
    heading(t.title, 'H2', 13);
    // The breakdown's names take a fifth of the width; the indicators share the rest.
    const rest = (width * 0.8) / (t.headers.length - 1);
    table({
      columnStyles: [width * 0.2, ...t.headers.slice(1).map(() => rest)],
      ...style(6.5),
      data: [
        t.headers.map((text) => header(text, 6.5)),
        ...t.rows.map((row) => [{ text: row.label, type: 'TH' }, ...row.figures.map(figure)]),
        [header(c.summaryHeaders[2]!, 6.5), ...t.totals.map(figure)],
      ],
    });
  }

  heading(c.maturityTitle, 'H2', 13);
  const number = (value: number) => formatNumber(value, locale);
  table({
    columnStyles: [width * 0.3, ...Array.from({ length: 5 }, () => width * 0.14)],
    ...style(8),
    data: [
      c.maturityHeaders.map((text) => header(text, 8)),
      ...c.maturity.map((m) => [
        { text: m.label, type: 'TH' },
        figure(m.pairs),
        ...(m.estimate
          ? [
              number(m.estimate.meanGain),
              number(m.estimate.low),
              number(m.estimate.high),
              `${number(m.estimate.improvedPercent)} %`,
            ]
          : [c.noEstimate, '', '', '']),
      ]),
    ],
  });

  heading(c.notesTitle, 'H2', 13);
  for (const note of c.notes) paragraph(note, { size: 9.5 });
  return finish();
}
