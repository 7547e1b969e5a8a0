import { z } from 'zod';
import { formatDate, startOfMontrealDay } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { approvedPlans, hoursHeld, surveyAnswer } from '../../coaching/index.ts';
import { completedDiagnostics, scoreGains } from '../../diagnostic/index.ts';
import { aidPerBusiness } from '../../funding/index.ts';
import { type BreakdownRow, cohortBreakdown, cohortIds, type Milestone } from '../../intake/index.ts';
import { getProgram } from '../../programs/index.ts';
import { hoursTrained, workshopAttendanceShare, workshopSatisfaction } from '../../workshops/index.ts';
import { disclosureRulesOf } from '../db/disclosure-settings.ts';
import {
  type CellOutput,
  DISCLOSURE_RULES_VERSION,
  type DisclosureRules,
  protectList,
  type SUPPRESSION_REASONS,
} from '../domain/disclosure.ts';
import { impactFromSummaries } from '../domain/impact.ts';
import {
  type IndicatorId,
  indicatorById,
  PUBLISHED_BREAKDOWNS,
  type PublishedBreakdown,
} from '../domain/indicators.ts';
import { type Tally, tallyByFiscalQuarter } from '../domain/quarters.ts';
import { oneDecimal } from '../domain/rounding.ts';
import { dimensionLabels, measureLabel } from './dimension-labels.ts';
import { groupLabel } from './get-program-dashboard.ts';
import { orderedPeriod, periodInstants, periodOrderIssue, periodShape } from './report-period.ts';

export const indicatorsQuery = z.strictObject(periodShape).refine(orderedPeriod, periodOrderIssue);

/** What the ministry reads: a figure, or « x » and why. Never a business's identifier. */
export type Cell =
  | { shown: true; value: number }
  | { shown: false; reason: keyof typeof SUPPRESSION_REASONS };

const cellOf = (out: CellOutput, scale = (v: number) => v): Cell =>
  out.shown ? { shown: true, value: scale(out.value) } : { shown: false, reason: out.reason };

/** Money is kept in cents, hours to one decimal, means to one decimal. */
const SCALES: Partial<Record<IndicatorId, (v: number) => number>> = {
  coaching_hours: oneDecimal,
  coaching_hours_in_store: oneDecimal,
  coaching_hours_video: oneDecimal,
  coaching_hours_phone: oneDecimal,
  training_hours: oneDecimal,
  aid_committed: Math.round,
  aid_paid: Math.round,
  aid_recovered: Math.round,
};

/**
 * The program's indicators for the ministry, for the applications submitted in a period: every count
 * and sum by region, subsector and size band through disclosure control (minimum count, dominance,
 * complementary suppression: decision 16), every mean over at least the minimum count of businesses,
 * score gains over at least 10 pairs, under the program's disclosure rules (decision 30). Only
 * aggregates leave: no row names a business.
 */
export async function getProgramIndicators(ctx: Ctx, programId: string, query: unknown) {
  authorize(ctx.actor, 'indicators.read');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const period = parseInput(indicatorsQuery, query, 'reporting');
  const program = await getProgram(ctx, programId);
  const asOf = startOfMontrealDay(formatDate(ctx.now()), 1);
  const { minCount, dominance } = await disclosureRulesOf(ctx.db, program.id);
  const rules: DisclosureRules = { minCount, dominance };
  const cohort = { programId: program.id, ...periodInstants(period) };
  const measures: [IndicatorId, Milestone | null][] = [
    ['applications_received', null],
    ['businesses_supported', completedDiagnostics('T0', asOf)],
    ['diagnostics_t1', completedDiagnostics('T1', asOf)],
    ['plans_adopted', approvedPlans(asOf)],
    ['coaching_hours', hoursHeld()],
    ['coaching_hours_in_store', hoursHeld('in_store')],
    ['coaching_hours_video', hoursHeld('video')],
    ['coaching_hours_phone', hoursHeld('phone')],
    ['training_hours', hoursTrained()],
    ['workshop_attendance', workshopAttendanceShare()],
    ['workshop_satisfaction', workshopSatisfaction()],
    ['aid_committed', aidPerBusiness(program.id, 'committed')],
    ['aid_paid', aidPerBusiness(program.id, 'paid')],
    ['aid_recovered', aidPerBusiness(program.id, 'recovered')],
    ['jobs_created', surveyAnswer('closure', 'jobsCreated')],
    ['online_sales_share', surveyAnswer('closure', 'onlineSalesShare')],
    ['satisfaction', surveyAnswer('closure', 'satisfactionProgram')],
    ['jobs_created_six_months', surveyAnswer('six_months', 'jobsCreated')],
    ['online_sales_share_six_months', surveyAnswer('six_months', 'onlineSalesShare')],
    ['satisfaction_six_months', surveyAnswer('six_months', 'satisfactionProgram')],
  ];
  const [tables, gains, label] = await Promise.all([
    Promise.all(measures.map(([, measure]) => cohortBreakdown(ctx.db, cohort, measure))),
    scoreGains(ctx.db, cohortIds(cohort)),
    dimensionLabels(ctx, program.id),
  ]);
  return {
    programId: program.id,
    period: { from: period.from ?? null, to: period.to ?? null },
    rulesVersion: DISCLOSURE_RULES_VERSION,
    rules,
    indicators: measures.map(([id], i) => protectIndicator(id, tables[i]!, rules, ctx.locale)),
    maturity: impactFromSummaries(gains).map((m) => ({
      measure: m.measure,
      label: measureLabel(label, m.measure),
      pairs: (m.pairs > 0 && m.pairs < rules.minCount
        ? { shown: false, reason: 'small_count' }
        : { shown: true, value: m.pairs }) satisfies Cell as Cell,
      estimate: m.estimate,
    })),
  };
}

