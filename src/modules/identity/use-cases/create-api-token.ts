import { z } from 'zod';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { storeToken } from './issue-api-token.ts';

export const createApiTokenInput = z.strictObject({ name: z.string().trim().min(1).max(80) });

/** A personal access token for the API, acting as its owner. Shown once; only its digest is kept. */
export async function createApiToken(
  ctx: Ctx,
  input: unknown,
): Promise<{ id: string; name: string; token: string }> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'token.manage', { userId: actor.id });
  const { name } = parseInput(createApiTokenInput, input, 'identity');
  return { ...(await storeToken(ctx, actor.id, name)), name };
}
