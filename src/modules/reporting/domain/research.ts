/**
 * Research extracts (decision 20): what a researcher may receive about the businesses that gave an
 * active research consent, and the check every extract passes before it is released.
 *
 * - No direct identifier ever leaves: no NEQ, name, e-mail, phone, street or postal code; a business
 *   is a pseudonym that only means something inside one extract.
 * - Dates are coarsened to the month, geography to the administrative region, employees and revenue
 *   to bands.
 * - **k-anonymity** on the quasi-identifiers (region, subsector, size band, year, and the registry's
 *   facts when its licence lets them out): every combination
 *   of their released values is shared by at least `K_MIN` businesses, or the extract is refused with
 *   the classes that fail and the least generalisation that would pass.
 * A change to these rules is a new `RESEARCH_RULES_VERSION`, written in every extract's README.
 */
import { z } from 'zod';
import { formatDate } from '../../../kernel/format.ts';

export const RESEARCH_RULES_VERSION = 'virage-research-2';

/** The smallest class an extract may contain (the issue's and the reference's k ≥ 5). */
export const K_MIN = 5;

/** What the researcher asks for: each group adds its variables (the profile is always included). */
export const VARIABLE_GROUPS = ['profile', 'diagnostic', 'coaching', 'outcomes'] as const;
export type VariableGroup = (typeof VARIABLE_GROUPS)[number];

export const QUASI_IDENTIFIERS = ['region', 'subsector', 'size_band', 'year', 'registry'] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

/** Released value of a quasi-identifier generalised to its top level: it says nothing. */
export const ANY = '*';

/**
 * Each quasi-identifier's levels, from the most detailed (0) to not released (the last):
 * region: administrative region, or nothing; subsector: NAICS subsector (3 digits), sector (2
 * digits), or nothing; size band: five bands, two (fewer than 10 employees, 10 or more), or nothing;
 * year: the year (with dates to the month), or nothing (and then no date at all, since a month would
 * give the year back); registry: the registry's status, legal form and size band together (released
 * only when an administrator recorded that its licence allows it, decision 44), or nothing.
 */
export const LEVELS = {
  region: ['region', 'none'],
  subsector: ['subsector', 'sector', 'none'],
  size_band: ['band', 'small_large', 'none'],
  year: ['year', 'none'],
  registry: ['released', 'none'],
} as const satisfies Record<QuasiIdentifier, readonly string[]>;

export type Generalisation = { [Q in QuasiIdentifier]: (typeof LEVELS)[Q][number] };

export const DETAILED: Generalisation = {
  region: 'region',
  subsector: 'subsector',
  size_band: 'band',
  year: 'year',
  registry: 'released',
};

export const generalisationSchema = z.strictObject({
  region: z.enum(LEVELS.region).default('region'),
  subsector: z.enum(LEVELS.subsector).default('subsector'),
  size_band: z.enum(LEVELS.size_band).default('band'),
  year: z.enum(LEVELS.year).default('year'),
  registry: z.enum(LEVELS.registry).default('released'),
});

/** `2027-03` from an instant, on the Montréal calendar (dates never leave more precise). */
export function monthOf(instant: Date | null): string | null {
  if (instant === null) return null;
  // Time zones change offset on the hour: every instant of a UTC hour is in the same Montréal month.
  // Extracts format hundreds of thousands of dates, so each hour is formatted once.
  const hour = Math.floor(instant.getTime() / 3_600_000);
  let month = monthsByHour.get(hour);
  if (month === undefined) {
    month = formatDate(instant).slice(0, 7);
    if (monthsByHour.size > 100_000) monthsByHour.clear();
    monthsByHour.set(hour, month);
  }
  return month;
}
const monthsByHour = new Map<number, string>();

/** One business's quasi-identifiers at the most detailed level (`null`: not known). */
export type QuasiValues = {
  region: string | null;
  subsector: string | null;
  size_band: string | null;
  year: string | null;
  /** The registry's released facts as one value (`registered/corporation/0-5`), null when not released. */
  registry: string | null;
};

const MISSING = '';

/** The values a business is released with under a generalisation. */
export function generalise(values: QuasiValues, g: Generalisation): Record<QuasiIdentifier, string> {
  const band = values.size_band;
  return {
    region: g.region === 'none' ? ANY : (values.region ?? MISSING),
    subsector:
      g.subsector === 'none'
        ? ANY
        : g.subsector === 'sector'
          ? (values.subsector?.slice(0, 2) ?? MISSING)
          : (values.subsector ?? MISSING),
    size_band:
      g.size_band === 'none'
        ? ANY
        : g.size_band === 'small_large' && band
          ? band === '1-4' || band === '5-9'
            ? '1-9'
            : '10+'
          : (band ?? MISSING),
    year: g.year === 'none' ? ANY : (values.year ?? MISSING),
    registry: g.registry === 'none' ? ANY : (values.registry ?? MISSING),
  };
}

/** A class's key: its released quasi-identifier values, in a fixed order. */
export const classKey = (released: Record<QuasiIdentifier, string>) =>
  `${released.region}|${released.subsector}|${released.size_band}|${released.year}|${released.registry}`;

