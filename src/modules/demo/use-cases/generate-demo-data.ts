import { z } from 'zod';
import { isStaff } from '../../../kernel/roles.ts';
import { totpCode } from '../../../platform/auth/totp.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import {
  confirmTotpEnrolment,
  createUser,
  createUsersInBulk,
  startTotpEnrolment,
} from '../../identity/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../domain/accounts.ts';
import { generateBusinesses } from '../domain/businesses.ts';

export const generateDemoDataInput = z.strictObject({
  retailers: z.number().int().min(0).max(300_000),
  seed: z.number().int().min(0),
});

export type DemoSignIn = {
  role: string;
  email: string;
  password: string;
  totpSecret?: string;
  recoveryCode?: string;
};

/**
 * Fills an empty database with a deterministic demo: one account per role (staff with their second
 * factor already set up) and `retailers` realistic Québec retailers.
 */
export async function generateDemoData(
  ctx: Ctx,
  input: unknown,
): Promise<{ signIns: DemoSignIn[]; retailers: number }> {
  authorize(ctx.actor, 'demo.generate');
  const { retailers, seed } = parseInput(generateDemoDataInput, input);
  const signIns: DemoSignIn[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const { id } = await createUser(ctx, { ...account, password: DEMO_PASSWORD, locale: 'fr' });
    const signIn: DemoSignIn = { role: account.role, email: account.email, password: DEMO_PASSWORD };
    if (isStaff(account.role)) {
      // The staff member sets up their authenticator, exactly as in the interface.
      const asThem: Ctx = {
        ...ctx,
        actor: {
          kind: 'user',
          id,
          role: account.role,
          email: account.email,
          name: account.name,
          locale: 'fr',
          secondFactor: false,
          via: 'session',
        },
      };
      const { secret } = await startTotpEnrolment(asThem);
      const { recoveryCodes } = await confirmTotpEnrolment(asThem, { code: totpCode(secret, ctx.now()) });
      signIn.totpSecret = secret;
      signIn.recoveryCode = recoveryCodes[0];
    }
    signIns.push(signIn);
  }
  const businesses = generateBusinesses(retailers, seed);
  await createUsersInBulk(ctx, {
    password: DEMO_PASSWORD,
    users: businesses.map((b) => ({
      email: b.contact.email,
      name: `${b.contact.firstName} ${b.contact.lastName}`,
      role: 'retailer' as const,
      locale: b.contact.locale,
    })),
  });
  return { signIns, retailers: businesses.length };
}
