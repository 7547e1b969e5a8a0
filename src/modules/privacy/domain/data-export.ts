/** queued → ready (downloadable for 7 days) → expired (content erased); failed if the job gave up. */
export const DATA_EXPORT_STATUSES = ['queued', 'ready', 'failed', 'expired'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

/** How long a copy stays downloadable once ready. */
export const DATA_EXPORT_VALID_DAYS = 7;

/** The status a person sees: a ready copy past its week is expired even before the nightly job erases it. */
export function effectiveStatus(
  row: { status: DataExportStatus; expiresAt: Date | null },
  now: Date,
): DataExportStatus {
  return row.status === 'ready' && row.expiresAt && row.expiresAt <= now ? 'expired' : row.status;
}

/**
 * How often a person may ask for a copy (a copy reads every module's tables: a loop of requests must not
 * tie up the job queue): one being prepared at a time, and a few per Montréal day (decision 42).
 */
export const DATA_EXPORT_LIMITS = { pending: 1, perDay: 3 } as const;

/** Which limit a new request would pass, if any, given the person's copies being prepared and asked for today. */
export function dataExportLimitReached(counts: {
  pending: number;
  today: number;
}): 'pending' | 'per_day' | null {
  if (counts.pending >= DATA_EXPORT_LIMITS.pending) return 'pending';
  return counts.today >= DATA_EXPORT_LIMITS.perDay ? 'per_day' : null;
}
