import { z } from 'zod';

/**
 * A Canadian bank account as a cheque shows it: the institution (3 digits), the branch transit
 * (5 digits) and the account (7 to 12 digits). Payments reach it through Payments Canada's routing
 * number, `0` + institution + transit.
 */
export const bankAccountSchema = z.strictObject({
  institution: z
    .string()
    .trim()
    .regex(/^\d{3}$/, { error: 'funding:errors.institution' }),
  transit: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: 'funding:errors.transit' }),
  account: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{7,12}$/, { error: 'funding:errors.account' })),
});
export type BankAccount = z.output<typeof bankAccountSchema>;

/** The routing number of Canadian electronic funds transfer (CPA format): `0IIITTTTT`. */
export function routingNumber(account: Pick<BankAccount, 'institution' | 'transit'>): string {
  return `0${account.institution}${account.transit}`;
}

/** Shown everywhere but the bank file: only the last three digits (`•••••6789` → `•••789`). */
export function maskedAccount(account: Pick<BankAccount, 'account'>): string {
  return `•••${account.account.slice(-3)}`;
}
