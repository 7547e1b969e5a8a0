import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { hashPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { insertUser } from '../db/insert-user.ts';
import { emailField, localeField, newPasswordField, personNameField, roleField } from '../domain/fields.ts';

export const createUserInput = z.strictObject({
  email: emailField,
  role: roleField,
  name: personNameField,
  password: newPasswordField,
  locale: localeField.default('fr'),
});

/** Creates an account with a password directly (the command line; staff still enrol a second factor at first sign-in). */
export async function createUser(ctx: Ctx, input: unknown): Promise<{ id: string; email: string }> {
  authorize(ctx.actor, 'user.invite');
  const data = parseInput(createUserInput, input, 'identity');
  authorize(ctx.actor, 'user.invite', { role: data.role });
  const passwordHash = await hashPassword(data.password);
  const now = ctx.now();
  return transaction(ctx, async (tx) => {
    const id = newId();
    await insertUser(tx, {
      id,
      email: data.email,
      name: data.name,
      role: data.role,
      locale: data.locale,
      passwordHash,
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, ctx, {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      changes: { email: data.email, role: data.role },
    });
    return { id, email: data.email };
  });
}
