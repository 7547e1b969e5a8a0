import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { reportsWithProducer } from '../db/quarterly-reports.ts';
import { quarterlyReports } from '../db/tables.ts';
import { reportView } from './quarterly-report-view.ts';

/** A program's quarterly reports, every version, newest quarter first (a program makes four a year). */
export async function listQuarterlyReports(ctx: Ctx, programId: string) {
  authorize(ctx.actor, 'quarterly_report.read');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const program = await getProgram(ctx, programId);
  const rows = await reportsWithProducer(ctx.db, eq(quarterlyReports.programId, program.id), 1000);
  return rows.map(reportView);
}
