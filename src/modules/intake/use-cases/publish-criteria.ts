import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { currentCriteria } from '../db/queries.ts';
import { criteriaVersions } from '../db/tables.ts';
import { criteriaSchema } from '../domain/criteria-schema.ts';

export const publishCriteriaInput = z.strictObject({ criteria: criteriaSchema });

/**
 * Publishes a new version of the eligibility criteria (administrators). Applications already submitted
 * keep the version they were judged by; new submissions use this one.
 */
export async function publishCriteria(
  ctx: Ctx,
  programId: string,
  input: unknown,
): Promise<{ version: number }> {
  authorize(ctx.actor, 'program.configure');
  const program = await getProgram(ctx, programId);
  const { criteria } = parseInput(publishCriteriaInput, input);
  return transaction(ctx, async (tx) => {
    const version = ((await currentCriteria(tx, program.id))?.version ?? 0) + 1;
    const id = newId();
    await tx.insert(criteriaVersions).values({
      id,
      programId: program.id,
      version,
      criteria,
      createdAt: ctx.now(),
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    });
    await appendAudit(tx, ctx, {
      action: 'program.criteria_published',
      entityType: 'program',
      entityId: program.id,
      changes: { version, criteria },
    });
    return { version };
  });
}
