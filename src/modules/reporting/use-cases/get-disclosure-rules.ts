import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { disclosureRulesOf } from '../db/disclosure-settings.ts';
import { DISCLOSURE_RULES_VERSION } from '../domain/disclosure.ts';

/** The disclosure rules every figure of the program passes before it leaves the team, and when they were set. */
export async function getDisclosureRules(ctx: Ctx, programId: string) {
  authorize(ctx.actor, 'disclosure_rules.read');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const program = await getProgram(ctx, programId);
  const rules = await disclosureRulesOf(ctx.db, program.id);
  return { programId: program.id, version: DISCLOSURE_RULES_VERSION, ...rules };
}

export type DisclosureRulesView = Awaited<ReturnType<typeof getDisclosureRules>>;
