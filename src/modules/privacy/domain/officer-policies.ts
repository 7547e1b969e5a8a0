import { isPrivacyOfficer, type Policy, signedIn } from '../../../kernel/policy.ts';

/** A request as access rules see it: the person who filed it. */
export type FiledRequest = { requesterId: string };

/**
 * The person's requests and the privacy officer's work (issue 11): anyone signed in files a request
 * and reads their own; only the officer answers them and keeps the incident register — never an expert,
 * nor the program team (the register names people harmed by the organisation's own failings).
 */
export const privacyOfficerPolicies = {
  'privacy_request.file': { allow: signedIn } satisfies Policy<void>,
  /** A list: the officer's of every request; anyone else's is of their own (`mine=true`). */
  'privacy_request.list_all': { allow: isPrivacyOfficer } satisfies Policy<void>,
  'privacy_request.read': {
    allow: (a, r) => a.id === r.requesterId || isPrivacyOfficer(a),
  } satisfies Policy<FiledRequest>,
  'privacy_request.answer': { allow: isPrivacyOfficer } satisfies Policy<void>,
  'privacy_incident.record': { allow: isPrivacyOfficer } satisfies Policy<void>,
  'privacy_incident.read': { allow: isPrivacyOfficer } satisfies Policy<void>,
  'privacy_queue.read': { allow: isPrivacyOfficer } satisfies Policy<void>,
};
