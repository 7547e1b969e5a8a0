import { formatDate } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import { PDF_COLOURS, taggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import { formatChange, formatOrdinal, formatScore, typicalCost } from '../domain/figures.ts';
import { labelPlacement, polygon, rings } from '../domain/radar.ts';
import type { DiagnosticDetail } from '../use-cases/get-diagnostic.ts';

const BRAND = PDF_COLOURS.brand;
const INK = PDF_COLOURS.ink;

type Completed = DiagnosticDetail & {
  scores: NonNullable<DiagnosticDetail['scores']>;
  level: NonNullable<DiagnosticDetail['level']>;
};

/**
 * The diagnostic report as a tagged PDF (headings, paragraphs, tables and the chart with its text
 * alternative are marked for assistive technology), in the reader's language, with title and
 * language in its metadata.
 */
export function renderDiagnosticPdf(d: Completed, t: Translate, locale: Locale, now: Date): Promise<Buffer> {
  const title = t('diagnostic:report.title', { name: d.business.name ?? '' });
  const { doc, root, width, heading, paragraph, table, finish } = taggedPdf({
    title,
    subject: t('diagnostic:report.subject'),
    keywords: 'diagnostic, maturité numérique, digital maturity',
    locale,
  });
  const dimensions = d.questionnaire.dimensions;
  const labelOf = (id: string) => dimensions.find((x) => x.id === id)?.label ?? id;

  heading(title, 'H1', 20);
  paragraph(
    [
      d.business.municipality,
      t('diagnostic:report.phase', { phase: d.phase }),
      t('diagnostic:report.completed_on', { date: d.completedAt ? formatDate(d.completedAt) : '' }),
      t('diagnostic:report.version', { version: d.questionnaire.version }),
      t('diagnostic:report.printed_on', { date: formatDate(now) }),
    ]
      .filter(Boolean)
      .join(' · '),
    { muted: true, size: 9.5 },
  );

  heading(t('diagnostic:report.overall_title'), 'H2', 14);
  paragraph(
    t('diagnostic:report.overall', { score: formatScore(d.scores.overall, locale), level: d.level.label }),
  );
  paragraph(d.level.description, { muted: true });

  // The chart, drawn as vectors, with the scores as its text alternative.
  const alt = `${t('diagnostic:report.chart_alt')} ${dimensions.map((x) => `${x.label} ${formatScore(d.scores.dimensions[x.id] ?? 0, locale)}`).join(', ')}.`;
  const size = 300;
  const top = doc.y + 10;
  const center = { x: doc.page.margins.left + width / 2, y: top + size / 2 + 20 };
  const radius = size / 2 - 20;
  const figure = doc.struct('Figure', { alt }, () => {
    doc.save();
    doc.lineWidth(0.5).strokeColor('#9a9a9a');
    for (const ring of rings(dimensions.length, center, radius)) {
      doc.polygon(...ring.points.map((p) => [p.x, p.y] as [number, number])).stroke();
    }
    for (const p of rings(dimensions.length, center, radius).at(-1)!.points)
      doc.moveTo(center.x, center.y).lineTo(p.x, p.y).stroke();
    const shape = polygon(
      dimensions.map((x) => d.scores.dimensions[x.id] ?? 0),
      center,
      radius,
    );
    doc.polygon(...shape.map((p) => [p.x, p.y] as [number, number]));
    doc.fillOpacity(0.25).fillAndStroke(BRAND, BRAND);
    doc
      .fillOpacity(1)
      .lineWidth(1.5)
      .strokeColor(BRAND)
      .polygon(...shape.map((p) => [p.x, p.y] as [number, number]))
      .stroke();
    doc.font('regular').fontSize(8).fillColor(INK);
    dimensions.forEach((x, i) => {
      const place = labelPlacement(i, dimensions.length, center, radius);
      const label = `${shortLabel(x.label)} (${Math.round(d.scores.dimensions[x.id] ?? 0)})`;
      const w = 110;
      const left =
        place.anchor === 'middle' ? place.x - w / 2 : place.anchor === 'start' ? place.x : place.x - w;
      doc.text(label, left, place.y - 5, {
        width: w,
        align: place.anchor === 'middle' ? 'center' : place.anchor === 'start' ? 'left' : 'right',
        lineBreak: false,
      });
    });
    doc.restore();
  });
  root.add(figure);
  doc.x = doc.page.margins.left;
  doc.y = top + size + 30;

  heading(t('diagnostic:report.scores_title'), 'H2', 14);
  const b = d.benchmark;
  if (b)
    paragraph(
      t(`diagnostic:benchmark.group_${b.group}`, {
        count: b.size,
        naics: b.peers.naics ?? '',
        size: b.peers.sizeBand ?? '',
        region: b.peers.region ?? '',
      }),
      { muted: true, size: 9.5 },
    );
  else paragraph(t('diagnostic:benchmark.too_few'), { muted: true, size: 9.5 });
  doc.font('regular').fontSize(9.5).fillColor(INK);
  table({
    columnStyles: [width * 0.55, width * 0.2, width * 0.25],
    defaultStyle: { padding: 4, border: 0.5, borderColor: '#9a9a9a' },
    data: [
      [
        { text: t('diagnostic:results.dimension'), type: 'TH', font: { src: 'bold' } },
        { text: t('diagnostic:results.score'), type: 'TH', font: { src: 'bold' } },
        { text: t('diagnostic:results.percentile'), type: 'TH', font: { src: 'bold' } },
      ],
      ...dimensions.map((x) => [
        { text: x.label, type: 'TH' as const },
        formatScore(d.scores.dimensions[x.id] ?? 0, locale),
        percentile(b?.percentiles.dimensions[x.id] ?? null, t, locale),
      ]),
      [
        { text: t('diagnostic:results.overall'), type: 'TH', font: { src: 'bold' } },
        { text: formatScore(d.scores.overall, locale), font: { src: 'bold' } },
        percentile(b?.percentiles.overall ?? null, t, locale),
      ],
    ],
  });

  heading(t('diagnostic:results.strengths_title'), 'H2', 14);
  paragraph(d.strengths.map((s) => `${labelOf(s.id)} (${formatScore(s.score, locale)})`).join(' · '));
  heading(t('diagnostic:results.gaps_title'), 'H2', 14);
  paragraph(d.gaps.map((s) => `${labelOf(s.id)} (${formatScore(s.score, locale)})`).join(' · '));

  if (d.comparison) {
    heading(t('diagnostic:results.comparison_title'), 'H2', 14);
    doc.font('regular').fontSize(9.5).fillColor(INK);
    table({
      columnStyles: [width * 0.46, width * 0.18, width * 0.18, width * 0.18],
      defaultStyle: { padding: 4, border: 0.5, borderColor: '#9a9a9a' },
      data: [
        ['dimension', 'T0', 'T1', 'delta'].map((k) => ({
          text:
            k === 'dimension'
              ? t('diagnostic:results.dimension')
              : k === 'delta'
                ? t('diagnostic:results.change')
                : k,
          type: 'TH' as const,
          font: { src: 'bold' },
        })),
        ...dimensions.map((x) => [
          { text: x.label, type: 'TH' as const },
          formatScore(d.comparison!.before.dimensions[x.id] ?? 0, locale),
          formatScore(d.comparison!.after.dimensions[x.id] ?? 0, locale),
          formatChange(d.comparison!.deltas.dimensions[x.id] ?? 0, locale),
        ]),
      ],
    });
  }

  heading(t('diagnostic:results.recommendations_title'), 'H2', 14);
  for (const r of d.recommendations) {
    doc
      .font('bold')
      .fontSize(11)
      .fillColor(INK)
      .text(r.title, { width, structParent: root, structType: 'H3' });
    paragraph(r.text);
    const cost = typicalCost(r.costMin, r.costMax, locale);
    paragraph(
      `${t('diagnostic:results.cost')} ${t(`diagnostic:cost.${cost.kind}`, cost)} · ${t('diagnostic:results.effort')} ${t(`diagnostic:results.effort_${r.effort}`)} · ${labelOf(r.dimensionId)}`,
      { muted: true, size: 9 },
    );
  }
  heading(t('diagnostic:results.method_title'), 'H2', 12);
  paragraph(t('diagnostic:results.method'), { muted: true, size: 9 });

  return finish();
}

const percentile = (p: number | null, t: Translate, locale: Locale) =>
  p === null ? '—' : t('diagnostic:results.percentile_value', { value: formatOrdinal(p, locale) });
/** The part of a dimension's name before a comma or a parenthesis: short enough for the chart. */
const shortLabel = (label: string) => label.split(/[,(]/)[0]!.trim();
