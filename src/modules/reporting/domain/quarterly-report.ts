/**
 * The quarterly report's frozen snapshot: the ministry's indicators for one Québec fiscal quarter,
 * after disclosure control, with every label in both languages, so that its PDF and XLSX are rendered
 * from it alone — in French or English, today or in ten years — and never recomputed. It is stored as
 * canonical JSON and checksummed (SHA-256 of that text): anyone holding the JSON can check the figures.
 */
import type { DisclosureRules, SuppressionReason } from './disclosure.ts';
import type { GainEstimate } from './impact.ts';
import type { Control, IndicatorId, PublishedBreakdown, Unit } from './indicators.ts';

export type Bilingual = { fr: string; en: string };

/** A figure as published: shown, or « x » and why. */
export type SnapshotCell = { shown: true; value: number } | { shown: false; reason: SuppressionReason };

export type SnapshotIndicator = {
  id: IndicatorId;
  unit: Unit;
  control: Control;
  total: SnapshotCell;
  breakdowns: {
    breakdown: PublishedBreakdown;
    groups: { key: string | null; label: Bilingual | null; cell: SnapshotCell }[];
  }[];
};

export type QuarterlySnapshot = {
  program: { id: string; name: Bilingual };
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  /** The applications the figures are about: submitted from `from` to `to` (Montréal days, inclusive). */
  period: { from: string; to: string };
  /** The Montréal day the milestones (diagnostics, plans, aid) were read up to. */
  asOfDay: string;
  rulesVersion: string;
  rules: DisclosureRules;
  indicators: SnapshotIndicator[];
  maturity: {
    measure: string;
    label: Bilingual | null;
    pairs: SnapshotCell;
    estimate: GainEstimate | null;
  }[];
};

/** JSON with object keys sorted at every level and no spaces: one value, one text, one checksum. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every reason a figure of the snapshot is hidden for, each once, for the report's notes. */
export function suppressionReasons(s: QuarterlySnapshot): SuppressionReason[] {
  const reasons = new Set<SuppressionReason>();
  const visit = (cell: SnapshotCell) => {
    if (!cell.shown) reasons.add(cell.reason);
  };
  for (const indicator of s.indicators) {
    visit(indicator.total);
    for (const b of indicator.breakdowns) for (const g of b.groups) visit(g.cell);
  }
  for (const m of s.maturity) visit(m.pairs);
  return [...reasons].sort();
}
