import { createHash } from 'node:crypto';
import type { ReportRow } from '../db/quarterly-reports.ts';
import type { QuarterlySnapshot } from '../domain/quarterly-report.ts';

/** Whether a stored snapshot still has the checksum it was produced with. */
export const checksumVerifies = (row: { snapshot: string; checksum: string }) =>
  createHash('sha256').update(row.snapshot, 'utf8').digest('hex') === row.checksum;

/** A report as lists and files show it: its quarter, version, producer, checksum and whether it verifies. */
export function reportView(row: ReportRow) {
  return {
    id: row.id,
    programId: row.programId,
    fiscalYear: `${row.fiscalYear}-${row.fiscalYear + 1}`,
    quarter: row.quarter as QuarterlySnapshot['quarter'],
    version: row.version,
    reason: row.reason,
    producedAt: row.producedAt,
    producedBy: { id: row.producedBy, name: row.producerName },
    checksum: row.checksum,
    checksumVerified: checksumVerifies(row),
    rulesVersion: row.rulesVersion,
  };
}

export type QuarterlyReportView = ReturnType<typeof reportView>;

/** The report with its frozen figures, parsed from the stored text. */
export function reportWithSnapshot(row: ReportRow) {
  return { ...reportView(row), snapshot: JSON.parse(row.snapshot) as QuarterlySnapshot };
}
