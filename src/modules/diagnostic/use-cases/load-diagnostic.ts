import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize, authorizeVisible } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import { type DiagnosticRow, findDiagnostic } from '../db/queries.ts';

/** A diagnostic the caller may act on; those they may not even read are "not found", not "forbidden". */
export async function loadDiagnostic(ctx: Ctx, id: string, action: 'diagnostic.read' | 'diagnostic.answer') {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  if (ctx.actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const diagnostic = await findDiagnostic(ctx.db, id);
  if (!diagnostic) throw new AppError('not_found');
  const application = await applicationProfile(ctx.db, diagnostic.applicationId);
  const resource = {
    applicantId: application?.applicantId ?? null,
    assignedExpertUserId: application?.assignedExpertUserId ?? null,
  };
  authorizeVisible(ctx.actor, 'diagnostic.read', resource);
  authorize(ctx.actor, action, resource);
  return { diagnostic: diagnostic as DiagnosticRow, application: application! };
}
