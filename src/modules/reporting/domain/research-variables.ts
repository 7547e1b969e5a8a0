/**
 * The variables of a research extract, the data dictionary that describes them, and how one business's
 * file becomes one released row. Labels and derivations are in `i18n/{fr,en}.json` under
 * `research.variables.<key>`; the dictionary carries both languages whatever the reader's.
 */
import { REVENUE_BANDS, SIZE_BANDS, sizeBandOf } from '../../../kernel/business.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';
import { bandMaximum, LEGAL_FORM_KINDS, legalFormKindOf, statusKindOf } from '../../../kernel/registry.ts';
import type { Unit } from './indicators.ts';
import { type Generalisation, monthOf, type QuasiValues, type VariableGroup } from './research.ts';

export const VARIABLE_TYPES = ['string', 'integer', 'decimal', 'boolean', 'month'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const OUTCOME_WAVES = ['closure', 'six_months'] as const;
export type OutcomeWave = (typeof OUTCOME_WAVES)[number];

/** What an extract reads about one business (nothing that identifies it directly is even read). */
export type ResearchSource = {
  applicationId: string;
  region: string | null;
  naics: string | null;
  employees: number | null;
  revenueBand: string | null;
  submittedAt: Date | null;
  status: string;
  referredByPartner: boolean;
  diagnostics: Record<
    'T0' | 'T1',
    { completedAt: Date | null; overall: number | null; dimensions: Record<string, number> } | null
  >;
  sessionsHeld: number;
  minutesHeld: number;
  planApprovedAt: Date | null;
  closureOutcome: string | null;
  closedAt: Date | null;
  surveys: Record<OutcomeWave, SurveyAnswers | null>;
  /**
   * The registry's labels for the business (current extract), read only when the licence allows
   * republication (decision 44); null: not read, or no extract.
   */
  registry?:
    | { listed: false }
    | { listed: true; status: string | null; legalForm: string | null; employeeBand: string | null }
    | null;
};

export type SurveyAnswers = {
  onlineSalesShare: number;
  revenueChange: string;
  jobsCreated: number;
  jobsKept: number;
  toolsAdopted: readonly string[];
  satisfactionExpert: number;
  satisfactionProgram: number;
};

type Value = string | number | boolean | null;

export type ResearchVariable = {
  name: string;
  group: VariableGroup;
  type: VariableType;
  unit: Unit | null;
  /** Allowed values, language-neutral (`;`-separated codes or a range). */
  codes: string | null;
  /** `reporting:research.variables.<key>`: its `label` and `derivation`. */
  key: string;
  params?: Record<string, string>;
  /** A date: released only when the year is (a month gives the year back). */
  dated?: boolean;
  value: (s: ResearchSource, released: Record<string, string>) => Value;
};

export type Dimension = { id: string; label: { fr: string; en: string } };

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const coded = (values: readonly string[]) => values.join('; ');

const PROFILE: ResearchVariable[] = [
  {
    name: 'region',
    group: 'profile',
    type: 'string',
    unit: null,
    codes: `${coded(REGION_CODES)}; *`,
    key: 'region',
    value: (_, r) => r.region ?? null,
  },
  {
    name: 'subsector',
    group: 'profile',
    type: 'string',
    unit: null,
    codes: '441–459 (NAICS/SCIAN 2022); 44; 45; *',
    key: 'subsector',
    value: (_, r) => r.subsector ?? null,
  },
  {
    name: 'size_band',
    group: 'profile',
    type: 'string',
    unit: 'businesses',
    codes: `${coded(SIZE_BANDS.map((b) => b.id))}; 1-9; 10+; *`,
    key: 'size_band',
    value: (_, r) => r.size_band ?? null,
  },
  {
    name: 'revenue_band',
    group: 'profile',
    type: 'string',
    unit: 'cad',
    codes: coded(REVENUE_BANDS),
    key: 'revenue_band',
    value: (s) => s.revenueBand,
  },
  {
    name: 'year',
    group: 'profile',
    type: 'integer',
    unit: null,
    codes: '2000–2100; *',
    key: 'year',
    value: (_, r) => r.year ?? null,
  },
  {
    name: 'submitted_month',
    group: 'profile',
    type: 'month',
    unit: null,
    codes: null,
    key: 'submitted_month',
    dated: true,
    value: (s) => monthOf(s.submittedAt),
  },
  {
    name: 'application_status',
    group: 'profile',
    type: 'string',
    unit: null,
    codes: 'submitted; accepted; refused; waitlisted; withdrawn; info_requested',
    key: 'application_status',
    value: (s) => s.status,
  },
  {
    name: 'referred_by_partner',
    group: 'profile',
    type: 'boolean',
    unit: null,
    codes: 'true; false',
    key: 'referred_by_partner',
    value: (s) => s.referredByPartner,
  },
];

/** The registry's employee bands, coarsened by their top: 5 or fewer, 6 to 25, more. */
export const REGISTRY_SIZE_BANDS = ['0-5', '6-25', '26+'] as const;
function registrySizeBand(label: string | null): string | null {
  if (!label) return null;
  const top = bandMaximum(label);
  return top === null ? '26+' : top <= 5 ? '0-5' : top <= 25 ? '6-25' : '26+';
}

/**
 * What the business registry says, coarsened: the status's meaning (not the code), the legal form's
 * kind, the employee band in three. Bankruptcy and dates are not released (rare, so identifying).
 */
const REGISTRY: ResearchVariable[] = [
  {
    name: 'registry_status',
    group: 'profile',
    type: 'string',
    unit: null,
    codes: 'registered; struck_off; other; not_listed',
    key: 'registry_status',
    value: (s) => (!s.registry ? null : s.registry.listed ? statusKindOf(s.registry.status) : 'not_listed'),
  },
  {
    name: 'registry_legal_form',
    group: 'profile',
    type: 'string',
    unit: null,
    codes: coded(LEGAL_FORM_KINDS),
    key: 'registry_legal_form',
    value: (s) => (s.registry?.listed ? legalFormKindOf(s.registry.legalForm) : null),
  },
  {
    name: 'registry_size_band',
    group: 'profile',
    type: 'string',
    unit: 'businesses',
    codes: coded(REGISTRY_SIZE_BANDS),
    key: 'registry_size_band',
    value: (s) => (s.registry?.listed ? registrySizeBand(s.registry.employeeBand) : null),
  },
];

function diagnosticVariables(dimensions: readonly Dimension[]): ResearchVariable[] {
  return (['T0', 'T1'] as const).flatMap((phase) => {
    const p = phase.toLowerCase();
    return [
      {
        name: `${p}_month`,
        group: 'diagnostic',
        type: 'month',
        unit: null,
        codes: null,
        key: 'diagnostic_month',
        params: { phase },
        dated: true,
        value: (s) => monthOf(s.diagnostics[phase]?.completedAt ?? null),
      },
      {
        name: `${p}_overall`,
        group: 'diagnostic',
        type: 'decimal',
        unit: 'points',
        codes: '0–100',
        key: 'diagnostic_overall',
        params: { phase },
        value: (s) => s.diagnostics[phase]?.overall ?? null,
      },
      ...dimensions.map(
        (d): ResearchVariable => ({
          name: `${p}_${d.id}`,
          group: 'diagnostic',
          type: 'decimal',
          unit: 'points',
          codes: '0–100',
          key: 'diagnostic_dimension',
          params: { phase, dimension_fr: d.label.fr, dimension_en: d.label.en },
          value: (s) => s.diagnostics[phase]?.dimensions[d.id] ?? null,
        }),
      ),
    ] satisfies ResearchVariable[];
  });
}

const COACHING: ResearchVariable[] = [
  {
    name: 'sessions_held',
    group: 'coaching',
    type: 'integer',
    unit: null,
    codes: null,
    key: 'sessions_held',
    value: (s) => s.sessionsHeld,
  },
  {
    name: 'coaching_hours',
    group: 'coaching',
    type: 'decimal',
    unit: 'hours',
    codes: null,
    key: 'coaching_hours',
    value: (s) => oneDecimal(s.minutesHeld / 60),
  },
  {
    name: 'plan_approved',
    group: 'coaching',
    type: 'boolean',
    unit: null,
    codes: 'true; false',
    key: 'plan_approved',
    value: (s) => s.planApprovedAt !== null,
  },
  {
    name: 'plan_approved_month',
    group: 'coaching',
    type: 'month',
    unit: null,
    codes: null,
    key: 'plan_approved_month',
    dated: true,
    value: (s) => monthOf(s.planApprovedAt),
  },
  {
    name: 'closure_outcome',
    group: 'coaching',
    type: 'string',
    unit: null,
    codes: 'completed; abandoned',
    key: 'closure_outcome',
    value: (s) => s.closureOutcome,
  },
  {
    name: 'closed_month',
    group: 'coaching',
    type: 'month',
    unit: null,
    codes: null,
    key: 'closed_month',
    dated: true,
    value: (s) => monthOf(s.closedAt),
  },
];

function outcomeVariables(revenueChanges: readonly string[]): ResearchVariable[] {
  return OUTCOME_WAVES.flatMap((wave) => {
    const of = (s: ResearchSource) => s.surveys[wave];
    const v = (
      field: string,
      type: VariableType,
      unit: Unit | null,
      codes: string | null,
      value: (a: SurveyAnswers) => Value,
    ): ResearchVariable => ({
      name: `${wave}_${field}`,
      group: 'outcomes',
      type,
      unit,
      codes,
      key: `outcome_${field}`,
      params: { wave },
      value: (s) => {
        const answers = of(s);
        return answers ? value(answers) : null;
      },
    });
    return [
      v('online_sales_share', 'decimal', 'percent', '0–100', (a) => a.onlineSalesShare),
      v('revenue_change', 'string', null, coded(revenueChanges), (a) => a.revenueChange),
      v('jobs_created', 'integer', 'jobs', null, (a) => a.jobsCreated),
      v('jobs_kept', 'integer', 'jobs', null, (a) => a.jobsKept),
      v('tools_adopted', 'integer', null, null, (a) => a.toolsAdopted.length),
      v('satisfaction_expert', 'integer', 'rating', '1–5', (a) => a.satisfactionExpert),
      v('satisfaction_program', 'integer', 'rating', '1–5', (a) => a.satisfactionProgram),
    ];
  });
}

/** The pseudonym always comes first: the one column every extract has. */
const BUSINESS_ID: ResearchVariable = {
  name: 'business_id',
  group: 'profile',
  type: 'string',
  unit: null,
  codes: null,
  key: 'business_id',
  value: () => null,
};

/** The variables an extract holds, in column order, for the groups asked and the generalisation. */
export function researchVariables(
  groups: readonly VariableGroup[],
  g: Generalisation,
  catalogue: {
    dimensions: readonly Dimension[];
    revenueChanges: readonly string[];
    /** An administrator recorded that the registry's licence allows republication (decision 44). */
    registryAllowed?: boolean;
  },
): ResearchVariable[] {
  const all = [
    ...PROFILE,
    ...(catalogue.registryAllowed && g.registry !== 'none' ? REGISTRY : []),
    ...diagnosticVariables(catalogue.dimensions),
    ...COACHING,
    ...outcomeVariables(catalogue.revenueChanges),
  ];
  return [
    BUSINESS_ID,
    ...all.filter(
      (v) => (v.group === 'profile' || groups.includes(v.group)) && !(v.dated && g.year === 'none'),
    ),
  ];
}

export function quasiValuesOf(s: ResearchSource): QuasiValues {
  return {
    region: s.region,
    subsector: s.naics,
    size_band: sizeBandOf(s.employees),
    year: monthOf(s.submittedAt)?.slice(0, 4) ?? null,
    // Read only when the licence lets the registry's facts out: then they single a business out too.
    registry: s.registry ? REGISTRY.map((v) => v.value(s, {}) ?? '').join('/') : null,
  };
}

/** One variable's released value for a business, given its pseudonym and its released quasi-identifiers. */
export const releasedValue = (
  v: ResearchVariable,
  s: ResearchSource,
  pseudonym: string,
  released: Record<string, string>,
): Value => (v === BUSINESS_ID ? pseudonym : v.value(s, released));

/** One business's released row, in the variables' order. */
export function releasedRow(
  s: ResearchSource,
  pseudonym: string,
  variables: readonly ResearchVariable[],
  released: Record<string, string>,
): Value[] {
  return variables.map((v) => releasedValue(v, s, pseudonym, released));
}
