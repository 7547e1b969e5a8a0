import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../db/columns.ts';
import { EXPORT_FORMATS, EXPORT_LISTS } from './table.ts';

/** queued → running → done (the file is there until it expires) | failed; done → expired (file deleted). */
export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

/**
 * A list too long to download at once, exported in the background for the person who asked: what they
 * asked (the list, its format, the export use case's filters, their language), how far it got, and
 * the file once written (in the exports folder, named by the job's id). Platform-owned like the mail
 * outbox: every module's lists export through it.
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: uuid('id').primaryKey(),
    /** The account that asked; only they may see the job and download its file. */
    requestedBy: uuid('requested_by').notNull(),
    list: text('list', { enum: EXPORT_LISTS }).notNull(),
    format: text('format', { enum: EXPORT_FORMATS }).notNull(),
    filters: jsonb('filters').$type<Record<string, string>>().notNull(),
    locale: text('locale', { enum: ['fr', 'en'] }).notNull(),
    status: text('status', { enum: EXPORT_JOB_STATUSES }).notNull().default('queued'),
    rowsDone: integer('rows_done').notNull().default(0),
    /** Known once every row is read. */
    rowsTotal: integer('rows_total'),
    /** The download's name (the list's title in the person's language and the day). */
    fileName: text('file_name'),
    byteSize: integer('byte_size'),
    /** i18n key of why it failed. */
    failure: text('failure'),
    createdAt: instant('created_at').notNull().defaultNow(),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    expiresAt: instant('expires_at'),
  },
  (t) => [
    index('export_jobs_requester_idx').on(t.requestedBy, t.createdAt),
    index('export_jobs_expiry_idx').on(t.status, t.expiresAt),
  ],
);

export type ExportJob = typeof exportJobs.$inferSelect;
