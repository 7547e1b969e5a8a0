import { TIME_ZONE } from '../../../kernel/format.ts';
import type { Facts } from './eligibility.ts';

/** Every fact criteria may test (the editor offers these). */
export const FACT_NAMES = [
  'postalCode',
  'region',
  'municipality',
  'neq',
  'naics',
  'employees',
  'foundedYear',
  'yearsInOperation',
  'annualRevenue',
  'annualRevenueBand',
  'alreadyInProgram',
  'registryStatus',
  'registryEmployeesMax',
  'registryActivity',
  'registryExtractDate',
] as const;

/**
 * Facts that would reveal something about other applicants, or that only an application has (what the
 * business registry says of its NEQ): never evaluated for anonymous visitors.
 */
export const PRIVATE_FACTS = [
  'alreadyInProgram',
  'registryStatus',
  'registryEmployeesMax',
  'registryActivity',
  'registryExtractDate',
];

/**
 * What the Registraire des entreprises' current extract says of the NEQ (issue 13): its status
 * (`not_listed` when the extract does not list it: flagged, a criterion should not refuse it for that
 * alone), the top of its employee band, its main CAE activity, the extract's date. Absent when no
 * extract was imported.
 */
export type RegistryFactInput = {
  status: 'registered' | 'struck_off' | 'other' | 'not_listed';
  employeesMax: number | null;
  activity: string | null;
  extractDate: string | null;
};

export type FactInput = {
  neq?: string | null;
  postalCode?: string | null;
  region?: string | null;
  naics?: string | null;
  employees?: number | null;
  foundedYear?: number | null;
  annualRevenue?: number | null;
  annualRevenueBand?: string | null;
  municipality?: string | null;
};

/** The calendar year in Montréal at `now`. */
function calendarYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric' }).format(now));
}

/**
 * A founding year after the current one is a typing mistake, not a fact to judge: the field issue
 * that refuses it (at `path`), or undefined.
 */
export function futureFoundingYearIssue(
  path: string,
  foundedYear: number | null | undefined,
  now: Date,
): { path: string; key: string; params: { year: string } } | undefined {
  const thisYear = calendarYear(now);
  if (typeof foundedYear !== 'number' || foundedYear <= thisYear) return undefined;
  // A string: a year is shown as typed (2026, not 2 026).
  return { path, key: 'intake:validation.founded_year_future', params: { year: String(thisYear) } };
}

/** The facts criteria are evaluated on, including derived ones (years in operation, by calendar year). */
export function factsFrom(
  input: FactInput,
  now: Date,
  alreadyInProgram?: boolean,
  registry?: RegistryFactInput,
): Facts {
  const year = calendarYear(now);
  return {
    registryStatus: registry?.status ?? null,
    registryEmployeesMax: registry?.employeesMax ?? null,
    registryActivity: registry?.activity ?? null,
    registryExtractDate: registry?.extractDate ?? null,
    neq: input.neq ?? null,
    postalCode: input.postalCode ?? null,
    region: input.region ?? null,
    naics: input.naics ?? null,
    employees: input.employees ?? null,
    foundedYear: input.foundedYear ?? null,
    yearsInOperation: typeof input.foundedYear === 'number' ? year - input.foundedYear : null,
    annualRevenue: input.annualRevenue ?? null,
    annualRevenueBand: input.annualRevenueBand ?? null,
    municipality: input.municipality ?? null,
    alreadyInProgram: alreadyInProgram ?? null,
  };
}

/**
 * Whether an application says enough for its eligibility to be previewed before it is submitted: the
 * facts the pre-check asks for are all there, and the founding year is not one to come (saved before
 * such years were refused; the pre-check refuses it).
 */
export function mayPreviewEligibility(input: FactInput, now: Date): boolean {
  return (
    !!input.neq &&
    !!input.postalCode &&
    !!input.region &&
    !!input.naics &&
    typeof input.employees === 'number' &&
    typeof input.foundedYear === 'number' &&
    !futureFoundingYearIssue('foundedYear', input.foundedYear, now)
  );
}
