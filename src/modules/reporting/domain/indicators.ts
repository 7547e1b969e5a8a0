/**
 * The indicators the ministry's view and the quarterly report publish: what each counts, in which
 * unit, broken down how, and which disclosure control it passes before it leaves the program team.
 * The set follows the EU digital-innovation-hub KPIs where they fit Virage (businesses supported by
 * region, sector and size; maturity T0 → T1 per dimension of a DMA-like diagnostic) and the funder's
 * own units from the program's 2019 evaluation (jobs, sales, hours of coaching and training, aid).
 * Labels and definitions are in `i18n/{fr,en}.json` under `indicators.<id>` (`label`, `definition`).
 */

export const UNITS = ['businesses', 'files', 'hours', 'points', 'percent', 'cad', 'jobs', 'rating'] as const;
export type Unit = (typeof UNITS)[number];

export const BREAKDOWNS = ['region', 'subsector', 'size_band', 'dimension', 'fiscal_quarter'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * The breakdowns published in tables with totals: a fiscal quarter is the one the applications were
 * submitted in (a report follows a cohort, decision 18).
 */
export const PUBLISHED_BREAKDOWNS = ['region', 'subsector', 'size_band', 'fiscal_quarter'] as const;
export type PublishedBreakdown = (typeof PUBLISHED_BREAKDOWNS)[number];

/**
 * - `count`: a count of businesses, in tables with totals: minimum count and complementary suppression;
 * - `sum`: money or hours added over businesses: the same, plus the dominance rule on each cell;
 * - `mean`: an average or a share over businesses (not additive, so no totals to protect): published
 *   only over at least the minimum count of businesses (for score gains, the impact's minimum pairs).
 */
export const CONTROLS = ['count', 'sum', 'mean'] as const;
export type Control = (typeof CONTROLS)[number];

export type Indicator = {
  id: string;
  unit: Unit;
  control: Control;
  breakdowns: readonly Breakdown[];
  /** In the EU DIH KPI set (or the DMA), so Virage can be compared with the hubs. */
  euKpi: boolean;
};

const GEOGRAPHY: readonly Breakdown[] = ['region', 'subsector', 'size_band', 'fiscal_quarter'];

export const INDICATORS = [
  { id: 'businesses_supported', unit: 'businesses', control: 'count', breakdowns: GEOGRAPHY, euKpi: true },
  { id: 'applications_received', unit: 'files', control: 'count', breakdowns: GEOGRAPHY, euKpi: false },
  { id: 'diagnostics_t0', unit: 'businesses', control: 'count', breakdowns: GEOGRAPHY, euKpi: true },
  { id: 'diagnostics_t1', unit: 'businesses', control: 'count', breakdowns: GEOGRAPHY, euKpi: true },
  {
    id: 'maturity_gain',
    unit: 'points',
    control: 'mean',
    breakdowns: ['dimension', 'subsector', 'size_band'],
    euKpi: true,
  },
  { id: 'improved_share', unit: 'percent', control: 'mean', breakdowns: ['dimension'], euKpi: true },
  { id: 'plans_adopted', unit: 'businesses', control: 'count', breakdowns: GEOGRAPHY, euKpi: false },
  { id: 'coaching_hours', unit: 'hours', control: 'sum', breakdowns: GEOGRAPHY, euKpi: false },
  // The same hours by how the sessions were held (the coaching module's session modes).
  { id: 'coaching_hours_in_store', unit: 'hours', control: 'sum', breakdowns: GEOGRAPHY, euKpi: false },
  { id: 'coaching_hours_video', unit: 'hours', control: 'sum', breakdowns: GEOGRAPHY, euKpi: false },
  { id: 'coaching_hours_phone', unit: 'hours', control: 'sum', breakdowns: GEOGRAPHY, euKpi: false },
  { id: 'training_hours', unit: 'hours', control: 'sum', breakdowns: GEOGRAPHY, euKpi: false },
  // The workshops' attendance and satisfaction, as means over the businesses that took part.
  { id: 'workshop_attendance', unit: 'percent', control: 'mean', breakdowns: ['region'], euKpi: false },
  { id: 'workshop_satisfaction', unit: 'rating', control: 'mean', breakdowns: ['region'], euKpi: false },
  { id: 'aid_committed', unit: 'cad', control: 'sum', breakdowns: GEOGRAPHY, euKpi: false },
  { id: 'aid_paid', unit: 'cad', control: 'sum', breakdowns: GEOGRAPHY, euKpi: false },
  { id: 'aid_recovered', unit: 'cad', control: 'sum', breakdowns: ['fiscal_quarter'], euKpi: false },
  {
    id: 'jobs_created',
    unit: 'jobs',
    control: 'sum',
    breakdowns: ['region', 'subsector', 'size_band'],
    euKpi: false,
  },
  {
    id: 'online_sales_share',
    unit: 'percent',
    control: 'mean',
    breakdowns: ['subsector', 'size_band'],
    euKpi: false,
  },
  { id: 'satisfaction', unit: 'rating', control: 'mean', breakdowns: ['region'], euKpi: false },
  // The outcome survey's second wave, about six months after closure: do the gains last?
  {
    id: 'jobs_created_six_months',
    unit: 'jobs',
    control: 'sum',
    breakdowns: ['region', 'subsector', 'size_band'],
    euKpi: false,
  },
  {
    id: 'online_sales_share_six_months',
    unit: 'percent',
    control: 'mean',
    breakdowns: ['subsector', 'size_band'],
    euKpi: false,
  },
  { id: 'satisfaction_six_months', unit: 'rating', control: 'mean', breakdowns: ['region'], euKpi: false },
] as const satisfies readonly Indicator[];

export type IndicatorId = (typeof INDICATORS)[number]['id'];

export function indicatorById(id: string): Indicator | undefined {
  return INDICATORS.find((indicator) => indicator.id === id);
}

/** The i18n keys of an indicator's label and definition, in the `reporting` namespace. */
export function indicatorKeys(id: IndicatorId): { label: string; definition: string } {
  return { label: `reporting:indicators.${id}.label`, definition: `reporting:indicators.${id}.definition` };
}
