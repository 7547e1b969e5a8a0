import { administrationOperations } from '../modules/administration/api/operations.ts';
import { coachingOperations } from '../modules/coaching/api/operations.ts';
import { conversationOperations } from '../modules/conversations/api/operations.ts';
import { diagnosticOperations } from '../modules/diagnostic/api/operations.ts';
import { expertOperations } from '../modules/experts/api/operations.ts';
import { fieldModeOperations } from '../modules/fieldmode/api/operations.ts';
import { agreementsOperations } from '../modules/funding/api/agreements-operations.ts';
import { claimOperations } from '../modules/funding/api/claims-operations.ts';
import { fundingFileOperations } from '../modules/funding/api/files-operations.ts';
import { fundingOperations } from '../modules/funding/api/operations.ts';
import { paymentOperations } from '../modules/funding/api/payments-operations.ts';
import { identityOperations } from '../modules/identity/api/operations.ts';
import { intakeOperations } from '../modules/intake/api/operations.ts';
import { outreachOperations } from '../modules/outreach/api/operations.ts';
import { unsubscribeForm } from '../modules/outreach/api/unsubscribe-form.ts';
import { privacyIncidentOperations } from '../modules/privacy/api/incidents-operations.ts';
import { privacyOperations } from '../modules/privacy/api/operations.ts';
import { privacyRequestOperations } from '../modules/privacy/api/requests-operations.ts';
import { programOperations } from '../modules/programs/api/operations.ts';
import { registryOperations } from '../modules/registry/api/operations.ts';
import { reminderOperations } from '../modules/reminders/api/operations.ts';
import { exportJobOperations } from '../modules/reporting/api/export-operations.ts';
import { reportingOperations } from '../modules/reporting/api/operations.ts';
import { quarterlyReportOperations } from '../modules/reporting/api/quarterly-report-operations.ts';
import { signalOperations } from '../modules/signals/api/operations.ts';
import { workshopOperations } from '../modules/workshops/api/operations.ts';
import type { ApiOperation } from '../platform/http/api.ts';
import type { TokenForm } from '../platform/http/app.ts';

/** Every operation of the JSON API; the OpenAPI document and the authorization-matrix test read this list. */
export const apiOperations: ApiOperation[] = [
  ...identityOperations,
  ...programOperations,
  ...intakeOperations,
  ...diagnosticOperations,
  ...expertOperations,
  ...coachingOperations,
  ...reminderOperations,
  ...fieldModeOperations,
  ...conversationOperations,
  ...fundingOperations,
  ...agreementsOperations,
  ...fundingFileOperations,
  ...reportingOperations,
  ...quarterlyReportOperations,
  ...paymentOperations,
  ...claimOperations,
  ...privacyOperations,
  ...privacyRequestOperations,
  ...privacyIncidentOperations,
  ...administrationOperations,
  ...signalOperations,
  ...outreachOperations,
  ...workshopOperations,
  ...registryOperations,
  // After every GET /exports/<list>.<format>, which must match before GET /exports/{id}.
  ...exportJobOperations,
];

/** Forms posted with a token in their address instead of a session (a newsletter's one-click unsubscribe). */
export const tokenForms: TokenForm[] = [unsubscribeForm];
