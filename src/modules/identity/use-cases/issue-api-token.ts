import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { digest, randomToken } from '../../../platform/auth/crypto.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserByEmail } from '../db/queries.ts';
import { apiTokens } from '../db/tables.ts';
import { emailField } from '../domain/fields.ts';
import { API_TOKEN_PREFIX } from '../domain/tokens.ts';

export const issueApiTokenInput = z.strictObject({
  email: emailField,
  name: z.string().trim().min(1).max(80),
});

/** The operator issues a token for an account from the command line (people create their own on their account page). */
export async function issueApiToken(ctx: Ctx, input: unknown): Promise<{ id: string; token: string }> {
  authorize(ctx.actor, 'token.issue');
  const { email, name } = parseInput(issueApiTokenInput, input, 'identity');
  const user = await findUserByEmail(ctx.db, email);
  if (!user?.active) throw fieldError('email', 'identity:validation.no_such_account');
  return storeToken(ctx, user.id, name);
}

/** Stores a new token (digest only) and audits it; returns the token itself, shown once. */
export async function storeToken(
  ctx: Ctx,
  userId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const token = `${API_TOKEN_PREFIX}${randomToken(30)}`;
  const id = newId();
  await transaction(ctx, async (tx) => {
    await tx.insert(apiTokens).values({
      id,
      userId,
      name,
      tokenHash: digest(token),
      displayPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'token.created',
      entityType: 'api_token',
      entityId: id,
      changes: { name, userId },
    });
  });
  return { id, token };
}
