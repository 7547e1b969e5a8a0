import { appendAudit } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import type { Criterion } from '../domain/eligibility.ts';
import { currentCriteria } from './queries.ts';
import { criteriaVersions } from './tables.ts';

/** Records validated criteria as the program's next version, with its audit entry, in `tx`. */
export async function publishCriteriaVersion(
  tx: Tx,
  ctx: Ctx,
  programId: string,
  criteria: Criterion[],
): Promise<{ version: number }> {
  const version = ((await currentCriteria(tx, programId))?.version ?? 0) + 1;
  await tx.insert(criteriaVersions).values({
    id: newId(),
    programId,
    version,
    criteria,
    createdAt: ctx.now(),
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  });
  await appendAudit(tx, ctx, {
    action: 'program.criteria_published',
    entityType: 'program',
    entityId: programId,
    changes: { version, criteria },
  });
  return { version };
}
