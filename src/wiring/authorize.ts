import { administrationPolicies } from '../modules/administration/domain/policies.ts';
import { coachingPolicies } from '../modules/coaching/domain/policies.ts';
import { conversationPolicies } from '../modules/conversations/domain/policies.ts';
import { demoPolicies } from '../modules/demo/domain/policies.ts';
import { diagnosticPolicies } from '../modules/diagnostic/domain/policies.ts';
import { expertPolicies } from '../modules/experts/domain/policies.ts';
import { fieldModePolicies } from '../modules/fieldmode/domain/policies.ts';
import { fundingPolicies } from '../modules/funding/domain/policies.ts';
import { identityPolicies } from '../modules/identity/domain/policies.ts';
import { intakePolicies } from '../modules/intake/domain/policies.ts';
import { outreachPolicies } from '../modules/outreach/domain/policies.ts';
import { privacyOfficerPolicies } from '../modules/privacy/domain/officer-policies.ts';
import { privacyPolicies } from '../modules/privacy/domain/policies.ts';
import { programPolicies } from '../modules/programs/domain/policies.ts';
import { registryPolicies } from '../modules/registry/domain/policies.ts';
import { reminderPolicies } from '../modules/reminders/domain/policies.ts';
import { exportJobPolicies } from '../modules/reporting/domain/export-jobs.ts';
import { reportingPolicies } from '../modules/reporting/domain/policies.ts';
import { signalPolicies } from '../modules/signals/domain/policies.ts';
import { workshopPolicies } from '../modules/workshops/domain/policies.ts';
import { allowedBy, createAuthorize, hidingForbidden } from '../platform/authorization.ts';

/** Every action of every module and who may do it: the one table behind authorize(). */
export const policies = {
  ...identityPolicies,
  ...programPolicies,
  ...intakePolicies,
  ...diagnosticPolicies,
  ...expertPolicies,
  ...coachingPolicies,
  ...reminderPolicies,
  ...fieldModePolicies,
  ...conversationPolicies,
  ...fundingPolicies,
  ...reportingPolicies,
  ...privacyPolicies,
  ...privacyOfficerPolicies,
  ...signalPolicies,
  ...administrationPolicies,
  ...registryPolicies,
  ...demoPolicies,
  ...outreachPolicies,
  ...exportJobPolicies,
  ...workshopPolicies,
};

export type Action = keyof typeof policies;

export const authorize = createAuthorize(policies);
export const isAllowed = allowedBy(policies);
/** authorize() for reads of one thing: a caller who may not see it is told it does not exist. */
export const authorizeVisible = hidingForbidden(authorize);
