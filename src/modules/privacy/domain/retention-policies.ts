import { hasRole, isPrivacyOfficer, type Policy } from '../../../kernel/policy.ts';

/** A person's reads as access rules see them: whose they are. */
export type PersonResource = { userId: string };

/** The `privacy` role, or an administrator designated privacy officer (PRIVACY_OFFICER_ADMINS). */
const officer = isPrivacyOfficer;

/**
 * The retention schedule and its runs, legal holds, who read what and account deletion: the privacy
 * officer's work. Administrators read the schedule and may hold a file (a dispute they know of); only
 * the officer changes periods, runs the job, sees reads and deletes accounts.
 */
export const retentionPolicies = {
  'retention.read': { allow: hasRole('privacy', 'admin') } satisfies Policy<void>,
  'retention.configure': { allow: officer } satisfies Policy<void>,
  'retention.run': { allow: officer } satisfies Policy<void>,
  'legal_hold.manage': { allow: hasRole('privacy', 'admin') } satisfies Policy<void>,
  /** The officer for anyone; a person for themselves. */
  'file_reads.read': {
    allow: (a, r) => officer(a) || a.id === r.userId,
  } satisfies Policy<PersonResource>,
  'account.delete': { allow: officer } satisfies Policy<void>,
};
