import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { listApplications } from '../../intake/index.ts';
import { activeExpertsOf } from '../db/queries.ts';
import { businessLabel } from './get-assignable-business.ts';

/**
 * Accepted businesses of the program found by name or NEQ (the review queue's search, first 20), each
 * with its current expert, for the one-business form (program team). Two queries, whatever the count.
 */
export async function findAssignableBusinesses(ctx: Ctx, input: { programId: string; q: string }) {
  authorize(ctx.actor, 'assignment.manage');
  const page = await listApplications(ctx, {
    programId: input.programId,
    status: 'accepted',
    q: input.q,
    sort: 'name',
    limit: 20,
  });
  const experts = await activeExpertsOf(
    ctx.db,
    page.items.map((a) => a.id),
  );
  return {
    total: page.total,
    items: page.items.map((a) => ({
      id: a.id,
      name: businessLabel(a),
      neq: a.neq,
      municipality: a.municipality,
      expert: experts.get(a.id)?.name ?? null,
    })),
  };
}
