import { exportProgramPlans } from '../modules/coaching/use-cases/export-program-plans.ts';
import { exportProgramSessions } from '../modules/coaching/use-cases/export-program-sessions.ts';
import { exportProgramSurveys } from '../modules/coaching/use-cases/export-program-surveys.ts';
import { exportSuppliers } from '../modules/coaching/use-cases/export-suppliers.ts';
import { exportExperts } from '../modules/experts/use-cases/export-experts.ts';
import { exportAgreements } from '../modules/funding/use-cases/export-agreements.ts';
import { exportClaims } from '../modules/funding/use-cases/export-claims.ts';
import { exportApplications } from '../modules/intake/use-cases/export-applications.ts';
import type { ListExports } from '../platform/exports/table.ts';

/**
 * Each exporting list's use case, by the name pages, the API and export jobs give it: a job runs the
 * same use case as a download, so who may export and how filters read cannot differ (decision 19).
 */
export const listExports: ListExports = {
  applications: exportApplications,
  experts: exportExperts,
  suppliers: exportSuppliers,
  sessions: exportProgramSessions,
  plans: exportProgramPlans,
  surveys: exportProgramSurveys,
  claims: exportClaims,
  agreements: exportAgreements,
};
