import { formatDate, montrealIso, startOfMontrealDay } from '../../../kernel/format.ts';
import { NAICS_RETAIL, regionName } from '../../../kernel/quebec.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize, isAllowed } from '../../../wiring/authorize.ts';
import { coachingAlerts, expertOutcomes, getWorkload } from '../../coaching/index.ts';
import { expertsWithLoad } from '../../experts/index.ts';
import { getBudget } from '../../funding/index.ts';
import {
  acceptancePace,
  type BreakdownKey,
  businessNames,
  type CohortFilter,
  cohortIds,
  partnersOf,
  precheckFailureTotals,
  precheckTotals,
} from '../../intake/index.ts';
import { getProgram } from '../../programs/index.ts';
import { attendanceFigures, type WorkshopTally, workshopTallies } from '../../workshops/index.ts';
import {
  type CohortGroup,
  type KeptCohortFilter,
  keptCohortCounts,
  keptGainSummaries,
} from '../db/cohort-counts.ts';
import { expertQuality } from '../domain/expert-quality.ts';
import { forecastFromCounts, forecastWindowStart } from '../domain/forecast.ts';
import { conversions, FUNNEL_STEPS, type FunnelCounts } from '../domain/funnel.ts';
import { impactFromSummaries } from '../domain/impact.ts';
import type { PublishedBreakdown } from '../domain/indicators.ts';
import { quarterLabel, quarterOfKey } from '../domain/quarters.ts';
import { dimensionLabels, measureLabel } from './dimension-labels.ts';
import { dashboardQuery, periodInstants } from './report-period.ts';

/** Files listed per kind of alert; the count says how many there are in all. */
const ALERTS_SHOWN = 10;

/** A group's name for the reader: the region's name, the subsector's, the quarter's, or the size band itself. */
export function groupLabel(
  breakdown: PublishedBreakdown,
  key: string | null,
  locale: 'fr' | 'en',
): string | null {
  if (key === null) return null;
  if (breakdown === 'region') return regionName(key);
  if (breakdown === 'fiscal_quarter') {
    const quarter = quarterOfKey(key);
    return quarter ? quarterLabel(quarter, locale) : key;
  }
  if (breakdown === 'subsector') {
    const naics = NAICS_RETAIL.find((n) => n.code === key);
    return naics ? `${key} – ${naics[locale]}` : key;
  }
  return key;
}

/**
 * The program's dashboard for its team: the funnel of the cohort the filters choose (applications
 * submitted in the period, in a region, referred by a partner, coached by an expert) with conversions,
 * progress towards the target and its forecast, the cohort by region, subsector and size band, the
 * experts' workloads, the budget, the alerts, and (coordinators) the measured impact. Every figure is
 * counted by the database; nothing is read row by row.
 */
