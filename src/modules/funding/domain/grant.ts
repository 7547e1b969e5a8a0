import { formatMoney, formatNumber } from '../../../kernel/format.ts';
import type { Locale, Translate } from '../../../kernel/locale.ts';
import type { AidRules } from './aid-rules.ts';
import type { CostCategory } from './cost-categories.ts';
import { applyRatio, type BasisPoints, basisPoints, type Cents, sumCents } from './money.ts';

/** A line of an agreement's budget (or of what was actually spent on it): its eligible amount, taxes counted per the rules. */
export type BudgetLine = { id: string; category: CostCategory; amountCents: Cents };

/** One step of the arithmetic, so a page shows how the grant was reached, not only its amount. */
export type GrantStep =
  | { kind: 'eligible'; eligibleCents: Cents; excludedCents: Cents }
  | { kind: 'none'; resultCents: 0 }
  | { kind: 'rate'; rateBasisPoints: BasisPoints; baseCents: Cents; resultCents: Cents }
  | { kind: 'fixed'; amountCents: Cents; eligibleCents: Cents; resultCents: Cents }
  | { kind: 'cap'; capCents: Cents; previousCents: Cents; limitCents: Cents; resultCents: Cents }
  | {
      kind: 'stacking';
      shareBasisPoints: BasisPoints;
      eligibleCents: Cents;
      otherAidCents: Cents;
      limitCents: Cents;
      resultCents: Cents;
    };

export type Grant = {
  amountCents: Cents;
  eligibleCents: Cents;
  excludedLineIds: string[];
  steps: GrantStep[];
};

export type GrantInput = {
  rules: AidRules;
  lines: readonly BudgetLine[];
  /** Other public aid the retailer declared for the same costs. */
  otherPublicAidCents: Cents;
  /** What the program already granted this business under other agreements (the cap is per business). */
  previousGrantsCents?: Cents;
};

export function isEligibleCategory(rules: AidRules, category: CostCategory): boolean {
  return rules.eligibleCategories.includes(category) && !rules.ineligibleCategories.includes(category);
}

/**
 * The grant: the rate applied to eligible costs (or the fixed amount, never above those costs), then
 * held under the per-business cap and the stacking limit. Each limit is floored at zero, so the
 * grant is never negative, and each is a minimum, so the grant grows with the eligible cost.
 */
export function grantOf({ rules, lines, otherPublicAidCents, previousGrantsCents = 0 }: GrantInput): Grant {
  const included = lines.filter((l) => isEligibleCategory(rules, l.category));
  const eligibleCents = sumCents(included.map((l) => l.amountCents));
  const excluded = lines.filter((l) => !included.includes(l));
  const steps: GrantStep[] = [
    { kind: 'eligible', eligibleCents, excludedCents: sumCents(excluded.map((l) => l.amountCents)) },
  ];

  let amount: Cents;
  if (rules.kind === 'none') {
    steps.push({ kind: 'none', resultCents: 0 });
    amount = 0;
  } else if (rules.kind === 'percentage') {
    amount = applyRatio(eligibleCents, basisPoints(rules.rateBasisPoints));
    steps.push({
      kind: 'rate',
      rateBasisPoints: rules.rateBasisPoints,
      baseCents: eligibleCents,
      resultCents: amount,
    });
  } else {
    amount = Math.min(rules.amountCents, eligibleCents);
    steps.push({ kind: 'fixed', amountCents: rules.amountCents, eligibleCents, resultCents: amount });
  }

  if (rules.kind !== 'none' && rules.capPerBusinessCents !== null) {
    const limitCents = Math.max(0, rules.capPerBusinessCents - previousGrantsCents);
    amount = Math.min(amount, limitCents);
    steps.push({
      kind: 'cap',
      capCents: rules.capPerBusinessCents,
      previousCents: previousGrantsCents,
      limitCents,
      resultCents: amount,
    });
  }
  if (rules.kind !== 'none' && rules.stackingLimitBasisPoints !== null) {
    const share = applyRatio(eligibleCents, basisPoints(rules.stackingLimitBasisPoints));
    const limitCents = Math.max(0, share - otherPublicAidCents);
    amount = Math.min(amount, limitCents);
    steps.push({
      kind: 'stacking',
      shareBasisPoints: rules.stackingLimitBasisPoints,
      eligibleCents,
      otherAidCents: otherPublicAidCents,
      limitCents,
      resultCents: amount,
    });
  }
  return { amountCents: amount, eligibleCents, excludedLineIds: excluded.map((l) => l.id), steps };
}

/**
 * What a claim may ask for. A grant follows actual costs: each line counts at most its approved
 * amount, the grant is computed again on what was spent (so a percentage grant shrinks when costs
 * are lower), never above the agreement's grant, less what was already paid.
 */
export function claimableAmount(input: {
  rules: AidRules;
  approvedLines: readonly BudgetLine[];
  /** Eligible costs actually incurred so far, per budget line (this claim included). */
  actualCents: ReadonlyMap<string, Cents>;
  agreementGrantCents: Cents;
  otherPublicAidCents: Cents;
  previousGrantsCents?: Cents;
  paidCents: Cents;
}): { amountCents: Cents; entitledCents: Cents; grant: Grant } {
  const actualLines = input.approvedLines.map((line) => ({
    ...line,
    amountCents: Math.min(line.amountCents, input.actualCents.get(line.id) ?? 0),
  }));
  const grant = grantOf({ ...input, lines: actualLines });
  const entitledCents = Math.min(grant.amountCents, input.agreementGrantCents);
  return { amountCents: Math.max(0, entitledCents - input.paidCents), entitledCents, grant };
}

/** The arithmetic in words: « 90 % × 12 000,00 $ = 10 800,00 $ », « plafond 2 400,00 $ → 2 400,00 $ ». */
export function grantArithmetic(steps: readonly GrantStep[], t: Translate, locale: Locale): string[] {
  // Money owed is written to the cent, as finance reads it (« 2 400,00 $ »).
  const money = (amount: Cents) => formatMoney(amount, locale, true);
  const percent = (rate: BasisPoints) => formatNumber(rate / 100, locale);
  const text = (step: GrantStep): string => {
    switch (step.kind) {
      case 'eligible':
        return step.excludedCents > 0
          ? t('funding:grant.eligible_excluding', {
              eligible: money(step.eligibleCents),
              excluded: money(step.excludedCents),
            })
          : t('funding:grant.eligible', { eligible: money(step.eligibleCents) });
      case 'none':
        return t('funding:grant.none');
      case 'rate':
        return t('funding:grant.rate', {
          rate: percent(step.rateBasisPoints),
          base: money(step.baseCents),
          result: money(step.resultCents),
        });
      case 'fixed':
        return t('funding:grant.fixed', { amount: money(step.amountCents), result: money(step.resultCents) });
      case 'cap':
        return step.previousCents > 0
          ? t('funding:grant.cap_after_previous', {
              cap: money(step.capCents),
              previous: money(step.previousCents),
              result: money(step.resultCents),
            })
          : t('funding:grant.cap', { cap: money(step.capCents), result: money(step.resultCents) });
      case 'stacking':
        return t('funding:grant.stacking', {
          share: percent(step.shareBasisPoints),
          eligible: money(step.eligibleCents),
          other: money(step.otherAidCents),
          limit: money(step.limitCents),
          result: money(step.resultCents),
        });
    }
  };
  return steps.map(text);
}
