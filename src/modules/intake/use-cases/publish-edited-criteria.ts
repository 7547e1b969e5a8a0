import { type Ctx, transaction } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { publishCriteriaVersion } from '../db/criteria-writes.ts';
import { currentCriteria } from '../db/queries.ts';
import { type CriterionForm, fromForm } from '../domain/criteria-form.ts';
import { publishCriteriaInput } from './publish-criteria.ts';

/**
 * Publishes the criteria as the administrators' form edits them: each criterion is read against the
 * version in force (a test the form cannot show stays as it was), then validated like the API's.
 */
export async function publishEditedCriteria(
  ctx: Ctx,
  programId: string,
  edited: CriterionForm[],
): Promise<{ version: number }> {
  authorize(ctx.actor, 'program.configure');
  const program = await getProgram(ctx, programId);
  return transaction(ctx, async (tx) => {
    const previous = (await currentCriteria(tx, program.id))?.criteria ?? [];
    const { criteria } = parseInput(
      publishCriteriaInput,
      {
        criteria: edited.map((c) =>
          fromForm(
            c,
            previous.find((p) => p.id === c.id),
          ),
        ),
      },
      'intake',
    );
    return publishCriteriaVersion(tx, ctx, program.id, criteria);
  });
}
