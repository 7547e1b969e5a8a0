import { formatDateTime } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import type { GainEstimate } from '../domain/impact.ts';
import { type IndicatorId, PUBLISHED_BREAKDOWNS, type Unit } from '../domain/indicators.ts';
import { type SnapshotCell, suppressionReasons } from '../domain/quarterly-report.ts';
import { quarterLabel } from '../domain/quarters.ts';
import type { QuarterlyReport } from '../use-cases/get-quarterly-report.ts';

/** A figure of the report with its unit: each file writes it its own way (text in the PDF, typed in XLSX). */
export type Figure = { cell: SnapshotCell; unit: Unit };

export type BreakdownTable = {
  title: string;
  /** The spreadsheet's name for it: the breakdown alone. */
  sheet: string;
  /** The first column's heading (the breakdown), then one per indicator. */
  headers: string[];
  rows: { label: string; figures: Figure[] }[];
  totals: Figure[];
};

/**
 * What both files of a quarterly report say, in one language, from its frozen snapshot alone: the
 * title, the facts that make it a record (version, producer, date, checksum, disclosure rules), the
 * figures by breakdown, the maturity gains and the notes that explain each « x ».
 */
export function reportContent(report: QuarterlyReport, t: Translate, locale: Locale) {
  const s = report.snapshot;
  const quarter = quarterLabel({ kind: 'fiscal', year: s.fiscalYear, quarter: s.quarter }, locale);
  const program = s.program.name[locale];
  const label = (id: IndicatorId) => t(`reporting:indicators.${id}.label`);
  const unit = (u: Unit) => t(`reporting:units.${u}`);
  const additive = s.indicators.filter((i) => i.control !== 'mean');
  const tables: BreakdownTable[] = PUBLISHED_BREAKDOWNS.map((breakdown) => {
    const columns = additive.filter((i) => i.breakdowns.some((b) => b.breakdown === breakdown));
    const groups = new Map<string, string>();
    for (const indicator of columns)
      for (const g of indicator.breakdowns.find((b) => b.breakdown === breakdown)!.groups)
        groups.set(g.key ?? '', g.label?.[locale] ?? t('reporting:dashboard.unknown'));
    return {
      title: t('reporting:indicators_page.by', { breakdown: t(`reporting:breakdowns.${breakdown}`) }),
      sheet: t(`reporting:breakdowns.${breakdown}`),
      headers: [
        t(`reporting:breakdowns.${breakdown}`),
        ...columns.map((i) => `${label(i.id)} (${unit(i.unit)})`),
      ],
      rows: [...groups].map(([key, groupName]) => ({
        label: groupName,
        figures: columns.map((i) => ({
          // A group absent from an indicator counts no business: an exact zero, shown.
          cell: i.breakdowns.find((b) => b.breakdown === breakdown)!.groups.find((g) => (g.key ?? '') === key)
            ?.cell ?? { shown: true, value: 0 },
          unit: i.unit,
        })),
      })),
      totals: columns.map((i) => ({ cell: i.total, unit: i.unit })),
    };
  });
  const ruleParams = { minCount: s.rules.minCount, dominance: Math.round(s.rules.dominance * 100) };
  const notes = suppressionReasons(s).map((reason) => t(`reporting:disclosure.reason.${reason}`, ruleParams));
  if (s.maturity.some((m) => !m.estimate)) notes.push(t('reporting:impact.too_few_pairs', { minPairs: 10 }));
  const q = 'reporting:quarterly.document';
  return {
    title: t(`${q}.title`, { quarter, program }),
    quarter,
    program,
    scope: t(`${q}.scope`, { from: s.period.from, to: s.period.to, asOf: s.asOfDay }),
    facts: [
      [t(`${q}.version`), String(report.version)],
      [t(`${q}.produced_by`), report.producedBy.name],
      [t(`${q}.produced_at`), formatDateTime(report.producedAt, locale)],
      ...(report.reason ? [[t(`${q}.reason`), report.reason]] : []),
      [t(`${q}.rules`), t(`${q}.rules_value`, { version: s.rulesVersion, ...ruleParams })],
    ] as [string, string][],
    checksum: [t(`${q}.checksum`), report.checksum] as [string, string],
    checksumLine: t(`${q}.checksum_line`, { checksum: report.checksum }),
    summaryTitle: t(`${q}.summary_title`),
    summaryHeaders: [t(`${q}.indicator`), t(`${q}.unit`), t('reporting:indicators_page.total')],
    summary: s.indicators.map((i) => ({
      label: label(i.id),
      unit: unit(i.unit),
      figure: { cell: i.total, unit: i.unit },
    })),
    tables,
    maturityTitle: t('reporting:indicators_page.maturity_title'),
    maturitySheet: t(`${q}.maturity_sheet`),
    maturityHeaders: [
      t('reporting:dashboard.measure'),
      t('reporting:dashboard.pairs'),
      t('reporting:dashboard.mean_gain'),
      t(`${q}.low`),
      t(`${q}.high`),
      t('reporting:dashboard.improved'),
    ],
    maturity: s.maturity.map((m) => ({
      label: m.label?.[locale] ?? t('reporting:dashboard.overall'),
      pairs: { cell: m.pairs, unit: 'businesses' } satisfies Figure as Figure,
      estimate: m.estimate as GainEstimate | null,
    })),
    noEstimate: t('reporting:dashboard.no_estimate'),
    notesTitle: t('reporting:indicators_page.notes_title'),
    notes,
  };
}

export type ReportContent = ReturnType<typeof reportContent>;
