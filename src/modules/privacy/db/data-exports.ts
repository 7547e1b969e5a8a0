import { and, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { dataExports } from './data-export-tables.ts';

/** A copy's row without its content (which only the download reads). */
const summary = {
  id: dataExports.id,
  userId: dataExports.userId,
  status: dataExports.status,
  locale: dataExports.locale,
  requestedAt: dataExports.requestedAt,
  readyAt: dataExports.readyAt,
  expiresAt: dataExports.expiresAt,
  sizeBytes: dataExports.sizeBytes,
  sha256: dataExports.sha256,
  downloads: dataExports.downloads,
};
export type DataExportSummary = { [K in keyof typeof summary]: (typeof dataExports.$inferSelect)[K] };

export async function findDataExport(db: Executor, id: string): Promise<DataExportSummary | undefined> {
  const [row] = await db.select(summary).from(dataExports).where(eq(dataExports.id, id));
  return row;
}

/** A person's copies, newest first. */
export async function dataExportsOf(db: Executor, userId: string): Promise<DataExportSummary[]> {
  return db
    .select(summary)
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.requestedAt));
}

export async function dataExportContent(db: Executor, id: string): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ content: dataExports.content })
    .from(dataExports)
    .where(eq(dataExports.id, id));
  return row?.content ?? null;
}

/** Ready copies whose week is over, by `now`. */
export const expiredCondition = (now: Date) =>
  and(eq(dataExports.status, 'ready'), lte(dataExports.expiresAt, now));
