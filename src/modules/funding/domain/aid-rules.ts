import { z } from 'zod';
import { COST_CATEGORIES } from './cost-categories.ts';
import { type Cents, centsSchema, FULL_RATE } from './money.ts';
import { DEFAULT_TAX_POLICY, TAX_POLICIES } from './taxes.ts';

/**
 * A program's aid rules, as data administrators edit. The caller versions them (as intake does its
 * criteria): an agreement keeps the version it was made under, so a later change never moves a
 * signed grant. Error messages are i18n keys naming what is wrong; the path names the field.
 */

/**
 * Rates are basis points (9000 = 90 %), not decimals: an integer is exact in JSON, in the database
 * and in arithmetic, and 1/100 of a percent is finer than any program's rate.
 */
const rate = z
  .number({ error: 'funding:errors.rate_range' })
  .int({ error: 'funding:errors.rate_range' })
  .min(0, { error: 'funding:errors.rate_range' })
  .max(FULL_RATE, { error: 'funding:errors.rate_range' });

const isoDay = z.iso.date({ error: 'funding:errors.date' });

const category = z.enum(COST_CATEGORIES, { error: 'funding:errors.category' });

/** When costs start to count: at the retailer's acceptance of the offer (default), or at the offer. */
export const COSTS_FROM = ['acceptance', 'offer'] as const;

/** Above `aboveCents`, a payment needs `financeApprovers` distinct finance officers. */
const approvalLevel = z.strictObject({
  aboveCents: centsSchema,
  financeApprovers: z.number().int().min(1, { error: 'funding:errors.approvers' }).max(3, {
    error: 'funding:errors.approvers',
  }),
});

const common = {
  /** Most one business may receive from the program, all agreements together; null: no cap. */
  capPerBusinessCents: centsSchema.nullable(),
  /** Total public aid (this grant plus other aid the retailer declares) stays within this share of eligible costs; null: no rule. */
  stackingLimitBasisPoints: rate.nullable(),
  eligibleCategories: z.array(category).min(1, { error: 'funding:errors.categories_empty' }),
  ineligibleCategories: z.array(category),
  costsFrom: z.enum(COSTS_FROM),
  /** Costs must be incurred within these days (Montréal calendar), and after `costsFrom`. */
  projectWindow: z.strictObject({ startsOn: isoDay, endsOn: isoDay }),
  /** Last day a claim may be submitted. */
  claimDeadline: isoDay,
  /** Days a solution must be in use (since its last invoice) before it is claimed, as PSG asks. */
  minimumUseDays: z
    .number()
    .int()
    .min(0, { error: 'funding:errors.days' })
    .max(730, { error: 'funding:errors.days' }),
  taxPolicy: z.enum(TAX_POLICIES).default(DEFAULT_TAX_POLICY),
  approvalLevels: z.array(approvalLevel).max(5),
};

export const aidRulesSchema = z
  .discriminatedUnion(
    'kind',
    [
      /** The program pays experts' accompaniment only: no money goes to the retailer. */
      z.strictObject({ kind: z.literal('none'), ...common }),
      z.strictObject({
        kind: z.literal('percentage'),
        rateBasisPoints: rate.refine((r) => r > 0, { error: 'funding:errors.rate_range' }),
        ...common,
      }),
      z.strictObject({
        kind: z.literal('fixed'),
        amountCents: centsSchema.refine((a) => a > 0, { error: 'funding:errors.amount_positive' }),
        ...common,
      }),
    ],
    { error: 'funding:errors.kind' },
  )
  .superRefine((rules, ctx) => {
    const eligible = new Set<string>(rules.eligibleCategories);
    rules.ineligibleCategories.forEach((c, i) => {
      if (eligible.has(c))
        ctx.addIssue({
          code: 'custom',
          path: ['ineligibleCategories', i],
          message: 'funding:errors.categories_overlap',
        });
    });
    // Days are compared only when both are days, so a mistyped date gets one message, not two.
    const ordered = (before: string, after: string) =>
      !isoDay.safeParse(before).success || !isoDay.safeParse(after).success || before <= after;
    if (!ordered(rules.projectWindow.startsOn, rules.projectWindow.endsOn))
      ctx.addIssue({
        code: 'custom',
        path: ['projectWindow', 'endsOn'],
        message: 'funding:errors.window_order',
      });
    if (!ordered(rules.projectWindow.endsOn, rules.claimDeadline))
      ctx.addIssue({ code: 'custom', path: ['claimDeadline'], message: 'funding:errors.deadline_order' });
    rules.approvalLevels.forEach((level, i) => {
      const previous = rules.approvalLevels[i - 1];
      if (
        previous &&
        (level.aboveCents <= previous.aboveCents || level.financeApprovers <= previous.financeApprovers)
      )
        ctx.addIssue({ code: 'custom', path: ['approvalLevels', i], message: 'funding:errors.levels_order' });
    });
  });

export type AidRules = z.output<typeof aidRulesSchema>;
export type AidKind = AidRules['kind'];

/** How many distinct finance officers must approve paying this amount (one below every level). */
export function financeApproversFor(rules: Pick<AidRules, 'approvalLevels'>, amount: Cents): number {
  return rules.approvalLevels.reduce(
    (n, level) => (amount > level.aboveCents ? level.financeApprovers : n),
    1,
  );
}
