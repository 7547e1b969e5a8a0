import type { Role } from '../../../kernel/roles.ts';
import { isStaff } from '../../../kernel/roles.ts';
import { totpCode } from '../../../platform/auth/totp.ts';
import type { Ctx } from '../../../platform/context.ts';
import {
  confirmTotpEnrolment,
  createUser,
  createUsersInBulk,
  startTotpEnrolment,
} from '../../identity/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../generators/accounts.ts';
import type { DemoBusiness } from '../generators/businesses.ts';
import type { DemoExpert } from '../generators/experts.ts';
import { actingAs, type Person } from './acting-as.ts';

export type DemoSignIn = {
  role: string;
  email: string;
  password: string;
  totpSecret?: string;
  recoveryCode?: string;
};

/** The staff member sets up their authenticator, exactly as in the interface. */
async function enrolSecondFactor(ctx: Ctx, person: Person) {
  const asThem = actingAs(ctx, person, { secondFactor: false });
  const { secret } = await startTotpEnrolment(asThem);
  const { recoveryCodes } = await confirmTotpEnrolment(asThem, { code: totpCode(secret, ctx.now()) });
  return { totpSecret: secret, recoveryCode: recoveryCodes[0] };
}

/** One account per role (two for finance), each staff account with its second factor; returns their sign-ins. */
export async function createDemoAccounts(
  ctx: Ctx,
): Promise<{ signIns: DemoSignIn[]; people: Map<Role, Person>; others: Person[] }> {
  const signIns: DemoSignIn[] = [];
  const people = new Map<Role, Person>();
  const others: Person[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const { id } = await createUser(ctx, { ...account, password: DEMO_PASSWORD, locale: 'fr' });
    const person: Person = { id, ...account, locale: 'fr' };
    // The first account of a role acts for it; a second one (finance's approver) is found by address.
    if (!people.has(account.role)) people.set(account.role, person);
    else others.push(person);
    const factor = isStaff(account.role) ? await enrolSecondFactor(ctx, person) : {};
    signIns.push({ role: account.role, email: account.email, password: DEMO_PASSWORD, ...factor });
  }
  return { signIns, people, others };
}

/** The generated experts' accounts, with their second factor set up like every staff account. */
export async function createExpertAccounts(ctx: Ctx, experts: DemoExpert[]): Promise<Person[]> {
  const accounts = experts.flatMap((e) => (e.account ? [{ ...e.account, role: 'expert' as const }] : []));
  const { ids } = await createUsersInBulk(ctx, { password: DEMO_PASSWORD, users: accounts });
  const people: Person[] = accounts.map((a, i) => ({ id: ids[i]!, ...a }));
  for (const person of people) await enrolSecondFactor(ctx, person);
  return people;
}

/** The retailers' accounts, all at once. */
export async function createRetailerAccounts(ctx: Ctx, businesses: DemoBusiness[]): Promise<Person[]> {
  const accounts = businesses.map((b) => ({
    email: b.contact.email,
    name: `${b.contact.firstName} ${b.contact.lastName}`,
    role: 'retailer' as const,
    locale: b.contact.locale,
  }));
  const { ids } = await createUsersInBulk(ctx, { password: DEMO_PASSWORD, users: accounts });
  return accounts.map((a, i) => ({ id: ids[i]!, ...a }));
}
