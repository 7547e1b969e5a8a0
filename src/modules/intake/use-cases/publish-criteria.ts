import { z } from 'zod';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { publishCriteriaVersion } from '../db/criteria-writes.ts';
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
  const { criteria } = parseInput(publishCriteriaInput, input, 'intake');
  return transaction(ctx, (tx) => publishCriteriaVersion(tx, ctx, program.id, criteria));
}
