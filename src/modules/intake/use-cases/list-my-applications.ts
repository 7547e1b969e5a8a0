import { desc, eq } from 'drizzle-orm';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { applications } from '../db/tables.ts';

/** A retailer's own applications, newest first. */
export async function listMyApplications(ctx: Ctx) {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'application.create');
  const rows = await ctx.db
    .select({
      id: applications.id,
      programId: applications.programId,
      status: applications.status,
      legalName: applications.legalName,
      tradeName: applications.tradeName,
      draftStep: applications.draftStep,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .where(eq(applications.applicantId, actor.id))
    .orderBy(desc(applications.createdAt));
  return { items: rows, nextCursor: null };
}
