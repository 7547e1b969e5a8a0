/**
 * The program funnel, from a retailer's first pre-check to the T1 diagnostic after closure.
 *
 * It follows a cohort: the period, region and partner choose the applications (by the day they were
 * submitted) and the pre-checks (by the day they were taken), and each later step counts the
 * applications of that cohort that have reached it by the `asOf` day, whenever they did. Counting each
 * step by the day it happened instead would compare different businesses from one step to the next and
 * could show more acceptances than applications; a cohort never does.
 *
 * Steps are a path with one branch: a waitlisted application comes from the eligible ones, as accepted
 * ones do, so each step's conversion is against the step it comes from, not the one printed above it.
 * Steps count applications that reached them, so a file later withdrawn still counts as accepted; and
 * a coordinator may accept a file the automated check found ineligible, so that conversion can pass 100 %.
 */
import { formatDate } from '../../../kernel/format.ts';
import { withinPeriod } from './days.ts';
import { percentOneDecimal } from './rounding.ts';

export const FUNNEL_STEPS = [
  'prechecks',
  'applications',
  'eligible',
  'accepted',
  'waitlisted',
  't0_done',
  'assigned',
  'plan_approved',
  'closed',
  't1_done',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The step each one's conversion is measured against. */
export const FUNNEL_BASE: Record<Exclude<FunnelStep, 'prechecks'>, FunnelStep> = {
  applications: 'prechecks',
  eligible: 'applications',
  accepted: 'eligible',
  waitlisted: 'eligible',
  t0_done: 'accepted',
  assigned: 't0_done',
  plan_approved: 'assigned',
  closed: 'plan_approved',
  t1_done: 'closed',
};

/** One submitted application and the instants it reached each milestone (null: not yet, or never). */
export type ApplicationFacts = {
  submittedAt: Date;
  region: string | null;
  partnerId: string | null;
  /** The expert assigned, if any: the expert filter keeps only their files. */
  expertId: string | null;
  /** The automated eligibility assessment at submission. */
  eligible: boolean | null;
  acceptedAt: Date | null;
  waitlistedAt: Date | null;
  t0DoneAt: Date | null;
  assignedAt: Date | null;
  planApprovedAt: Date | null;
  closedAt: Date | null;
  t1DoneAt: Date | null;
};

/** A pre-check is anonymous: only when and where. */
export type PrecheckFacts = { at: Date; region: string | null };

/** Days are Montréal calendar days, inclusive; an absent filter does not limit. */
export type FunnelFilter = {
  from?: string;
  to?: string;
  region?: string;
  partnerId?: string;
  expertId?: string;
  /** The day the funnel is read on: milestones after it are not reached yet. */
  asOf: string;
};

/** Counts per step; pre-checks are null under a partner or expert filter, which they cannot be tied to. */
export type FunnelCounts = Record<FunnelStep, number | null>;

const MILESTONES: Record<
  Exclude<FunnelStep, 'prechecks' | 'applications'>,
  (a: ApplicationFacts) => boolean
> = {
  eligible: (a) => a.eligible === true,
  accepted: (a) => a.acceptedAt !== null,
  waitlisted: (a) => a.waitlistedAt !== null,
  t0_done: (a) => a.t0DoneAt !== null,
  assigned: (a) => a.assignedAt !== null,
  plan_approved: (a) => a.planApprovedAt !== null,
  closed: (a) => a.closedAt !== null,
  t1_done: (a) => a.t1DoneAt !== null,
};

const DATED = [
  'acceptedAt',
  'waitlistedAt',
  't0DoneAt',
  'assignedAt',
  'planApprovedAt',
  'closedAt',
  't1DoneAt',
] as const satisfies readonly (keyof ApplicationFacts)[];

/** The application as it stood on `asOf`: milestones reached later are taken out. */
function asItStood(a: ApplicationFacts, asOf: string): ApplicationFacts {
  const seen = { ...a };
  for (const key of DATED) {
    const at = a[key];
    if (at !== null && formatDate(at) > asOf) seen[key] = null;
  }
  return seen;
}

export function funnelCounts(
  facts: { applications: ApplicationFacts[]; prechecks: PrecheckFacts[] },
  filter: FunnelFilter,
): FunnelCounts {
  const period = { from: filter.from, to: filter.to ?? filter.asOf };
  const cohort = facts.applications
    .filter(
      (a) =>
        withinPeriod(formatDate(a.submittedAt), period) &&
        (filter.region === undefined || a.region === filter.region) &&
        (filter.partnerId === undefined || a.partnerId === filter.partnerId) &&
        (filter.expertId === undefined || a.expertId === filter.expertId),
    )
    .map((a) => asItStood(a, filter.asOf));
  const tiedToSomeone = filter.partnerId !== undefined || filter.expertId !== undefined;
  const prechecks = tiedToSomeone
    ? null
    : facts.prechecks.filter(
        (p) =>
          withinPeriod(formatDate(p.at), period) &&
          (filter.region === undefined || p.region === filter.region),
      ).length;
  const counts = { prechecks, applications: cohort.length } as FunnelCounts;
  for (const [step, reached] of Object.entries(MILESTONES)) {
    counts[step as FunnelStep] = cohort.filter(reached).length;
  }
  return counts;
}

/**
 * A conversion as an exact fraction, and its percentage rounded half up to one decimal (2/3 is 66.7);
 * no percentage when the base is zero or unknown. A pre-check is anonymous and a retailer may apply
 * without one, so the applications' conversion from pre-checks can exceed 100 %.
 */
export type Conversion = {
  step: FunnelStep;
  from: FunnelStep;
  numerator: number | null;
  denominator: number | null;
  percent: number | null;
};

export function conversions(counts: FunnelCounts): Conversion[] {
  return Object.entries(FUNNEL_BASE).map(([step, from]) => {
    const numerator = counts[step as FunnelStep];
    const denominator = counts[from];
    const percent =
      numerator === null || denominator === null || denominator === 0
        ? null
        : percentOneDecimal(numerator, denominator);
    return { step: step as FunnelStep, from, numerator, denominator, percent };
  });
}
