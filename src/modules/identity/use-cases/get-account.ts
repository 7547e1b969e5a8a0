import { and, count, eq, isNull } from 'drizzle-orm';
import { isStaff } from '../../../kernel/roles.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findUserById } from '../db/queries.ts';
import { recoveryCodes } from '../db/tables.ts';

export type AccountView = {
  id: string;
  email: string;
  name: string;
  role: string;
  locale: 'fr' | 'en';
  totpEnabled: boolean;
  emailVerified: boolean;
  totpRequired: boolean;
  recoveryCodesLeft: number;
};

/** One's own account as the account page shows it (readable before the second factor, to set it up). */
export async function getAccount(ctx: Ctx): Promise<AccountView> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'account.read', { userId: actor.id });
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError('not_found');
  const [left] = await ctx.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    totpEnabled: user.totpEnabledAt !== null,
    emailVerified: user.emailVerifiedAt !== null,
    totpRequired: isStaff(user.role),
    recoveryCodesLeft: Number(left?.n ?? 0),
  };
}
