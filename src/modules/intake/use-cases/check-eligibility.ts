import { z } from 'zod';
import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { tallyPrecheck } from '../db/prechecks.ts';
import { currentCriteria } from '../db/queries.ts';
import { quebecPostalCodeField, regionField } from '../domain/business-fields.ts';
import { evaluate, factsUsed } from '../domain/eligibility.ts';
import { factsFrom, futureFoundingYearIssue, PRIVATE_FACTS } from '../domain/facts.ts';

/** A fact the pre-check asks for: left blank, it is a field to fill in, not a criterion failed. */
const givenText = (max: number) => z.string().trim().min(1).max(max);

/**
 * Business facts for the anonymous pre-check: presence, types and values no Québec business can have
 * (a postal code or a region outside Québec) are field errors here; the rest is for the criteria to
 * judge, with reasons. Keys are in the page's order, so its error summary follows the fields.
 */
export const eligibilityCheckInput = z.strictObject({
  region: givenText(2).pipe(regionField),
  postalCode: givenText(10).pipe(quebecPostalCodeField),
  neq: givenText(20),
  naics: givenText(6),
  employees: z.number().int().min(0).max(1_000_000),
  foundedYear: z.number().int().min(1800).max(2100),
  annualRevenue: z.number().min(0).max(1e12).optional(),
});

export type EligibilityAnswer = {
  eligible: boolean;
  criteria: { id: string; passed: boolean; label: string; message: string }[];
};

/**
 * The anonymous pre-check: an instant, explained answer. Only a count is kept — one more pre-check of
 * this program, on this Montréal day, in this region, eligible or not (decision 30), and one more per
 * criterion it failed (decision 42) — never the facts,
 * so the funnel can start at the pre-checks without storing anything about the person. Criteria that
 * would need other people's data (already in the program) are left for the real submission.
 */
export async function checkEligibility(
  ctx: Ctx,
  programId: string,
  input: unknown,
): Promise<EligibilityAnswer> {
  authorize(ctx.actor, 'program.check_eligibility');
  const program = await getProgram(ctx, programId);
  const facts = parseInput(eligibilityCheckInput, input, 'intake');
  const futureYear = futureFoundingYearIssue('foundedYear', facts.foundedYear, ctx.now());
  if (futureYear) throw new AppError('invalid_input', { fields: [futureYear] });
  const version = await currentCriteria(ctx.db, program.id);
  if (!version) throw new AppError('conflict', { key: 'intake:errors.no_criteria' });
  const publicCriteria = version.criteria.filter(
    (c) => !factsUsed(c.test).some((f) => PRIVATE_FACTS.includes(f)),
  );
  const result = evaluate(publicCriteria, factsFrom(facts, ctx.now()));
  await tallyPrecheck(ctx.db, {
    programId: program.id,
    day: formatDate(ctx.now()),
    region: facts.region,
    eligible: result.eligible,
    failed: result.criteria.filter((c) => !c.passed).map((c) => c.id),
  });
  return {
    eligible: result.eligible,
    criteria: result.criteria.map((c) => ({
      id: c.id,
      passed: c.passed,
      label: c.label[ctx.locale],
      message: c.message[ctx.locale],
    })),
  };
}
