import { isStaff, type Role } from '../../../kernel/roles.ts';

/** Staff sessions are short (they open personal data of many businesses); others last a week. */
export function sessionLifetimeSeconds(role: Role): number {
  return isStaff(role) ? 12 * 60 * 60 : 7 * 24 * 60 * 60;
}

/** Whether this account must give a second factor before acting. */
export function requiresSecondFactor(user: { role: Role; totpEnabledAt: Date | null }): boolean {
  return isStaff(user.role) || user.totpEnabledAt !== null;
}

/** Bookkeeping writes (last seen, last used) are skipped when the previous one is this recent. */
export const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const INVITATION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;
export const FIRST_ADMIN_LINK_LIFETIME_SECONDS = 24 * 60 * 60;
export const PASSWORD_RESET_LIFETIME_SECONDS = 60 * 60;
export const RECOVERY_CODE_COUNT = 10;
