import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { disclosureRulesOf, saveDisclosureRules } from '../db/disclosure-settings.ts';
import { programDisclosureRulesInput } from '../domain/disclosure.ts';
import { getDisclosureRules } from './get-disclosure-rules.ts';

/**
 * Sets a program's minimum count and dominance share (administrators, decision 30). The change and
 * the rules it replaces are audited in the same transaction; reports already produced keep the rules
 * they were produced under, printed in their snapshot.
 */
export async function setDisclosureRules(ctx: Ctx, programId: string, input: unknown) {
  authorize(ctx.actor, 'disclosure_rules.set');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const rules = parseInput(programDisclosureRulesInput, input, 'reporting');
  const program = await getProgram(ctx, programId);
  await transaction(ctx, async (tx) => {
    const before = await disclosureRulesOf(tx, program.id, { forUpdate: true });
    if (before.minCount === rules.minCount && before.dominance === rules.dominance) return;
    await saveDisclosureRules(tx, {
      programId: program.id,
      ...rules,
      updatedAt: ctx.now(),
      updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    });
    await appendAudit(tx, ctx, {
      action: 'reporting.disclosure_rules_set',
      entityType: 'program',
      entityId: program.id,
      changes: {
        minCount: [before.minCount, rules.minCount],
        dominance: [before.dominance, rules.dominance],
      },
    });
  });
  return getDisclosureRules(ctx, program.id);
}
