import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { findRegistration, findWorkshop } from '../db/queries.ts';

/** A workshop by id, or not found (an id that is not one too). */
export async function loadWorkshop(ctx: Ctx, id: string) {
  const workshop = UUID_PATTERN.test(id) ? await findWorkshop(ctx.db, id) : undefined;
  if (!workshop) throw new AppError('not_found');
  return workshop;
}

/** A registration of this workshop with its workshop, or not found. */
export async function loadRegistration(ctx: Ctx, workshopId: string, registrationId: string) {
  const workshop = await loadWorkshop(ctx, workshopId);
  const registration = UUID_PATTERN.test(registrationId)
    ? await findRegistration(ctx.db, registrationId)
    : undefined;
  if (!registration || registration.workshopId !== workshop.id) throw new AppError('not_found');
  return {
    workshop,
    registration,
    resource: { userId: registration.userId, facilitatorUserId: workshop.facilitatorUserId },
  };
}
