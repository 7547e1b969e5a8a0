// What other modules may use from identity.

// For the privacy module: an account deleted at the person's request, expired credentials destroyed.
export { destroyExpiredCredentials, eraseAccount } from './db/erase-accounts.ts';
// For a paper applicant claiming their application (intake): the account and its fields.
export { openRetailerAccount } from './db/open-retailer-account.ts';
// Its part of a person's copy of their data (the privacy module assembles every module's).
export { identityPersonalData } from './db/personal-data.ts';
export {
  activeAccount,
  activeUsersWithRole,
  contactOf,
  contactsOf,
  findUserByEmail as findAccountByEmail,
} from './db/queries.ts';
export { renameUser } from './db/rename-user.ts';
// For other modules' own limits (the registry's lookups): the same buckets as sign-in's.
export {
  assertNotThrottled,
  recordFailures as countAttempts,
  type ThrottleKey,
} from './db/throttle-store.ts';
export { newPasswordField, personNameField } from './domain/fields.ts';
export { confirmPassword } from './use-cases/confirm-password.ts';
export { confirmTotpEnrolment } from './use-cases/confirm-totp-enrolment.ts';
export { createUser } from './use-cases/create-user.ts';
export { createUsersInBulk } from './use-cases/create-users-in-bulk.ts';
export { getAccount } from './use-cases/get-account.ts';
export { resendEmailVerification } from './use-cases/resend-email-verification.ts';
export { startTotpEnrolment } from './use-cases/start-totp-enrolment.ts';
