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
