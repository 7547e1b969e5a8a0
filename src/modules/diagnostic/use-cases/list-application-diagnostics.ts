import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import { diagnosticsOfApplication } from '../db/queries.ts';

/** The diagnostics of an application (T0, T1) with their state, for its pages. */
export async function listApplicationDiagnostics(ctx: Ctx, applicationId: string) {
  if (!UUID_PATTERN.test(applicationId)) throw new AppError('not_found');
  const application = await applicationProfile(ctx.db, applicationId);
  if (!application) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'diagnostic.read', {
    applicantId: application.applicantId,
    assignedExpertUserId: application.assignedExpertUserId,
  });
  const rows = await diagnosticsOfApplication(ctx.db, applicationId);
  return rows.map((d) => ({
    id: d.id,
    phase: d.phase,
    status: d.status,
    overall: d.scores?.overall ?? null,
    level: d.level,
    completedAt: d.completedAt,
  }));
}