export async function getProgramDashboard(ctx: Ctx, programId: string, query: unknown) {
  authorize(ctx.actor, 'dashboard.read');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const filters = parseInput(dashboardQuery, query, 'reporting');
  const program = await getProgram(ctx, programId);
  const today = formatDate(ctx.now());
  const experts = await expertsWithLoad(ctx.db, { programId: program.id });
  const expert = filters.expert ? experts.find((e) => e.id === filters.expert) : undefined;
  if (filters.expert && !expert)
    throw new AppError('invalid_input', { fields: [{ path: 'expert', key: 'reporting:errors.expert' }] });
  const chosen = {
    programId: program.id,
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.partner ? { partnerId: filters.partner } : {}),
    ...(expert ? { expertUserId: expert.userId } : {}),
  };
  const cohort: CohortFilter = { ...chosen, ...periodInstants(filters) };
  const kept: KeptCohortFilter = {
    ...chosen,
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const unfiltered = !filters.from && !filters.to && !filters.region && !filters.partner && !expert;
  const withImpact = isAllowed(ctx.actor, 'impact.read');
  // A pre-check is anonymous: it cannot be tied to a partner or an expert, so it is not counted under those filters.
  const prechecksCounted = !filters.partner && !filters.expert;
  const precheckFilter = {
    programId: program.id,
    ...(filters.from ? { fromDay: filters.from } : {}),
    ...(filters.to ? { toDay: filters.to } : {}),
    ...(filters.region ? { region: filters.region } : {}),
  };
  const [
    groups,
    prechecks,
    failures,
    pace,
    alerts,
    workload,
    budget,
    partners,
    gains,
    label,
    outcomes,
    tallies,
  ] = await Promise.all([
    keptCohortCounts(ctx.db, kept),
    prechecksCounted ? precheckTotals(ctx.db, precheckFilter) : null,
    prechecksCounted ? precheckFailureTotals(ctx.db, precheckFilter) : null,
    acceptancePace(ctx.db, program.id, startOfMontrealDay(forecastWindowStart(today))),
    coachingAlerts(
      ctx.db,
      { programId: program.id, cohort: cohortIds(cohort), whole: unfiltered },
      ctx.now(),
      ALERTS_SHOWN,
    ),
    getWorkload(ctx, { programId: program.id }),
    getBudget(ctx, program.id, {}),
    partnersOf(ctx.db, program.id),
    withImpact ? keptGainSummaries(ctx.db, kept) : Promise.resolve(null),
    withImpact ? dimensionLabels(ctx, program.id) : null,
    withImpact ? expertOutcomes(ctx.db, program.id) : null,
    workshopTallies(ctx.db, program.id, periodInstants(filters)),
  ]);
  const total = groups.find((g) => g.breakdown === 'total');
  const funnel = Object.fromEntries(
    FUNNEL_STEPS.map((step) => [
      step,
      step === 'prechecks' ? (prechecks?.prechecks ?? null) : (total?.[step] ?? 0),
    ]),
  ) as FunnelCounts;
  const names = await businessNames(
    ctx.db,
    alerts.flatMap((a) => a.files.map((f) => f.applicationId)),
  );
  return {
    program: {
      id: program.id,
      slug: program.slug,
      name: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
      targetRetailers: program.targetRetailers,
    },
    filters,
    asOfDay: today,
    funnel: FUNNEL_STEPS.map((step) => ({ step, count: funnel[step] })),
    /** Of the pre-checks counted, those that found the business eligible (null: not counted under this filter). */
    prechecksEligible: prechecks?.eligible ?? null,
    /** The criteria the pre-checks failed, counted, most failed first (null: not counted under this filter). */
    precheckFailures:
      failures?.map((f) => ({
        criterionId: f.criterionId,
        label: f.label?.[ctx.locale] ?? f.criterionId,
        count: f.count,
      })) ?? null,
    conversions: conversions(funnel),
    forecast: forecastFromCounts({
      target: program.targetRetailers,
      achieved: pace.accepted,
      acceptedInWindow: pace.acceptedInWindow,
      today,
    }),
    breakdowns: breakdownsOf(groups, ctx.locale),
    experts: workload.items.map((e) => ({
      expertId: e.expertId,
      name: e.name,
      activeFiles: e.activeFiles,
      capacity: e.capacity,
      hoursLogged: e.hoursLogged,
      hoursLoggedThisMonth: e.hoursLoggedThisMonth,
    })),
    budget: budget.envelopes.flatMap((e) =>
      e.years.map((y) => ({
        envelope: e.name,
        envelopeKey: e.key,
        fiscalYear: y.fiscalYear,
        budgetCents: y.budgetCents,
        committedCents: y.committedCents,
        payableCents: y.payableCents,
        paidCents: y.paidCents,
        availableCents: y.availableCents,
      })),
    ),
    workshops: workshopsOf(tallies, ctx.locale),
    alerts: alerts.map((a) => ({
      kind: a.kind,
      count: a.count,
      files: a.files.map((f) => ({
        applicationId: f.applicationId,
        name: names.get(f.applicationId) ?? '',
        since: formatDate(f.since),
      })),
    })),
    impact:
      gains === null || label === null
        ? null
        : impactFromSummaries(gains).map((m) => ({
            ...m,
            label: measureLabel(label, m.measure),
          })),
    expertQuality:
      outcomes === null
        ? null
        : expertQuality(
            outcomes.map((o) => ({ ...o, name: experts.find((e) => e.id === o.expertId)?.name ?? '' })),
          ),
    choices: {
      partners,
      experts: experts.map((e) => ({ id: e.id, name: e.name })),
    },
  };
}

/**
 * The program's workshops that start in the period (the other filters choose applications, not
 * workshops): each one's places held, attendance rate and satisfaction, and all of them together.
 */
function workshopsOf(tallies: WorkshopTally[], locale: 'fr' | 'en') {
  const sum = (key: 'registered' | 'recorded' | 'present' | 'answers' | 'ratingSum') =>
    tallies.reduce((total, w) => total + w[key], 0);
  return {
    items: tallies.map((w) => ({
      id: w.id,
      title: locale === 'fr' ? w.titleFr : w.titleEn,
      startsAt: montrealIso(w.startsAt),
      registered: w.registered,
      present: w.present,
      ...attendanceFigures(w),
    })),
    total: {
      workshops: tallies.length,
      registered: sum('registered'),
      present: sum('present'),
      ...attendanceFigures({
        recorded: sum('recorded'),
        present: sum('present'),
        answers: sum('answers'),
        ratingSum: sum('ratingSum'),
      }),
    },
  };
}

function breakdownsOf(rows: CohortGroup[], locale: 'fr' | 'en') {
  const of = (breakdown: BreakdownKey) =>
    rows
      .filter((r) => r.breakdown === breakdown)
      .sort((a, b) => b.applications - a.applications || String(a.key).localeCompare(String(b.key)))
      .map((r) => ({
        key: r.key,
        label: groupLabel(breakdown, r.key, locale),
        applications: r.applications,
        accepted: r.acceptedNow,
      }));
  return { region: of('region'), subsector: of('subsector'), size_band: of('size_band') };
}

export type ProgramDashboard = Awaited<ReturnType<typeof getProgramDashboard>>;
