import { isPrivacyOfficer, type Policy, signedIn } from '../../../kernel/policy.ts';
import { retentionPolicies } from './retention-policies.ts';

/** A person's copy of their data, as authorization sees it: whose it is. */
export type DataExportResource = { userId: string };

/**
 * Who may do what with people's privacy rights: the person themselves, and the privacy officer (role
 * `privacy`), who answers requests, keeps the incident register and runs the retention schedule.
 */
export const privacyPolicies = {
  /** The privacy policy, the officer's contact, the accessibility statement: published for everyone. */
  'privacy_policy.read': { anonymous: true, allow: () => true } satisfies Policy<void>,
  /** Anyone with an account may ask for a copy of their own data. */
  'data_export.request': { allow: signedIn } satisfies Policy<void>,
  /** Only the person, and the privacy officer who answers access requests, see a person's copy. */
  'data_export.read': {
    allow: (a, r) => a.id === r.userId || isPrivacyOfficer(a),
  } satisfies Policy<DataExportResource>,
  /** Building copies and erasing expired ones is the job queue's work (the system), nobody's by hand. */
  'data_export.build': { allow: () => false } satisfies Policy<void>,
  ...retentionPolicies,
};
