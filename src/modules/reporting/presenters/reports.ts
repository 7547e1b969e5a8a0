import { z } from 'zod';
import { ALERT_KINDS } from '../../coaching/index.ts';
import { SUPPRESSION_REASONS } from '../domain/disclosure.ts';
import { FUNNEL_STEPS } from '../domain/funnel.ts';
import { CONTROLS, PUBLISHED_BREAKDOWNS, UNITS } from '../domain/indicators.ts';
import type { DisclosureRulesView } from '../use-cases/get-disclosure-rules.ts';
import type { ProgramDashboard } from '../use-cases/get-program-dashboard.ts';
import type { ProgramIndicators } from '../use-cases/get-program-indicators.ts';

const money = z.number().int();
const day = z.iso.date();
const estimate = z
  .object({ meanGain: z.number(), low: z.number(), high: z.number(), improvedPercent: z.number() })
  .nullable();
const breakdownGroup = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  applications: z.number().int(),
  accepted: z.number().int(),
});

const workshopFigures = {
  attendanceRate: z
    .number()
    .nullable()
    .describe('Percent present among those whose attendance was recorded; null before any is'),
  satisfaction: z.object({
    answers: z.number().int(),
    mean: z.number().nullable().describe('Mean rating from 1 to 5; null without answers'),
  }),
};

export const dashboard = z.object({
  program: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), targetRetailers: z.number().int() }),
  filters: z.object({
    from: day.optional(),
    to: day.optional(),
    region: z.string().optional(),
    partner: z.uuid().optional(),
    expert: z.uuid().optional(),
  }),
  asOfDay: day,
  funnel: z.array(z.object({ step: z.enum(FUNNEL_STEPS), count: z.number().int().nullable() })),
  prechecksEligible: z.number().int().nullable(),
  precheckFailures: z
    .array(z.object({ criterionId: z.string(), label: z.string(), count: z.number().int() }))
    .nullable()
    .describe(
      'Which criterion the anonymous pre-checks failed, counted; null under a partner or expert filter',
    ),
  conversions: z.array(
    z.object({
      step: z.enum(FUNNEL_STEPS),
      from: z.enum(FUNNEL_STEPS),
      numerator: z.number().int().nullable(),
      denominator: z.number().int().nullable(),
      percent: z.number().nullable(),
    }),
  ),
  forecast: z.object({
    target: z.number().int(),
    achieved: z.number().int(),
    remaining: z.number().int(),
    progressPercent: z.number().nullable(),
    windowWeeks: z.number().int(),
    windowFrom: day,
    acceptedInWindow: z.number().int(),
    pacePerWeek: z.number(),
    forecastDay: day.nullable(),
    reasonKey: z.string().nullable(),
  }),
  breakdowns: z.object({
    region: z.array(breakdownGroup),
    subsector: z.array(breakdownGroup),
    size_band: z.array(breakdownGroup),
  }),
  experts: z.array(
    z.object({
      expertId: z.uuid(),
      name: z.string(),
      activeFiles: z.number().int(),
      capacity: z.number().int(),
      hoursLogged: z.number(),
      hoursLoggedThisMonth: z.number(),
    }),
  ),
  budget: z.array(
    z.object({
      envelope: z.string(),
      envelopeKey: z.string(),
      fiscalYear: z.string(),
      budgetCents: money,
      committedCents: money,
      payableCents: money,
      paidCents: money,
      availableCents: money,
    }),
  ),
  workshops: z
    .object({
      items: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          startsAt: z.iso.datetime({ offset: true }),
          registered: z.number().int().describe('Places held'),
          present: z.number().int(),
          ...workshopFigures,
        }),
      ),
      total: z.object({
        workshops: z.number().int(),
        registered: z.number().int(),
        present: z.number().int(),
        ...workshopFigures,
      }),
    })
    .describe('The published workshops starting in the period (the other filters do not apply to them)'),
  alerts: z.array(
    z.object({
      kind: z.enum(ALERT_KINDS),
      count: z.number().int(),
      files: z.array(z.object({ applicationId: z.uuid(), name: z.string(), since: day })),
    }),
  ),
  impact: z
    .array(
      z.object({
        measure: z.string(),
        label: z.string().nullable(),
        pairs: z.number().int(),
        estimate,
        reasonKey: z.string().nullable(),
      }),
    )
    .nullable()
    .describe('Coordinators only; null for administrators'),
  expertQuality: z
    .array(
      z.object({
        expertId: z.uuid(),
        name: z.string(),
        closedFiles: z.number().int(),
        figures: z
          .object({
            pairs: z.number().int(),
            meanGain: z.number().nullable(),
            gainBeyondExpected: z.number().nullable().describe('Mean gain less what the files’ T0 predicts'),
            satisfaction: z.number().nullable(),
            planCompletionPercent: z.number().nullable(),
          })
          .nullable()
          .describe('Null under 10 closed files'),
        reasonKey: z.string().nullable(),
      }),
    )
    .nullable()
    .describe('Coordinators only; null for administrators'),
  choices: z.object({
    partners: z.array(z.object({ id: z.uuid(), name: z.string() })),
    experts: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
});

export const presentDashboard = (d: ProgramDashboard): z.input<typeof dashboard> => d;

const reason = z.enum(Object.keys(SUPPRESSION_REASONS) as [keyof typeof SUPPRESSION_REASONS]);
const cell = z.union([
  z.object({ shown: z.literal(true), value: z.number() }),
  z.object({ shown: z.literal(false), reason }),
]);

export const indicators = z.object({
  programId: z.uuid(),
  period: z.object({ from: day.nullable(), to: day.nullable() }),
  rulesVersion: z.string(),
  rules: z.object({ minCount: z.number().int(), dominance: z.number() }),
  indicators: z.array(
    z.object({
      id: z.string(),
      unit: z.enum(UNITS).describe('cad: cents'),
      control: z.enum(CONTROLS),
      total: cell,
      breakdowns: z.array(
        z.object({
          breakdown: z.enum(PUBLISHED_BREAKDOWNS),
          groups: z.array(z.object({ key: z.string().nullable(), label: z.string().nullable(), cell })),
        }),
      ),
    }),
  ),
  maturity: z.array(z.object({ measure: z.string(), label: z.string().nullable(), pairs: cell, estimate })),
});

export const presentIndicators = (i: ProgramIndicators): z.input<typeof indicators> => i;

export const disclosureRules = z.object({
  programId: z.uuid(),
  version: z.string().describe('The rules’ version, printed on every report'),
  minCount: z.number().int().describe('A count of businesses under it is suppressed'),
  dominance: z
    .number()
    .describe('A share (0.85 for 85 %): a sum one business contributes more of is suppressed'),
  updatedAt: z.iso.datetime().nullable().describe('Null: the program uses the defaults'),
});

export const presentDisclosureRules = (r: DisclosureRulesView): z.input<typeof disclosureRules> => ({
  programId: r.programId,
  version: r.version,
  minCount: r.minCount,
  dominance: r.dominance,
  updatedAt: r.updatedAt?.toISOString() ?? null,
});
