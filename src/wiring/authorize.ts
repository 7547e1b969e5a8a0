import { administrationPolicies } from '../modules/administration/domain/policies.ts';
import { coachingPolicies } from '../modules/coaching/domain/policies.ts';
import { conversationPolicies } from '../modules/conversations/domain/policies.ts';
import { demoPolicies } from '../modules/demo/domain/policies.ts';
import { diagnosticPolicies } from '../modules/diagnostic/domain/policies.ts';
import { expertPolicies } from '../modules/experts/domain/policies.ts';
import { fundingPolicies } from '../modules/funding/domain/policies.ts';
import { identityPolicies } from '../modules/identity/domain/policies.ts';
import { intakePolicies } from '../modules/intake/domain/policies.ts';
import { privacyOfficerPolicies } from '../modules/privacy/domain/officer-policies.ts';
import { privacyPolicies } from '../modules/privacy/domain/policies.ts';
import { programPolicies } from '../modules/programs/domain/policies.ts';
import { exportJobPolicies } from '../modules/reporting/domain/export-jobs.ts';
import { reportingPolicies } from '../modules/reporting/domain/policies.ts';
import { allowedBy, createAuthorize, hidingForbidden } from '../platform/authorization.ts';

/** Every action of every module and who may do it: the one table behind authorize(). */
export const policies = {
  ...identityPolicies,
  ...programPolicies,
  ...intakePolicies,
  ...diagnosticPolicies,
  ...expertPolicies,
  ...coachingPolicies,
  ...conversationPolicies,
  ...fundingPolicies,
  ...reportingPolicies,
  ...privacyPolicies,
  ...privacyOfficerPolicies,
  ...administrationPolicies,
  ...demoPolicies,
  ...exportJobPolicies,
};

export type Action = keyof typeof policies;

export const authorize = createAuthorize(policies);
export const isAllowed = allowedBy(policies);
/** authorize() for reads of one thing: a caller who may not see it is told it does not exist. */
export const authorizeVisible = hidingForbidden(authorize);
