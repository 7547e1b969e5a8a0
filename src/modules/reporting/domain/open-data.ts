/**
 * The program's open data (Données Québec conventions, reference §2.3): businesses by region,
 * subsector, employee band and application status, each list after disclosure control (decision 16),
 * as one long CSV with stable snake_case columns, a data-dictionary CSV, and DCAT-style metadata.
 */
import { SIZE_BANDS } from '../../../kernel/business.ts';
import { NAICS_RETAIL, REGIONS } from '../../../kernel/quebec.ts';
import { DEFAULT_DISCLOSURE_RULES, type DisclosureRules, protectList } from './disclosure.ts';

export const OPEN_DATA_BREAKDOWNS = ['region', 'subsector', 'size_band', 'status'] as const;
export type OpenDataBreakdown = (typeof OPEN_DATA_BREAKDOWNS)[number];

/** Statuses of submitted applications, in the order of the file. */
export const OPEN_DATA_STATUSES = [
  'submitted',
  'info_requested',
  'accepted',
  'waitlisted',
  'refused',
  'withdrawn',
] as const;

/** A category nobody declared (no region, no NAICS, no employees). */
export const NOT_GIVEN = 'not_given';

export type CountRow = {
  region: string | null;
  naics: string | null;
  band: number | null;
  status: string;
  n: number;
};

/** Lower bounds of the employee bands after the first, for counting by band in the database. */
export const BAND_LOWER_BOUNDS = SIZE_BANDS.slice(1).map((b) => b.min);

export const OPEN_DATA_COLUMNS = [
  'program',
  'period_start',
  'period_end',
  'breakdown',
  'category_code',
  'category_label_fr',
  'category_label_en',
  'businesses',
  'suppression',
  'rules_version',
] as const;

type Category = { code: string; fr: string; en: string };
type Label = { fr: string; en: string };

/** The words of the file that are not codes, in both languages (from the i18n files). */
export type OpenDataLabels = {
  notGiven: Label;
  total: Label;
  statuses: Record<(typeof OPEN_DATA_STATUSES)[number], Label>;
};

/** Each breakdown's categories, in a fixed order, with labels in both languages. */
function categoriesOf(breakdown: OpenDataBreakdown, labels: OpenDataLabels): Category[] {
  const notGiven = { code: NOT_GIVEN, ...labels.notGiven };
  switch (breakdown) {
    case 'region':
      return [...REGIONS.map((r) => ({ code: r.code, fr: r.name, en: r.name })), notGiven];
    case 'subsector':
      return [...NAICS_RETAIL.map((n) => ({ code: n.code, fr: n.fr, en: n.en })), notGiven];
    case 'size_band':
      return [...SIZE_BANDS.map((b) => ({ code: b.id, fr: b.id, en: b.id })), notGiven];
    case 'status':
      return OPEN_DATA_STATUSES.map((s) => ({ code: s, ...labels.statuses[s] }));
  }
}

function categoryOf(breakdown: OpenDataBreakdown, row: CountRow): string {
  switch (breakdown) {
    case 'region':
      return row.region ?? NOT_GIVEN;
    case 'subsector':
      return row.naics ?? NOT_GIVEN;
    case 'size_band':
      return row.band === null ? NOT_GIVEN : (SIZE_BANDS[row.band]?.id ?? NOT_GIVEN);
    case 'status':
      return row.status;
  }
}

export type OpenDataRecord = Record<(typeof OPEN_DATA_COLUMNS)[number], string | number | null>;

/**
 * The file's rows: for each breakdown, every category (a zero is shown) and a `total` line, each
 * count passed through disclosure control; a suppressed count is empty, with the reason in
 * `suppression`. A business the lists do not know (an old NAICS code) counts under not given.
 */
export function openDataRecords(
  counts: readonly CountRow[],
  context: { program: string; periodStart: string; periodEnd: string; labels: OpenDataLabels },
  rules: DisclosureRules = DEFAULT_DISCLOSURE_RULES,
): OpenDataRecord[] {
  return OPEN_DATA_BREAKDOWNS.flatMap((breakdown) => {
    const categories = categoriesOf(breakdown, context.labels);
    const known = new Set(categories.map((c) => c.code));
    const tally = new Map<string, number>();
    for (const row of counts) {
      const code = categoryOf(breakdown, row);
      const key = known.has(code) ? code : NOT_GIVEN;
      tally.set(key, (tally.get(key) ?? 0) + row.n);
    }
    const list = protectList(
      categories.map((c) => ({ count: tally.get(c.code) ?? 0 })),
      rules,
    );
    const total = { code: 'total', ...context.labels.total };
    return [...categories, total].map((c, i) => {
      const cell = i < categories.length ? list.cells[i]! : list.total;
      return {
        program: context.program,
        period_start: context.periodStart,
        period_end: context.periodEnd,
        breakdown,
        category_code: c.code,
        category_label_fr: c.fr,
        category_label_en: c.en,
        businesses: cell.shown ? cell.value : null,
        suppression: cell.shown ? '' : cell.reason,
        rules_version: list.rulesVersion,
      };
    });
  });
}
