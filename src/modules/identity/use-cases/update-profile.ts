import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { users } from '../db/tables.ts';
import { localeField, personNameField } from '../domain/fields.ts';

export const updateProfileInput = z.strictObject({
  name: personNameField.optional(),
  locale: localeField.optional(),
});

/** Changes one's own display name and preferred language (which also sets the language of e-mails). */
export async function updateProfile(ctx: Ctx, input: unknown): Promise<void> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.read', { userId: actor.id }); // language can change before the second factor
  const changes = parseInput(updateProfileInput, input, 'identity');
  if (changes.name !== undefined) authorize(ctx.actor, 'account.update', { userId: actor.id });
  const user = await findUserById(ctx.db, actor.id);
  if (!user) return;
  const diff = Object.fromEntries(
    Object.entries(changes)
      .filter(([key, value]) => value !== undefined && user[key as 'name' | 'locale'] !== value)
      .map(([key, value]) => [key, [user[key as 'name' | 'locale'], value]]),
  );
  if (Object.keys(diff).length === 0) return;
  await transaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(users.id, actor.id));
    await appendAudit(tx, ctx, {
      action: 'account.profile_updated',
      entityType: 'user',
      entityId: actor.id,
      changes: diff,
    });
  });
}
