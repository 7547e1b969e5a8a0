import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../db/columns.ts';

/** The parts of a person's file whose reads by staff are logged (issue 11: who read what). */
export const FILE_PARTS = ['application', 'diagnostic', 'plan', 'claim'] as const;
export type FilePart = (typeof FILE_PARTS)[number];

/**
 * Who on the staff read which part of whose file, and when: one row per read, no content. Kept beside the
 * audit log because every module's reads write here and no module may import another's tables.
 */
export const fileReads = pgTable(
  'file_reads',
  {
    id: uuid('id').primaryKey(),
    readAt: instant('read_at').notNull(),
    readerId: uuid('reader_id').notNull(),
    readerRole: text('reader_role').notNull(),
    /** The person whose file it is (the applicant), kept even if the file later changes hands. */
    subjectUserId: uuid('subject_user_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    part: text('part', { enum: FILE_PARTS }).notNull(),
    entityId: uuid('entity_id').notNull(),
  },
  (t) => [index('file_reads_subject_idx').on(t.subjectUserId, t.readAt)],
);
