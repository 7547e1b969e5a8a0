import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findReport } from '../db/quarterly-reports.ts';
import { reportWithSnapshot } from './quarterly-report-view.ts';

/** One version of a quarterly report with its frozen figures, as produced. */
export async function getQuarterlyReport(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'quarterly_report.read');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const row = await findReport(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return reportWithSnapshot(row);
}

export type QuarterlyReport = Awaited<ReturnType<typeof getQuarterlyReport>>;
