import { z } from 'zod';
import { needsAmendment } from './agreement-status.ts';
import { COST_CATEGORIES, type CostCategory } from './cost-categories.ts';
import { type Cents, centsSchema } from './money.ts';

/** A budget line as the coordinator (or the retailer, in an amendment) enters it; `id` keeps a line across edits. */
export const agreementLineInput = z.strictObject({
  id: z.uuid().nullable().optional(),
  category: z.enum(COST_CATEGORIES, { error: 'funding:errors.category' }),
  description: z.string().trim().min(1).max(500),
  amountCents: centsSchema,
  plannedSupplier: z.string().trim().max(200).nullable().optional(),
  quotation: z.string().trim().max(200).nullable().optional(),
});
export type AgreementLineInput = z.output<typeof agreementLineInput>;

export const agreementLinesInput = z.array(agreementLineInput).min(1).max(30);

export type AgreementLine = {
  id: string;
  category: CostCategory;
  description: string;
  amountCents: Cents;
};

/**
 * Why a proposed set of lines needs the team's approval, per CDAP-style agreements: a substituted item
 * (a new line, a removed one, or a line whose category changed), a line changing by more than 20 %, or
 * a grant that would grow. An empty list: the change applies directly.
 */
export function amendmentReasons(
  before: readonly AgreementLine[],
  after: readonly (Omit<AgreementLine, 'id'> & { id?: string | null })[],
  grant: { beforeCents: Cents; afterCents: Cents },
): ('substitution' | 'large_change' | 'grant_increase')[] {
  const reasons = new Set<'substitution' | 'large_change' | 'grant_increase'>();
  const kept = new Set<string>();
  for (const line of after) {
    const previous = line.id ? before.find((b) => b.id === line.id) : undefined;
    if (!previous || previous.category !== line.category) {
      reasons.add('substitution');
      continue;
    }
    kept.add(previous.id);
    if (needsAmendment(previous.amountCents, line.amountCents)) reasons.add('large_change');
  }
  if (before.some((b) => !kept.has(b.id))) reasons.add('substitution');
  if (grant.afterCents > grant.beforeCents) reasons.add('grant_increase');
  return [...reasons];
}

/** Offers are made and accepted only while the program takes businesses in (CDAP kept inviting after it closed). */
export function programOpenForOffers(program: { intakeClosesAt: Date | null }, now: Date): boolean {
  return program.intakeClosesAt === null || now < program.intakeClosesAt;
}

/** The attestation's text version, kept with the signature: a later wording change never rewrites what was signed. */
export const ATTESTATION_VERSION = 'agreements.attestation.v1';
