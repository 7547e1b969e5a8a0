import { fileReads } from '../../../platform/audit/file-reads-table.ts';
import { auditEvents } from '../../../platform/audit/table.ts';
import { exportJobs } from '../../../platform/exports/jobs-table.ts';
import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import { coachingPersonalData } from '../../coaching/index.ts';
import { conversationsPersonalData } from '../../conversations/index.ts';
import { diagnosticPersonalData } from '../../diagnostic/index.ts';
import { expertsPersonalData } from '../../experts/index.ts';
import { fieldModePersonalData } from '../../fieldmode/index.ts';
import { fundingPersonalData } from '../../funding/index.ts';
import { identityPersonalData } from '../../identity/index.ts';
import { intakePersonalData } from '../../intake/index.ts';
import { outreachPersonalData } from '../../outreach/index.ts';
import { remindersPersonalData } from '../../reminders/index.ts';
import { signalsPersonalData } from '../../signals/index.ts';
import { workshopsPersonalData } from '../../workshops/index.ts';
import { dataExports } from './data-export-tables.ts';
import { privacyRequests } from './request-tables.ts';
import { legalHolds } from './retention-tables.ts';

/**
 * Every table a person's copy of their data reads, each declared by the module that owns it; the
 * platform's tables (audit, list exports) and this module's own are declared here. A test fails when a
 * table naming a person or a business is neither here nor excluded with a reason.
 */
export const PERSONAL_DATA_SOURCES: readonly PersonalDataSource[] = [
  ...identityPersonalData,
  ...intakePersonalData,
  ...diagnosticPersonalData,
  ...expertsPersonalData,
  ...coachingPersonalData,
  ...fieldModePersonalData,
  ...conversationsPersonalData,
  ...fundingPersonalData,
  ...remindersPersonalData,
  ...signalsPersonalData,
  ...outreachPersonalData,
  ...workshopsPersonalData,
  {
    table: auditEvents,
    name: 'audit_events',
    keys: [
      { column: auditEvents.actorId, of: 'user' },
      { column: auditEvents.entityId, of: 'user' },
      { column: auditEvents.entityId, of: 'application' },
    ],
  },
  { table: exportJobs, name: 'export_jobs', keys: [{ column: exportJobs.requestedBy, of: 'user' }] },
  {
    table: dataExports,
    name: 'data_exports',
    keys: [{ column: dataExports.userId, of: 'user' }],
    withheld: { content: 'the_copy_itself' },
  },
  // Who on the staff read the person's file (the Act lets them ask), the requests they filed, holds on their file.
  {
    table: fileReads,
    name: 'file_reads',
    keys: [
      { column: fileReads.subjectUserId, of: 'user' },
      { column: fileReads.applicationId, of: 'application' },
    ],
  },
  {
    table: privacyRequests,
    name: 'privacy_requests',
    keys: [{ column: privacyRequests.requesterId, of: 'user' }],
  },
  { table: legalHolds, name: 'legal_holds', keys: [{ column: legalHolds.applicationId, of: 'application' }] },
];
