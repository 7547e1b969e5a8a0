import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { hashPassword } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { users } from '../db/tables.ts';
import { emailField, localeField, newPasswordField, personNameField, roleField } from '../domain/fields.ts';

export const createUsersInBulkInput = z.strictObject({
  users: z
    .array(z.strictObject({ email: emailField, name: personNameField, role: roleField, locale: localeField }))
    .max(100_000),
  /** One password for all (demo and load-test data); real people are invited instead. */
  password: newPasswordField,
});

const CHUNK = 500;

/**
 * Creates many accounts at once (the operator only: demo data and benchmarks). The password is hashed
 * once; rows go in small transactions so that the embedded engine keeps answering other requests.
 */
export async function createUsersInBulk(ctx: Ctx, input: unknown): Promise<{ ids: string[] }> {
  authorize(ctx.actor, 'user.create_in_bulk');
  const data = parseInput(createUsersInBulkInput, input, 'identity');
  const passwordHash = await hashPassword(data.password);
  const ids: string[] = [];
  for (let start = 0; start < data.users.length; start += CHUNK) {
    const chunk = data.users.slice(start, start + CHUNK).map((u) => ({
      id: newId(),
      ...u,
      passwordHash,
      emailVerifiedAt: ctx.now(),
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    }));
    await transaction(ctx, async (tx) => {
      await tx.insert(users).values(chunk);
      await appendAudit(tx, ctx, {
        action: 'user.created_in_bulk',
        entityType: 'user',
        changes: { count: chunk.length, first: chunk[0]!.email },
      });
    });
    ids.push(...chunk.map((u) => u.id));
  }
  return { ids };
}
