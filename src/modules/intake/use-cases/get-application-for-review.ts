import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getApplication } from './get-application.ts';

/** One application as the program team reviews it: everything, with possible duplicates and notes. */
export async function getApplicationForReview(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'application.review');
  const detail = await getApplication(ctx, id);
  if (detail.access !== 'full' || !detail.staff) throw new AppError('not_found');
  return { application: detail.application, duplicates: detail.staff.duplicates };
}