function protectIndicator(
  id: IndicatorId,
  rows: BreakdownRow[],
  rules: DisclosureRules,
  locale: 'fr' | 'en',
) {
  const indicator = indicatorById(id)!;
  const breakdowns = PUBLISHED_BREAKDOWNS.filter((b) =>
    (indicator.breakdowns as readonly string[]).includes(b),
  );
  const total = rows.find((r) => r.breakdown === 'total') ?? {
    breakdown: 'total',
    key: null,
    businesses: 0,
    accepted: 0,
    sum: 0,
    largest: 0,
  };
  const groupsOf = (b: PublishedBreakdown): (Tally & { key: string | null })[] => {
    const of = (breakdown: BreakdownRow['breakdown']) => rows.filter((r) => r.breakdown === breakdown);
    // Intake counts by month of submission; the quarters are the kernel's fiscal ones.
    const groups = b === 'fiscal_quarter' ? tallyByFiscalQuarter(of('month')) : of(b);
    return groups.sort((x, y) => String(x.key).localeCompare(String(y.key)));
  };
  if (indicator.control === 'mean') {
    // Averages have no totals to protect: each is shown over enough businesses, or not at all.
    const mean = (r: Tally): Cell =>
      r.businesses === 0
        ? { shown: true, value: 0 }
        : r.businesses < rules.minCount
          ? { shown: false, reason: 'small_count' }
          : { shown: true, value: oneDecimal(r.sum / r.businesses) };
    return {
      id,
      unit: indicator.unit,
      control: indicator.control,
      total: mean(total),
      breakdowns: breakdowns.map((b) => ({
        breakdown: b,
        groups: groupsOf(b).map((r) => ({ key: r.key, label: groupLabel(b, r.key, locale), cell: mean(r) })),
      })),
    };
  }
  const scale = SCALES[id];
  const input = (r: Tally) =>
    indicator.control === 'sum'
      ? { count: r.businesses, sum: { value: r.sum, largest: r.largest } }
      : { count: r.businesses };
  const lists = breakdowns.map((b) => {
    const groups = groupsOf(b);
    return { b, groups, protectedList: protectList(groups.map(input), rules) };
  });
  // The total is one figure printed once: hidden if any list hides it (more hidden cells never reveal more).
  const totalOut = protectList([input(total)], rules).total;
  const totalHidden = lists.find((l) => !l.protectedList.total.shown)?.protectedList.total;
  return {
    id,
    unit: indicator.unit,
    control: indicator.control,
    total: cellOf(totalHidden ?? totalOut, scale),
    breakdowns: lists.map(({ b, groups, protectedList }) => ({
      breakdown: b,
      groups: groups.map((r, i) => ({
        key: r.key,
        label: groupLabel(b, r.key, locale),
        cell: cellOf(protectedList.cells[i]!, scale),
      })),
    })),
  };
}

export type ProgramIndicators = Awaited<ReturnType<typeof getProgramIndicators>>;