const classValues = (key: string) =>
  Object.fromEntries(key.split('|').map((v, i) => [QUASI_IDENTIFIERS[i]!, v])) as Record<
    QuasiIdentifier,
    string
  >;

/** Counts businesses per class, one business at a time, so an extract can be checked as it streams. */
export class ClassCounter {
  readonly counts = new Map<string, number>();
  add(released: Record<QuasiIdentifier, string>): void {
    const key = classKey(released);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

export type FailingClass = { values: Record<QuasiIdentifier, string>; count: number };

/** The classes smaller than k (an empty extract has none, and nothing to release either). */
export function failingClasses(counts: ReadonlyMap<string, number>, k = K_MIN): FailingClass[] {
  return [...counts]
    .filter(([, n]) => n < k)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ values: classValues(key), count }));
}

export const isKAnonymous = (counts: ReadonlyMap<string, number>, k = K_MIN) =>
  failingClasses(counts, k).length === 0;

/**
 * Every generalisation, the most detailed first: fewer levels climbed first, then the registry's facts
 * given up first and region kept longest.
 */
export const GENERALISATIONS: Generalisation[] = (() => {
  const all: { g: Generalisation; height: number; order: number }[] = [];
  let order = 0;
  for (const year of LEVELS.year)
    for (const size_band of LEVELS.size_band)
      for (const subsector of LEVELS.subsector)
        for (const region of LEVELS.region)
          for (const registry of LEVELS.registry) {
            const g: Generalisation = { region, subsector, size_band, year, registry };
            const height = QUASI_IDENTIFIERS.reduce(
              (h, q) => h + (LEVELS[q] as readonly string[]).indexOf(g[q]),
              0,
            );
            all.push({ g, height, order: order++ });
          }
  return all.sort((a, b) => a.height - b.height || a.order - b.order).map((x) => x.g);
})();

/** Whether `a` is at least as general as `b` on every quasi-identifier. */
export function atLeastAsGeneral(a: Generalisation, b: Generalisation): boolean {
  return QUASI_IDENTIFIERS.every(
    (q) => (LEVELS[q] as readonly string[]).indexOf(a[q]) >= (LEVELS[q] as readonly string[]).indexOf(b[q]),
  );
}

/** Classes and their sizes for a set of businesses under a generalisation. */
export function classCounts(businesses: readonly QuasiValues[], g: Generalisation): Map<string, number> {
  const counter = new ClassCounter();
  for (const b of businesses) counter.add(generalise(b, g));
  return counter.counts;
}

/**
 * The least generalisation, at least as general as the one asked, under which every class has k
 * businesses or more; `null` when even releasing no quasi-identifier leaves fewer than k businesses.
 * Takes class counts at the most detailed level (small: at most regions × subsectors × bands × years),
 * so the search never rereads the businesses.
 */
export function suggestGeneralisation(
  detailedCounts: ReadonlyMap<string, number>,
  asked: Generalisation,
  k = K_MIN,
): Generalisation | null {
  if (detailedCounts.size === 0) return null;
  for (const g of GENERALISATIONS) {
    if (!atLeastAsGeneral(g, asked)) continue;
    const counts = new Map<string, number>();
    for (const [key, n] of detailedCounts) {
      const v = classValues(key);
      const coarse = classKey(
        generalise(
          {
            region: v.region || null,
            subsector: v.subsector || null,
            size_band: v.size_band || null,
            year: v.year || null,
            registry: v.registry || null,
          },
          g,
        ),
      );
      counts.set(coarse, (counts.get(coarse) ?? 0) + n);
    }
    if (isKAnonymous(counts, k)) return g;
  }
  return null;
}

/** The verdict on an extract: released, or refused with the classes that fail and a way out. */
export type DisclosureVerdict =
  | { ok: true; classes: number }
  | { ok: false; failing: FailingClass[]; suggestion: Generalisation | null };

/**
 * Decides on an extract from its class counts under the generalisation asked and at the most detailed
 * level (both counted while the rows stream). Nothing is released unless every class reaches k.
 */
export function disclosureVerdict(
  counts: ReadonlyMap<string, number>,
  detailedCounts: ReadonlyMap<string, number>,
  asked: Generalisation,
  k = K_MIN,
): DisclosureVerdict {
  const failing = failingClasses(counts, k);
  if (counts.size > 0 && failing.length === 0) return { ok: true, classes: counts.size };
  return { ok: false, failing, suggestion: suggestGeneralisation(detailedCounts, asked, k) };
}

/** A researcher's request: which program, what for, which variables, how coarse. */
export const extractRequestInput = z.strictObject({
  programId: z.uuid(),
  purpose: z.string().trim().min(20).max(4000),
  variableGroups: z.array(z.enum(VARIABLE_GROUPS)).min(1).max(VARIABLE_GROUPS.length),
  generalisation: generalisationSchema.default(DETAILED),
});

export const extractDecisionInput = z
  .strictObject({
    decision: z.enum(['approved', 'refused']),
    reason: z.string().trim().max(4000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'refused' && !v.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'reporting:research.errors.reason_required',
      });
  });
