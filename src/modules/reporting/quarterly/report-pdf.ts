import { formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { taggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import { printedFigure } from '../domain/printed-figure.ts';
import type { Figure, ReportContent } from './report-content.ts';

/** The breakdown tables' type size, and each cell's padding on either side. */
const BREAKDOWN_SIZE = 7.5;
const PADDING = 3;

/**
 * The indicator columns of a breakdown table cut into as few parts as keep every column wide enough
 * for the longest word of its heading (a word cut in two is unreadable), the parts as even as can be;
 * and the columns' width, the same in every part.
 */
function columnParts<T>(columns: readonly T[], available: number, minimum: number) {
  const fit = Math.max(1, Math.floor(available / minimum));
  const count = Math.ceil(columns.length / fit);
  const cut = (k: number) => Math.round((k * columns.length) / count);
  const parts = Array.from({ length: count }, (_, k) => columns.slice(cut(k), cut(k + 1)));
  return { parts, width: available / Math.max(...parts.map((p) => p.length)) };
}

/**
 * The quarterly report as a tagged PDF (title and language in its metadata, headings and tables in its
 * structure): the record's facts first, then the figures, with « x » for each suppressed one and the
 * notes that explain them. Landscape, for the breakdown tables' dozen indicators; those still too many
 * for one table are printed in parts, each repeating the groups' names.
 */
export function renderReportPdf(c: ReportContent, locale: Locale): Promise<Buffer> {
  const { doc, width, heading, paragraph, table, finish } = taggedPdf({
    title: c.title,
    subject: c.scope,
    keywords: 'rapport trimestriel, quarterly report, indicateurs, indicators',
    locale,
    layout: 'landscape',
  });
  const figure = (f: Figure) => printedFigure(f.cell, f.unit, locale);
  // pdfkit takes a table's font from its rows' or columns' styles, not from its default style.
  const style = (size: number) => ({
    defaultStyle: { padding: PADDING, border: 0.5, borderColor: '#9a9a9a' },
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

  const size = BREAKDOWN_SIZE;
  const longestWord = (text: string) =>
    Math.max(...text.split(/\s+/).map((word) => doc.font('bold').fontSize(size).widthOfString(word)));
  /** A cell's height: its text wrapped in the column, and the padding above and below. */
  const cellHeight = (text: string, font: 'regular' | 'bold', columnWidth: number) =>
    doc
      .font(font)
      .fontSize(size)
      .heightOfString(text, { width: columnWidth - 2 * PADDING }) +
    2 * PADDING;
  // The breakdown's names take a sixth of the width; the indicators share the rest.
  const names = width / 6;
  for (const t of c.tables) {
    const indicators = t.headers.slice(1).map((text, k) => ({ text, k }));
    const minimum = Math.max(...indicators.map((i) => longestWord(i.text))) + 2 * PADDING + 1;
    const { parts, width: each } = columnParts(indicators, width - names, minimum);
    // A part starts on the next page when it would not end on this one: no heading or column
    // headings left alone at the foot of a page.
    const height = (part: typeof indicators) =>
      Math.max(
        cellHeight(t.headers[0]!, 'bold', names),
        ...part.map((i) => cellHeight(i.text, 'bold', each)),
      ) +
      t.rows.reduce((sum, row) => sum + cellHeight(row.label, 'regular', names), 0) +
      cellHeight(c.summaryHeaders[2]!, 'bold', names);
    const keepTogether = (needed: number) => {
      if (doc.y + needed > doc.page.maxY()) doc.addPage();
    };
    keepTogether(40 + height(parts[0]!));
    heading(t.title, 'H2', 13);
    for (const part of parts) {
      keepTogether(height(part));
      table({
        columnStyles: [names, ...part.map(() => each)],
        ...style(size),
        data: [
          [header(t.headers[0]!, size), ...part.map((i) => header(i.text, size))],
          ...t.rows.map((row) => [
            { text: row.label, type: 'TH' },
            ...part.map((i) => figure(row.figures[i.k]!)),
          ]),
          [header(c.summaryHeaders[2]!, size), ...part.map((i) => figure(t.totals[i.k]!))],
        ],
      });
      doc.moveDown(0.6);
    }
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
