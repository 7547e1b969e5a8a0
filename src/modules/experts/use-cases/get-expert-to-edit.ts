import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getExpert } from './get-expert.ts';

/**
 * One expert profile to edit: the program team only (an expert reads their own profile through the
 * API, but does not edit it).
 */
export async function getExpertToEdit(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'expert.manage');
  return getExpert(ctx, id);
}
