import { type SQL, sql } from 'drizzle-orm';
import { instantParam } from '../../../platform/db/columns.ts';
import { assignments } from './tables.ts';

/** Businesses an expert was assigned to before `asOf` (a milestone of intake's cohort funnel). */
export function assignedFiles(asOf: Date): SQL {
  return sql`select distinct ${assignments.applicationId} as application_id, 1 as value from ${assignments}
    where ${assignments.assignedAt} < ${instantParam(asOf)}`;
}
