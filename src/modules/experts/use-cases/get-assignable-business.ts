import type { Ctx } from '../../../platform/context.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import { activeExpertOf } from '../db/queries.ts';
import { assignability } from '../domain/confirmation.ts';

/** `Legal name (trade name)`, as the program team knows a business. */
export const businessLabel = (b: { legalName: string | null; tradeName: string | null }) =>
  b.tradeName ? `${b.legalName} (${b.tradeName})` : (b.legalName ?? '—');

/**
 * One business of the program to assign by hand (program team): its current expert, and whether it may
 * be given one. Undefined for an unknown id, another program's business or a draft.
 */
export async function getAssignableBusiness(ctx: Ctx, input: { programId: string; applicationId: string }) {
  authorize(ctx.actor, 'assignment.manage');
  if (!UUID_PATTERN.test(input.applicationId)) return undefined;
  const profile = await applicationProfile(ctx.db, input.applicationId);
  if (!profile || profile.programId !== input.programId || profile.status === 'draft') return undefined;
  const current = await activeExpertOf(ctx.db, profile.id);
  return {
    id: profile.id,
    name: businessLabel(profile),
    municipality: profile.municipality,
    state: assignability(profile),
    expert: current ? { id: current.expertId, name: current.name } : null,
  };
}
