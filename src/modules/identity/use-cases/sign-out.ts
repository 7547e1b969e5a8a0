import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { sessions } from '../db/tables.ts';

/** Ends the caller's session. Signing out is always allowed, even half signed in. */
export async function signOut(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !actor.sessionId) return;
  await transaction(ctx, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId!));
    await appendAudit(tx, ctx, { action: 'auth.signed_out', entityType: 'user', entityId: actor.id });
  });
}
